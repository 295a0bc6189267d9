"""PDQ of a full-size picture as Meta's pdqhash computes it, at a fraction of its cost.

Partners hash the whole decoded picture with pdqhash (ThreatExchange's pdq_hasher), so our
hashes must be theirs, not those of a shrunken copy (up to 22 bits off at 512 pixels). PDQ
(pdqhashing.cpp) takes the luma, blurs it with a Jarosz filter (two passes of a box filter
along rows and columns, window ~ side / 128, truncated and renormalised at the edges), keeps
64 x 64 samples of the blurred picture, takes the 16 x 16 lowest-frequency DCT coefficients
(without the constant one), and sets each bit where a coefficient exceeds their median.

The blur is linear and separable, and only 64 x 64 of its values are kept, so each kept value
is a weighted sum of the picture: samples = K_rows @ luma @ K_cols.T, where each K (64 x side)
holds the combined weights of the two box passes at the 64 sampled positions. Two matrix
products replace four full-picture filter passes, and the luma comes from Pillow's own float
conversion (the same 0.299 / 0.587 / 0.114 weights, in C) rather than numpy temporaries. The
result equals pdqhash bit for bit on the benchmark's and the demo's pictures, at every size
tried (tests/unit/test_pdq_fullsize.py); float rounding could flip a bit whose coefficient ties
the median, and a flat picture's coefficients are all ~0, so its bits are rounding noise in
both (its quality is 0: never matched).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np
from numpy.typing import NDArray
from PIL import Image

__all__ = ["MIN_SIDE", "pdq_of_image", "pdq_of_luma"]

SAMPLES = 64  # PDQ's DOWNSAMPLE_DIMS
MIN_SIDE = 5  # PDQ's MIN_HASHABLE_DIM: smaller pictures hash to zero, quality 0
_FloatArray = NDArray[np.float32]


def _window(side: int) -> int:
    """PDQ's computeJaroszFilterWindowSize(side, 64)."""
    return (side + 2 * SAMPLES - 1) // (2 * SAMPLES)


def sample_weights(side: int) -> _FloatArray:
    """(64, side): the weight of each input position in each of the 64 kept samples after two
    box passes. PDQ's box1DFloat averages [o - (full - half), o + half - 1] clipped to the
    picture, with half = (full + 2) // 2; decimateFloat keeps int((i + 0.5) * side / 64)."""
    full = _window(side)
    half = (full + 2) // 2
    at = np.arange(side)
    lo = np.maximum(0, at - (full - half))
    hi = np.minimum(side - 1, at + half - 1)
    count = (hi - lo + 1).astype(np.float64)
    kept = ((np.arange(SAMPLES) + 0.5) * side / SAMPLES).astype(np.int64)
    # First pass at the kept positions: their windows, averaged.
    first = ((at >= lo[kept, None]) & (at <= hi[kept, None])) / count[kept, None]
    # Second pass: input j reaches output o when o's window holds j, i.e. o in
    # [j - half + 1, j + full - half]; sum first[o] / count[o] over that run by prefix sums.
    spread = np.cumsum(first / count, axis=1)
    spread = np.concatenate([np.zeros((SAMPLES, 1)), spread], axis=1)
    start = np.maximum(0, at - half + 1)
    stop = np.minimum(side - 1, at + full - half)
    return (spread[:, stop + 1] - spread[:, start]).astype(np.float32)


@lru_cache(maxsize=128)
def sample_bands(side: int) -> tuple[NDArray[np.intp], _FloatArray]:
    """The same weights as (first input position, weights of the next `width` positions) per
    sample: each sample reads only ~side / 64 positions, so applying them costs one pass over
    the picture, not 64 (and no multi-threaded BLAS call that would spin both cores)."""
    dense = sample_weights(side)
    width = max(int(np.max(np.count_nonzero(dense, axis=1))), 1)
    first = np.argmax(dense != 0, axis=1)
    first = np.minimum(first, side - width).astype(np.intp)
    take = first[:, None] + np.arange(width)
    return first, np.take_along_axis(dense, take, axis=1)


def _sampled(luma: _FloatArray) -> _FloatArray:
    """The 64 x 64 samples PDQ keeps of its blurred picture."""
    rows_first, rows_band = sample_bands(luma.shape[0])
    cols_first, cols_band = sample_bands(luma.shape[1])
    rows = luma[rows_first[:, None] + np.arange(rows_band.shape[1])]  # (64, width, cols)
    half: _FloatArray = np.einsum("iw,iwc->ic", rows_band, rows)
    cols = half[:, cols_first[:, None] + np.arange(cols_band.shape[1])]  # (64, 64, width)
    sampled: _FloatArray = np.einsum("jw,ijw->ij", cols_band, cols)
    return sampled


# PDQ's dct64To16: rows 1-16 of the 64-point DCT-II (the constant row 0 left out).
_DCT = (
    np.sqrt(2 / SAMPLES)
    * np.cos(np.pi / (2 * SAMPLES) * np.outer(np.arange(1, 17), 2 * np.arange(SAMPLES) + 1))
).astype(np.float32)


def _quality(samples: NDArray[np.floating[Any]]) -> int:
    """PDQ's computePDQImageDomainQualityMetric: summed truncated gradients, / 90, at most 100."""
    scale = np.float32(100) / np.float32(255)
    down = np.trunc((samples[:-1, :] - samples[1:, :]) * scale)
    across = np.trunc((samples[:, :-1] - samples[:, 1:]) * scale)
    return min(100, int(np.abs(down).sum() + np.abs(across).sum()) // 90)


def pdq_of_luma(luma: _FloatArray) -> tuple[str, int]:
    """(64 hex digits, quality) of a (rows, cols) float luma picture, in pdqhash's bit order
    (its bit vector read as one binary number, first bit most significant)."""
    rows, cols = luma.shape
    if rows < MIN_SIDE or cols < MIN_SIDE:
        return "0" * 64, 0
    samples = _sampled(luma)
    coefficients = (_DCT @ samples @ _DCT.T).ravel()
    median = np.partition(coefficients, 127)[127]  # PDQ's torben: the 128th smallest
    # Bit k (coefficient k, row-major) is pdqhash's vector entry 255 - k.
    bits = (coefficients > median)[::-1]
    return np.packbits(bits).tobytes().hex(), _quality(samples)


def pdq_of_image(image: Image.Image) -> tuple[str, int]:
    """PDQ of a decoded picture as pdqhash.compute gives it for the picture's RGB pixels."""
    rgb = image if image.mode == "RGB" else image.convert("RGB")
    luma = np.asarray(rgb.convert("F"), dtype=np.float32)
    return pdq_of_luma(luma)

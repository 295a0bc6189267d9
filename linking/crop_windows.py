"""A crop-tolerant second signal beside PDQ: PDQ hashes of a fixed grid of sub-windows.

PDQ follows a crop only while it is tiny (about 1 % a side on the demo's pictures; a tenth of
the area is 40-90 bits away), because a crop rescales and shifts everything. So each image
also gets the PDQ of WINDOWS: every window left when multiples of WINDOW_STEP (2 %) of the
width and height are cut from its sides, with at most MAX_CROP_AREA (10 %) of the area gone
(126 windows, the first being the whole picture). A copy cropped by up to a tenth of the area
lands within 1 % a side of one of its original's windows, and such a near window's PDQ is
within ~24 bits of the copy's whole-picture PDQ, also resized and re-encoded (a 2.5 % step,
70 windows, came within 30 bits: too close to 31). Two images link when one's whole-picture
hash is within CROP_MATCH_DISTANCE of any window of the other (bench/images_quality.py).

The hashes are internal to linking (PDQ of the whole picture stays the shared hash). They are
computed from a copy shrunk to WORKING_SIDE, each window resampled to WINDOW_SIDE square,
which is PDQ's own 64-pixel working size: about 0.3 ms a window.
"""

from __future__ import annotations

import itertools

import numpy as np
import pdqhash
from PIL import Image

from crawlers.image_check import ImageRejected, open_image
from linking.pdq import MIN_QUALITY

__all__ = [
    "CROP_MATCH_DISTANCE",
    "HASH_BYTES",
    "MAX_CROP_AREA",
    "WINDOWS",
    "WINDOW_STEP",
    "window_hashes",
    "window_hashes_of_picture",
]

WINDOW_STEP = 0.02
MAX_CROP_AREA = 0.10
WORKING_SIDE = 256
WINDOW_SIDE = 64
HASH_BYTES = 32
#: Meta's PDQ match distance; the band index finds every pair within it (linking.pdq)
CROP_MATCH_DISTANCE = 31
# the share of the width or height cut from the left, top, right and bottom
Window = tuple[float, float, float, float]


def _grid() -> tuple[Window, ...]:
    steps = [k * WINDOW_STEP for k in range(round(MAX_CROP_AREA / WINDOW_STEP) + 1)]
    kept = [
        (left, top, right, bottom)
        for left, top, right, bottom in itertools.product(steps, repeat=4)
        if (1 - left - right) * (1 - top - bottom) >= 1 - MAX_CROP_AREA - 1e-9
    ]
    return tuple(sorted(kept, key=lambda w: (sum(w), w)))  # the whole picture first


WINDOWS = _grid()


def _pdq(picture: Image.Image) -> tuple[bytes, int]:
    bits, quality = pdqhash.compute(np.asarray(picture))
    return np.packbits(np.asarray(bits, dtype=np.uint8)).tobytes(), int(quality)


def window_hashes_of_picture(picture: Image.Image) -> bytes | None:
    """The PDQ of every window, 32 bytes each in WINDOWS' order, or None when the whole
    picture is below PDQ's matching quality (flat pictures collide)."""
    rgb = picture.convert("RGB")
    rgb.thumbnail((WORKING_SIDE, WORKING_SIDE), Image.Resampling.BOX)
    width, height = rgb.size
    hashes = []
    for number, (left, top, right, bottom) in enumerate(WINDOWS):
        box = (width * left, height * top, width * (1 - right), height * (1 - bottom))
        window = rgb.resize((WINDOW_SIDE, WINDOW_SIDE), Image.Resampling.BOX, box=box)
        digest, quality = _pdq(window)
        if number == 0 and quality < MIN_QUALITY:
            return None
        hashes.append(digest)
    return b"".join(hashes)


def window_hashes(data: bytes) -> bytes | None:
    """window_hashes_of_picture of an image file's bytes; None when it cannot be decoded
    (every stored image was checked at capture, but the bytes are still hostile)."""
    try:
        picture = open_image(data)
    except ImageRejected:
        return None
    try:
        return window_hashes_of_picture(picture)
    except (ValueError, OSError, MemoryError):
        return None

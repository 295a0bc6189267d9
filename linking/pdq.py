"""PDQ hashes as numbers: bands for multi-index hashing, probes, Hamming distance.

A PDQ hash is 256 bits written as 64 hex digits. For the index it is cut into 16 bands of 16
bits (band 0 = the first 4 hex digits). Two hashes at most 31 bits apart differ by at most one
bit in at least one band (16 bands with two or more differing bits would make 32), so looking
up each band's value and its 16 one-bit neighbours finds every hash within 31 bits; each
candidate is then checked by its full distance.
"""

from __future__ import annotations

import re

import numpy as np
from numpy.typing import NDArray

BANDS = 16
BAND_BITS = 16
# Meta's PDQ documentation: pairs within 31 bits are the same picture; the index's one-bit
# probes guarantee recall only up to this distance, so it is also the largest allowed.
MATCH_DISTANCE = 31
MAX_INDEXED_DISTANCE = 2 * BANDS - 1
# PDQ's quality (0-100) measures gradient content; below 50 (Meta's cut-off for matching)
# flat or near-blank pictures collide with each other.
MIN_QUALITY = 50
_HEX = re.compile(r"^[0-9a-f]{64}$")


def normalise(pdq_hex: str) -> str:
    """Lower-case 64-digit hex, or ValueError: a hash typed or pasted by a reviewer."""
    value = pdq_hex.strip().lower()
    if not _HEX.match(value):
        raise ValueError("a PDQ hash is 64 hexadecimal digits")
    return value


def pdq_bands(pdq_hex: str) -> list[int]:
    """The 16 band values (16 bits each) of a hash; band 0 is its first 4 hex digits."""
    value = normalise(pdq_hex)
    return [int(value[i : i + 4], 16) for i in range(0, 64, 4)]


def probes(pdq_hex: str) -> tuple[list[int], list[int]]:
    """(band, value) pairs to look up: each band's value and its 16 one-bit neighbours."""
    bands_out: list[int] = []
    values_out: list[int] = []
    for band, value in enumerate(pdq_bands(pdq_hex)):
        bands_out += [band] * (BAND_BITS + 1)
        values_out += [value, *(value ^ (1 << bit) for bit in range(BAND_BITS))]
    return bands_out, values_out


def distance(a_hex: str, b_hex: str) -> int:
    return (int(normalise(a_hex), 16) ^ int(normalise(b_hex), 16)).bit_count()


def as_words(hexes: list[str]) -> NDArray[np.uint64]:
    """(n, 4) 64-bit words per hash, for vectorised distances."""
    raw = bytes.fromhex("".join(hexes))
    return np.frombuffer(raw, dtype=">u8").astype(np.uint64).reshape(len(hexes), 4)


def distances(a: NDArray[np.uint64], b: NDArray[np.uint64]) -> NDArray[np.int64]:
    """Row-wise Hamming distances of two (n, 4) word arrays."""
    counted: NDArray[np.int64] = np.bitwise_count(a ^ b).sum(axis=1, dtype=np.int64)
    return counted

"""PDQ hashes as stored (64 lower-case hex digits): bands for multi-index hashing, probes,
Hamming distance.

A PDQ hash is 256 bits; two photos count as the same when their hashes differ by at most 31
bits (Meta's standard threshold). The index cuts the hash into 16 bands of 16 bits, band 0
being the first four hex digits. Two hashes at most 31 bits apart differ by at most one bit
in at least one band (16 bands with two or more differing bits would make 32), so looking up
each band's value and its 16 one-bit neighbours finds every hash within 31 bits; each
candidate is then checked by its full distance. store/ computes the same bands in SQL; tests
keep the two equal.
"""

from __future__ import annotations

import re

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "BANDS",
    "BAND_BITS",
    "MATCH_DISTANCE",
    "MAX_INDEXED_DISTANCE",
    "MIN_QUALITY",
    "as_words",
    "distances",
    "is_pdq_hex",
    "normalise",
    "pdq_bands",
    "pdq_distance",
    "probes",
]

BANDS = 16
BAND_BITS = 16
# Meta's PDQ documentation: pairs within 31 bits are the same picture; the index's one-bit
# probes guarantee recall only up to this distance, so it is also the largest allowed.
MATCH_DISTANCE = 31
MAX_INDEXED_DISTANCE = 2 * BANDS - 1
# PDQ's quality (0-100) measures gradient content; below 50 (Meta's cut-off for matching)
# flat or near-blank pictures collide with each other.
MIN_QUALITY = 50
_HEX = re.compile(r"[0-9a-f]{64}")


def is_pdq_hex(value: str) -> bool:
    """A PDQ hash as stored: exactly 64 lower-case hex digits."""
    return bool(_HEX.fullmatch(value))


def _checked(pdq_hex: str) -> str:
    if not is_pdq_hex(pdq_hex):
        raise ValueError(f"not a PDQ hash (64 lower-case hex digits): {pdq_hex[:80]!r}")
    return pdq_hex


def normalise(pdq_hex: str) -> str:
    """Lower-case 64-digit hex, or ValueError: a hash typed or pasted by a reviewer."""
    value = pdq_hex.strip().lower()
    if not is_pdq_hex(value):
        raise ValueError("a PDQ hash is 64 hexadecimal digits")
    return value


def pdq_bands(pdq_hex: str) -> list[int]:
    """The 16 band values (each 0-65535) of a hash, band 0 first; ValueError if not a hash."""
    value = _checked(pdq_hex)
    return [int(value[i : i + 4], 16) for i in range(0, 64, 4)]


def probes(pdq_hex: str) -> tuple[list[int], list[int]]:
    """(band, value) pairs to look up: each band's value and its 16 one-bit neighbours."""
    bands_out: list[int] = []
    values_out: list[int] = []
    for band, value in enumerate(pdq_bands(pdq_hex)):
        bands_out += [band] * (BAND_BITS + 1)
        values_out += [value, *(value ^ (1 << bit) for bit in range(BAND_BITS))]
    return bands_out, values_out


def pdq_distance(a: str, b: str) -> int:
    """Hamming distance of two hashes in bits (0-256); ValueError if either is not a hash."""
    return (int(_checked(a), 16) ^ int(_checked(b), 16)).bit_count()


def as_words(hexes: list[str]) -> NDArray[np.uint64]:
    """(n, 4) 64-bit words per hash, for vectorised distances."""
    raw = bytes.fromhex("".join(hexes))
    return np.frombuffer(raw, dtype=">u8").astype(np.uint64).reshape(len(hexes), 4)


def distances(a: NDArray[np.uint64], b: NDArray[np.uint64]) -> NDArray[np.int64]:
    """Row-wise Hamming distances of two (n, 4) word arrays."""
    counted: NDArray[np.int64] = np.bitwise_count(a ^ b).sum(axis=1, dtype=np.int64)
    return counted

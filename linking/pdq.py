"""PDQ hashes as stored (64 lower-case hex digits) and the multi-index bands they are found by.

A PDQ hash is 256 bits; two photos count as the same when their hashes differ by at most 31
bits (Meta's standard threshold). The index cuts the hash into 16 bands of 16 bits, band 0
being the first four hex digits: two hashes within 31 bits agree on some band to within one
bit (16 bands x 2 bits > 31), so a search probes each band's value and its 16 one-bit
neighbours. store/ computes the same bands in SQL; tests keep the two equal.
"""

from __future__ import annotations

import re

__all__ = ["BANDS", "MATCH_DISTANCE", "is_pdq_hex", "pdq_bands", "pdq_distance"]

#: PDQ's standard match threshold (Hamming distance, inclusive) of 256 bits
MATCH_DISTANCE = 31
#: bands of 16 bits a hash is cut into for multi-index hashing
BANDS = 16
_HEX = re.compile(r"[0-9a-f]{64}")


def is_pdq_hex(value: str) -> bool:
    """A PDQ hash as stored: exactly 64 lower-case hex digits."""
    return bool(_HEX.fullmatch(value))


def _checked(pdq_hex: str) -> str:
    if not is_pdq_hex(pdq_hex):
        raise ValueError(f"not a PDQ hash (64 lower-case hex digits): {pdq_hex[:80]!r}")
    return pdq_hex


def pdq_bands(pdq_hex: str) -> list[int]:
    """The 16 band values (each 0-65535) of a hash, band 0 first; ValueError if not a hash."""
    value = _checked(pdq_hex)
    return [int(value[i : i + 4], 16) for i in range(0, 64, 4)]


def pdq_distance(a: str, b: str) -> int:
    """Hamming distance of two hashes in bits (0-256); ValueError if either is not a hash."""
    return (int(_checked(a), 16) ^ int(_checked(b), 16)).bit_count()

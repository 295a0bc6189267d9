"""PDQ hex helpers shared by capture (store) and matching (linking)."""

from __future__ import annotations

import pytest

from linking.pdq import is_pdq_hex, pdq_bands, pdq_distance

HASH = "0123456789abcdef" * 4


def test_bands_are_the_hash_cut_into_sixteen_16_bit_values_band_0_first() -> None:
    assert pdq_bands(HASH) == [0x0123, 0x4567, 0x89AB, 0xCDEF] * 4
    assert pdq_bands("f" * 64) == [65535] * 16


def test_distance_counts_differing_bits() -> None:
    assert pdq_distance(HASH, HASH) == 0
    assert pdq_distance("0" * 64, "f" * 64) == 256
    flipped = HASH[:-1] + format(int(HASH[-1], 16) ^ 0b0101, "x")
    assert pdq_distance(HASH, flipped) == 2


@pytest.mark.parametrize("bad", ["", "0" * 63, "0" * 65, "g" * 64, "A" * 64, " " + "0" * 63])
def test_anything_but_64_lower_case_hex_digits_is_refused(bad: str) -> None:
    assert not is_pdq_hex(bad)
    with pytest.raises(ValueError, match="not a PDQ hash"):
        pdq_bands(bad)
    with pytest.raises(ValueError, match="not a PDQ hash"):
        pdq_distance(HASH, bad)

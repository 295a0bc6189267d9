"""PDQ band split, one-bit probes and distances (shared by capture in store and matching in
linking), checked against pdqhash's own hash."""

from __future__ import annotations

import io

import numpy as np
import pdqhash
import pytest
from PIL import Image, ImageDraw

from linking.pdq import as_words, distances, is_pdq_hex, normalise, pdq_bands, pdq_distance, probes
from linking.pdq import pdq_distance as distance
from linking.pdq_hashing import ImageRefused, hash_image


def pattern_hash(mirror: bool = False) -> str:
    """PDQ of a Pillow-drawn pattern (no photograph), as 64 hex digits."""
    img = Image.new("RGB", (256, 256), "white")
    draw = ImageDraw.Draw(img)
    for n in range(8):
        draw.ellipse((n * 20, n * 12, n * 20 + 90, n * 12 + 60), outline=(n * 30, 90, 200), width=5)
    if mirror:
        img = img.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    bits, quality = pdqhash.compute(np.asarray(img))
    assert quality > 50
    return "".join(f"{int(''.join(map(str, bits[i : i + 4])), 2):x}" for i in range(0, 256, 4))


def test_band_zero_is_the_first_four_hex_digits() -> None:
    pdq = "abcd" + "0" * 56 + "ffff"
    bands = pdq_bands(pdq)
    assert len(bands) == 16 and bands[0] == 0xABCD and bands[15] == 0xFFFF and bands[1] == 0


def test_probes_are_each_band_and_its_one_bit_neighbours() -> None:
    bands, values = probes("0001" * 16)
    assert len(bands) == len(values) == 16 * 17
    assert (
        bands[:17] == [0] * 17
        and values[0] == 1
        and set(values[1:17]) == {1 ^ (1 << b) for b in range(16)}
    )


def test_distance_of_a_pattern_and_its_mirror_agrees_with_words() -> None:
    a, b = pattern_hash(), pattern_hash(mirror=True)
    assert distance(a, a) == 0
    assert distance(a, b) == int(distances(as_words([a]), as_words([b]))[0]) > 31


def test_a_hash_is_64_hex_digits() -> None:
    assert normalise(" " + "AB" * 32 + "\n") == "ab" * 32
    with pytest.raises(ValueError):
        normalise("xyz")


def pattern_png(size: tuple[int, int] = (256, 256)) -> bytes:
    img = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(img)
    for n in range(8):
        draw.ellipse((n * 20, n * 12, n * 20 + 90, n * 12 + 60), outline=(n * 30, 90, 200), width=5)
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def test_hash_image_agrees_with_pdqhash_and_refuses_bombs_svg_and_empty() -> None:
    pdq, quality = hash_image(pattern_png())
    assert pdq == pattern_hash() and quality > 50
    with pytest.raises(ImageRefused):
        hash_image(b"")
    with pytest.raises(ImageRefused):
        hash_image(b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="9" height="9"/></svg>')
    bomb = io.BytesIO()
    Image.new("1", (12_000, 12_000)).save(bomb, "PNG")  # tiny file, 144 million pixels
    assert len(bomb.getvalue()) < 100_000
    with pytest.raises(ImageRefused):
        hash_image(bomb.getvalue())


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

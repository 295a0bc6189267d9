"""PDQ band split, one-bit probes and distances, checked against pdqhash's own hash."""

from __future__ import annotations

import io

import numpy as np
import pdqhash
import pytest
from PIL import Image, ImageDraw

from linking.pdq import as_words, distance, distances, normalise, pdq_bands, probes
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

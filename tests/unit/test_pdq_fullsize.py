"""crawlers.pdq_fullsize gives pdqhash's own hash and quality, bit for bit, whatever the
picture's size (including the edge cases of PDQ's filter windows) and mode."""

from __future__ import annotations

import random

import numpy as np
import pdqhash
import pytest
from PIL import Image

from crawlers.pdq_fullsize import pdq_of_image
from tests.image_support import pattern


def pdqhash_of(image: Image.Image) -> tuple[str, int]:
    bits, quality = pdqhash.compute(np.asarray(image.convert("RGB")))
    return np.packbits(np.asarray(bits, dtype=np.uint8)).tobytes().hex(), int(quality)


@pytest.mark.parametrize(
    "size",
    [(5, 5), (6, 300), (127, 129), (128, 128), (256, 257), (640, 480), (1023, 1500), (2048, 97)],
)
def test_equals_pdqhash_at_every_size(size: tuple[int, int]) -> None:
    picture = pattern(sum(size), (400, 300)).resize(size)
    assert pdq_of_image(picture) == pdqhash_of(picture)


@pytest.mark.parametrize("mode", ["L", "P", "RGBA", "CMYK"])
def test_equals_pdqhash_in_every_mode(mode: str) -> None:
    picture = pattern(9, (333, 222)).convert(mode)
    assert pdq_of_image(picture) == pdqhash_of(picture)


def test_random_noise_equals_pdqhash() -> None:
    rng = np.random.default_rng(random.Random(4).randrange(2**32))
    noise = Image.fromarray(rng.integers(0, 256, size=(700, 900, 3), dtype=np.uint8))
    assert pdq_of_image(noise) == pdqhash_of(noise)


def test_a_flat_picture_has_quality_zero_as_in_pdqhash() -> None:
    # Its coefficients are all ~0, so its bits are float rounding noise in both (and a picture
    # below quality 50 is never matched).
    flat = Image.new("RGB", (300, 300), (128, 128, 128))
    assert pdq_of_image(flat)[1] == pdqhash_of(flat)[1] == 0


def test_pictures_under_five_pixels_a_side_hash_to_zero() -> None:
    tiny = pattern(1, (4, 200))
    assert pdq_of_image(tiny) == ("0" * 64, 0) == pdqhash_of(tiny)

"""Checking and hashing images: PDQ as ThreatExchange computes it (golden values from
pdqhash, computed here independently), robust to resizing and re-encoding, and every hostile
file refused with a reason."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import numpy as np
import pdqhash
import pytest
from PIL import Image

from crawlers.image_check import ImageRejected, Rejected, capture_image, inspect_image
from linking.pdq import MATCH_DISTANCE, pdq_distance
from store.image_files import image_path
from tests.image_support import SVG, bomb_png, encoded, flat_png, pattern, pattern_jpeg


def reference_pdq(data: bytes) -> tuple[str, int]:
    """pdqhash on the whole decoded picture, as ThreatExchange's pdq_hasher does: the bit
    vector read as one binary number, first bit most significant."""
    array = np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))
    bits, quality = pdqhash.compute(array)
    binary = "".join(str(int(b)) for b in bits)
    return f"{int(binary, 2):064x}", int(quality)


@pytest.mark.parametrize(
    ("seed", "size", "fmt"),
    [
        (1, (320, 240), "JPEG"),
        (2, (512, 512), "PNG"),
        (3, (200, 450), "WEBP"),
        (4, (96, 96), "GIF"),
    ],
)
def test_pdq_equals_pdqhash(seed: int, size: tuple[int, int], fmt: str) -> None:
    data = encoded(pattern(seed, size), fmt)
    record = inspect_image(data, f"image/{fmt.lower()}")
    assert (record.pdq, record.pdq_quality) == reference_pdq(data)
    assert record.sha256 == hashlib.sha256(data).hexdigest()
    assert (record.width, record.height, record.byte_size) == (*size, len(data))
    assert record.media_type == f"image/{fmt.lower()}"


def test_a_large_picture_is_hashed_at_full_size_as_partners_hash_it() -> None:
    data = pattern_jpeg(5, (1024, 768))
    record = inspect_image(data, "image/jpeg")
    # Not shrunk first (a 512-pixel copy's hash was up to 22 bits off): partners' hash exactly.
    assert (record.pdq, record.pdq_quality) == reference_pdq(data)
    assert (record.width, record.height) == (1024, 768)


def test_resized_and_re_encoded_copies_stay_within_the_match_distance() -> None:
    original = pattern(6, (800, 600))
    base = inspect_image(encoded(original, "JPEG", quality=95), "image/jpeg").pdq
    copies = [
        encoded(original.resize((400, 300)), "JPEG", quality=70),
        encoded(original.resize((1000, 750)), "PNG"),
        encoded(original, "WEBP", quality=50),
        encoded(original.resize((200, 150)), "JPEG", quality=40),
    ]
    other = inspect_image(pattern_jpeg(7, (800, 600)), "image/jpeg").pdq
    assert base is not None and other is not None
    for copy in copies:
        pdq = inspect_image(copy, "image/webp" if copy[:4] == b"RIFF" else "image/png").pdq
        assert pdq is not None and pdq_distance(base, pdq) <= MATCH_DISTANCE
    assert pdq_distance(base, other) > MATCH_DISTANCE  # and a different picture does not match


def test_a_flat_picture_is_kept_with_a_quality_below_the_threshold() -> None:
    record = inspect_image(flat_png(), "image/png")
    assert record.pdq is not None and record.pdq_quality is not None
    assert record.pdq_quality < 50


def test_the_decoded_format_is_the_media_type_whatever_the_server_says() -> None:
    data = encoded(pattern(8, (64, 64)), "PNG")
    assert inspect_image(data, "image/jpeg; charset=binary").media_type == "image/png"


@pytest.mark.parametrize(
    ("data", "content_type", "reason"),
    [
        (b"", "image/jpeg", "empty image (0 bytes)"),
        (SVG, "image/svg+xml", "not an accepted image type (image/svg+xml)"),
        (SVG, "image/png", "not a JPEG, PNG, GIF or WebP image"),
        (pattern_jpeg(9), "text/html", "not an accepted image type (text/html)"),
        (pattern_jpeg(9), None, "not an accepted image type (no Content-Type)"),
        (b"<html>no image</html>", "image/jpeg", "not a JPEG, PNG, GIF or WebP image"),
        (pattern_jpeg(9)[:400], "image/jpeg", "unreadable image"),
    ],
)
def test_hostile_files_are_refused_with_their_reason(
    data: bytes, content_type: str | None, reason: str
) -> None:
    with pytest.raises(ImageRejected) as refused:
        inspect_image(data, content_type)
    assert str(refused.value).startswith(reason)


@pytest.mark.parametrize("side", [10_000, 30_000])  # over Pillow's warning, over its error
def test_decompression_bombs_are_refused_before_decoding(side: int) -> None:
    assert Image.MAX_IMAGE_PIXELS is not None and side * side > Image.MAX_IMAGE_PIXELS
    with pytest.raises(ImageRejected, match="decompression bomb refused"):
        inspect_image(bomb_png(side), "image/png")


def test_capture_keeps_the_bytes_once_and_a_refused_image_writes_nothing(tmp_path: Path) -> None:
    root = tmp_path
    data = pattern_jpeg(10)
    first = capture_image(data, "image/jpeg", root)
    second = capture_image(data, "image/jpeg", root)
    assert not isinstance(first, Rejected) and first == second
    assert image_path(root, first.storage_key).read_bytes() == data
    assert first.storage_key == f"{first.sha256[:2]}/{first.sha256[2:4]}/{first.sha256}"
    assert capture_image(b"", "image/jpeg", root) == Rejected("empty image (0 bytes)")
    assert sorted(p.name for p in root.rglob("*") if p.is_file()) == [first.sha256]

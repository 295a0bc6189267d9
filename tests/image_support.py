"""Synthetic test images: Pillow-drawn patterns only (never photos of people), hostile files
(a decompression bomb, an SVG) built byte by byte, and photos stored as the crawler stores
them (bytes under DATA_DIR/images by SHA-256, recorded with their PDQ)."""

from __future__ import annotations

import io
import random
import struct
import zlib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg
from PIL import Image, ImageDraw

from linking.pdq_hashing import hash_image
from store import adverts
from store.adverts import AdvertSnapshot
from store.image_files import images_root, write_image
from store.images import ImageRecord, link_advert_image, upsert_image


def pattern(seed: int, size: tuple[int, int] = (320, 240)) -> Image.Image:
    """Coloured shapes on a gradient, different for each seed, the same for one seed."""
    rng = random.Random(seed)
    width, height = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(0, height, 4):  # a gradient gives PDQ's quality something to measure
        shade = int(255 * y / max(1, height - 1))
        draw.rectangle((0, y, width, y + 3), fill=(shade, rng.randrange(80, 120), 255 - shade))
    for _ in range(12):
        x, y = rng.randrange(width), rng.randrange(height)
        w, h = rng.randrange(width // 8, width // 2), rng.randrange(height // 8, height // 2)
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        shape = draw.ellipse if rng.random() < 0.5 else draw.rectangle
        shape((x, y, x + w, y + h), fill=colour)
    return image


def encoded(image: Image.Image, fmt: str = "JPEG", **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def pattern_jpeg(seed: int, size: tuple[int, int] = (320, 240), quality: int = 90) -> bytes:
    return encoded(pattern(seed, size), "JPEG", quality=quality)


def flat_png(size: tuple[int, int] = (64, 64)) -> bytes:
    """One colour: PDQ's quality is 0 (nothing to hash)."""
    return encoded(Image.new("RGB", size, (120, 120, 120)), "PNG")


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def bomb_png(side: int = 30_000) -> bytes:
    """A PNG that claims side x side pixels (900 million by default, ten times Pillow's
    limit) in a few hundred bytes: its first rows of zeros compressed."""
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)  # 8-bit greyscale
    rows = zlib.compress(b"\x00" * (side + 1) * 4, 9)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", rows)


SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b'<rect width="10" height="10" fill="red"/></svg>'
)


def rect_jpeg(seed: int, size: int = 256, mirror: bool = False) -> bytes:
    """Rectangles whose placement depends on `seed` (one seed, one 'photo'), drawn at 256 px
    and then resized, as a site re-serves a photo at another size."""
    img = Image.new("RGB", (256, 256), (240, 235, 220))
    draw = ImageDraw.Draw(img)
    for n in range(10):
        x = (seed * 37 + n * 53) % 196
        y = (seed * 91 + n * 29) % 196
        colour = ((seed * 50 + n * 20) % 256, (n * 40) % 256, (seed * 10) % 256)
        draw.rectangle((x, y, x + 40 + n * 3, y + 30 + n * 2), fill=colour)
    img = img.resize((size, size), Image.Resampling.LANCZOS)
    if mirror:
        img = img.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    out = io.BytesIO()
    img.save(out, "JPEG", quality=90)
    return out.getvalue()


def record_photo(
    conn: psycopg.Connection[Any], advert_id: int, url: str, image: ImageRecord, position: int = 0
) -> int:
    """Record an image and link it to an advert as the crawler's pipeline does; its id."""
    with conn.transaction():
        image_id, _ = upsert_image(conn, image)
        link_advert_image(conn, advert_id, image_id, url, position, datetime.now(UTC))
    return image_id


def store_photo(
    conn: psycopg.Connection[Any],
    data_dir: Path,
    advert_id: int,
    data: bytes,
    media_type: str = "image/jpeg",
) -> int:
    """Write the bytes where capture writes them and record the image."""
    key = write_image(images_root(data_dir), data)
    sha = key.rsplit("/", 1)[-1]
    try:
        pdq, quality = hash_image(data)
    except ValueError:
        pdq, quality = None, None
    try:
        with Image.open(io.BytesIO(data)) as img:
            width, height = img.size
    except OSError:  # a hostile "photo" (an SVG, garbage) is recorded as served
        width, height = 1, 1
    image = ImageRecord(sha, len(data), media_type, width, height, pdq, quality, key)
    return record_photo(conn, advert_id, f"https://img.example.org/{sha}", image)


def flip(pdq: str, bits: list[int]) -> str:
    """A PDQ hex with the given bits (0 = least significant) flipped."""
    value = int(pdq, 16)
    for bit in bits:
        value ^= 1 << bit
    return f"{value:064x}"


def escort_snapshot(n: int, location: str) -> AdvertSnapshot:
    return AdvertSnapshot(
        canonical_url=f"https://ads.example.org/{n}",
        url=f"https://ads.example.org/{n}",
        kind="escort",
        title=f"New in town #{n}",
        body="Short text",
        raw_body=b"Short text",
        fetched_at=datetime(2026, 11, 1, tzinfo=UTC),
        location=location,
    )


def bridal_advert(conn: psycopg.Connection[Any], n: int) -> int:
    """A stored bridal advert to hang photos on; its id."""
    snap = AdvertSnapshot(
        canonical_url=f"https://brides.example.org/p/{n}",
        url=f"https://brides.example.org/p/{n}",
        kind="bridal",
        title=f"Profile {n}",
        body="Looking for a serious man.",
        raw_body=b"<html>raw</html>",
        fetched_at=datetime(2026, 11, 1, 12, 0, tzinfo=UTC),
    )
    return adverts.ingest_advert(conn, snap).advert_id

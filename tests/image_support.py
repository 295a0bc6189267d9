"""Synthetic advert photos for tests: Pillow-drawn patterns (never photos of people), stored
under DATA_DIR/images by SHA-256 and recorded with their PDQ as the crawler would."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Any

import psycopg
from PIL import Image, ImageDraw

from linking.image_search import record_image
from linking.pdq_hashing import hash_image
from store.image_index import ImageHash


def pattern_jpeg(seed: int, size: int = 256, mirror: bool = False) -> bytes:
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


def store_photo(
    conn: psycopg.Connection[Any],
    data_dir: Path,
    advert_id: int,
    data: bytes,
    media_type: str = "image/jpeg",
) -> int:
    """Write the bytes under data_dir/images/<sha256[:2]>/<sha256> and record the image."""
    sha = hashlib.sha256(data).hexdigest()
    key = f"{sha[:2]}/{sha}"
    path = data_dir / "images" / key
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    try:
        pdq, quality = hash_image(data)
    except ValueError:
        pdq, quality = None, None
    image = ImageHash(sha, len(data), media_type, 256, 256, pdq, quality, key)
    return record_image(conn, advert_id, f"https://img.example.org/{sha}", image)

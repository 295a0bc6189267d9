"""PDQ of an image's bytes (a reviewer's upload), refusing what Pillow should not decode."""

from __future__ import annotations

import io
import warnings

import numpy as np
import pdqhash
from PIL import Image, UnidentifiedImageError

# Raster formats a photo comes in; anything else (SVG, which Pillow cannot read anyway, PDF,
# EPS and the like) is refused before decoding.
FORMATS = ("JPEG", "PNG", "GIF", "WEBP", "BMP")
MAX_PIXELS = 40_000_000  # a decompression bomb declares far more than any advert photo


class ImageRefused(ValueError):
    pass


def hash_image(data: bytes, max_pixels: int = MAX_PIXELS) -> tuple[str, int]:
    """(PDQ as 64 hex digits, PDQ quality 0-100), in ThreatExchange's bit order."""
    if not data:
        raise ImageRefused("the file is empty")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=FORMATS) as img:
                width, height = img.size
                if width * height > max_pixels:
                    raise ImageRefused(f"the image has more than {max_pixels} pixels")
                pixels = np.asarray(img.convert("RGB"))
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
        OSError,
        SyntaxError,
    ) as exc:
        raise ImageRefused("not a readable JPEG, PNG, GIF, WebP or BMP image") from exc
    bits, quality = pdqhash.compute(pixels)
    return f"{int(''.join(str(int(b)) for b in bits), 2):064x}", int(quality)

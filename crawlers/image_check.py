"""Checking and hashing one downloaded image: bytes in, facts and PDQ hash out.

Every image is hostile: it is opened only as JPEG, PNG, GIF or WebP (never SVG, which is XML
and never rasterised here), Pillow's decompression-bomb limit (Image.MAX_IMAGE_PIXELS) is an
error already at its warning level, and a truncated or corrupt file is refused, each with a
reason for the run log. Pillow reads the size from the header before decoding any pixel, so a
bomb costs nothing.

PDQ is the full-size picture's, as partners compute it (ThreatExchange's pdq_hasher runs
Meta's pdqhash on the whole decoded RGB array; 64 hex digits, first bit most significant):
crawlers.pdq_fullsize computes that same hash bit for bit, keeping only the 64 x 64 samples PDQ
keeps, at about a third of pdqhash's CPU. (Until 2026-12-07 pictures were shrunk to 512 pixels
first for speed, which put their hashes up to 22 bits, ~10 on average, from partners'.)
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass, replace
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from crawlers.pdq_fullsize import pdq_of_image
from store.image_files import write_image
from store.images import ImageRecord

__all__ = [
    "ACCEPTED_TYPES",
    "ImageRejected",
    "Rejected",
    "capture_image",
    "inspect_image",
    "open_image",
    "pdq_hash",
]

#: media types accepted, and the Pillow format each must decode as
ACCEPTED_TYPES = {
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/gif": "GIF",
    "image/webp": "WEBP",
}
_FORMAT_TYPES = {fmt: media for media, fmt in ACCEPTED_TYPES.items()}


class ImageRejected(ValueError):
    """An image not kept; the message says why."""


@dataclass(frozen=True)
class Rejected:
    """What the capture of a refused image returns (across the worker pipe)."""

    reason: str


def _declared(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def open_image(data: bytes, max_pixels: int | None = None) -> Image.Image:
    """The image in `data`, decoded, or ImageRejected: empty, not one of the accepted formats,
    over Pillow's pixel limit (or `max_pixels`, checked before decoding), truncated or
    corrupt."""
    if not data:
        raise ImageRejected("empty image (0 bytes)")
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=list(ACCEPTED_TYPES.values()))
            if max_pixels is not None and image.width * image.height > max_pixels:
                raise ImageRejected(f"the image has more than {max_pixels} pixels")
            image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise ImageRejected(f"decompression bomb refused: {exc}") from None
        except UnidentifiedImageError:
            raise ImageRejected("not a JPEG, PNG, GIF or WebP image") from None
        except (OSError, ValueError, SyntaxError, EOFError, MemoryError) as exc:
            raise ImageRejected(f"unreadable image: {type(exc).__name__}: {exc}") from None
    return image


def pdq_hash(image: Image.Image) -> tuple[str, int]:
    """PDQ hash (64 hex digits) and quality (0-100) of a decoded image, at full size."""
    return pdq_of_image(image)


def inspect_image(data: bytes, content_type: str | None) -> ImageRecord:
    """The facts and hashes of an image as served (storage_key still empty); ImageRejected for
    a served type that is not an accepted image type, or bytes that are no such image."""
    declared = _declared(content_type)
    if declared not in ACCEPTED_TYPES:
        raise ImageRejected(f"not an accepted image type ({declared or 'no Content-Type'})")
    image = open_image(data)
    width, height = image.size
    try:
        pdq, quality = pdq_hash(image)
    except (ValueError, OSError, MemoryError):  # kept by its SHA-256, never matched
        pdq, quality = None, None
    return ImageRecord(
        sha256=hashlib.sha256(data).hexdigest(),
        byte_size=len(data),
        media_type=_FORMAT_TYPES.get(image.format or "", declared),
        width=width,
        height=height,
        pdq=pdq,
        pdq_quality=quality,
        storage_key="",
    )


def capture_image(data: bytes, content_type: str | None, root: Path) -> ImageRecord | Rejected:
    """Check and hash an image and keep its bytes under `root` (runs in an extraction
    worker); a refused image is a Rejected with its reason, and nothing is written."""
    try:
        record = inspect_image(data, content_type)
    except ImageRejected as exc:
        return Rejected(str(exc))
    return replace(record, storage_key=write_image(root, data))

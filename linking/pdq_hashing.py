"""PDQ of an image's bytes (a reviewer's upload), hashed exactly as captured images are
(crawlers.image_check: same formats and bomb limits, PDQ of the full-size picture as partners
compute it), so an upload of a captured photo finds it at distance 0."""

from __future__ import annotations

from crawlers.image_check import ImageRejected, open_image, pdq_hash

MAX_PIXELS = 40_000_000  # a decompression bomb declares far more than any advert photo


class ImageRefused(ValueError):
    pass


def hash_image(data: bytes, max_pixels: int = MAX_PIXELS) -> tuple[str, int]:
    """(PDQ as 64 hex digits, PDQ quality 0-100), in ThreatExchange's bit order."""
    try:
        image = open_image(data, max_pixels)
    except ImageRejected as exc:
        raise ImageRefused(str(exc)) from None
    return pdq_hash(image)

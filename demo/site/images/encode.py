"""Make the bytes of an :class:`AdvertImage`: draw its photo, apply its edit, encode it.

Everything is deterministic (same image, same bytes) and cached: a demo site serves a
picture many times, and a world of thousands of adverts draws only what is fetched.
"""

from __future__ import annotations

import hashlib
import io
from functools import lru_cache

from PIL import Image, ImageDraw, ImageOps

from demo.site.images.draw import MASTER_SIZE, draw_photo
from demo.site.images.photo import AdvertImage

__all__ = [
    "CROPS",
    "REENCODE_QUALITY",
    "RESIZE_FACTOR",
    "SERVED_SIZE",
    "crop_box",
    "crop_of",
    "image_bytes",
    "image_pixels",
]

#: the size an original is served at (scale 1)
SERVED_SIZE = MASTER_SIZE
#: a resized copy is this fraction of the original's size
RESIZE_FACTOR = 0.6
#: what a cropped copy loses: the share of the width or height cut from the left, top, right
#: and bottom. Each takes up to a tenth of the area (the issue's crop target): centred, one
#: side or a corner; a photo's copy gets one, chosen by its id. Most fall between the crop
#: signal's 2 % window steps (linking.crop_windows), its hardest case. PDQ alone misses all
#: but the mildest (it follows about 1 % a side); bench/images_quality.py measures both.
CROPS: tuple[tuple[float, float, float, float], ...] = (
    (0.0256, 0.0256, 0.0256, 0.0256),
    (0.09, 0.0, 0.0, 0.0),
    (0.0, 0.10, 0.0, 0.0),
    (0.0, 0.0, 0.07, 0.0),
    (0.0, 0.0, 0.0, 0.05),
    (0.03, 0.07, 0.0, 0.0),
    (0.0, 0.0, 0.05, 0.05),
)
#: JPEG/WebP quality of a re-encoded copy (originals use _QUALITY)
REENCODE_QUALITY = 35
_QUALITY = 90
_PIL_FORMATS = {"jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}


@lru_cache(maxsize=64)
def _master(photo: str) -> Image.Image:
    return draw_photo(photo)


def crop_of(photo: str) -> tuple[float, float, float, float]:
    """The crop a cropped copy of ``photo`` gets (one of :data:`CROPS`, fixed per photo)."""
    digest = hashlib.sha256(f"adwatch-demo-crop:{photo}".encode()).digest()
    return CROPS[digest[0] % len(CROPS)]


def crop_box(
    size: tuple[int, int], cut: tuple[float, float, float, float]
) -> tuple[int, int, int, int]:
    """The box left when ``cut`` (left, top, right, bottom shares) goes from the sides."""
    width, height = size
    left, top, right, bottom = cut
    return (
        round(width * left),
        round(height * top),
        width - round(width * right),
        height - round(height * bottom),
    )


def _watermark(image: Image.Image, text: str) -> Image.Image:
    """Translucent white text in the lower right corner, as a site stamps its copies."""
    marked = image.convert("RGBA")
    layer = Image.new("RGBA", marked.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    size = max(10, marked.width // 24)
    box = draw.textbbox((0, 0), text, font_size=size)
    x = marked.width - (box[2] - box[0]) - size
    y = marked.height - (box[3] - box[1]) - size
    draw.text((x, y), text, fill=(255, 255, 255, 150), font_size=size)
    return Image.alpha_composite(marked, layer).convert("RGB")


def image_pixels(image: AdvertImage) -> Image.Image:
    """The edited picture before encoding (RGB)."""
    master = _master(image.photo)
    # the master is drawn at the served size; a srcset's scale-2 copy is enlarged
    factor: float = image.scale
    if image.edit == "crop":
        master = master.crop(crop_box(master.size, crop_of(image.photo)))
    elif image.edit == "resize":
        factor *= RESIZE_FACTOR
    size = (round(master.width * factor), round(master.height * factor))
    picture = master.resize(size, Image.Resampling.LANCZOS)
    if image.edit == "mirror":
        picture = ImageOps.mirror(picture)
    elif image.edit == "watermark":
        picture = _watermark(picture, image.mark)
    return picture


@lru_cache(maxsize=512)
def image_bytes(image: AdvertImage) -> bytes:
    """The file a demo site serves for ``image`` (JPEG, PNG or WebP)."""
    picture = image_pixels(image)
    out = io.BytesIO()
    quality = REENCODE_QUALITY if image.edit == "reencode" else _QUALITY
    if image.fmt == "png":
        # an adaptive palette keeps a textured PNG near a JPEG's size
        picture.quantize(colors=128).save(out, "PNG", optimize=True)
    else:
        picture.save(out, _PIL_FORMATS[image.fmt], quality=quality)
    return out.getvalue()

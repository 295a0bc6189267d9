"""Synthetic test images: Pillow-drawn patterns only (never photos of people), and hostile
files (a decompression bomb, an SVG) built byte by byte."""

from __future__ import annotations

import io
import random
import struct
import zlib

from PIL import Image, ImageDraw


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

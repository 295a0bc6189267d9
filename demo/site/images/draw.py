"""Pillow drawings for the demo's advert photos: landscapes and geometric patterns.

Never people: the demo stands in for the photos real adverts carry with pictures that
cannot be mistaken for anyone, and nothing explicit. Each picture is drawn from a seeded
``random.Random``, so the same photo id always gives the same pixels, and different ids
give clearly different pictures (two styles with random layouts and palettes; the bench
and the tests check that no two are within PDQ's match distance).
"""

from __future__ import annotations

import colorsys
import random
from collections.abc import Callable

from PIL import Image, ImageDraw, ImageFilter, ImageOps

__all__ = ["MASTER_SIZE", "draw_photo"]

#: width, height of every master picture (portrait 4:5, like a profile photo); small, as
#: drawing is most of a picture's cost and a big demo world may be fetched whole
MASTER_SIZE = (480, 600)

_Colour = tuple[int, int, int]


def _colour(hue: float, saturation: float, value: float) -> _Colour:
    r, g, b = colorsys.hsv_to_rgb(hue % 1.0, saturation, value)
    return round(r * 255), round(g * 255), round(b * 255)


def _vertical_gradient(size: tuple[int, int], top: _Colour, bottom: _Colour) -> Image.Image:
    # a 1-pixel-wide gradient stretched sideways: cheap and exact
    strip = Image.new("RGB", (1, size[1]))
    for y in range(size[1]):
        t = y / max(1, size[1] - 1)
        strip.putpixel(
            (0, y), tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        )
    return strip.resize(size)


def _ridge(rng: random.Random, width: int, base: float, rough: float) -> list[tuple[float, float]]:
    """A mountain ridge as a random walk across the picture."""
    points: list[tuple[float, float]] = []
    y = base
    step = width / rng.randint(6, 14)
    x = 0.0
    while x <= width + step:
        points.append((x, y))
        x += step * rng.uniform(0.6, 1.4)
        y = min(base + rough, max(base - rough, y + rng.uniform(-rough, rough) * 0.8))
    return points


def _landscape(rng: random.Random, size: tuple[int, int]) -> Image.Image:
    width, height = size
    hue = rng.random()
    image = _vertical_gradient(
        size, _colour(hue, rng.uniform(0.2, 0.6), 0.95), _colour(hue + 0.1, 0.5, 0.55)
    )
    draw = ImageDraw.Draw(image)
    sun_x, sun_y = rng.uniform(0.15, 0.85) * width, rng.uniform(0.08, 0.35) * height
    radius = rng.uniform(0.05, 0.12) * width
    draw.ellipse((sun_x - radius, sun_y - radius, sun_x + radius, sun_y + radius),
                 fill=_colour(rng.uniform(0.05, 0.17), 0.6, 1.0))  # fmt: skip
    layers = rng.randint(3, 5)
    ground_hue = rng.random()
    for layer in range(layers):
        base = height * (0.3 + 0.55 * (layer + rng.uniform(0.2, 0.8)) / layers)
        ridge = _ridge(rng, width, base, height * rng.uniform(0.04, 0.14))
        shade = 0.75 - 0.55 * layer / layers
        fill = _colour(ground_hue + layer * 0.03, rng.uniform(0.3, 0.7), shade)
        draw.polygon([*ridge, (width, height), (0, height)], fill=fill)
    _trees(rng, draw, size, _colour(ground_hue + 0.3, 0.6, 0.2))
    return image


def _trees(
    rng: random.Random, draw: ImageDraw.ImageDraw, size: tuple[int, int], fill: _Colour
) -> None:
    width, height = size
    for _ in range(rng.randint(0, 7)):
        x = rng.uniform(0, width)
        foot = rng.uniform(0.75, 0.98) * height
        tall = rng.uniform(0.08, 0.25) * height
        draw.polygon([(x, foot - tall), (x - tall * 0.3, foot), (x + tall * 0.3, foot)], fill=fill)


def _rings(rng: random.Random, size: tuple[int, int]) -> Image.Image:
    width, height = size
    hue = rng.random()
    image = Image.new("RGB", size, _colour(hue, 0.3, 0.9))
    draw = ImageDraw.Draw(image)
    for _ in range(rng.randint(3, 6)):
        cx, cy = rng.uniform(0, width), rng.uniform(0, height)
        ring_hue = hue + rng.uniform(-0.25, 0.25)
        outer = rng.uniform(0.2, 0.6) * width
        rings = rng.randint(3, 7)
        for k in range(rings):
            r = outer * (rings - k) / rings
            value = 0.25 + 0.7 * ((k + rng.random()) % 2) / 1.5
            draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=_colour(ring_hue, 0.55, value))
    return image


def _clouds(rng: random.Random, size: tuple[int, int]) -> Image.Image:
    """Smooth random texture: coarse random grids enlarged and mixed, coarsest strongest."""
    texture: Image.Image | None = None
    for octave, cells in enumerate((2, 4, 8, 16)):
        grid = Image.new("L", (cells, round(cells * 1.25)))
        grid.putdata([rng.randint(0, 255) for _ in range(grid.width * grid.height)])
        layer = grid.resize(size, Image.Resampling.BICUBIC)
        texture = layer if texture is None else Image.blend(texture, layer, 0.5 / (octave + 1))
    assert texture is not None
    return ImageOps.autocontrast(texture)


_STYLES: dict[str, Callable[[random.Random, tuple[int, int]], Image.Image]] = {
    "landscape": _landscape,
    "rings": _rings,
}


def draw_photo(photo: str) -> Image.Image:
    """The master picture (RGB, :data:`MASTER_SIZE`) of one photo id."""
    rng = random.Random(f"adwatch-demo-photo:{photo}")
    style = rng.choice(("landscape", "landscape", "rings"))
    image = _STYLES[style](rng, MASTER_SIZE)
    # Cloud-like texture over the shapes: flat synthetic areas leave PDQ too few strong
    # coefficients (low quality, bits that flip on a resize); natural photos have texture.
    image = Image.blend(image, _clouds(rng, MASTER_SIZE).convert("RGB"), 0.5)
    # a little softness, as from a camera lens; then full contrast, which PDQ's quality
    # score (gradient energy) needs to pass its threshold of 50 with room to spare
    return ImageOps.autocontrast(image.filter(ImageFilter.GaussianBlur(1)), cutoff=1)

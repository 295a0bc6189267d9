"""Crop sweeps for bench/images_quality.py: how far PDQ alone, and PDQ with linking's crop
signal, follow crops of up to a tenth of the area (centred, one side, a corner, random), on
the demo's master drawings; and the distances both signals use."""

from __future__ import annotations

import random

import numpy as np
import pdqhash
from numpy.typing import NDArray
from PIL import Image

from demo.site.images.draw import draw_photo
from demo.site.images.encode import SERVED_SIZE, crop_box
from linking.crop_windows import window_hashes_of_picture
from linking.pdq_memory import words_of

THRESHOLD = 31
Bits = NDArray[np.bool_]
Words = NDArray[np.uint64]  # (windows, 4): one picture's window hashes, the whole first
Cut = tuple[float, float, float, float]


def rgb(picture: Image.Image) -> NDArray[np.uint8]:
    return np.asarray(picture.convert("RGB"))


def distance(a: Bits, b: Bits) -> int:
    return int(np.count_nonzero(a != b))


def crop_distance(a: Words, b: Words) -> int:
    """The crop signal's distance: one's whole picture against the other's nearest window."""
    a_in_b = np.bitwise_count(b ^ a[0]).sum(axis=1).min()
    b_in_a = np.bitwise_count(a ^ b[0]).sum(axis=1).min()
    return int(min(a_in_b, b_in_a))


def _cropped_pair(master: Image.Image, cut: Cut) -> tuple[Image.Image, Image.Image]:
    original = master.resize(SERVED_SIZE, Image.Resampling.LANCZOS)
    return original, master.crop(crop_box(master.size, cut))


def sweep_cuts() -> dict[str, Cut]:
    """Crops of 2.5-10 % of the area: centred, one side (each side), a corner."""
    cuts: dict[str, Cut] = {}
    for area in (0.025, 0.05, 0.075, 0.10):
        side = (1 - (1 - area) ** 0.5) / 2
        cuts[f"centred {area:.1%}"] = (side, side, side, side)
        for k, name in enumerate(("left", "top", "right", "bottom")):
            cut = [0.0, 0.0, 0.0, 0.0]
            cut[k] = area
            cuts[f"{name} {area:.1%}"] = (cut[0], cut[1], cut[2], cut[3])
        corner = 1 - (1 - area) ** 0.5
        cuts[f"corner {area:.1%}"] = (corner, corner, 0.0, 0.0)
    return cuts


def random_cuts(count: int, seed: int = 16) -> dict[str, Cut]:
    """Crops of 5-10 % of the area cut from random sides in random shares."""
    rng = random.Random(seed)
    cuts: dict[str, Cut] = {}
    while len(cuts) < count:
        left, top, right, bottom = (rng.uniform(0, 0.1) for _ in range(4))
        kept = (1 - left - right) * (1 - top - bottom)
        if 0.90 <= kept <= 0.95:
            cuts[f"random {len(cuts)}"] = (left, top, right, bottom)
    return cuts


def _crop_found(master: Image.Image, cut: Cut) -> tuple[int, int]:
    """(PDQ distance, distance by PDQ or the crop signal) of a crop from its original."""
    original, cropped = _cropped_pair(master, cut)
    a, _ = pdqhash.compute(rgb(original))
    b, _ = pdqhash.compute(rgb(cropped))
    alone = distance(a.astype(bool), b.astype(bool))
    raw_a, raw_b = window_hashes_of_picture(original), window_hashes_of_picture(cropped)
    assert raw_a is not None and raw_b is not None
    return alone, min(alone, crop_distance(words_of(raw_a), words_of(raw_b)))


def crop_sweep(photos: list[str], cuts: dict[str, Cut]) -> dict[str, tuple[int, int, int, int]]:
    """Per crop: (found by PDQ, found by PDQ or the crop signal, photos, worst distance of the
    two signals together)."""
    found: dict[str, tuple[int, int, int, int]] = {}
    masters = [draw_photo(photo) for photo in photos]
    for name, cut in cuts.items():
        distances = [_crop_found(master, cut) for master in masters]
        alone = sum(d <= THRESHOLD for d, _ in distances)
        joint = sum(d <= THRESHOLD for _, d in distances)
        found[name] = (alone, joint, len(masters), max(d for _, d in distances))
    return found


def random_sweep(photos: list[str], cuts: dict[str, Cut]) -> tuple[int, int, int, int]:
    """Each photo cropped by its own random crop: (PDQ found, joint found, crops, worst)."""
    distances = [
        _crop_found(draw_photo(photo), cut)
        for photo, cut in zip(photos, cuts.values(), strict=False)
    ]
    alone = sum(d <= THRESHOLD for d, _ in distances)
    joint = sum(d <= THRESHOLD for _, d in distances)
    return alone, joint, len(distances), max(d for _, d in distances)

"""Image linking on the demo world's answer: PDQ recall per edit and false links.

python -m bench.images_quality                        # the default world (seed 7, 40 a site)
python -m bench.images_quality --seeds 7 11 --adverts 200

Every picture the demo generator places is drawn, encoded and decoded as a site serves
it, then hashed with pdqhash (``compute`` on the RGB array) and with linking's crop signal
(linking.crop_windows: the PDQ of 126 sub-windows). Each copy of a shared photo is compared
with the photo's original: recall at distance <= 31 per edit, by PDQ alone and by PDQ or
the crop signal (mirrored copies also against the original's eight dihedral hashes, as a
matcher may). Every pair of pictures of different photos is a potential false link, for
both. A crop sweep (centred, one-sided and corner crops up to a tenth of the area, from
the master drawings) shows how far each follows a crop (the demo's crop edit is CROPS).
"""

from __future__ import annotations

import argparse
import io
import time
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
import pdqhash
from PIL import Image

from bench.images_crop_sweep import (
    THRESHOLD,
    Bits,
    Words,
    crop_distance,
    crop_sweep,
    distance,
    random_cuts,
    random_sweep,
    rgb,
    sweep_cuts,
)
from demo.site import DemoWorld, generate_world
from demo.site.images.encode import image_bytes
from demo.site.images.photo import AdvertImage
from linking.crop_windows import WINDOWS, window_hashes
from linking.pdq_memory import words_of


def pdq(image: AdvertImage) -> tuple[Bits, int]:
    """(256 hash bits, quality) of the served file."""
    bits, quality = pdqhash.compute(rgb(Image.open(io.BytesIO(image_bytes(image)))))
    return bits.astype(bool), int(quality)


def windows(image: AdvertImage) -> Words:
    """The crop signal's window hashes of the served file, as linking computes them."""
    raw = window_hashes(image_bytes(image))
    assert raw is not None, image
    return words_of(raw)


@dataclass
class Quality:
    """What the evaluation found; ``recall`` maps edit -> (found, total), ``joint`` the same
    for PDQ or the crop signal."""

    images: int = 0
    photos: int = 0
    recall: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    joint: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    worst: dict[str, int] = field(default_factory=dict)
    worst_joint: dict[str, int] = field(default_factory=dict)
    #: pairs of pictures of different photos within the threshold
    false_links: int = 0
    #: the same by the crop signal
    false_links_crop: int = 0
    #: originals whose dihedral hashes come within the threshold of another photo's picture
    false_links_dihedral: int = 0
    closest_different: int = 256
    closest_different_crop: int = 256
    min_quality: int = 100
    window_seconds: float = 0.0

    def count(self, edit: str, dist: int, crop_dist: int | None = None) -> None:
        self.recall[edit][1] += 1
        self.recall[edit][0] += dist <= THRESHOLD
        self.worst[edit] = max(self.worst.get(edit, 0), dist)
        if crop_dist is not None:
            self.joint[edit][1] += 1
            self.joint[edit][0] += min(dist, crop_dist) <= THRESHOLD
            self.worst_joint[edit] = max(self.worst_joint.get(edit, 0), min(dist, crop_dist))


def world_images(world: DemoWorld) -> dict[str, set[AdvertImage]]:
    """photo id -> every distinct picture of it on any advert of the world."""
    photos: dict[str, set[AdvertImage]] = defaultdict(set)
    for site in world.sites.values():
        for advert in (*site.adverts, *site.private):
            for image in advert.images:
                photos[image.photo].add(image)
    return photos


def _reference(images: set[AdvertImage]) -> AdvertImage:
    originals = sorted((i for i in images if i.kind == "original"), key=lambda i: i.path)
    return originals[0] if originals else AdvertImage(next(iter(images)).photo)


@dataclass
class _Hashed:
    """Every picture's hashes, with the number of its photo."""

    owners: list[int] = field(default_factory=list)
    bits: list[Bits] = field(default_factory=list)
    windows: list[Words] = field(default_factory=list)
    dihedral: list[tuple[int, list[Bits]]] = field(default_factory=list)


def _photo(result: Quality, hashed: _Hashed, images: set[AdvertImage]) -> None:
    number = result.photos
    result.photos += 1
    ref = _reference(images)
    ref_bits, _ = pdq(ref)
    ref_windows = windows(ref)
    ref_pixels = rgb(Image.open(io.BytesIO(image_bytes(ref))))
    turns = [h.astype(bool) for h in pdqhash.compute_dihedral(ref_pixels)[0]]
    hashed.dihedral.append((number, turns))
    for image in sorted(images, key=lambda i: i.path):
        bits, quality = pdq(image)
        started = time.process_time()
        words = windows(image)
        result.window_seconds += time.process_time() - started
        hashed.owners.append(number)
        hashed.bits.append(bits)
        hashed.windows.append(words)
        result.images += 1
        result.min_quality = min(result.min_quality, quality)
        if image == ref:
            continue
        result.count(image.kind, distance(ref_bits, bits), crop_distance(ref_windows, words))
        if image.kind == "mirror":
            result.count("mirror (dihedral)", min(distance(h, bits) for h in turns))


def evaluate(worlds: list[DemoWorld]) -> Quality:
    result = Quality()
    hashed = _Hashed()
    for world in worlds:
        for _, images in sorted(world_images(world).items()):
            _photo(result, hashed, images)
    _false_links(result, hashed)
    _false_crop_links(result, hashed)
    return result


def _false_links(result: Quality, hashed: _Hashed) -> None:
    """Pictures of different photos within the threshold: every pair of pictures, and
    every original's dihedral hashes against every picture of another photo."""
    owners = np.array(hashed.owners)
    bits = np.array(hashed.bits)
    for k in range(len(bits) - 1):
        later = slice(k + 1, None)
        other = owners[later] != owners[k]
        if not other.any():
            continue
        diffs = (bits[later][other] != bits[k]).sum(axis=-1)
        result.false_links += int(np.count_nonzero(diffs <= THRESHOLD))
        result.closest_different = min(result.closest_different, int(diffs.min()))
    for number, turns in hashed.dihedral:
        others = bits[owners != number]
        if len(others):
            near = min(int((others != turn).sum(axis=-1).min()) for turn in turns)
            result.false_links_dihedral += near <= THRESHOLD


def _false_crop_links(result: Quality, hashed: _Hashed) -> None:
    """Pairs of pictures of different photos the crop signal links: each picture's whole
    hash against every window of every picture of another photo (both ways over the loop)."""
    owners = np.array(hashed.owners)
    every = np.stack(hashed.windows)  # (pictures, windows, 4)
    linked: set[tuple[int, int]] = set()
    for k, words in enumerate(hashed.windows):
        nearest = np.bitwise_count(every ^ words[0]).sum(axis=2).min(axis=1)
        nearest[owners == owners[k]] = 256
        result.closest_different_crop = min(result.closest_different_crop, int(nearest.min()))
        linked |= {(min(k, j), max(k, j)) for j in np.flatnonzero(nearest <= THRESHOLD).tolist()}
    result.false_links_crop = len(linked)


def _recall_lines(result: Quality) -> list[str]:
    lines = []
    for edit in sorted(result.recall):
        hit, total = result.recall[edit]
        worst = result.worst[edit]
        line = f"  {edit:<18} PDQ recall {hit / total:.3f} ({hit}/{total}), worst {worst} bits"
        if edit in result.joint:
            both, _ = result.joint[edit]
            worst = result.worst_joint[edit]
            line += f"; with the crop signal {both / total:.3f} ({both}/{total}, worst {worst})"
        lines.append(line)
    return lines


def report(
    result: Quality, sweep: dict[str, tuple[int, int, int, int]], rand: tuple[int, int, int, int]
) -> list[str]:
    lines = [f"{result.images} pictures of {result.photos} photos; threshold {THRESHOLD}"]
    lines += _recall_lines(result)
    lines.append(
        f"  false links between pictures of different photos: PDQ {result.false_links} "
        f"(originals' dihedral variants: {result.false_links_dihedral}), closest "
        f"{result.closest_different} bits; crop signal ({len(WINDOWS)} windows) "
        f"{result.false_links_crop}, closest {result.closest_different_crop} bits"
    )
    lines.append(f"  lowest PDQ quality: {result.min_quality}")
    lines.append(
        f"  crop signal: {1000 * result.window_seconds / max(1, result.images):.1f} ms CPU "
        f"a picture (decode + {len(WINDOWS)} window hashes), {32 * len(WINDOWS)} bytes"
    )
    for name, (alone, joint, total, worst) in sweep.items():
        lines.append(
            f"  crop sweep {name:<14} PDQ {alone / total:.3f}, "
            f"with the crop signal {joint / total:.3f} (worst {worst} bits; {total} photos)"
        )
    alone, joint, total, worst = rand
    lines.append(
        f"  random crops of 5-10 % of the area (one a photo): PDQ {alone / total:.3f}, with the "
        f"crop signal {joint / total:.3f} (worst {worst} bits; {total} crops)"
    )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="+", default=[7])
    parser.add_argument("--adverts", type=int, default=40, help="round-1 adverts per site")
    parser.add_argument("--sweep-photos", type=int, default=40)
    parser.add_argument("--random-crops", type=int, default=200)
    args = parser.parse_args()
    n = args.adverts
    worlds = [
        generate_world(s, job_adverts=n, bridal_adverts=n, escort_adverts=n) for s in args.seeds
    ]
    started = time.perf_counter()
    result = evaluate(worlds)
    elapsed = time.perf_counter() - started
    photos = sorted(world_images(worlds[0]))[: args.sweep_photos]
    sweep = crop_sweep(photos, sweep_cuts())
    every = sorted(world_images(worlds[0]))[: args.random_crops]
    rand = random_sweep(every, random_cuts(len(every)))
    for line in report(result, sweep, rand):
        print(line, flush=True)
    print(
        f"  {result.images} pictures drawn, encoded, decoded and hashed in {elapsed:.1f} s "
        f"({1000 * elapsed / result.images:.0f} ms each, one process)"
    )


if __name__ == "__main__":
    main()

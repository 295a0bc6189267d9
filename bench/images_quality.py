"""Image linking on the demo world's answer: PDQ recall per edit and false links.

python -m bench.images_quality                        # the default world (seed 7, 40 a site)
python -m bench.images_quality --seeds 7 11 --adverts 200

Every picture the demo generator places is drawn, encoded and decoded as a site serves
it, then hashed with pdqhash (``compute`` on the RGB array). Each copy of a shared photo
is compared with the photo's original: recall at PDQ distance <= 31 per edit (mirrored
copies also against the original's eight dihedral hashes, as a matcher may). Every pair
of different photos is a potential false link. A crop sweep shows how far PDQ follows a
crop on these pictures (the demo's own crop edit is CROP_PER_SIDE).
"""

from __future__ import annotations

import argparse
import io
import time
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
import pdqhash
from numpy.typing import NDArray
from PIL import Image

from demo.site import DemoWorld, generate_world
from demo.site.images.draw import draw_photo
from demo.site.images.encode import CROP_PER_SIDE, SERVED_SIZE, crop_box, image_bytes
from demo.site.images.photo import AdvertImage

THRESHOLD = 31
Bits = NDArray[np.bool_]


def _rgb(picture: Image.Image) -> NDArray[np.uint8]:
    return np.asarray(picture.convert("RGB"))


def pdq(image: AdvertImage) -> tuple[Bits, int]:
    """(256 hash bits, quality) of the served file."""
    bits, quality = pdqhash.compute(_rgb(Image.open(io.BytesIO(image_bytes(image)))))
    return bits.astype(bool), int(quality)


def distance(a: Bits, b: Bits) -> int:
    return int(np.count_nonzero(a != b))


@dataclass
class Quality:
    """What the evaluation found; ``recall`` maps edit -> (found, total)."""

    images: int = 0
    photos: int = 0
    recall: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    worst: dict[str, int] = field(default_factory=dict)
    #: pairs of pictures of different photos within the threshold
    false_links: int = 0
    #: originals whose dihedral hashes come within the threshold of another photo's picture
    false_links_dihedral: int = 0
    closest_different: int = 256
    min_quality: int = 100

    def count(self, edit: str, dist: int) -> None:
        self.recall[edit][1] += 1
        self.recall[edit][0] += dist <= THRESHOLD
        self.worst[edit] = max(self.worst.get(edit, 0), dist)


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


def evaluate(worlds: list[DemoWorld]) -> Quality:
    result = Quality()
    hashes: list[tuple[int, Bits]] = []  # (photo number, bits) of every picture
    dihedral: list[tuple[int, list[Bits]]] = []  # the eight dihedral hashes of each original
    for world in worlds:
        for _, images in sorted(world_images(world).items()):
            number = result.photos
            result.photos += 1
            ref = _reference(images)
            ref_bits, _ = pdq(ref)
            ref_pixels = _rgb(Image.open(io.BytesIO(image_bytes(ref))))
            turns = [h.astype(bool) for h in pdqhash.compute_dihedral(ref_pixels)[0]]
            dihedral.append((number, turns))
            for image in sorted(images, key=lambda i: i.path):
                bits, quality = pdq(image)
                hashes.append((number, bits))
                result.images += 1
                result.min_quality = min(result.min_quality, quality)
                if image == ref:
                    continue
                result.count(image.kind, distance(ref_bits, bits))
                if image.kind == "mirror":
                    result.count("mirror (dihedral)", min(distance(h, bits) for h in turns))
    _false_links(result, hashes, dihedral)
    return result


def _false_links(
    result: Quality, hashes: list[tuple[int, Bits]], dihedral: list[tuple[int, list[Bits]]]
) -> None:
    """Pictures of different photos within the threshold: every pair of pictures, and
    every original's dihedral hashes against every picture of another photo."""
    owners = np.array([number for number, _ in hashes])
    bits = np.array([b for _, b in hashes])
    for k in range(len(hashes) - 1):
        later = slice(k + 1, None)
        other = owners[later] != owners[k]
        if not other.any():
            continue
        diffs = (bits[later][other] != bits[k]).sum(axis=-1)
        result.false_links += int(np.count_nonzero(diffs <= THRESHOLD))
        result.closest_different = min(result.closest_different, int(diffs.min()))
    for number, turns in dihedral:
        others = bits[owners != number]
        if len(others):
            near = min(int((others != turn).sum(axis=-1).min()) for turn in turns)
            result.false_links_dihedral += near <= THRESHOLD


def crop_sweep(photos: list[str], per_side: tuple[float, ...]) -> dict[float, tuple[int, int]]:
    """Recall at <= 31 bits when a share of every side is cropped: per_side -> (found, n)."""
    found: dict[float, tuple[int, int]] = {}
    for cut in per_side:
        hits = 0
        for photo in photos:
            master = draw_photo(photo)
            original = master.resize(SERVED_SIZE, Image.Resampling.LANCZOS)
            cropped = master.crop(crop_box(master.size, cut)).resize(
                SERVED_SIZE, Image.Resampling.LANCZOS
            )
            a, _ = pdqhash.compute(_rgb(original))
            b, _ = pdqhash.compute(_rgb(cropped))
            hits += distance(a.astype(bool), b.astype(bool)) <= THRESHOLD
        found[cut] = (hits, len(photos))
    return found


def report(result: Quality, sweep: dict[float, tuple[int, int]]) -> list[str]:
    lines = [f"{result.images} pictures of {result.photos} photos; PDQ threshold {THRESHOLD}"]
    for edit in sorted(result.recall):
        hit, total = result.recall[edit]
        worst = result.worst[edit]
        lines.append(f"  {edit:<18} recall {hit / total:.3f} ({hit}/{total}), worst {worst} bits")
    lines.append(
        f"  false links between pictures of different photos: {result.false_links} "
        f"(originals' dihedral variants: {result.false_links_dihedral}); "
        f"closest pictures of different photos {result.closest_different} bits"
    )
    lines.append(f"  lowest PDQ quality: {result.min_quality}")
    lines.append(f"  demo crop edit: {CROP_PER_SIDE:.1%} of every side")
    for cut, (hit, total) in sweep.items():
        area = 1 - (1 - 2 * cut) ** 2
        lines.append(
            f"  crop sweep {cut:.1%} a side ({area:.1%} of the area): recall {hit / total:.3f}"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="+", default=[7])
    parser.add_argument("--adverts", type=int, default=40, help="round-1 adverts per site")
    parser.add_argument("--sweep-photos", type=int, default=40)
    args = parser.parse_args()
    n = args.adverts
    worlds = [
        generate_world(s, job_adverts=n, bridal_adverts=n, escort_adverts=n) for s in args.seeds
    ]
    started = time.perf_counter()
    result = evaluate(worlds)
    elapsed = time.perf_counter() - started
    photos = sorted(world_images(worlds[0]))[: args.sweep_photos]
    sweep = crop_sweep(photos, (CROP_PER_SIDE, 0.0125, 0.025, 0.05))
    for line in report(result, sweep):
        print(line, flush=True)
    print(
        f"  {result.images} pictures drawn, encoded, decoded and hashed in {elapsed:.1f} s "
        f"({1000 * elapsed / result.images:.0f} ms each, one process)"
    )


if __name__ == "__main__":
    main()

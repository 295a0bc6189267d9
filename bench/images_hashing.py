"""PDQ hashing throughput: JPEGs of 256-1,024 pixels a side, drawn with Pillow (patterns,
never photos), checked and hashed as a crawl does (crawlers/image_check.inspect_image: the
bomb limit, decode, PDQ and SHA-256), in one process and in a pool of worker processes; then
how far our hashes are from partners' (pdqhash on the whole decoded picture, as
ThreatExchange's pdq_hasher does) on these patterns and on the demo's pictures (landscapes,
480x600 and 960x1200), beside the former 512-pixel shrink's distance and both methods' CPU.

    python -m bench.images_hashing [-n 1000] [--processes 2]

Images reach the workers as bytes through a pipe, as in a crawl's extraction workers, so the
pool figure includes that copy. The issue's target: >= 200 images/s on 2 cores.
"""

from __future__ import annotations

import argparse
import io
import multiprocessing
import os
import random
import time

import numpy as np
import pdqhash
from PIL import Image, ImageDraw

from bench.common import machine_description
from bench.images_quality import world_images
from crawlers.image_check import inspect_image
from demo.site import generate_world
from demo.site.images.encode import image_bytes
from linking.pdq import pdq_distance


def drawn_jpeg(seed: int) -> bytes:
    """A random-sized pattern (256-1,024 px a side) of shapes on a gradient, as a JPEG."""
    rng = random.Random(seed)
    width, height = rng.randrange(256, 1025), rng.randrange(256, 1025)
    image = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    draw = ImageDraw.Draw(image)
    for _ in range(16):
        x, y = rng.randrange(width), rng.randrange(height)
        box = (x, y, x + rng.randrange(20, width // 2), y + rng.randrange(20, height // 2))
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        (draw.ellipse if rng.random() < 0.5 else draw.rectangle)(box, fill=colour)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=rng.randrange(70, 95))
    return out.getvalue()


def hash_one(data: bytes) -> tuple[int, float]:
    """PDQ quality and the CPU seconds this process spent on the image."""
    cpu = time.process_time()
    record = inspect_image(data, "image/jpeg")
    return record.pdq_quality or 0, time.process_time() - cpu


def partner_pdq(data: bytes) -> str:
    """pdqhash on the whole decoded RGB picture, as ThreatExchange's pdq_hasher computes it."""
    bits, _ = pdqhash.compute(np.asarray(Image.open(io.BytesIO(data)).convert("RGB")))
    return np.packbits(np.asarray(bits, dtype=np.uint8)).tobytes().hex()


def shrunk_pdq(data: bytes) -> str:
    """The former method (until 2026-12-07): a JPEG decoded at a reduced scale, the picture
    shrunk to 512 pixels a side by a box resample, then pdqhash."""
    image = Image.open(io.BytesIO(data))
    image.draft("RGB", (512, 512))
    rgb = image.convert("RGB")
    if max(rgb.size) > 512:
        rgb.thumbnail((512, 512), Image.Resampling.BOX)
    bits, _ = pdqhash.compute(np.asarray(rgb))
    return np.packbits(np.asarray(bits, dtype=np.uint8)).tobytes().hex()


def ours_pdq(data: bytes) -> str:
    return inspect_image(data, "image/jpeg").pdq or ""


def compatibility(name: str, pictures: list[bytes]) -> None:
    """Distance to partners' hash, and CPU per picture, of our hashing and the former one."""
    cpu: dict[str, float] = {}
    hashes: dict[str, list[str]] = {}
    for hasher in (partner_pdq, ours_pdq, shrunk_pdq):
        started = time.process_time()
        hashes[hasher.__name__] = [hasher(data) for data in pictures]
        cpu[hasher.__name__] = 1000 * (time.process_time() - started) / len(pictures)
    partner = hashes["partner_pdq"]
    print(
        f"{name} ({len(pictures)} pictures): pdqhash on the full picture "
        f"{cpu['partner_pdq']:.2f} ms CPU a picture (decode included)"
    )
    for method, label in (("ours_pdq", "ours (inspect_image)"), ("shrunk_pdq", "512-px shrink")):
        apart = [pdq_distance(a, b) for a, b in zip(hashes[method], partner, strict=True)]
        print(
            f"  {label}: {cpu[method]:.2f} ms CPU a picture; bits from partners' hash: "
            f"mean {np.mean(apart):.2f}, max {max(apart)}, equal {apart.count(0)}/{len(apart)}"
        )


def demo_pictures(limit: int) -> list[bytes]:
    photos = world_images(generate_world())
    pictures = sorted((p for images in photos.values() for p in images), key=lambda p: p.path)
    return [image_bytes(p) for p in pictures[:limit]]


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.0f} images/s ({count} in {seconds:.2f} s)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000, help="images to hash")
    parser.add_argument("--processes", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--compare", type=int, default=300, help="pictures compared")
    args = parser.parse_args()
    images = [drawn_jpeg(seed) for seed in range(args.n)]
    megabytes = sum(map(len, images)) / 1e6
    print(f"machine: {machine_description()}")
    print(f"{args.n} JPEGs, 256-1,024 px a side, {megabytes:.1f} MB")
    started = time.perf_counter()
    cpu = sum(hash_one(data)[1] for data in images)
    print(f"one process: {rate(args.n, time.perf_counter() - started)}")
    with multiprocessing.get_context("fork").Pool(args.processes) as pool:
        started = time.perf_counter()
        results = list(pool.imap_unordered(hash_one, images, chunksize=8))
        elapsed = time.perf_counter() - started
    print(f"{args.processes} processes: {rate(len(results), elapsed)}")
    # On a shared machine wall-clock rates fall with other load; CPU time per image does not.
    pool_cpu = sum(seconds for _, seconds in results)
    print(
        f"CPU time per image: {1000 * cpu / args.n:.2f} ms (one process), "
        f"{1000 * pool_cpu / args.n:.2f} ms (pool): {args.processes} cores kept busy hash "
        f"{args.processes * args.n / pool_cpu:,.0f} images/s"
    )
    print(f"PDQ quality >= 50: {sum(q >= 50 for q, _ in results)} of {len(results)}")
    print(f"load average {os.getloadavg()[0]:.1f}")
    compatibility("drawn patterns", images[: args.compare])
    compatibility("demo pictures", demo_pictures(args.compare))
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()

"""`adwatch images rehash` throughput: N drawn JPEGs stored as the former 512-px method left
them (method 1, with band rows), then re-hashed at full size from their kept bytes, in a
process pool with the writes in this process; a second run shows the cost of nothing to do."""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import psycopg

from bench.common import machine_description, postgres_version, scratch_database
from bench.images_hashing import drawn_jpeg
from crawlers.rehash import pool_hasher, rehash_images
from store.image_files import images_root, write_image
from store.image_rehash import OldHash, Rehashed

_OLD_IMAGE_SQL = """
INSERT INTO images (sha256, byte_size, media_type, width, height, pdq, pdq_quality, storage_key)
VALUES (%s, %s, 'image/jpeg', 640, 480, %s, 90, %s)
"""
_OLD_BANDS_SQL = """
INSERT INTO image_pdq_bands (band, value, image_id)
SELECT b, ('x' || substr(i.pdq, b * 4 + 1, 4))::bit(16)::integer, i.id
FROM images i CROSS JOIN generate_series(0, 15) AS b
"""


def store_old(url: str, root: Path, n: int) -> float:
    """N pictures on disk and as method-1 rows (a random stand-in for the shrunk hash); MB."""
    rng = random.Random(7)
    rows, size = [], 0
    for seed in range(n):
        data = drawn_jpeg(seed)
        key = write_image(root, data)
        rows.append((key.rsplit("/", 1)[-1], len(data), f"{rng.getrandbits(256):064x}", key))
        size += len(data)
    with psycopg.connect(url) as conn:
        conn.cursor().executemany(_OLD_IMAGE_SQL, rows)
        conn.execute(_OLD_BANDS_SQL)
    return size / 1e6


def timed_run(url: str, root: Path, workers: int, batch: int) -> None:
    hashing = [0.0]  # seconds waiting for the pool; the rest is reading and writing rows

    with pool_hasher(root, workers) as pool, psycopg.connect(url, autocommit=True) as conn:

        def hash_batch(images: Sequence[OldHash]) -> list[Rehashed | str]:
            started = time.perf_counter()
            try:
                return pool(images)
            finally:
                hashing[0] += time.perf_counter() - started

        started = time.perf_counter()
        counts = rehash_images(conn, hash_batch, 50, batch=batch)
        elapsed = time.perf_counter() - started
    rate = counts.rehashed / elapsed if elapsed else 0.0
    print(f"  {counts.line()}")
    print(
        f"  {elapsed:.2f} s ({hashing[0]:.2f} s hashing in the pool, the rest database): "
        f"{rate:,.0f} images/s; load average {os.getloadavg()[0]:.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=2000, help="pictures stored the old way")
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args()
    print(f"machine: {machine_description()}")
    with scratch_database() as url, tempfile.TemporaryDirectory() as data_dir:
        root = images_root(Path(data_dir))
        megabytes = store_old(url, root, args.n)
        print(f"{postgres_version(url)}; {args.n} JPEGs (256-1,024 px a side, {megabytes:.1f} MB)")
        print(f"rehash, {args.workers} hashing processes, batches of {args.batch}:")
        timed_run(url, root, args.workers, args.batch)
        print("second run (nothing left to do):")
        timed_run(url, root, args.workers, args.batch)


if __name__ == "__main__":
    main()

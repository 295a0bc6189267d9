"""Re-hashing stored pictures with the full-size PDQ (`adwatch images rehash`).

Hashes stored before 2026-12-07 (images.pdq_method 1) were taken of a copy shrunk to 512
pixels, up to ~24 bits from what partners compute. This reads each such image's kept bytes
again, hashes them as a capture does now (crawlers.image_check.inspect_image), and writes the
new hash one batch per transaction (store.image_rehash): an interrupted run loses at most the
batch in flight, and the next run starts from what is still method 1.

Hashing runs in a process pool (one worker a core; PDQ of a full-size picture is CPU-bound),
the database writes in the calling process. An image whose bytes are gone or no longer match
their SHA-256 keeps its old hash and method, and is counted; so is one purged by retention.
"""

from __future__ import annotations

import hashlib
import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from psycopg.pq import TransactionStatus

from crawlers.image_check import ImageRejected, inspect_image
from crawlers.options import usable_cores
from store.image_files import image_path
from store.image_rehash import OldHash, Rehashed, old_hashes, purged_old_count, write_rehashed

__all__ = ["HashBatch", "RehashCounts", "hash_kept_bytes", "pool_hasher", "rehash_images"]

MISSING, UNREADABLE = "missing", "unreadable"
# Hashes a batch of images' kept bytes: a Rehashed each, or why it could not be.
HashBatch = Callable[[Sequence[OldHash]], list[Rehashed | str]]


@dataclass
class RehashCounts:
    rehashed: int = 0  # written as full-size hashes
    changed: int = 0  # of which the hash or quality moved: new bands, queued for linking
    missing: int = 0  # bytes not on disk though not purged: old hash kept
    unreadable: int = 0  # bytes that no longer decode or match their SHA-256: old hash kept
    purged: int = 0  # bytes purged by retention: old hash kept

    def line(self) -> str:
        return (
            f"rehashed {self.rehashed} images ({self.changed} changed, queued for linking); "
            f"kept the old hash of {self.purged} purged, {self.missing} missing and "
            f"{self.unreadable} unreadable images"
        )


def hash_kept_bytes(root: str, image: OldHash) -> Rehashed | str:
    """The full-size PDQ of an image's kept bytes (runs in a pool worker), or why not."""
    try:
        data = image_path(Path(root), image.storage_key).read_bytes()
    except FileNotFoundError:
        return MISSING
    except (OSError, ValueError):  # a key that is no image key, a folder, no permission
        return UNREADABLE
    if hashlib.sha256(data).hexdigest() != image.sha256:
        return UNREADABLE  # another file under its name: its hash would not be this image's
    try:
        record = inspect_image(data, image.media_type)
    except ImageRejected:
        return UNREADABLE
    if record.pdq is None:  # hashing failed (e.g. memory): better the old hash than none
        return UNREADABLE
    return Rehashed(image.id, record.pdq, record.pdq_quality)


def _hash_in_process(job: tuple[str, OldHash]) -> Rehashed | str:
    return hash_kept_bytes(*job)


@contextmanager
def pool_hasher(root: Path, workers: int | None = None) -> Iterator[HashBatch]:
    """A HashBatch over a process pool of `workers` (the cores by default). forkserver: the
    workers are not forks of a process holding a database connection."""
    size = workers or usable_cores()
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(size, mp_context=context) as pool:

        def hash_batch(images: Sequence[OldHash]) -> list[Rehashed | str]:
            chunk = max(1, len(images) // (4 * size))
            return list(
                pool.map(_hash_in_process, [(str(root), i) for i in images], chunksize=chunk)
            )

        yield hash_batch


def rehash_images(
    conn: psycopg.Connection[Any],
    hash_batch: HashBatch,
    min_quality: int,
    *,
    batch: int = 500,
    limit: int | None = None,
) -> RehashCounts:
    """Re-hash up to `limit` method-1 images (all by default), `batch` per transaction."""
    if conn.info.transaction_status != TransactionStatus.IDLE:
        raise ValueError("rehash commits batch by batch: give it a connection not in a transaction")
    counts, after = RehashCounts(), 0
    while limit is None or counts.rehashed < limit:
        size = batch if limit is None else min(batch, limit - counts.rehashed)
        with conn.transaction():  # a short read: no transaction stays open while hashing
            todo = old_hashes(conn, after, size)
        if not todo:
            break
        after = todo[-1].id
        results = hash_batch(todo)
        hashed = [r for r in results if isinstance(r, Rehashed)]
        counts.missing += results.count(MISSING)
        counts.unreadable += results.count(UNREADABLE)
        written, changed = write_rehashed(conn, hashed, min_quality)
        counts.rehashed += written
        counts.changed += changed
    with conn.transaction():
        counts.purged = purged_old_count(conn)
    return counts

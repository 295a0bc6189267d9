"""What a linking run already knows about LSH buckets and signatures, so that adverts written
from one template ask PostgreSQL about their buckets once, not once per advert.

Valid only while the run holds the linking lock (no other linker adds buckets meanwhile).
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import psycopg
from numpy.typing import NDArray

from linking.clustering import NUM_PERM
from store import clusters

MAX_BUCKETS = 1_500_000  # bounded memory: the cache is dropped and refilled past this
MAX_SIGNATURES = 500_000


class LinkCache:
    def __init__(self, per_bucket: int) -> None:
        self.per_bucket = per_bucket
        # Tuples: most buckets are empty, and they all share the one empty tuple.
        self.buckets: dict[int, tuple[int, ...]] = {}
        self.signatures: dict[int, NDArray[np.uint64]] = {}

    def members(
        self, conn: psycopg.Connection[Any], keys: NDArray[np.int64]
    ) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
        """Stored members (at most per_bucket) of each distinct key, as parallel arrays of
        (key, advert id); the database is asked only about keys not seen before."""
        wanted = np.unique(keys).tolist()
        missing = [k for k in wanted if k not in self.buckets]
        if len(self.buckets) + len(missing) > MAX_BUCKETS:
            self.buckets.clear()
            missing = wanted
        self.buckets.update(dict.fromkeys(missing, ()))
        found_keys, found_ids = clusters.bucket_members(conn, missing, self.per_bucket)
        for key, advert_id in zip(found_keys.tolist(), found_ids.tolist(), strict=True):
            self.buckets[key] += (advert_id,)
        lists = [self.buckets[k] for k in wanted]
        counts = np.fromiter(map(len, lists), dtype=np.intp, count=len(lists))
        flat = np.fromiter(itertools.chain.from_iterable(lists), dtype=np.int64, count=counts.sum())
        return np.repeat(np.array(wanted, dtype=np.int64), counts), flat

    def signatures_of(
        self, conn: psycopg.Connection[Any], ids: list[int]
    ) -> dict[int, NDArray[np.uint64]]:
        missing = [i for i in ids if i not in self.signatures]
        if len(self.signatures) + len(missing) > MAX_SIGNATURES:
            self.signatures.clear()
            missing = list(ids)
        found, raw = clusters.signatures_of(conn, missing)
        stored = np.frombuffer(raw, dtype=np.uint64).reshape(len(found), NUM_PERM)
        self.signatures.update(zip(found.tolist(), stored, strict=True))
        return {i: self.signatures[i] for i in ids if i in self.signatures}

    def add(
        self,
        ids: list[int],
        sigs: NDArray[np.uint64],
        rows: tuple[NDArray[np.int64], NDArray[np.int64]],
    ) -> None:
        """Adverts just linked (and committed) join with their signatures and the bucket rows
        written for them (keys, advert ids)."""
        for row, advert_id in enumerate(ids):
            self.signatures[advert_id] = sigs[row]
        for key, advert_id in zip(rows[0].tolist(), rows[1].tolist(), strict=True):
            members = self.buckets.get(key)
            if members is not None and len(members) < self.per_bucket:
                self.buckets[key] = (*members, advert_id)

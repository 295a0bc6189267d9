"""What a linking run already knows about LSH buckets and signatures, so that adverts written
from one template ask PostgreSQL about their buckets once, not once per advert.

Valid only while the run holds the linking lock (no other linker adds buckets meanwhile).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import psycopg

from store import clusters

MAX_BUCKETS = 1_500_000  # bounded memory: the cache is dropped and refilled past this
MAX_SIGNATURES = 500_000
BucketKey = tuple[int, int]


class LinkCache:
    def __init__(self, per_bucket: int) -> None:
        self.per_bucket = per_bucket
        self.buckets: dict[BucketKey, list[int]] = {}
        self.signatures: dict[int, np.ndarray[Any, Any]] = {}

    def neighbours(
        self, conn: psycopg.Connection[Any], keys: set[BucketKey]
    ) -> dict[BucketKey, list[int]]:
        """Stored members of each bucket (at most per_bucket), asking the database once."""
        missing = [k for k in keys if k not in self.buckets]
        if missing:
            if len(self.buckets) + len(missing) > MAX_BUCKETS:
                self.buckets.clear()
                missing = list(keys)
            for key in missing:
                self.buckets[key] = []
            found = clusters.bucket_neighbours(
                conn, [k[0] for k in missing], [k[1] for k in missing], self.per_bucket
            )
            for band, bucket, advert_id in found:
                self.buckets[(band, bucket)].append(advert_id)
        return {k: list(self.buckets[k]) for k in keys}

    def signatures_of(
        self, conn: psycopg.Connection[Any], ids: list[int]
    ) -> dict[int, np.ndarray[Any, Any]]:
        missing = [i for i in ids if i not in self.signatures]
        if len(self.signatures) + len(missing) > MAX_SIGNATURES:
            self.signatures.clear()
            missing = list(ids)
        for advert_id, raw in clusters.signatures_of(conn, missing).items():
            self.signatures[advert_id] = np.frombuffer(raw, dtype=np.uint64)
        return {i: self.signatures[i] for i in ids if i in self.signatures}

    def add(self, ids: list[int], sigs: np.ndarray[Any, Any], keys: list[list[BucketKey]]) -> None:
        """Adverts just linked (and committed) join their buckets."""
        for row, advert_id in enumerate(ids):
            self.signatures[advert_id] = sigs[row]
            for key in keys[row]:
                members = self.buckets.get(key)
                if members is not None and len(members) < self.per_bucket:
                    members.append(advert_id)

"""Near-duplicate templates: MinHash over word shingles, LSH bands, union-find.

Language-independent: shingles are word 3-grams of the prepared text (case, diacritics and
digits folded), so "the same advert with another name, phone or city" stays close.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence

import numpy as np
from datasketch import MinHash
from numpy.typing import NDArray

from classifier.textfeatures import prepare_text

NUM_PERM = 60
BANDS = 20
ROWS = NUM_PERM // BANDS
SIMILARITY = 0.5  # estimated Jaccard above which two adverts share a template
SHINGLE = 3
_WORD = re.compile(r"\w+")
_BAND_MIX = (
    np.random.RandomState(20261123).randint(1, 2**62, size=ROWS, dtype=np.int64).astype(np.uint64)
)


def shingles(title: str, body: str) -> list[bytes]:
    words = _WORD.findall(prepare_text(title, body))
    if len(words) < SHINGLE:
        return [w.encode() for w in words] or [b"<empty>"]
    return list(
        {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}
    )


def signatures(texts: Sequence[tuple[str, str]]) -> NDArray[np.uint64]:
    """One MinHash signature (NUM_PERM values) per (title, body)."""
    if not texts:
        return np.zeros((0, NUM_PERM), dtype=np.uint64)
    hashes = MinHash.bulk(
        [shingles(t, b) for t, b in texts], num_perm=NUM_PERM, hashfunc=zlib.crc32
    )
    return np.vstack([m.hashvalues for m in hashes]).astype(np.uint64)


def band_buckets(sigs: NDArray[np.uint64]) -> NDArray[np.int64]:
    """(n, BANDS) bucket keys: each band's rows mixed into one signed 64-bit key."""
    shaped = sigs.reshape(len(sigs), BANDS, ROWS)
    with np.errstate(over="ignore"):
        mixed = (shaped * _BAND_MIX).sum(axis=2, dtype=np.uint64)
    buckets: NDArray[np.int64] = mixed.view(np.int64)
    return buckets


def similarity(a: NDArray[np.uint64], b: NDArray[np.uint64]) -> float:
    return float(np.mean(a == b))


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        root = self.parent.setdefault(x, x)
        while root != self.parent[root]:
            root = self.parent[root]
        while x != root:  # path compression
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self, members: Iterable[int] | None = None) -> list[list[int]]:
        found: dict[int, list[int]] = {}
        for x in self.parent if members is None else members:
            found.setdefault(self.find(x), []).append(x)
        return [sorted(g) for g in found.values()]

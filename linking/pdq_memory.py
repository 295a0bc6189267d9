"""The band index in memory: for linking many images at once (an import, a backfill) and, kept
warm (linking.pdq_warm), for interactive lookups.

PostgreSQL's band table answers one photo in tens of milliseconds at a million photos: each of
its 272 probes meets about N / 65,536 stored images, and every candidate costs a row fetch
(microseconds in SQL against nanoseconds in numpy). Same multi-index hashing as the table: per
band, the stored rows ordered by band value with the start of each value's run (a counting
sort, so a probe is two array reads, no search); each query looks up its band values and their
16 one-bit neighbours, and every candidate is verified by its full distance.

Memory: 8 bytes an id + 32 a hash + 16 x 4 of row order = 104 bytes a hash (~104 MB a
million), plus 8.4 MB of run starts whatever the size.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from linking.pdq import BAND_BITS, BANDS

__all__ = ["BYTES_PER_HASH", "FIXED_BYTES", "MemoryIndex", "band_values", "words_of"]

_NEIGHBOUR_MASKS = np.array([0, *(1 << b for b in range(BAND_BITS))], dtype=np.uint16)
_VALUES = 1 << BAND_BITS
BYTES_PER_HASH = 8 + 32 + 4 * BANDS
FIXED_BYTES = 8 * BANDS * (_VALUES + 1)


def words_of(raw: bytes) -> NDArray[np.uint64]:
    """(n, 4) native 64-bit words of concatenated 32-byte hashes."""
    return np.frombuffer(raw, dtype=">u8").astype(np.uint64).reshape(-1, 4)


def band_values(words: NDArray[np.uint64]) -> NDArray[np.uint16]:
    """(n, 16) band values; band 0 is the hash's first 16 bits."""
    big_endian = words.astype(">u8").view(">u2").reshape(len(words), BANDS)
    return big_endian.astype(np.uint16)


class MemoryIndex:
    """Immutable once built: safe to query from several threads at once."""

    def __init__(self, ids: NDArray[np.int64], words: NDArray[np.uint64]) -> None:
        if len(ids) >= 2**32:
            raise ValueError("the in-memory index holds fewer than 2**32 hashes")
        self.ids = ids
        self.words = words
        values = band_values(words)
        self.order = np.empty((BANDS, len(ids)), dtype=np.uint32)
        self.starts = np.zeros((BANDS, _VALUES + 1), dtype=np.int64)
        for band in range(BANDS):
            # numpy sorts 16-bit keys by radix when asked for a stable sort: linear time.
            self.order[band] = np.argsort(values[:, band], kind="stable")
            counts = np.bincount(values[:, band], minlength=_VALUES)
            np.cumsum(counts, out=self.starts[band, 1:])

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def nbytes(self) -> int:
        return self.ids.nbytes + self.words.nbytes + self.order.nbytes + self.starts.nbytes

    def _candidates(self, queries: NDArray[np.uint16]) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
        """(query row, stored row) pairs sharing a band value within one bit; a pair met in
        several bands comes several times (cheaper to verify twice than to sort them all)."""
        found_q, found_s = [], []
        for band in range(BANDS):
            probe = (queries[:, band, None] ^ _NEIGHBOUR_MASKS).astype(np.intp)  # (q, 17)
            lo = self.starts[band, probe].ravel()
            counts = self.starts[band, probe + 1].ravel() - lo
            starts = np.repeat(lo - np.cumsum(counts) + counts, counts)
            found_s.append(self.order[band, starts + np.arange(counts.sum())].astype(np.intp))
            found_q.append(np.repeat(np.arange(probe.size) // probe.shape[1], counts))
        return np.concatenate(found_q), np.concatenate(found_s)

    def neighbours(
        self, queries: NDArray[np.uint64], max_distance: int
    ) -> tuple[NDArray[np.intp], NDArray[np.int64], NDArray[np.int64]]:
        """(query row, stored id, distance) of every stored hash within max_distance bits,
        ordered by query row, then stored row."""
        if not len(self.ids) or not len(queries):
            empty = np.zeros(0, dtype=np.int64)
            return empty.astype(np.intp), empty, empty
        rows, stored = self._candidates(band_values(queries))
        dist = np.bitwise_count(queries[rows] ^ self.words[stored]).sum(axis=1, dtype=np.int64)
        near = dist <= max_distance
        keys = np.unique(rows[near].astype(np.int64) * len(self.ids) + stored[near])
        rows, stored = keys // len(self.ids), keys % len(self.ids)
        found = np.bitwise_count(queries[rows] ^ self.words[stored]).sum(axis=1, dtype=np.int64)
        return rows.astype(np.intp), self.ids[stored], found

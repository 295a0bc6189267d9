"""The in-memory band index finds exactly the hashes a full comparison finds (<= 31 bits)."""

from __future__ import annotations

import numpy as np

from linking.pdq import as_words, distances
from linking.pdq_memory import MemoryIndex, band_values


def test_band_values_start_with_the_first_hex_digits() -> None:
    words = as_words(["abcd" + "0" * 56 + "1234"])
    assert band_values(words)[0, 0] == 0xABCD and band_values(words)[0, 15] == 0x1234


def test_memory_index_matches_a_full_comparison() -> None:
    rng = np.random.default_rng(5)
    stored = rng.integers(0, 2**63, size=(3000, 4), dtype=np.uint64)
    bits = np.unpackbits(stored[:40].view(np.uint8), axis=1)
    for n, row in enumerate(bits):  # planted copies 0-39 bits away, some past the limit
        row[rng.choice(256, size=n, replace=False)] ^= 1
    queries = np.vstack([np.packbits(bits, axis=1).view(np.uint64), stored[100:110]])
    ids = np.arange(1, len(stored) + 1, dtype=np.int64) * 10
    rows, found, dist = MemoryIndex(ids, stored).neighbours(queries, 31)
    expected = {
        (q, int(ids[s]), int(d))
        for q in range(len(queries))
        for s, d in enumerate(distances(np.repeat(queries[q : q + 1], len(stored), 0), stored))
        if d <= 31
    }
    got = set(zip(rows.tolist(), found.tolist(), dist.tolist(), strict=True))
    assert got == expected
    assert {(q, i) for q, i, _ in got} >= {(q, int(ids[q])) for q in range(32)}

"""A warm PDQ index for interactive lookups, as Meta's Hasher-Matcher-Actioner keeps one: the
band index in memory (linking.pdq_memory), held by the process that answers lookups.

At a million photos a lookup through PostgreSQL's band table fetches ~4,500 candidate rows
(tens of milliseconds); in memory it takes about a millisecond. The table stays the source of
truth and answers while the index loads, when the caller asks for another quality threshold,
and when the index would outgrow its memory bound (ADWATCH_IMAGE_INDEX_MAX_MB).

- Loading: once, in a background thread, every image of PDQ quality >= the threshold.
- Current: before a lookup (at most every ADWATCH_IMAGE_INDEX_REFRESH_S seconds; 0 = every
  lookup), images with an id above the last one seen are read and added to a small second
  index, merged into the main one when it reaches an eighth of it. Images are never deleted
  (a purge drops bytes, not rows), so adding is all there is to keep current, except:
- Re-hashed: `adwatch images rehash` changes stored hashes, and bumps pdq_generation in the
  same transaction. A refresh reads that counter first; when it moved since the load, the
  index is dropped and loaded again in the background, the table answering meanwhile. The
  load reads the counter before the hashes, so a change committed during a load is caught
  by the next refresh, never lost. (A long rehash makes indexes reload after each batch.)
- Ids are handed out before their transaction commits, so a lower id can appear after a
  higher one: ids skipped in a read are asked for again on each refresh for GAP_WAIT_S
  seconds (a sequence value burnt by a conflicting insert never appears and is dropped then).
- Threads: the indexes are immutable and replaced whole; one refresh at a time (a lock), and
  a lookup never waits for the initial load.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

import numpy as np
import psycopg

from linking.pdq import as_words
from linking.pdq_memory import BYTES_PER_HASH, FIXED_BYTES, MemoryIndex, words_of
from store import image_index
from store.image_index import Neighbour

__all__ = ["GAP_WAIT_S", "WarmIndex", "index_bytes"]

log = logging.getLogger(__name__)
Connect = Callable[[], AbstractContextManager[psycopg.Connection[Any]]]
GAP_WAIT_S = 120.0  # how long an id skipped by a read is asked for again (each lookup)
MAX_GAPS = 2_000  # a conflicting insert (a photo seen again) burns an id too
_RECHECK_AT_LOAD = 1_000  # ids below the loaded maximum read again: commits still under way
_MERGE_MIN = 20_000


def index_bytes(hashes: int) -> int:
    """Memory the two indexes take for this many hashes (the fixed part counted twice)."""
    return hashes * BYTES_PER_HASH + 2 * FIXED_BYTES


def _index(ids: np.ndarray[Any, Any], words: np.ndarray[Any, Any]) -> MemoryIndex:
    order = np.argsort(ids, kind="stable")
    return MemoryIndex(ids[order].astype(np.int64), words[order])


_EMPTY = MemoryIndex(np.zeros(0, dtype=np.int64), np.zeros((0, 4), dtype=np.uint64))


@dataclass(frozen=True)
class _Indexes:
    main: MemoryIndex
    recent: MemoryIndex

    def __len__(self) -> int:
        return len(self.main) + len(self.recent)

    def holds(self, ids: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        """Which of these ids are indexed already (both indexes keep ids in order)."""
        held = np.zeros(len(ids), dtype=bool)
        for part in (self.main.ids, self.recent.ids):
            at = np.minimum(np.searchsorted(part, ids), max(len(part) - 1, 0))
            held |= (part[at] == ids) if len(part) else False
        return held


class WarmIndex:
    def __init__(
        self, connect: Connect, min_quality: int, max_bytes: int, refresh_s: float = 0.0
    ) -> None:
        self.min_quality = min_quality
        self.max_bytes = max_bytes
        self.refresh_s = refresh_s
        self.state = "cold"  # cold | loading | ready | too_big
        self._connect = connect
        self._indexes: _Indexes | None = None
        self._lock = threading.Lock()  # one load or refresh at a time
        self._thread: threading.Thread | None = None
        self._last_id = 0
        self._generation = 0  # pdq_generation when the hashes were loaded
        self._gaps: dict[int, float] = {}  # skipped id -> when first skipped
        self._refreshed_at = float("-inf")

    def start(self) -> None:
        """Load in the background (again after a failed load); lookups use the table till then."""
        with self._lock:
            if self.state != "cold":
                return
            self.state = "loading"
            self._thread = threading.Thread(target=self._load, name="pdq-index", daemon=True)
            self._thread.start()

    def close(self) -> None:
        if self._thread is not None:
            self._thread.join()

    @property
    def nbytes(self) -> int:
        held = self._indexes
        return held.main.nbytes + held.recent.nbytes if held else 0

    def __len__(self) -> int:
        held = self._indexes
        return len(held) if held else 0

    def ready_for(self, min_quality: int) -> bool:
        """Whether lookups at this quality floor are answered here (not by the table)."""
        return self.state == "ready" and min_quality == self.min_quality

    def _load(self) -> None:
        try:
            with self._connect() as conn:
                generation = image_index.hash_generation(conn)  # before the hashes: see above
                hashes = image_index.matchable_count(conn, self.min_quality)
                if index_bytes(hashes) > self.max_bytes:
                    self.state = "too_big"
                    log.warning("PDQ index over %d bytes: lookups use the table", self.max_bytes)
                    return
                ids, raw, last_id = image_index.matchable_hashes(conn, self.min_quality)
            with self._lock:
                self._indexes = _Indexes(MemoryIndex(ids, words_of(raw)), _EMPTY)
                self._last_id = max(0, last_id - _RECHECK_AT_LOAD)
                self._generation = generation
                self.state = "ready"
            log.info("PDQ index loaded: %d hashes, %.0f MB", len(ids), self.nbytes / 1e6)
        except Exception:  # the table answers meanwhile; the next lookup tries again
            log.exception("loading the PDQ index failed")
            self.state = "cold"

    def lookup(
        self,
        conn: psycopg.Connection[Any],
        hashes: Sequence[str],
        max_distance: int,
        min_quality: int,
    ) -> list[Neighbour] | None:
        """Stored images within max_distance bits of each (normalised) hash, as the band table
        gives them (nearest first per query, then by id); None when the table must answer."""
        if min_quality != self.min_quality:
            return None
        if self.state == "cold":
            self.start()
        if self.state != "ready":
            return None
        self.refresh(conn)
        held = self._indexes
        if held is None:  # hashes were re-hashed: reload while the table answers
            self.start()
            return None
        if not hashes:
            return []
        words = as_words(list(hashes))
        found: list[tuple[int, int, int]] = []
        for part in (held.main, held.recent):
            rows, ids, dist = part.neighbours(words, max_distance)
            found += zip(rows.tolist(), dist.tolist(), ids.tolist(), strict=True)
        return [Neighbour(q, i, d) for q, d, i in sorted(found)]

    def refresh(self, conn: psycopg.Connection[Any], *, force: bool = False) -> None:
        """Add the images stored since the last refresh, if one is due; drop the index (state
        cold, to be loaded again) when stored hashes changed since it was loaded."""
        if not force and time.monotonic() - self._refreshed_at < self.refresh_s:
            return
        with self._lock:
            held = self._indexes
            if held is None:
                return
            now = time.monotonic()
            if image_index.hash_generation(conn) != self._generation:
                self._indexes, self.state = None, "cold"
                log.info("stored PDQ hashes changed: reloading the index")
                return
            rows = image_index.images_since(conn, self._last_id, list(self._gaps), self.min_quality)
            self._note_gaps([i for i, _ in rows], now)
            self._add(held, [(i, p) for i, p in rows if p is not None])
            self._refreshed_at = now

    def _note_gaps(self, seen: list[int], now: float) -> None:
        """Ids between the last seen and the highest now seen that were not there yet."""
        present = set(seen)
        top = max(seen, default=self._last_id)
        for image_id in range(max(self._last_id + 1, top - MAX_GAPS), top):
            if image_id not in present:
                self._gaps.setdefault(image_id, now)
        self._gaps = {
            i: t for i, t in self._gaps.items() if i not in present and now - t < GAP_WAIT_S
        }
        if len(self._gaps) > MAX_GAPS:
            self._gaps = dict(sorted(self._gaps.items())[-MAX_GAPS:])
        self._last_id = max(self._last_id, top)

    def _add(self, held: _Indexes, rows: list[tuple[int, str]]) -> None:
        if not rows:
            return
        ids = np.array([i for i, _ in rows], dtype=np.int64)
        words = as_words([p for _, p in rows])
        new = ~held.holds(ids)
        ids = np.concatenate([held.recent.ids, ids[new]])
        words = np.vstack([held.recent.words, words[new]])
        if index_bytes(len(held.main) + len(ids)) > self.max_bytes:
            self._indexes, self.state = None, "too_big"
            log.warning("PDQ index over %d bytes: lookups use the table", self.max_bytes)
        elif len(ids) >= max(_MERGE_MIN, len(held.main) // 8):
            main = _index(np.concatenate([held.main.ids, ids]), np.vstack([held.main.words, words]))
            self._indexes = _Indexes(main, _EMPTY)
        else:
            self._indexes = _Indexes(held.main, _index(ids, words))

"""Image pairs found by the crop signal (linking.crop_windows), for the image linker.

Each queued image first gets its window hashes (from its kept bytes; an image whose bytes are
purged or missing simply has no crop signal). Then, in both directions, so the order in which
a photo and its cropped copy arrive does not matter:
- a queued image's whole-picture hash against every stored window: stored originals it is a
  crop of;
- a queued image's windows against every stored whole-picture hash: stored crops of it.
Both lookups use the same multi-index band search as PDQ (linking.pdq_memory), every
candidate verified by its full distance, never all pairs. The index is built once a linking
run, after every queued image has its windows, and again only when images queued since then
bring new ones.

The index holds the windows of the newest `newest` photos only (by id; CROP_INDEX_IMAGES by
default, ADWATCH_CROP_INDEX_IMAGES in a deployment): at ~29 KB of memory a photo, every
stored window of a million photos would take ~28 GB. So a crop links to photos among the
newest ones (reposted photos come back within weeks); PDQ links across all of them.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import psycopg
from numpy.typing import NDArray

from linking.crop_windows import CROP_MATCH_DISTANCE, HASH_BYTES, WINDOWS, window_hashes
from linking.pdq_memory import MemoryIndex, words_of
from store import crop_windows as crop_store
from store.image_files import image_path

__all__ = ["CropIndex", "CropLinker"]

log = logging.getLogger(__name__)
_COUNT = len(WINDOWS)
CROP_INDEX_IMAGES = 10_000  # ~290 MB of index while linking


class CropIndex:
    """Every stored image's windows, in two band indexes: all windows, and whole pictures."""

    def __init__(self, ids: NDArray[np.int64], raw: bytes) -> None:
        self.ids = ids
        self.words = words_of(raw).reshape(len(ids), _COUNT, 4)
        self.row_of = {int(image_id): row for row, image_id in enumerate(ids.tolist())}
        every = np.arange(len(ids) * _COUNT, dtype=np.int64)
        self.windows = MemoryIndex(every, self.words.reshape(-1, 4))
        self.wholes = MemoryIndex(np.arange(len(ids), dtype=np.int64), self.words[:, 0].copy())

    def pairs(self, image_ids: Sequence[int], max_distance: int) -> set[tuple[int, int]]:
        """(image, other stored image) pairs where one is within max_distance of a window of
        the other; images without stored windows find nothing."""
        known = [i for i in image_ids if i in self.row_of]
        if not known:
            return set()
        queries = self.words[[self.row_of[i] for i in known]]  # (m, windows, 4)
        rows, found, _ = self.windows.neighbours(queries[:, 0].copy(), max_distance)
        pairs = {(known[r], int(self.ids[f // _COUNT])) for r, f in zip(rows, found, strict=True)}
        inner = queries[:, 1:].reshape(-1, 4).copy()
        rows, found, _ = self.wholes.neighbours(inner, max_distance)
        step = _COUNT - 1
        pairs |= {(known[r // step], int(self.ids[f])) for r, f in zip(rows, found, strict=True)}
        return {(a, b) for a, b in pairs if a != b}


class CropLinker:
    """The crop signal for one linking run: window hashes from the bytes under images_dir."""

    def __init__(
        self,
        images_dir: Path,
        min_quality: int,
        max_distance: int = CROP_MATCH_DISTANCE,
        newest: int = CROP_INDEX_IMAGES,
    ) -> None:
        self.images_dir = images_dir
        self.newest = newest
        self.min_quality = min_quality
        self.max_distance = max_distance
        self.index: CropIndex | None = None

    def _save(self, conn: psycopg.Connection[Any], files: dict[int, str]) -> int:
        rows = []
        for image_id, key in files.items():
            try:
                data = image_path(self.images_dir, key).read_bytes()
            except (OSError, ValueError):
                log.warning("image %d: bytes not readable; no crop signal", image_id)
                continue
            hashes = window_hashes(data)
            if hashes is not None:
                rows.append((image_id, hashes))
        crop_store.save_windows(conn, rows)
        return len(rows)

    def _load(self, conn: psycopg.Connection[Any]) -> CropIndex:
        ids, raw = crop_store.load_windows(conn, HASH_BYTES * _COUNT, self.min_quality, self.newest)
        self.index = CropIndex(ids, raw)
        return self.index

    def prepare(self, conn: psycopg.Connection[Any], chunk: int = 500) -> None:
        """Window hashes for every queued image (each chunk committed), then the index."""
        after = 0
        while files := crop_store.queued_to_window(conn, after, chunk):
            with conn.transaction():
                self._save(conn, files)
            after = max(files)
        self._load(conn)

    def pairs(
        self, conn: psycopg.Connection[Any], image_ids: Sequence[int]
    ) -> set[tuple[int, int]]:
        """(queued image, stored image) pairs linked by the crop signal; images without
        windows yet (queued since prepare) get them first."""
        saved = self._save(conn, crop_store.files_to_window(conn, image_ids))
        index = self._load(conn) if saved or self.index is None else self.index
        return index.pairs(image_ids, self.max_distance)

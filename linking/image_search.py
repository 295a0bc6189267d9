"""Image lookups: a photo's neighbours, from the warm in-memory index when the caller holds a
ready one (linking.pdq_warm), else through PostgreSQL's band table; both give the same answer
(images are recorded by store.images, as the crawler captures them)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import psycopg

from linking.pdq import MAX_INDEXED_DISTANCE, normalise, probes
from linking.pdq_warm import WarmIndex
from store import image_index
from store.image_index import Neighbour, Probes


def find_neighbours(
    conn: psycopg.Connection[Any],
    hashes: Sequence[str],
    max_distance: int,
    min_quality: int,
    warm: WarmIndex | None = None,
) -> list[Neighbour]:
    """Stored images within `max_distance` bits of each hash (by index in `hashes`), nearest
    first; at most 31 bits, as the one-bit probes of 16 bands find no more."""
    if not 0 <= max_distance <= MAX_INDEXED_DISTANCE:
        raise ValueError(f"the image index finds matches up to {MAX_INDEXED_DISTANCE} bits")
    wanted = [normalise(h) for h in hashes]
    if warm is not None:
        found = warm.lookup(conn, wanted, max_distance, min_quality)
        if found is not None:
            return found
    rows = Probes([], [], [])
    for n, pdq in enumerate(wanted):
        bands, values = probes(pdq)
        rows.queries.extend([n] * len(bands))
        rows.bands.extend(bands)
        rows.values.extend(values)
    return image_index.neighbours(conn, wanted, rows, max_distance, min_quality)

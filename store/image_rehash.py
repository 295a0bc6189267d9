"""Re-hashing stored images with the full-size PDQ (images.pdq_method 1 -> 2), one batch per
transaction: the new hash and quality, the band rows cut from it, a link-queue entry when it
changed and is matchable, and a bump of pdq_generation so warm indexes reload.

Every write is conditional on the row still being method 1, so a batch repeated (a second
run, two runs at once, a batch retried after an interruption) changes nothing twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import psycopg

from store.images import PDQ_FULL_SIZE, PDQ_SHRUNK, add_band_rows
from store.pgarrays import bigint_array

__all__ = [
    "OldHash",
    "Rehashed",
    "old_hashes",
    "purged_old_count",
    "write_rehashed",
]


@dataclass(frozen=True)
class OldHash:
    """A method-1 image whose bytes should still be on disk."""

    id: int
    sha256: str
    media_type: str
    storage_key: str


@dataclass(frozen=True)
class Rehashed:
    """The full-size hash of one image's kept bytes."""

    id: int
    pdq: str | None
    quality: int | None


def old_hashes(conn: psycopg.Connection[Any], after_id: int, limit: int) -> list[OldHash]:
    """The next method-1 images (id order, ids above after_id) whose bytes were not purged."""
    rows = conn.execute(
        """SELECT id, sha256, media_type, storage_key FROM images
           WHERE pdq_method = %s AND id > %s AND purged_at IS NULL ORDER BY id LIMIT %s""",
        (PDQ_SHRUNK, after_id, limit),
    ).fetchall()
    return [OldHash(int(i), str(s), str(m), str(k)) for i, s, m, k in rows]


def purged_old_count(conn: psycopg.Connection[Any]) -> int:
    """Method-1 images whose bytes retention purged: they keep their old hash."""
    row = conn.execute(
        "SELECT count(*) FROM images WHERE pdq_method = %s AND purged_at IS NOT NULL",
        (PDQ_SHRUNK,),
    ).fetchone()
    return int(row[0]) if row else 0


# Only rows still method 1 are written; `changed` says whose hash (or quality, which decides
# whether it is matched) moved.
_UPDATE_SQL = """
WITH new AS (SELECT * FROM unnest(%s::bigint[], %s::text[], %s::smallint[]) AS n(id, pdq, q)),
old AS (SELECT i.id, i.pdq, i.pdq_quality AS q FROM images i JOIN new USING (id)
        WHERE i.pdq_method = %s FOR UPDATE OF i)
UPDATE images i SET pdq = new.pdq, pdq_quality = new.q, pdq_method = %s
FROM new JOIN old USING (id) WHERE i.id = new.id
RETURNING i.id, (old.pdq, old.q) IS DISTINCT FROM (new.pdq, new.q) AS changed
"""
_QUEUE_SQL = """
INSERT INTO image_link_queue (image_id)
SELECT id FROM images WHERE id = ANY(%s::bigint[]) AND pdq IS NOT NULL AND pdq_quality >= %s
ON CONFLICT DO NOTHING
"""


def write_rehashed(
    conn: psycopg.Connection[Any], hashes: Sequence[Rehashed], min_quality: int
) -> tuple[int, int]:
    """Store new hashes in one transaction: (images written, images whose hash changed).
    The changed ones get new band rows (the old ones go) and are queued for linking, so
    their adverts join the clusters the new hash finds."""
    if not hashes:
        return 0, 0
    with conn.transaction():
        rows = conn.execute(
            _UPDATE_SQL,
            (
                bigint_array([h.id for h in hashes]),
                [h.pdq for h in hashes],
                [h.quality for h in hashes],
                PDQ_SHRUNK,
                PDQ_FULL_SIZE,
            ),
        ).fetchall()
        changed = sorted(int(i) for i, moved in rows if moved)
        if changed:
            ids = bigint_array(changed)
            conn.execute("DELETE FROM image_pdq_bands WHERE image_id = ANY(%s::bigint[])", (ids,))
            add_band_rows(conn, changed, min_quality)
            conn.execute(_QUEUE_SQL, (ids, min_quality))
            conn.execute(
                """UPDATE pdq_generation
                   SET generation = generation + 1, changed_at = now()"""
            )
    return len(rows), len(changed)

"""Window hashes of images (image_crop_windows): the crop-tolerant signal linking.crop_windows
computes, saved once per image and read back whole for the in-memory band index."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import psycopg
from numpy.typing import NDArray

from store.pgarrays import bigint_array, bigints

__all__ = ["files_to_window", "load_windows", "queued_to_window", "save_windows"]


def save_windows(conn: psycopg.Connection[Any], rows: Sequence[tuple[int, bytes]]) -> None:
    """Store (image id, concatenated window hashes); an image already stored keeps its row."""
    if not rows:
        return
    with conn.cursor() as cur:
        cur.executemany(
            """INSERT INTO image_crop_windows (image_id, hashes) VALUES (%s, %s)
               ON CONFLICT (image_id) DO NOTHING""",
            list(rows),
        )


def files_to_window(conn: psycopg.Connection[Any], image_ids: Sequence[int]) -> dict[int, str]:
    """Storage keys of those of these images whose window hashes are not stored yet and whose
    bytes are still kept (not purged)."""
    rows = conn.execute(
        """SELECT i.id, i.storage_key FROM images i
           WHERE i.id = ANY(%s::bigint[]) AND i.purged_at IS NULL
             AND NOT EXISTS (SELECT 1 FROM image_crop_windows w WHERE w.image_id = i.id)""",
        (bigint_array(image_ids),),
    ).fetchall()
    return {int(i): str(key) for i, key in rows}


def queued_to_window(conn: psycopg.Connection[Any], after: int, limit: int) -> dict[int, str]:
    """Storage keys of up to `limit` queued images after id `after`, in id order, whose
    window hashes are not stored yet and whose bytes are still kept."""
    rows = conn.execute(
        """SELECT i.id, i.storage_key FROM image_link_queue q JOIN images i ON i.id = q.image_id
           WHERE q.image_id > %s AND i.purged_at IS NULL
             AND NOT EXISTS (SELECT 1 FROM image_crop_windows w WHERE w.image_id = i.id)
           ORDER BY q.image_id LIMIT %s""",
        (after, limit),
    ).fetchall()
    return {int(i): str(key) for i, key in rows}


def load_windows(
    conn: psycopg.Connection[Any], hash_bytes: int, min_quality: int, newest: int
) -> tuple[NDArray[np.int64], bytes]:
    """The newest `newest` image ids (of PDQ quality at least min_quality) whose row holds
    exactly `hash_bytes` (the current grid), in id order, and those rows concatenated: blobs,
    no Python per row."""
    row = conn.execute(
        """WITH recent AS (
               SELECT w.image_id, w.hashes
               FROM image_crop_windows w JOIN images i ON i.id = w.image_id
               WHERE octet_length(w.hashes) = %s AND i.pdq_quality >= %s
               ORDER BY w.image_id DESC LIMIT %s)
           SELECT string_agg(int8send(image_id), ''::bytea ORDER BY image_id),
                  string_agg(hashes, ''::bytea ORDER BY image_id)
           FROM recent""",
        (hash_bytes, min_quality, newest),
        binary=True,
    ).fetchone()
    if row is None or row[0] is None:
        return np.zeros(0, dtype=np.int64), b""
    return bigints(row[0]), bytes(row[1])

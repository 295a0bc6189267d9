"""Image hashes and their multi-index (image_pdq_bands): look up neighbours, link queue.

Neighbour search never scans all images: each band's value and its one-bit neighbours are
looked up in the (band, value) btree, and only those candidates get a full Hamming distance.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
import psycopg
from numpy.typing import NDArray
from psycopg.rows import class_row

from store.pgarrays import bigint_array, bigints


@dataclass(frozen=True)
class StoredImage:
    id: int
    sha256: str
    media_type: str
    width: int
    height: int
    pdq: str | None
    pdq_quality: int | None
    storage_key: str
    purged_at: datetime | None


@dataclass(frozen=True)
class Neighbour:
    query: int  # index of the query hash in the caller's list
    image_id: int
    distance: int


@dataclass(frozen=True)
class Probes:
    """Rows to look up in image_pdq_bands: (index of the query hash, band, value)."""

    queries: list[int]
    bands: list[int]
    values: list[int]


def neighbours(
    conn: psycopg.Connection[Any],
    hashes: Sequence[str],
    probes: Probes,
    max_distance: int,
    min_quality: int,
) -> list[Neighbour]:
    """Stored images of at least `min_quality` found by the probes and within `max_distance`
    of their query hash, nearest first per query."""
    if not hashes:
        return []
    rows = conn.execute(
        """WITH q AS (SELECT DISTINCT p.query, b.image_id
                      FROM unnest(%s::int[], %s::smallint[], %s::int[]) AS p(query, band, value)
                      JOIN image_pdq_bands b ON b.band = p.band AND b.value = p.value),
                h AS (SELECT n - 1 AS query, ('x' || pdq)::bit(256) AS bits
                      FROM unnest(%s::text[]) WITH ORDINALITY AS t(pdq, n))
           SELECT q.query, q.image_id, bit_count(('x' || i.pdq)::bit(256) # h.bits) AS d
           FROM q JOIN h USING (query) JOIN images i ON i.id = q.image_id
           WHERE i.pdq_quality >= %s
             AND bit_count(('x' || i.pdq)::bit(256) # h.bits) <= %s
           ORDER BY q.query, d, q.image_id""",
        (
            probes.queries,
            probes.bands,
            probes.values,
            list(hashes),
            min_quality,
            max_distance,
        ),
    ).fetchall()
    return [Neighbour(int(q), int(i), int(d)) for q, i, d in rows]


def images_to_link(
    conn: psycopg.Connection[Any], limit: int, up_to: int | None = None
) -> list[tuple[int, str | None, int]]:
    """The queue's head (ids up to `up_to` when given): (image id, PDQ or None, quality)."""
    rows = conn.execute(
        """WITH head AS MATERIALIZED (
               SELECT image_id FROM image_link_queue WHERE image_id <= %s
               ORDER BY image_id LIMIT %s)
           SELECT i.id, i.pdq, coalesce(i.pdq_quality, 0)
           FROM head JOIN images i ON i.id = head.image_id ORDER BY i.id""",
        (up_to if up_to is not None else 2**63 - 1, limit),
    ).fetchall()
    return [(int(i), p, int(q)) for i, p, q in rows]


def queued_count(conn: psycopg.Connection[Any]) -> int:
    row = conn.execute("SELECT count(*) FROM image_link_queue").fetchone()
    return int(row[0]) if row else 0


def matchable_hashes(
    conn: psycopg.Connection[Any], min_quality: int
) -> tuple[NDArray[np.int64], bytes, int]:
    """Every image id with a PDQ of at least min_quality, its hash (32 bytes each,
    concatenated), in id order, and the largest image id then: blobs, no Python per row."""
    row = conn.execute(
        """SELECT string_agg(int8send(id), ''::bytea ORDER BY id),
                  string_agg(decode(pdq, 'hex'), ''::bytea ORDER BY id),
                  int8send(coalesce((SELECT max(id) FROM images), 0))
           FROM images WHERE pdq IS NOT NULL AND pdq_quality >= %s""",
        (min_quality,),
        binary=True,
    ).fetchone()
    assert row is not None
    return bigints(row[0]), bytes(row[1] or b""), int(bigints(row[2])[0])


def matchable_count(conn: psycopg.Connection[Any], min_quality: int) -> int:
    """How many images have a PDQ of at least min_quality."""
    row = conn.execute(
        "SELECT count(*) FROM images WHERE pdq IS NOT NULL AND pdq_quality >= %s", (min_quality,)
    ).fetchone()
    return int(row[0]) if row else 0


def images_since(
    conn: psycopg.Connection[Any], after_id: int, also: Sequence[int], min_quality: int
) -> list[tuple[int, str | None]]:
    """Every image with an id above `after_id` or among `also`, in id order, with its PDQ
    when that is of at least min_quality (else None): which ids exist, and which match."""
    rows = conn.execute(
        """SELECT id, CASE WHEN pdq_quality >= %s THEN pdq END FROM images
           WHERE id > %s OR id = ANY(%s::bigint[]) ORDER BY id""",
        (min_quality, after_id, bigint_array(also)),
    ).fetchall()
    return [(int(i), p) for i, p in rows]


def hash_generation(conn: psycopg.Connection[Any]) -> int:
    """A counter bumped by every transaction that changes stored hashes (store.image_rehash);
    storing new images leaves it alone."""
    row = conn.execute("SELECT generation FROM pdq_generation").fetchone()
    return int(row[0]) if row else 0


def dequeue(conn: psycopg.Connection[Any], image_ids: Sequence[int]) -> None:
    conn.execute(
        "DELETE FROM image_link_queue WHERE image_id = ANY(%s::bigint[])",
        (bigint_array(image_ids),),
    )


def adverts_of_images(
    conn: psycopg.Connection[Any], image_ids: Sequence[int]
) -> dict[int, list[int]]:
    """Each image's adverts."""
    found: dict[int, list[int]] = {}
    for image_id, advert_id in conn.execute(
        """SELECT image_id, advert_id FROM advert_images
           WHERE image_id = ANY(%s::bigint[]) ORDER BY image_id, advert_id""",
        (bigint_array(image_ids),),
    ):
        found.setdefault(int(image_id), []).append(int(advert_id))
    return found


_IMAGE_COLUMNS = "id, sha256, media_type, width, height, pdq, pdq_quality, storage_key, purged_at"


def image(conn: psycopg.Connection[Any], image_id: int) -> StoredImage | None:
    with conn.cursor(row_factory=class_row(StoredImage)) as cur:
        return cur.execute(
            f"SELECT {_IMAGE_COLUMNS} FROM images WHERE id = %s", (image_id,)
        ).fetchone()


def images_of_advert(conn: psycopg.Connection[Any], advert_id: int) -> list[StoredImage]:
    with conn.cursor(row_factory=class_row(StoredImage)) as cur:
        return cur.execute(
            f"""SELECT {", ".join("i." + c.strip() for c in _IMAGE_COLUMNS.split(","))}
                FROM advert_images ai JOIN images i ON i.id = ai.image_id
                WHERE ai.advert_id = %s ORDER BY ai.position, i.id""",
            (advert_id,),
        ).fetchall()


@dataclass(frozen=True)
class ImageAdvert:
    image_id: int
    advert_id: int
    title: str
    site: str | None
    location: str | None
    risk_score: float | None
    band: str | None


def adverts_showing(conn: psycopg.Connection[Any], image_ids: Sequence[int]) -> list[ImageAdvert]:
    """The adverts showing any of these images, riskiest first."""
    with conn.cursor(row_factory=class_row(ImageAdvert)) as cur:
        return cur.execute(
            """SELECT ai.image_id, a.id AS advert_id, a.title, s.name AS site, a.location,
                      a.risk_score, a.band
               FROM advert_images ai JOIN adverts a ON a.id = ai.advert_id
               LEFT JOIN sites s ON s.id = a.site_id
               WHERE ai.image_id = ANY(%s::bigint[])
               ORDER BY a.risk_score DESC NULLS LAST, a.id, ai.image_id""",
            (bigint_array(image_ids),),
        ).fetchall()

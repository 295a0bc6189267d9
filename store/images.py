"""Advert images: stored once per distinct content (SHA-256), linked to the adverts that show
them, indexed by PDQ bands and queued for linking; purged like raw snapshots.

The bytes themselves are files (store/image_files.py); rows here say what they are. An image
whose PDQ quality is below the threshold is stored and linked to its adverts but gets no band
rows and no queue entry: a flat or tiny picture's hash matches too much to be evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg

from store.pgarrays import bigint_array

__all__ = [
    "DEFAULT_MIN_QUALITY",
    "PDQ_FULL_SIZE",
    "PDQ_SHRUNK",
    "CapturedImage",
    "ImageRecord",
    "StoredImages",
    "add_band_rows",
    "advert_images",
    "get_image",
    "link_advert_image",
    "purge_dismissed_images",
    "store_captures",
    "upsert_image",
]

#: PDQ's standard quality threshold: hashes below it are not matched
DEFAULT_MIN_QUALITY = 50


@dataclass(frozen=True)
class ImageRecord:
    """One distinct image as captured: its bytes' facts and hashes, and where the bytes are."""

    sha256: str
    byte_size: int
    media_type: str  # image/jpeg | image/png | image/gif | image/webp, as decoded
    width: int
    height: int
    pdq: str | None  # 64 hex digits; None when it could not be hashed
    pdq_quality: int | None  # 0-100
    storage_key: str  # relative to the images root (store/image_files.py)


#: images.pdq_method: the 512-pixel shrink hashed before 2026-12-07, and the full-size PDQ
#: (crawlers.pdq_fullsize, as partners compute it) written since
PDQ_SHRUNK, PDQ_FULL_SIZE = 1, 2


@dataclass(frozen=True)
class CapturedImage:
    """An image seen on one advert page."""

    advert_url: str  # the advert's canonical URL
    url: str  # where the image was fetched from (before redirects)
    position: int  # its place among the advert's images, from 0
    fetched_at: datetime
    image: ImageRecord


@dataclass(frozen=True)
class StoredImages:
    new_images: int  # distinct images stored for the first time
    links: int  # advert-image links written (new or refreshed)
    unknown_adverts: tuple[str, ...]  # advert URLs not stored: their images were not linked


_INSERT_SQL = """
INSERT INTO images (sha256, byte_size, media_type, width, height, pdq, pdq_quality, storage_key,
                    pdq_method)
VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)
ON CONFLICT (sha256) DO NOTHING RETURNING id
"""
# Seen again after retention purged its bytes: the new capture wrote them back.
_RESTORE_SQL = """
UPDATE images SET storage_key = %s, purged_at = NULL
WHERE sha256 = %s AND purged_at IS NOT NULL RETURNING id
"""
# The bands from the stored hex, so that SQL and linking.pdq.pdq_bands agree on one layout.
_BANDS_SQL = """
INSERT INTO image_pdq_bands (band, value, image_id)
SELECT b, ('x' || substr(i.pdq, b * 4 + 1, 4))::bit(16)::integer, i.id
FROM images i CROSS JOIN generate_series(0, 15) AS b
WHERE i.id = ANY(%s::bigint[]) AND i.pdq IS NOT NULL AND i.pdq_quality >= %s
ON CONFLICT DO NOTHING
"""


def add_band_rows(
    conn: psycopg.Connection[Any], image_ids: Sequence[int], min_quality: int
) -> None:
    """The 16 band rows of each image whose stored PDQ is matchable (quality >= min_quality)."""
    conn.execute(_BANDS_SQL, (bigint_array(image_ids), min_quality))


_LINK_SQL = """
INSERT INTO advert_images (advert_id, image_id, url, position, fetched_at)
VALUES (%s, %s, %s, %s, %s)
ON CONFLICT (advert_id, image_id) DO UPDATE
SET url = excluded.url, position = excluded.position, fetched_at = excluded.fetched_at
RETURNING xmax = 0
"""
# A known, indexed photo on a new advert is queued again, so linking puts that advert in the
# photo's cluster too.
_REQUEUE_SQL = """
INSERT INTO image_link_queue (image_id)
SELECT %s WHERE EXISTS (SELECT 1 FROM image_pdq_bands WHERE image_id = %s)
ON CONFLICT DO NOTHING
"""


def upsert_image(
    conn: psycopg.Connection[Any], image: ImageRecord, *, min_quality: int = DEFAULT_MIN_QUALITY
) -> tuple[int, bool]:
    """(id, stored now) of an image by its SHA-256: inserted once, whoever captures it again.
    A new image of PDQ quality >= min_quality gets its 16 band rows and a link-queue entry."""
    row = conn.execute(
        _INSERT_SQL,
        (
            image.sha256,
            image.byte_size,
            image.media_type,
            image.width,
            image.height,
            image.pdq,
            image.pdq_quality,
            image.storage_key,
            PDQ_FULL_SIZE,
        ),
    ).fetchone()
    if row is None:
        found = conn.execute(_RESTORE_SQL, (image.storage_key, image.sha256)).fetchone() or (
            conn.execute("SELECT id FROM images WHERE sha256 = %s", (image.sha256,)).fetchone()
        )
        if found is None:  # cannot happen: the conflict was on this sha256
            raise RuntimeError(f"image {image.sha256} neither inserted nor found")
        return int(found[0]), False
    image_id = int(row[0])
    if image.pdq is not None and (image.pdq_quality or 0) >= min_quality:
        add_band_rows(conn, [image_id], min_quality)
        conn.execute(
            "INSERT INTO image_link_queue (image_id) VALUES (%s) ON CONFLICT DO NOTHING",
            (image_id,),
        )
    return image_id, True


def link_advert_image(
    conn: psycopg.Connection[Any],
    advert_id: int,
    image_id: int,
    url: str,
    position: int,
    fetched_at: datetime,
) -> None:
    """Record that an advert shows an image (again: url, position and fetch time refreshed)."""
    row = conn.execute(_LINK_SQL, (advert_id, image_id, url, position, fetched_at)).fetchone()
    if row is not None and row[0]:
        conn.execute(_REQUEUE_SQL, (image_id, image_id))


def store_captures(
    conn: psycopg.Connection[Any],
    captures: Sequence[CapturedImage],
    *,
    min_quality: int = DEFAULT_MIN_QUALITY,
) -> StoredImages:
    """Store a batch of captured images and link each to its stored advert, in one
    transaction; safe to repeat."""
    if not captures:
        return StoredImages(0, 0, ())
    urls = sorted({c.advert_url for c in captures})
    with conn.transaction():
        rows = conn.execute(
            "SELECT canonical_url, id FROM adverts WHERE canonical_url = ANY(%s)", (urls,)
        ).fetchall()
        advert_ids = {str(r[0]): int(r[1]) for r in rows}
        new = links = 0
        # sorted by hash: concurrent batches take row locks in one order (no deadlock)
        for capture in sorted(captures, key=lambda c: (c.image.sha256, c.advert_url)):
            advert_id = advert_ids.get(capture.advert_url)
            if advert_id is None:
                continue
            image_id, inserted = upsert_image(conn, capture.image, min_quality=min_quality)
            new += inserted
            link_advert_image(
                conn, advert_id, image_id, capture.url, capture.position, capture.fetched_at
            )
            links += 1
    unknown = tuple(u for u in urls if u not in advert_ids)
    return StoredImages(new, links, unknown)


def get_image(conn: psycopg.Connection[Any], sha256: str) -> dict[str, Any] | None:
    """An image's row by content hash, as a dict of its columns."""
    cur = conn.execute("SELECT * FROM images WHERE sha256 = %s", (sha256,))
    row = cur.fetchone()
    if row is None or cur.description is None:
        return None
    return dict(zip([d.name for d in cur.description], row, strict=True))


def advert_images(conn: psycopg.Connection[Any], advert_id: int) -> list[dict[str, Any]]:
    """An advert's images in page order: url, position, fetched_at and the image's columns."""
    cur = conn.execute(
        """SELECT ai.url, ai.position, ai.fetched_at, i.id AS image_id, i.sha256, i.byte_size,
                  i.media_type, i.width, i.height, i.pdq, i.pdq_quality, i.storage_key,
                  i.purged_at
           FROM advert_images ai JOIN images i ON i.id = ai.image_id
           WHERE ai.advert_id = %s ORDER BY ai.position, i.id""",
        (advert_id,),
    )
    names = [d.name for d in cur.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


# An image's bytes go when every advert showing it was last decided 'dismissed' long enough
# ago (the raw-snapshot rule): one advert still open or confirmed keeps them.
_PURGE_SQL = """
WITH latest AS (
    SELECT DISTINCT ON (advert_id) advert_id, decision, decided_at
    FROM decisions ORDER BY advert_id, decided_at DESC, id DESC
), kept AS (
    SELECT DISTINCT ai.image_id FROM advert_images ai LEFT JOIN latest l USING (advert_id)
    WHERE l.decision IS DISTINCT FROM 'dismissed'
       OR l.decided_at >= now() - make_interval(days => %s)
)
UPDATE images i SET purged_at = now()
WHERE i.purged_at IS NULL
  AND EXISTS (SELECT 1 FROM advert_images ai WHERE ai.image_id = i.id)
  AND i.id NOT IN (SELECT image_id FROM kept)
RETURNING i.storage_key
"""


def purge_dismissed_images(conn: psycopg.Connection[Any], older_than_days: int) -> list[str]:
    """Mark purged the images shown only by adverts dismissed over `older_than_days` ago and
    return their storage keys, whose files the caller deletes; the hashes stay."""
    with conn.transaction():
        rows = conn.execute(_PURGE_SQL, (older_than_days,)).fetchall()
    return [str(r[0]) for r in rows]

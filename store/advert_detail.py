"""One advert in full: row, versions (and raw snapshots), entities, clusters, linked adverts."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
from psycopg.rows import class_row


@dataclass(frozen=True)
class AdvertRow:
    id: int
    canonical_url: str
    site: str | None
    kind: str
    title: str
    body: str
    language: str | None
    posted_at: datetime | None
    location: str | None
    pay: str | None
    employer: str | None
    licence_number: str | None
    current_version: int
    status: str
    first_seen: datetime
    last_seen: datetime
    removed_at: datetime | None
    removal_reason: str | None
    risk_score: float | None
    band: str | None
    flagged: bool
    model_version: str | None
    scored_at: datetime | None


def advert(conn: psycopg.Connection[Any], advert_id: int) -> AdvertRow | None:
    with conn.cursor(row_factory=class_row(AdvertRow)) as cur:
        return cur.execute(
            """SELECT a.id, a.canonical_url, s.name AS site, a.kind, a.title, a.body, a.language,
                      a.posted_at, a.location, a.pay, a.employer, a.licence_number,
                      a.current_version, a.status, a.first_seen, a.last_seen, a.removed_at,
                      a.removal_reason, a.risk_score, a.band, a.flagged, a.model_version,
                      a.scored_at
               FROM adverts a LEFT JOIN sites s ON s.id = a.site_id WHERE a.id = %s""",
            (advert_id,),
        ).fetchone()


@dataclass(frozen=True)
class VersionRow:
    version: int
    content_hash: str
    title: str
    body: str
    fields: dict[str, Any]
    url: str
    fetched_at: datetime
    http_status: int | None
    content_type: str | None
    raw_sha256: str
    raw_size: int
    raw_purged_at: datetime | None


_VERSION_COLUMNS = """version, content_hash, title, body, fields, url, fetched_at, http_status,
                      content_type, raw_sha256, raw_size, raw_purged_at"""


def versions(conn: psycopg.Connection[Any], advert_id: int) -> list[VersionRow]:
    with conn.cursor(row_factory=class_row(VersionRow)) as cur:
        return cur.execute(
            f"SELECT {_VERSION_COLUMNS} FROM advert_versions WHERE advert_id = %s ORDER BY version",
            (advert_id,),
        ).fetchall()


def snapshots(
    conn: psycopg.Connection[Any], advert_id: int
) -> Iterator[tuple[VersionRow, bytes | None]]:
    """Each version with its raw page (gunzipped), one row at a time; None once purged."""
    for version in versions(conn, advert_id):
        row = conn.execute(
            "SELECT raw_gzip FROM advert_versions WHERE advert_id = %s AND version = %s",
            (advert_id, version.version),
        ).fetchone()
        raw = row[0] if row else None
        yield version, (gzip.decompress(raw) if raw is not None else None)


@dataclass(frozen=True)
class EntityRow:
    kind: str
    value: str
    raw: str
    span_start: int | None
    span_end: int | None
    shared_with: int


def entities(conn: psycopg.Connection[Any], advert_id: int) -> list[EntityRow]:
    """The advert's contacts with how many other adverts share each one."""
    with conn.cursor(row_factory=class_row(EntityRow)) as cur:
        return cur.execute(
            """SELECT en.kind, en.value, ae.raw, ae.span_start, ae.span_end,
                      (SELECT count(*) FROM advert_entities o
                       WHERE o.entity_id = en.id AND o.advert_id <> ae.advert_id) AS shared_with
               FROM advert_entities ae JOIN entities en ON en.id = ae.entity_id
               WHERE ae.advert_id = %s ORDER BY en.kind, en.value""",
            (advert_id,),
        ).fetchall()


@dataclass(frozen=True)
class ClusterRow:
    id: int
    kind: str
    size: int
    sites: int
    cities: int
    first_seen: datetime | None
    last_seen: datetime | None
    risk: float


def clusters(conn: psycopg.Connection[Any], advert_id: int) -> list[ClusterRow]:
    with conn.cursor(row_factory=class_row(ClusterRow)) as cur:
        return cur.execute(
            """SELECT c.id, c.kind, c.size, c.sites, c.cities, c.first_seen, c.last_seen, c.risk
               FROM cluster_members m JOIN clusters c ON c.id = m.cluster_id
               WHERE m.advert_id = %s ORDER BY c.kind, c.id""",
            (advert_id,),
        ).fetchall()


@dataclass(frozen=True)
class LinkedAdvert:
    id: int
    title: str
    kind: str
    site: str | None
    risk_score: float | None
    band: str | None
    status: str
    reasons: list[str]


_LINKED_SQL = """
WITH links AS (
    SELECT o.advert_id AS id, en.kind || ':' || en.value AS reason
    FROM advert_entities me JOIN advert_entities o
         ON o.entity_id = me.entity_id AND o.advert_id <> me.advert_id
    JOIN entities en ON en.id = me.entity_id
    WHERE me.advert_id = %(id)s
    UNION ALL
    SELECT o.advert_id, 'cluster:' || c.kind || ':' || c.id
    FROM cluster_members me JOIN cluster_members o
         ON o.cluster_id = me.cluster_id AND o.advert_id <> me.advert_id
    JOIN clusters c ON c.id = me.cluster_id
    WHERE me.advert_id = %(id)s
)
SELECT a.id, a.title, a.kind, s.name AS site, a.risk_score, a.band, a.status,
       array_agg(DISTINCT l.reason ORDER BY l.reason) AS reasons
FROM links l JOIN adverts a ON a.id = l.id LEFT JOIN sites s ON s.id = a.site_id
GROUP BY a.id, s.name
ORDER BY a.risk_score DESC NULLS LAST, a.id
LIMIT %(limit)s
"""


def linked_adverts(
    conn: psycopg.Connection[Any], advert_id: int, limit: int = 50
) -> list[LinkedAdvert]:
    """Adverts sharing a contact or a cluster with this one, riskiest first."""
    with conn.cursor(row_factory=class_row(LinkedAdvert)) as cur:
        return cur.execute(_LINKED_SQL, {"id": advert_id, "limit": limit}).fetchall()

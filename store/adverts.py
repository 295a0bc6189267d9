"""Adverts: idempotent ingest (upsert + a version only when content changes) and removal."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import psycopg
from isal import igzip

from store import takedowns
from store.sql_ingest import (
    INGEST_ENTITIES_SQL,
    INGEST_SQL,
    LOCK_SQL,
    STAGE_ENTITIES_SQL,
    STAGE_SQL,
)


@dataclass(frozen=True)
class RawEvidence:
    """A fetched page's bytes as they are kept: their SHA-256, length and gzip."""

    sha256: str
    length: int
    gzipped: bytes


# ISA-L's gzip (plain gzip, read back by the standard library): at level 2 a third of zlib level
# 6's time on job pages, files ~5 % larger; level 3 (its best) costs half as much again for 1 %.
_EVIDENCE_GZIP_LEVEL = 2


def raw_evidence(raw_body: bytes) -> RawEvidence:
    """Worked out where the page was read (an extraction worker), so that compressing every
    page does not take the crawl process's time."""
    gzipped = igzip.compress(raw_body, compresslevel=_EVIDENCE_GZIP_LEVEL)
    return RawEvidence(hashlib.sha256(raw_body).hexdigest(), len(raw_body), gzipped)


@dataclass(frozen=True)
class EntityRecord:
    kind: str  # phone | email | handle | url
    value: str  # normalised value
    raw: str = ""
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class AdvertSnapshot:
    """One fetched advert page: extracted fields plus the raw bytes that prove them."""

    canonical_url: str
    url: str
    kind: str
    title: str
    body: str
    raw_body: bytes
    fetched_at: datetime
    http_status: int = 200
    content_type: str | None = None
    site_id: int | None = None
    language: str | None = None
    posted_at: datetime | None = None
    location: str | None = None
    pay: str | None = None
    employer: str | None = None
    licence_number: str | None = None
    entities: tuple[EntityRecord, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)
    evidence: RawEvidence | None = None  # raw_body's, when already worked out

    def fields_json(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "posted_at": self.posted_at.isoformat() if self.posted_at else None,
            "location": self.location,
            "pay": self.pay,
            "employer": self.employer,
            "licence_number": self.licence_number,
            "entities": sorted([e.kind, e.value] for e in self.entities),
            **self.extra,
        }

    def content_hash(self) -> str:
        """Hash of what the advert says (not of the page chrome), so re-crawls stay quiet."""
        payload = [self.kind, self.title, self.body, self.fields_json()]
        encoded = json.dumps(payload, ensure_ascii=False, sort_keys=True, default=str)
        return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class IngestResult:
    advert_id: int
    canonical_url: str
    version: int
    is_new: bool
    changed: bool
    reappeared: bool

    @property
    def outcome(self) -> str:
        if self.is_new:
            return "new"
        return "updated" if self.changed else "unchanged"


def _staging_row(position: int, snap: AdvertSnapshot) -> tuple[Any, ...]:
    evidence = snap.evidence or raw_evidence(snap.raw_body)
    return (
        position,
        snap.canonical_url,
        snap.url,
        snap.site_id,
        snap.kind,
        snap.title,
        snap.body,
        snap.language,
        snap.posted_at,
        snap.location,
        snap.pay,
        snap.employer,
        snap.licence_number,
        snap.content_hash(),
        json.dumps(snap.fields_json(), ensure_ascii=False, default=str),
        snap.fetched_at,
        snap.http_status,
        snap.content_type,
        evidence.sha256,
        evidence.length,
        evidence.gzipped,
    )


def ingest_many(
    conn: psycopg.Connection[Any], snapshots: Sequence[AdvertSnapshot]
) -> list[IngestResult]:
    """Store a batch in one transaction through COPY; safe to repeat and to run concurrently."""
    if not snapshots:
        return []
    with conn.transaction():
        conn.execute(STAGE_SQL)
        with conn.cursor().copy("COPY _ingest FROM STDIN") as copy:
            for position, snap in enumerate(snapshots):
                copy.write_row(_staging_row(position, snap))
        conn.execute(LOCK_SQL)
        rows = conn.execute(INGEST_SQL).fetchall()
        _ingest_entities(conn, snapshots)
    return [IngestResult(*row) for row in rows]


def _ingest_entities(conn: psycopg.Connection[Any], snapshots: Sequence[AdvertSnapshot]) -> None:
    if not any(snap.entities for snap in snapshots):
        return
    conn.execute(STAGE_ENTITIES_SQL)
    with conn.cursor().copy("COPY _ingest_entities FROM STDIN") as copy:
        for snap in snapshots:
            for ent in snap.entities:
                copy.write_row(
                    (snap.canonical_url, ent.kind, ent.value, ent.raw, ent.start, ent.end)
                )
    for statement in INGEST_ENTITIES_SQL:
        conn.execute(statement)


def ingest_advert(conn: psycopg.Connection[Any], snapshot: AdvertSnapshot) -> IngestResult:
    return ingest_many(conn, [snapshot])[0]


def mark_removed(
    conn: psycopg.Connection[Any], canonical_url: str, reason: str, at: datetime
) -> int | None:
    """Mark a stored advert as gone (e.g. HTTP 404/410); returns its id, None if not stored.
    A 404/410 of a shared advert tells its partners through the feed (a takedown note)."""
    with conn.transaction():
        row = conn.execute(
            """UPDATE adverts SET status = 'removed', removed_at = %s, removal_reason = %s
               WHERE canonical_url = %s AND status = 'active' RETURNING id""",
            (at, reason, canonical_url),
        ).fetchone()
        if row is not None and reason in takedowns.GONE_REASONS:
            takedowns.announce(conn, int(row[0]), at, by_recrawl=True)
    return int(row[0]) if row else None


def record_missing_from_run(
    conn: psycopg.Connection[Any],
    site_id: int,
    run_started_at: datetime,
    threshold: int,
    at: datetime,
) -> list[int]:
    """After a complete crawl, unseen adverts count a miss; enough misses mark them removed."""
    with conn.transaction():
        conn.execute(
            """UPDATE adverts SET missing_runs = missing_runs + 1
               WHERE site_id = %s AND status = 'active' AND last_seen < %s""",
            (site_id, run_started_at),
        )
        rows = conn.execute(
            """UPDATE adverts SET status = 'removed', removed_at = %s,
                      removal_reason = 'missing from listing'
               WHERE site_id = %s AND status = 'active' AND missing_runs >= %s RETURNING id""",
            (at, site_id, threshold),
        ).fetchall()
    return [int(r[0]) for r in rows]


def count_adverts(conn: psycopg.Connection[Any]) -> dict[str, int]:
    rows = conn.execute("SELECT status, count(*) FROM adverts GROUP BY status").fetchall()
    return {str(r[0]): int(r[1]) for r in rows}


def active_urls(conn: psycopg.Connection[Any], site_name: str) -> list[str]:
    """Canonical URLs of a site's adverts still believed to be online."""
    rows = conn.execute(
        """SELECT a.canonical_url FROM adverts a JOIN sites s ON s.id = a.site_id
           WHERE s.name = %s AND a.status = 'active' ORDER BY a.id""",
        (site_name,),
    ).fetchall()
    return [str(r[0]) for r in rows]


def count_flagged(conn: psycopg.Connection[Any]) -> int:
    row = conn.execute("SELECT count(*) FROM adverts WHERE flagged").fetchone()
    return int(row[0]) if row else 0

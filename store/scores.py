"""Scores: model output per advert version and each advert's current score."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import psycopg
from psycopg.rows import class_row


@dataclass(frozen=True)
class PendingAdvert:
    id: int
    current_version: int
    kind: str
    title: str
    body: str
    language: str | None
    licence_number: str | None
    employer: str | None


@dataclass(frozen=True)
class ScoreRecord:
    """One score; indicator_hits: indicator_id, polarity, weight, field, start, end, text."""

    advert_id: int
    advert_version: int
    model_version: str
    taxonomy_version: str
    risk_score: float
    band: str
    flagged: bool
    indicator_hits: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class StoredScore:
    advert_id: int
    advert_version: int
    model_version: str
    taxonomy_version: str
    risk_score: float
    band: str
    flagged: bool
    indicator_hits: list[dict[str, Any]]
    scored_at: datetime


def claim_pending(conn: psycopg.Connection[Any], limit: int) -> list[PendingAdvert]:
    """Lock a batch of adverts awaiting a score; other workers skip them until commit."""
    with conn.cursor(row_factory=class_row(PendingAdvert)) as cur:
        return cur.execute(
            """SELECT id, current_version, kind, title, body, language, licence_number, employer
               FROM adverts WHERE needs_scoring ORDER BY id LIMIT %s
               FOR UPDATE SKIP LOCKED""",
            (limit,),
        ).fetchall()


_INSERT_SCORE = """
INSERT INTO scores (advert_id, advert_version, model_version, taxonomy_version,
                    risk_score, band, flagged, indicator_hits)
VALUES (%s, %s, %s, %s, %s, %s, %s, %s)
ON CONFLICT (advert_id, advert_version, model_version) DO UPDATE SET
    risk_score = excluded.risk_score, band = excluded.band,
    flagged = excluded.flagged, indicator_hits = excluded.indicator_hits,
    taxonomy_version = excluded.taxonomy_version, scored_at = now()
"""
_UPDATE_ADVERT = """
UPDATE adverts SET risk_score = %s, band = %s, flagged = %s, model_version = %s,
    risk_indicators = %s, scored_at = now(), needs_scoring = (current_version <> %s)
WHERE id = %s
"""


def save_scores(conn: psycopg.Connection[Any], records: Sequence[ScoreRecord]) -> None:
    """Store scores and update each advert's current score (review intake is the caller's)."""
    if not records:
        return
    scores = [
        (r.advert_id, r.advert_version, r.model_version, r.taxonomy_version, r.risk_score,
         r.band, r.flagged, json.dumps(r.indicator_hits, ensure_ascii=False))
        for r in records
    ]  # fmt: skip
    adverts = [
        (r.risk_score, r.band, r.flagged, r.model_version, _risk_indicators(r),
         r.advert_version, r.advert_id)
        for r in records
    ]  # fmt: skip
    with conn.transaction(), conn.cursor() as cur:
        cur.executemany(_INSERT_SCORE, scores)
        cur.executemany(_UPDATE_ADVERT, adverts)


def _risk_indicators(record: ScoreRecord) -> int:
    """Distinct risk indicators of a score: one input of the review priority."""
    hits = record.indicator_hits
    return len({h.get("indicator_id") for h in hits if h.get("polarity") == "risk"})


def latest_score(conn: psycopg.Connection[Any], advert_id: int) -> StoredScore | None:
    with conn.cursor(row_factory=class_row(StoredScore)) as cur:
        return cur.execute(
            """SELECT advert_id, advert_version, model_version, taxonomy_version, risk_score,
                      band, flagged, indicator_hits, scored_at
               FROM scores WHERE advert_id = %s ORDER BY scored_at DESC, id DESC LIMIT 1""",
            (advert_id,),
        ).fetchone()

"""Read side for analysts: search with keyset pagination, advert detail, links, dashboard."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
from psycopg.rows import class_row

from store.advert_detail import (
    AdvertRow,
    ClusterRow,
    EntityRow,
    LinkedAdvert,
    VersionRow,
    advert,
    clusters,
    entities,
    linked_adverts,
    snapshots,
    versions,
)

__all__ = [
    "AdvertFilter",
    "AdvertRow",
    "AdvertSummary",
    "ClusterRow",
    "EntityRow",
    "LinkedAdvert",
    "SeriesPoint",
    "VersionRow",
    "advert",
    "clusters",
    "entities",
    "flagged_series",
    "linked_adverts",
    "search",
    "snapshots",
    "totals",
    "versions",
]


@dataclass(frozen=True)
class AdvertFilter:
    kind: str | None = None
    band: str | None = None
    score_min: float | None = None
    score_max: float | None = None
    indicator: str | None = None
    site: str | None = None
    language: str | None = None
    status: str | None = None
    flagged: bool | None = None
    since: datetime | None = None
    until: datetime | None = None
    entity: str | None = None
    q: str | None = None


@dataclass(frozen=True)
class AdvertSummary:
    id: int
    canonical_url: str
    kind: str
    title: str
    site: str | None
    language: str | None
    status: str
    risk_score: float | None
    band: str | None
    flagged: bool
    first_seen: datetime
    last_seen: datetime


_LATEST_HITS = """(SELECT indicator_hits FROM scores WHERE advert_id = a.id
                    ORDER BY scored_at DESC, id DESC LIMIT 1)"""

_SIMPLE = {
    "kind": "a.kind = %s",
    "band": "a.band = %s",
    "score_min": "a.risk_score >= %s",
    "score_max": "a.risk_score <= %s",
    "site": "s.name = %s",
    "language": "a.language = %s",
    "status": "a.status = %s",
    "flagged": "a.flagged = %s",
    "since": "a.last_seen >= %s",
    "until": "a.first_seen < %s",
    "q": "a.search @@ websearch_to_tsquery('simple', %s)",
    "indicator": _LATEST_HITS
    + " @> jsonb_build_array(jsonb_build_object('indicator_id', %s::text))",
    "entity": """EXISTS (SELECT 1 FROM advert_entities ae JOIN entities en ON en.id = ae.entity_id
                         WHERE ae.advert_id = a.id
                           AND (en.value = %s OR en.kind || ':' || en.value = %s))""",
}


def _where(f: AdvertFilter) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    for name, clause in _SIMPLE.items():
        value = getattr(f, name)
        if value is None or value == "":
            continue
        clauses.append(clause)
        params.extend([value] * clause.count("%s"))
    return clauses, params


def _keyset(order: str, after: tuple[float | None, int] | None) -> tuple[str | None, list[Any]]:
    if after is None:
        return None, []
    risk, last_id = after
    if order == "id":
        return "a.id > %s", [last_id]
    if risk is None:
        return "(a.risk_score IS NULL AND a.id > %s)", [last_id]
    return (
        "(a.risk_score < %s OR (a.risk_score = %s AND a.id > %s) OR a.risk_score IS NULL)",
        [risk, risk, last_id],
    )


def search(
    conn: psycopg.Connection[Any],
    f: AdvertFilter,
    *,
    order: str = "risk",
    after: tuple[float | None, int] | None = None,
    limit: int = 50,
) -> list[AdvertSummary]:
    """One page ordered by (risk_score DESC NULLS LAST, id) or by id, after a keyset cursor."""
    clauses, params = _where(f)
    keyset, keyset_params = _keyset(order, after)
    if keyset:
        clauses.append(keyset)
        params.extend(keyset_params)
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    order_by = "a.id" if order == "id" else "a.risk_score DESC NULLS LAST, a.id"
    sql = f"""SELECT a.id, a.canonical_url, a.kind, a.title, s.name AS site, a.language,
                     a.status, a.risk_score, a.band, a.flagged, a.first_seen, a.last_seen
              FROM adverts a LEFT JOIN sites s ON s.id = a.site_id
              {where} ORDER BY {order_by} LIMIT %s"""
    with conn.cursor(row_factory=class_row(AdvertSummary)) as cur:
        return cur.execute(sql.encode(), [*params, limit]).fetchall()


@dataclass(frozen=True)
class SeriesPoint:
    day: datetime
    key: str
    count: int


def flagged_series(conn: psycopg.Connection[Any], by: str, days: int = 30) -> list[SeriesPoint]:
    """Flagged adverts per day of appearance, grouped by advert kind or by site.

    An advert appeared when it was posted, if the site says so, and never later than we first
    saw it (a posted date in the future is the advertiser's claim, not a fact)."""
    key = {"kind": "a.kind", "site": "coalesce(s.name, '(none)')"}[by]
    appeared = "least(coalesce(a.posted_at, a.first_seen), a.first_seen)"
    sql = f"""SELECT date_trunc('day', {appeared}) AS day, {key} AS key, count(*) AS count
              FROM adverts a LEFT JOIN sites s ON s.id = a.site_id
              WHERE a.flagged AND {appeared} >= now() - make_interval(days => %s)
              GROUP BY 1, 2 ORDER BY 1, 2"""
    with conn.cursor(row_factory=class_row(SeriesPoint)) as cur:
        return cur.execute(sql.encode(), (days,)).fetchall()


def totals(conn: psycopg.Connection[Any]) -> dict[str, int]:
    """Headline counts for the dashboard."""
    row = conn.execute(
        """SELECT (SELECT count(*) FROM adverts),
                  (SELECT count(*) FROM adverts WHERE flagged),
                  (SELECT count(*) FROM review_items WHERE state <> 'decided'),
                  (SELECT count(*) FROM decisions WHERE decision = 'confirmed'),
                  (SELECT count(*) FROM decisions WHERE decision = 'dismissed'),
                  (SELECT count(*) FROM decisions WHERE decision = 'escalated'),
                  (SELECT count(*) FROM takedowns)"""
    ).fetchone()
    assert row is not None
    names = ("adverts", "flagged", "queue_open", "confirmed", "dismissed", "escalated", "takedowns")
    return dict(zip(names, (int(v) for v in row), strict=True))

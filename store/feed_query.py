"""Reading the partner feed: one query shape for every format (JSON, CSV, STIX, TAXII).

A page is read in two steps. `page_bounds` finds, with the filters applied, the last seq of
the page and whether more events wait; the formats need both before the first byte (CSV and
TAXII send them as headers). store.feed_render then streams every visible event in
(after, last] with the content rendered for it when it was first read, so an event that
became visible between the two steps is sent on this page rather than jumped over by the
cursor. FEED_SELECT builds the full row an event is rendered from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import psycopg
from psycopg.rows import class_row


@dataclass(frozen=True)
class FeedRow:
    """One event with what a partner may see; contacts are raw here and hashed by share/."""

    seq: int
    event: str
    advert_id: int
    created_at: datetime
    url: str
    site: str | None
    kind: str
    risk_score: float | None
    band: str | None
    decided_at: datetime | None
    indicator_hits: list[dict[str, Any]]
    contacts: list[dict[str, str]]
    confirmed_seq: int | None
    confirmed_at: datetime | None
    tlp: str
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    snapshot_sha256: str | None = None
    # PDQ hashes (never the images) and the advert's clusters: a platform matches the photos
    # in its Hasher-Matcher-Actioner and sees how far the network reaches.
    images: list[dict[str, Any]] = field(default_factory=list)
    clusters: list[dict[str, Any]] = field(default_factory=list)
    # taken_down events: removed_at and confirmed_by_recrawl (never who reported it)
    detail: dict[str, Any] | None = None


@dataclass(frozen=True)
class FeedFilter:
    """What a partner asked for. `group_ids` are the partner's sharing groups (never empty
    for a partner that may read: an empty list matches nothing)."""

    group_ids: Sequence[int]
    since: datetime | None = None
    kind: str | None = None
    site: str | None = None
    confirmed_seqs: Sequence[int] = field(default_factory=tuple)
    # STIX versions: "all" events, "first" (no retraction), "last" (a note, a retraction, or an
    # confirmation not superseded by a later retraction of it), or exact times.
    version: str = "all"
    added_at: Sequence[datetime] = field(default_factory=tuple)
    # event types wanted (empty: all); TAXII's match[type] maps indicator and note to them
    events: Sequence[str] = field(default_factory=tuple)


FEED_SELECT = """
SELECT e.seq, e.event, e.advert_id, e.created_at, a.canonical_url AS url, s.name AS site,
       a.kind, a.risk_score, a.band, d.decided_at,
       coalesce(sc.indicator_hits, '[]'::jsonb) AS indicator_hits,
       coalesce(ct.contacts, '[]'::jsonb) AS contacts,
       c.seq AS confirmed_seq, c.created_at AS confirmed_at, e.tlp,
       a.first_seen, a.last_seen, v.raw_sha256 AS snapshot_sha256,
       coalesce(im.images, '[]'::jsonb) AS images, coalesce(cl.clusters, '[]'::jsonb) AS clusters,
       e.detail
FROM feed_events e
JOIN adverts a ON a.id = e.advert_id
LEFT JOIN sites s ON s.id = a.site_id
LEFT JOIN decisions d ON d.id = e.decision_id
LEFT JOIN advert_versions v ON v.advert_id = a.id AND v.version = a.current_version
LEFT JOIN LATERAL (SELECT indicator_hits FROM scores WHERE advert_id = e.advert_id
                   ORDER BY scored_at DESC, id DESC LIMIT 1) sc ON true
LEFT JOIN LATERAL (SELECT jsonb_agg(jsonb_build_object('kind', en.kind, 'value', en.value)
                                    ORDER BY en.kind, en.value) AS contacts
                   FROM advert_entities ae JOIN entities en ON en.id = ae.entity_id
                   WHERE ae.advert_id = e.advert_id) ct ON true
LEFT JOIN LATERAL (SELECT jsonb_agg(jsonb_build_object('pdq', i.pdq, 'quality', i.pdq_quality)
                                    ORDER BY ai.position, i.id) AS images
                   FROM advert_images ai JOIN images i ON i.id = ai.image_id
                   WHERE ai.advert_id = e.advert_id AND i.pdq IS NOT NULL) im ON true
LEFT JOIN LATERAL (SELECT jsonb_agg(jsonb_build_object('kind', cs.kind, 'size', cs.size,
                                    'sites', cs.sites, 'cities', cs.cities, 'risk', cs.risk)
                                    ORDER BY cs.kind, cs.id) AS clusters
                   FROM cluster_members cm JOIN clusters cs ON cs.id = cm.cluster_id
                   WHERE cm.advert_id = e.advert_id) cl ON true
LEFT JOIN LATERAL (SELECT seq, created_at FROM feed_events p
                   WHERE p.advert_id = e.advert_id AND p.event = 'confirmed'
                     AND p.seq <= e.seq ORDER BY p.seq DESC LIMIT 1) c ON true
"""

# No snapshot-xmin horizon: writers hold the feed lock until commit (store.feed), so no event
# can commit past one still in flight, and another database's long transaction (a bulk load,
# a forgotten session) does not hide every partner's feed.
WHERE_VISIBLE = """WHERE e.seq > %(after)s
  AND e.group_ids && %(groups)s::bigint[]
  AND (%(since)s::timestamptz IS NULL OR e.created_at >= %(since)s)
  AND (%(kind)s::text IS NULL OR e.advert_id IN (SELECT id FROM adverts WHERE kind = %(kind)s))
  AND (%(site)s::text IS NULL OR e.advert_id IN
       (SELECT a2.id FROM adverts a2 JOIN sites s2 ON s2.id = a2.site_id
        WHERE s2.name = %(site)s))
  AND (cardinality(%(origins)s::bigint[]) = 0 OR e.seq = ANY(%(origins)s) OR
       (e.event = 'retracted' AND (SELECT max(p.seq) FROM feed_events p
                                   WHERE p.advert_id = e.advert_id AND p.event = 'confirmed'
                                     AND p.seq < e.seq) = ANY(%(origins)s)))
  AND (cardinality(%(events)s::text[]) = 0 OR e.event = ANY(%(events)s))
  AND (%(version)s <> 'first' OR e.event <> 'retracted')
  AND (%(version)s <> 'last' OR e.event <> 'confirmed' OR NOT EXISTS
       (SELECT 1 FROM feed_events r WHERE r.advert_id = e.advert_id AND r.seq > e.seq
          AND r.event = 'retracted' AND r.group_ids && %(groups)s::bigint[]
          AND NOT EXISTS (SELECT 1 FROM feed_events c2 WHERE c2.advert_id = e.advert_id
                            AND c2.event = 'confirmed' AND c2.seq > e.seq AND c2.seq < r.seq)))
  AND (cardinality(%(added)s::timestamptz[]) = 0 OR e.created_at = ANY(%(added)s))
"""


def query_params(after: int, filters: FeedFilter) -> dict[str, Any]:
    return {
        "after": after,
        "groups": list(filters.group_ids),
        "since": filters.since,
        "kind": filters.kind,
        "site": filters.site,
        "origins": list(filters.confirmed_seqs),
        "version": filters.version,
        "added": list(filters.added_at),
        "events": list(filters.events),
    }


def page_bounds(
    conn: psycopg.Connection[Any], after: int, limit: int, filters: FeedFilter
) -> tuple[int | None, bool]:
    """(last seq on the page or None when it is empty, whether more events wait after it)."""
    rows = conn.execute(
        "SELECT e.seq FROM feed_events e " + WHERE_VISIBLE + " ORDER BY e.seq LIMIT %(limit)s",
        {**query_params(after, filters), "limit": limit + 1},
    ).fetchall()
    if not rows:
        return None, False
    page = rows[:limit]
    return int(page[-1][0]), len(rows) > limit


def newest_seq(conn: psycopg.Connection[Any]) -> int:
    """The highest seq ever given out; a cursor beyond it was not made by this feed. Read
    from the sequence, not max(seq): purging an advert deletes its events, and a partner's
    cursor at a deleted event must stay valid."""
    row = conn.execute(
        """SELECT CASE WHEN s.is_called THEN s.last_value ELSE 0 END
           FROM feed_events_seq_seq s"""
    ).fetchone()
    return int(row[0]) if row else 0


def event(conn: psycopg.Connection[Any], seq: int) -> FeedRow | None:
    with conn.cursor(row_factory=class_row(FeedRow)) as cur:
        return cur.execute(FEED_SELECT + " WHERE e.seq = %s", (seq,)).fetchone()

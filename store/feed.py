"""Partner feed: ordered events (confirmations, retractions), opinions, takedowns.

Cursor completeness: a reader only returns events whose transaction id is below the xmin of
its snapshot, so an event still in flight (lower seq, not yet visible) is never jumped over.
Writers also serialise on an advisory lock until commit, so seq order is commit order even
when a transaction got its xid before another allocated a lower seq.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import psycopg
from psycopg.rows import class_row

_FEED_LOCK_KEY = 74_012_027


@dataclass(frozen=True)
class FeedRow:
    """One event with what a partner may see; contacts are raw here and hashed by the API."""

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
    # PDQ hashes (never the images) and the advert's clusters: a platform matches the photos
    # in its Hasher-Matcher-Actioner and sees how far the network reaches.
    images: list[dict[str, Any]] = field(default_factory=list)
    clusters: list[dict[str, Any]] = field(default_factory=list)


def append_event(
    conn: psycopg.Connection[Any],
    advert_id: int,
    event: str,
    decision_id: int | None,
    *,
    group_ids: Sequence[int],
    tlp: str,
) -> int:
    """Append an event for the given sharing groups in the caller's transaction, and queue
    webhook deliveries for the partners in those groups."""
    conn.execute("SELECT pg_advisory_xact_lock(%s)", (_FEED_LOCK_KEY,))
    row = conn.execute(
        """INSERT INTO feed_events (advert_id, event, decision_id, group_ids, tlp)
           VALUES (%s, %s, %s, %s, %s) RETURNING seq""",
        (advert_id, event, decision_id, list(group_ids), tlp),
    ).fetchone()
    assert row is not None
    seq = int(row[0])
    conn.execute(
        """INSERT INTO webhook_deliveries (partner_id, feed_seq)
           SELECT p.id, %s FROM partners p WHERE p.active AND p.webhook_url IS NOT NULL
             AND EXISTS (SELECT 1 FROM partner_groups pg
                         WHERE pg.partner_id = p.id AND pg.group_id = ANY(%s))
           ON CONFLICT DO NOTHING""",
        (seq, list(group_ids)),
    )
    return seq


_FEED_SELECT = """
SELECT e.seq, e.event, e.advert_id, e.created_at, a.canonical_url AS url, s.name AS site,
       a.kind, a.risk_score, a.band, d.decided_at,
       coalesce(sc.indicator_hits, '[]'::jsonb) AS indicator_hits,
       coalesce(ct.contacts, '[]'::jsonb) AS contacts,
       c.seq AS confirmed_seq, c.created_at AS confirmed_at, e.tlp,
       coalesce(im.images, '[]'::jsonb) AS images, coalesce(cl.clusters, '[]'::jsonb) AS clusters
FROM feed_events e
JOIN adverts a ON a.id = e.advert_id
LEFT JOIN sites s ON s.id = a.site_id
LEFT JOIN decisions d ON d.id = e.decision_id
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

_FEED_PAGE = (
    _FEED_SELECT
    + """WHERE e.seq > %(after)s AND e.xid < pg_snapshot_xmin(pg_current_snapshot())
  AND e.group_ids && %(groups)s::bigint[]
ORDER BY e.seq LIMIT %(limit)s"""
)

# An event `e` reaches a partner only when shared with one of the partner's groups.
_PARTNER_MAY_SEE = """EXISTS (SELECT 1 FROM partner_groups pg
                              WHERE pg.partner_id = %(partner)s
                                AND pg.group_id = ANY(e.group_ids))"""


def read_events(
    conn: psycopg.Connection[Any],
    after: int,
    limit: int,
    *,
    group_ids: Sequence[int],
    batch: int = 500,
) -> Iterator[FeedRow]:
    """Events after seq `after` shared with any of `group_ids`, in seq order, through a
    server-side cursor (streams). Filtering happens before LIMIT, so a page is full and the
    last seq on it is a correct cursor."""
    with (
        conn.transaction(),
        conn.cursor(name="feed_page", row_factory=class_row(FeedRow)) as cur,
    ):
        cur.itersize = batch
        cur.execute(_FEED_PAGE, {"after": after, "limit": limit, "groups": list(group_ids)})
        yield from cur


def event(conn: psycopg.Connection[Any], seq: int) -> FeedRow | None:
    with conn.cursor(row_factory=class_row(FeedRow)) as cur:
        return cur.execute(_FEED_SELECT + " WHERE e.seq = %s", (seq,)).fetchone()


def acknowledge(conn: psycopg.Connection[Any], partner_id: int, seq: int) -> bool:
    """Mark the advert of event `seq` as acknowledged by the partner; False if no such event
    was shared with the partner."""
    with conn.transaction():
        cur = conn.execute(
            f"""INSERT INTO partner_opinions (partner_id, advert_id, acknowledged_at)
               SELECT %(partner)s, advert_id, now() FROM feed_events e
               WHERE seq = %(seq)s AND {_PARTNER_MAY_SEE}
               ON CONFLICT (partner_id, advert_id) DO UPDATE
               SET acknowledged_at = now(), updated_at = now()""",
            {"partner": partner_id, "seq": seq},
        )
    return cur.rowcount == 1


def set_opinion(
    conn: psycopg.Connection[Any], partner_id: int, advert_id: int, opinion: str, comment: str
) -> None:
    with conn.transaction():
        conn.execute(
            """INSERT INTO partner_opinions (partner_id, advert_id, opinion, comment)
               VALUES (%s, %s, %s, %s)
               ON CONFLICT (partner_id, advert_id) DO UPDATE
               SET opinion = excluded.opinion, comment = excluded.comment, updated_at = now()""",
            (partner_id, advert_id, opinion, comment),
        )


def is_shared(conn: psycopg.Connection[Any], advert_id: int, partner_id: int) -> bool:
    """Whether the advert was ever in the partner's feed (partners may only act on those)."""
    row = conn.execute(
        f"SELECT 1 FROM feed_events e WHERE advert_id = %(advert)s AND {_PARTNER_MAY_SEE} LIMIT 1",
        {"advert": advert_id, "partner": partner_id},
    )
    return row.fetchone() is not None


@dataclass(frozen=True)
class Opinion:
    partner_id: int
    partner: str
    advert_id: int
    acknowledged_at: datetime | None
    opinion: str | None
    comment: str
    updated_at: datetime


def opinions(conn: psycopg.Connection[Any], advert_id: int) -> list[Opinion]:
    with conn.cursor(row_factory=class_row(Opinion)) as cur:
        return cur.execute(
            """SELECT o.partner_id, p.name AS partner, o.advert_id, o.acknowledged_at,
                      o.opinion, o.comment, o.updated_at
               FROM partner_opinions o JOIN partners p ON p.id = o.partner_id
               WHERE o.advert_id = %s ORDER BY p.name""",
            (advert_id,),
        ).fetchall()


@dataclass(frozen=True)
class Takedown:
    id: int
    partner_id: int
    advert_id: int
    url: str
    reported_at: datetime
    removed_at: datetime | None
    note: str
    seconds_to_removal: float | None


def report_takedown(
    conn: psycopg.Connection[Any], partner_id: int, advert_id: int, note: str
) -> Takedown:
    with conn.transaction():
        row = conn.execute(
            """INSERT INTO takedowns (partner_id, advert_id, note) VALUES (%s, %s, %s)
               ON CONFLICT (partner_id, advert_id) DO UPDATE SET note = excluded.note
               RETURNING id""",
            (partner_id, advert_id, note),
        ).fetchone()
    assert row is not None
    found = takedowns(conn, partner_id, takedown_id=int(row[0]))
    return found[0]


def takedowns(
    conn: psycopg.Connection[Any], partner_id: int | None, *, takedown_id: int | None = None
) -> list[Takedown]:
    """Reports with time-to-removal: the advert's removed_at (seen by the crawler) - report."""
    with conn.cursor(row_factory=class_row(Takedown)) as cur:
        return cur.execute(
            """SELECT t.id, t.partner_id, t.advert_id, a.canonical_url AS url, t.reported_at,
                      a.removed_at, t.note,
                      extract(epoch FROM a.removed_at - t.reported_at)::float8
                          AS seconds_to_removal
               FROM takedowns t JOIN adverts a ON a.id = t.advert_id
               WHERE (%(p)s::bigint IS NULL OR t.partner_id = %(p)s)
                 AND (%(t)s::bigint IS NULL OR t.id = %(t)s)
               ORDER BY t.reported_at DESC, t.id DESC LIMIT 1000""",
            {"p": partner_id, "t": takedown_id},
        ).fetchall()

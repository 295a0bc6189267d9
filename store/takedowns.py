"""Takedown reports: an append-only history of what partners say they removed.

Each report is its own row (ticket reference, the partner's own time of removal, note). A
report sent again with the same idempotency key is not stored twice: the first row is the
answer, unless the key comes back with another request, which the caller refuses.

Time to removal runs from the moment the advert was first shared with partners to the moment
it was removed: the partner's own time when it gave one, else the crawler's. A removal is
*confirmed* when a re-crawl saw the page answer 404 or 410 (the crawler records "HTTP 404" /
"HTTP 410" as the removal reason; absence from listings alone is not proof).

Partners who received the advert's confirmation learn of the removal through the feed: a
'taken_down' event (a STIX note on TAXII) when the first partner reports it, and another when
a re-crawl confirms it, each at most once per confirmation. The event carries only when the
content was removed and whether a re-crawl confirmed it: which partner reported it, its
ticket and its note stay with that partner and the admins.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
from psycopg.rows import class_row

from store import feed

# Removal reasons written by the crawler when a re-crawl finds the page gone.
GONE_REASONS = ("HTTP 404", "HTTP 410")


@dataclass(frozen=True)
class Takedown:
    id: int
    partner_id: int
    partner: str
    advert_id: int
    url: str
    reported_at: datetime
    ticket_ref: str
    partner_removed_at: datetime | None
    note: str
    shared_at: datetime | None
    removed_at: datetime | None
    seconds_to_removal: float | None
    confirmed_at: datetime | None


@dataclass(frozen=True)
class NewReport:
    partner_id: int
    advert_id: int
    ticket_ref: str
    partner_removed_at: datetime | None
    note: str
    idempotency_key: str | None = None
    request_hash: str | None = None


@dataclass(frozen=True)
class Reported:
    takedown: Takedown
    created: bool  # False: an earlier report with the same idempotency key
    same_request: bool  # False: that key came with another request


_SELECT = """
    SELECT t.id, t.partner_id, p.name AS partner, t.advert_id, a.canonical_url AS url,
           t.reported_at, t.ticket_ref, t.partner_removed_at, t.note, s.shared_at,
           coalesce(t.partner_removed_at, a.removed_at) AS removed_at,
           extract(epoch FROM coalesce(t.partner_removed_at, a.removed_at) - s.shared_at)::float8
               AS seconds_to_removal,
           CASE WHEN a.removal_reason = ANY(%(gone)s) THEN a.removed_at END AS confirmed_at
    FROM takedowns t
    JOIN adverts a ON a.id = t.advert_id
    JOIN partners p ON p.id = t.partner_id
    LEFT JOIN LATERAL (SELECT min(created_at) AS shared_at FROM feed_events e
                       WHERE e.advert_id = t.advert_id AND e.event = 'confirmed') s ON true
"""


def _select(
    conn: psycopg.Connection[Any], where: str, params: dict[str, Any], order: str
) -> list[Takedown]:
    with conn.cursor(row_factory=class_row(Takedown)) as cur:
        query = f"{_SELECT} WHERE {where} ORDER BY {order} LIMIT 1000"
        return cur.execute(query, {"gone": list(GONE_REASONS), **params}).fetchall()


def report(conn: psycopg.Connection[Any], new: NewReport) -> Reported:
    """Append a report; with an idempotency key already used by this partner, the earlier
    report instead (and whether it came with the same request)."""
    with conn.transaction():
        if new.idempotency_key is not None:
            # two retries at once: the second waits here for the first one's row
            conn.execute(
                "SELECT pg_advisory_xact_lock(hashtext('takedown'), hashtext(%s))",
                (f"{new.partner_id}:{new.idempotency_key}",),
            )
            earlier = conn.execute(
                "SELECT id, request_hash FROM takedowns WHERE partner_id = %s "
                "AND idempotency_key = %s",
                (new.partner_id, new.idempotency_key),
            ).fetchone()
            if earlier is not None:
                found = by_id(conn, int(earlier[0]))
                return Reported(found, False, earlier[1] == new.request_hash)
        row = conn.execute(
            """INSERT INTO takedowns (partner_id, advert_id, ticket_ref, partner_removed_at,
                                      note, idempotency_key, request_hash)
               VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING id""",
            (
                new.partner_id,
                new.advert_id,
                new.ticket_ref,
                new.partner_removed_at,
                new.note,
                new.idempotency_key,
                new.request_hash,
            ),
        ).fetchone()
        assert row is not None
        made = by_id(conn, int(row[0]))
        announce(conn, new.advert_id, made.partner_removed_at or made.reported_at, False)
        return Reported(made, True, True)


def by_id(conn: psycopg.Connection[Any], takedown_id: int) -> Takedown:
    return _select(conn, "t.id = %(t)s", {"t": takedown_id}, "t.id")[0]


def latest(conn: psycopg.Connection[Any], partner_id: int | None) -> list[Takedown]:
    """Reports, newest first: one partner's, or (None) everyone's."""
    where = "(%(p)s::bigint IS NULL OR t.partner_id = %(p)s)"
    return _select(conn, where, {"p": partner_id}, "t.reported_at DESC, t.id DESC")


def history(
    conn: psycopg.Connection[Any], advert_id: int, partner_id: int | None
) -> list[Takedown]:
    """One advert's reports in the order they came: one partner's, or (None) everyone's."""
    where = "t.advert_id = %(a)s AND (%(p)s::bigint IS NULL OR t.partner_id = %(p)s)"
    return _select(conn, where, {"a": advert_id, "p": partner_id}, "t.reported_at, t.id")


def advert_exists(conn: psycopg.Connection[Any], advert_id: int) -> bool:
    return conn.execute("SELECT 1 FROM adverts WHERE id = %s", (advert_id,)).fetchone() is not None


def announce(
    conn: psycopg.Connection[Any], advert_id: int, removed_at: datetime, by_recrawl: bool
) -> int | None:
    """Append a 'taken_down' feed event for the advert's standing confirmation, for the same
    groups and TLP, unless one already said as much (a partner's report after a confirmed
    one adds nothing); the new seq, or None. Runs in the caller's transaction."""
    feed.lock_feed(conn)  # two reports at once: the second sees the first one's event
    standing = conn.execute(
        """SELECT seq, event, group_ids, tlp FROM feed_events
           WHERE advert_id = %s AND event <> 'taken_down' ORDER BY seq DESC LIMIT 1""",
        (advert_id,),
    ).fetchone()
    if standing is None or standing[1] != "confirmed":
        return None
    told = conn.execute(
        """SELECT 1 FROM feed_events WHERE advert_id = %s AND event = 'taken_down'
             AND seq > %s AND ((detail->>'confirmed_by_recrawl')::boolean OR NOT %s)""",
        (advert_id, standing[0], by_recrawl),
    ).fetchone()
    if told is not None:
        return None
    detail = {"removed_at": removed_at.isoformat(), "confirmed_by_recrawl": by_recrawl}
    groups, tlp = list(standing[2]), str(standing[3])
    return feed.append_event(
        conn, advert_id, "taken_down", None, group_ids=groups, tlp=tlp, detail=detail
    )

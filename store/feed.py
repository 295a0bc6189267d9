"""Partner feed: ordered events (confirmations, retractions, takedowns) and opinions.

Cursor completeness: writers take their seq under an advisory lock held until commit, and
PostgreSQL makes a commit visible before it releases the transaction's locks. So seq order is
commit order, and a reader that sees an event sees every lower seq: an event still in flight
is always the newest, and a cursor never jumps over it. Every writer goes through
append_event; a reader needs no server-wide horizon, so a long transaction elsewhere on the
server (a bulk load in another database) cannot stall the feed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
from psycopg.rows import class_row
from psycopg.types.json import Jsonb

# Re-exported: webhooks and older callers read single events through store.feed.
from store.feed_query import FeedRow as FeedRow
from store.feed_query import event as event

_FEED_LOCK_KEY = 74_012_027


def lock_feed(conn: psycopg.Connection[Any]) -> None:
    """Take the feed's writer lock until commit (append_event takes it again, harmlessly):
    for a writer that must read the feed before deciding what to append."""
    conn.execute("SELECT pg_advisory_xact_lock(%s)", (_FEED_LOCK_KEY,))


def append_event(
    conn: psycopg.Connection[Any],
    advert_id: int,
    event: str,
    decision_id: int | None,
    *,
    group_ids: Sequence[int],
    tlp: str,
    detail: dict[str, Any] | None = None,
) -> int:
    """Append an event for the given sharing groups in the caller's transaction, and queue
    webhook deliveries for the partners in those groups."""
    lock_feed(conn)
    row = conn.execute(
        # clock_timestamp(), taken under the lock: the time an event was added then rises with
        # seq, so TAXII's added_after and date-added headers agree with the cursor's order.
        """INSERT INTO feed_events (advert_id, event, decision_id, group_ids, tlp, created_at,
                                    detail)
           VALUES (%s, %s, %s, %s, %s, clock_timestamp(), %s) RETURNING seq""",
        (advert_id, event, decision_id, list(group_ids), tlp, Jsonb(detail) if detail else None),
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


# An event `e` reaches a partner only when shared with one of the partner's groups.
_PARTNER_MAY_SEE = """EXISTS (SELECT 1 FROM partner_groups pg
                              WHERE pg.partner_id = %(partner)s
                                AND pg.group_id = ANY(e.group_ids))"""


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

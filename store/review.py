"""Review: the flagged queue, expiring claims, decisions and notes.

A decision that newly confirms an advert appends a 'confirmed' feed event (or, under the
two-person rule, a proposal awaiting a second analyst: store/sharing.py); a decision that
reverses a shared confirmation appends a 'retracted' one, and only the confirming analyst or
an admin may make it. All commit with the decision and its audit entry, so the feed never
shows a confirmation that was not recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
from psycopg.rows import class_row

from store import audit, labels, sharing

DECISIONS = ("confirmed", "dismissed", "escalated")


class ReviewConflict(Exception):
    """Another analyst holds an unexpired claim on the item."""


class AdvertNotFound(LookupError):
    """No advert with that id."""


@dataclass(frozen=True)
class QueueItem:
    advert_id: int
    state: str
    priority: float
    claimed_by: int | None
    claim_expires_at: datetime | None
    queued_at: datetime
    kind: str
    title: str
    site: str | None
    risk_score: float | None
    band: str | None


@dataclass(frozen=True)
class Claim:
    advert_id: int
    claimed_by: int
    claim_expires_at: datetime


@dataclass(frozen=True)
class Decision:
    id: int
    advert_id: int
    decided_by: int | None
    decision: str
    note: str
    decided_at: datetime
    supersedes: int | None


@dataclass(frozen=True)
class Note:
    id: int
    advert_id: int
    author_id: int | None
    author: str | None
    body: str
    created_at: datetime


# Ordered by review_priority() (migration 0005: score, distinct risk indicators, the riskiest
# network the advert is in, recency).
_QUEUE_SQL = """
SELECT r.advert_id, r.state,
       review_priority(a.risk_score, a.risk_indicators, net.risk, a.first_seen) AS priority,
       r.claimed_by, r.claim_expires_at, r.queued_at,
       a.kind, a.title, s.name AS site, a.risk_score, a.band
FROM review_items r JOIN adverts a ON a.id = r.advert_id LEFT JOIN sites s ON s.id = a.site_id
LEFT JOIN LATERAL (
    SELECT max(c.risk) AS risk FROM cluster_members m JOIN clusters c ON c.id = m.cluster_id
    WHERE m.advert_id = a.id AND c.size > 1
) net ON true
WHERE r.state <> 'decided'
  AND (r.claimed_by IS NULL OR r.claimed_by = %(me)s OR r.claim_expires_at < now())
ORDER BY priority DESC, r.advert_id
LIMIT %(limit)s
"""


def queue(conn: psycopg.Connection[Any], actor_id: int, limit: int = 50) -> list[QueueItem]:
    """Open items by risk; items claimed by someone else are skipped until the claim expires."""
    with conn.cursor(row_factory=class_row(QueueItem)) as cur:
        return cur.execute(_QUEUE_SQL, {"me": actor_id, "limit": limit}).fetchall()


def open_count(conn: psycopg.Connection[Any]) -> int:
    row = conn.execute("SELECT count(*) FROM review_items WHERE state <> 'decided'").fetchone()
    return int(row[0]) if row else 0


_CLAIM_SQL = """
INSERT INTO review_items AS r (advert_id, state, priority, claimed_by, claim_expires_at)
SELECT id, 'claimed', coalesce(risk_score, 0), %(me)s, now() + make_interval(mins => %(mins)s)
FROM adverts WHERE id = %(id)s
ON CONFLICT (advert_id) DO UPDATE SET state = 'claimed', claimed_by = excluded.claimed_by,
    claim_expires_at = excluded.claim_expires_at, updated_at = now()
WHERE r.claimed_by IS NULL OR r.claimed_by = excluded.claimed_by OR r.claim_expires_at < now()
RETURNING advert_id, claimed_by, claim_expires_at
"""


def claim(conn: psycopg.Connection[Any], advert_id: int, actor_id: int, minutes: int) -> Claim:
    """Claim (or renew) an item for `minutes`; adverts not yet queued are queued on claim."""
    with conn.transaction(), conn.cursor(row_factory=class_row(Claim)) as cur:
        row = cur.execute(_CLAIM_SQL, {"me": actor_id, "mins": minutes, "id": advert_id}).fetchone()
        if row is None:
            _raise_missing_or_conflict(conn, advert_id)
    assert row is not None
    return row


def _raise_missing_or_conflict(conn: psycopg.Connection[Any], advert_id: int) -> None:
    if conn.execute("SELECT 1 FROM adverts WHERE id = %s", (advert_id,)).fetchone() is None:
        raise AdvertNotFound(advert_id)
    raise ReviewConflict(f"advert {advert_id} is claimed by another analyst")


def release(conn: psycopg.Connection[Any], advert_id: int, actor_id: int) -> bool:
    """Give a claim back; only its holder can. Returns False when the actor held no claim."""
    with conn.transaction():
        cur = conn.execute(
            """UPDATE review_items r SET claimed_by = NULL, claim_expires_at = NULL,
                   updated_at = now(),
                   state = CASE WHEN EXISTS (SELECT 1 FROM decisions d
                                             WHERE d.advert_id = r.advert_id)
                                THEN 'decided' ELSE 'open' END
               WHERE advert_id = %s AND claimed_by = %s""",
            (advert_id, actor_id),
        )
    return cur.rowcount == 1


def _lock_item(conn: psycopg.Connection[Any], advert_id: int, actor_id: int) -> None:
    """Lock the item row (creating it for unqueued adverts); refuse others' live claims."""
    conn.execute(
        """INSERT INTO review_items (advert_id, priority)
           SELECT id, coalesce(risk_score, 0) FROM adverts WHERE id = %s
           ON CONFLICT (advert_id) DO NOTHING""",
        (advert_id,),
    )
    row = conn.execute(
        """SELECT claimed_by, claim_expires_at > now() FROM review_items
           WHERE advert_id = %s FOR UPDATE""",
        (advert_id,),
    ).fetchone()
    if row is None:
        raise AdvertNotFound(advert_id)
    holder, live = row
    if holder is not None and holder != actor_id and live:
        raise ReviewConflict(f"advert {advert_id} is claimed by another analyst")


def _latest_decision(conn: psycopg.Connection[Any], advert_id: int) -> tuple[int, str] | None:
    row = conn.execute(
        """SELECT id, decision FROM decisions WHERE advert_id = %s
           ORDER BY decided_at DESC, id DESC LIMIT 1""",
        (advert_id,),
    ).fetchone()
    return (int(row[0]), str(row[1])) if row else None


def insert_decision(
    conn: psycopg.Connection[Any], advert_id: int, actor_id: int, decision: str, note: str
) -> Decision:
    """Record a decision superseding the latest one and close the item's review."""
    previous = _latest_decision(conn, advert_id)
    with conn.cursor(row_factory=class_row(Decision)) as cur:
        row = cur.execute(
            """INSERT INTO decisions (advert_id, decided_by, decision, note, supersedes)
               VALUES (%s, %s, %s, %s, %s)
               RETURNING id, advert_id, decided_by, decision, note, decided_at, supersedes""",
            (advert_id, actor_id, decision, note, previous[0] if previous else None),
        ).fetchone()
    assert row is not None
    conn.execute(
        """UPDATE review_items SET state = 'decided', claimed_by = NULL,
               claim_expires_at = NULL, updated_at = now() WHERE advert_id = %s""",
        (advert_id,),
    )
    labels.label_from_decision(conn, advert_id, decision, row.id, actor_id)
    return row


def decide(
    conn: psycopg.Connection[Any],
    advert_id: int,
    *,
    actor_id: int,
    actor: str,
    decision: str,
    note: str = "",
    terms: sharing.ShareTerms = sharing.DEFAULT_TERMS,
    two_person: bool = False,
    is_admin: bool = False,
) -> Decision:
    """Record a decision by the claimer (or on an unclaimed item), its effect on the feed and
    an audit entry. With `two_person`, a confirmation awaits a second analyst's agreement."""
    if decision not in DECISIONS:
        raise ValueError(f"decision must be one of {', '.join(DECISIONS)}")
    with conn.transaction():
        _lock_item(conn, advert_id, actor_id)
        shared = sharing.check_decidable(conn, advert_id, decision, actor_id, is_admin)
        row = insert_decision(conn, advert_id, actor_id, decision, note)
        effect = sharing.share_or_retract(conn, row, shared, terms, two_person)
        detail: dict[str, Any] = {
            "decision": decision,
            "decision_id": row.id,
            "supersedes": row.supersedes,
            "sharing": effect,
        }
        if effect in ("awaiting_second_analyst", "shared"):
            detail.update(groups=list(terms.groups), tlp=terms.tlp)
        audit.record(
            conn,
            actor=actor,
            actor_id=actor_id,
            action="decide",
            object_type="advert",
            object_id=advert_id,
            detail=detail,
        )
    return row


def decisions(conn: psycopg.Connection[Any], advert_id: int) -> list[Decision]:
    with conn.cursor(row_factory=class_row(Decision)) as cur:
        return cur.execute(
            """SELECT id, advert_id, decided_by, decision, note, decided_at, supersedes
               FROM decisions WHERE advert_id = %s ORDER BY decided_at, id""",
            (advert_id,),
        ).fetchall()


def add_note(
    conn: psycopg.Connection[Any], advert_id: int, *, actor_id: int, actor: str, body: str
) -> Note:
    with conn.transaction(), conn.cursor(row_factory=class_row(Note)) as cur:
        if conn.execute("SELECT 1 FROM adverts WHERE id = %s", (advert_id,)).fetchone() is None:
            raise AdvertNotFound(advert_id)
        row = cur.execute(
            """INSERT INTO advert_notes (advert_id, author_id, body) VALUES (%s, %s, %s)
               RETURNING id, advert_id, author_id,
                         (SELECT name FROM api_keys WHERE id = author_id) AS author,
                         body, created_at""",
            (advert_id, actor_id, body),
        ).fetchone()
        assert row is not None
        audit.record(
            conn,
            actor=actor,
            actor_id=actor_id,
            action="note",
            object_type="advert",
            object_id=advert_id,
            detail={"note_id": row.id},
        )
    return row


def notes(conn: psycopg.Connection[Any], advert_id: int) -> list[Note]:
    with conn.cursor(row_factory=class_row(Note)) as cur:
        return cur.execute(
            """SELECT n.id, n.advert_id, n.author_id, k.name AS author, n.body, n.created_at
               FROM advert_notes n LEFT JOIN api_keys k ON k.id = n.author_id
               WHERE n.advert_id = %s ORDER BY n.created_at, n.id""",
            (advert_id,),
        ).fetchall()


def item_state(conn: psycopg.Connection[Any], advert_id: int) -> QueueItem | None:
    with conn.cursor(row_factory=class_row(QueueItem)) as cur:
        return cur.execute(
            """SELECT r.advert_id, r.state, r.priority, r.claimed_by, r.claim_expires_at,
                      r.queued_at, a.kind, a.title, s.name AS site, a.risk_score, a.band
               FROM review_items r JOIN adverts a ON a.id = r.advert_id
               LEFT JOIN sites s ON s.id = a.site_id WHERE r.advert_id = %s""",
            (advert_id,),
        ).fetchone()

"""Webhook deliveries: the queue (filled by :func:`store.feed.append_event`), leases, outcomes.

A delivery goes only to its partner's approved webhook URL, and only while the partner is
active: deliveries of a partner that is deactivated, or whose webhook is withdrawn, are
cancelled, both when they come due and again just before each one is sent.

Two error texts are kept per delivery: ``last_error`` in full for admins (it may name internal
addresses and exception text) and ``last_partner_error``, the only one partners see.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
from psycopg.rows import class_row

#: why a queued delivery was not sent, for admins; partners see only "cancelled"
CANCELLED = "cancelled: the partner is inactive or its webhook is not approved"

# Pending deliveries whose partner may no longer receive them.
_UNSENDABLE = """
    w.status = 'pending' AND w.partner_id = p.id AND (NOT p.active OR p.webhook_url IS NULL)
"""


@dataclass(frozen=True)
class DueDelivery:
    id: int
    partner_id: int
    feed_seq: int
    attempts: int


@dataclass(frozen=True)
class Target:
    """Where and how one delivery is sent, read just before it is sent."""

    webhook_url: str
    webhook_secret: str
    tlp: str


def cancel_unsendable(conn: psycopg.Connection[Any], partner_id: int | None = None) -> int:
    """Cancel pending deliveries of inactive partners or unapproved webhooks (of one partner,
    or all); returns how many. Runs in the caller's transaction when there is one."""
    with conn.transaction():
        cur = conn.execute(
            f"""UPDATE webhook_deliveries w
                SET status = 'cancelled', last_error = %(why)s, last_partner_error = 'cancelled'
                FROM partners p
                WHERE {_UNSENDABLE} AND (%(p)s::bigint IS NULL OR p.id = %(p)s)""",
            {"why": CANCELLED, "p": partner_id},
        )
    return cur.rowcount


def claim_due_deliveries(
    conn: psycopg.Connection[Any], now: datetime, limit: int, lease_s: int = 300
) -> list[DueDelivery]:
    """Lease due deliveries (pushing next_attempt_at out) so parallel senders skip them."""
    cancel_unsendable(conn)
    with conn.transaction(), conn.cursor(row_factory=class_row(DueDelivery)) as cur:
        return cur.execute(
            """UPDATE webhook_deliveries w
               SET next_attempt_at = %(now)s + make_interval(secs => %(lease)s)
               FROM partners p
               WHERE w.id IN (SELECT id FROM webhook_deliveries
                              WHERE status = 'pending' AND next_attempt_at <= %(now)s
                              ORDER BY next_attempt_at, id LIMIT %(limit)s
                              FOR UPDATE SKIP LOCKED)
                 AND p.id = w.partner_id AND p.active AND p.webhook_url IS NOT NULL
               RETURNING w.id, w.partner_id, w.feed_seq, w.attempts""",
            {"now": now, "lease": lease_s, "limit": limit},
        ).fetchall()


def sendable_target(conn: psycopg.Connection[Any], delivery_id: int) -> Target | None:
    """The partner's approved URL, secret and TLP for a pending delivery, or None once the
    partner is inactive or its webhook no longer approved (the delivery is then cancelled)."""
    with conn.cursor(row_factory=class_row(Target)) as cur:
        target = cur.execute(
            """SELECT p.webhook_url, coalesce(p.webhook_secret, '') AS webhook_secret, p.tlp
               FROM webhook_deliveries w JOIN partners p ON p.id = w.partner_id
               WHERE w.id = %s AND w.status = 'pending' AND p.active
                 AND p.webhook_url IS NOT NULL""",
            (delivery_id,),
        ).fetchone()
    if target is None:
        with conn.transaction():
            conn.execute(
                """UPDATE webhook_deliveries SET status = 'cancelled', last_error = %s,
                       last_partner_error = 'cancelled'
                   WHERE id = %s AND status = 'pending'""",
                (CANCELLED, delivery_id),
            )
    return target


@dataclass(frozen=True)
class Outcome:
    """One attempt: `error` in full for admins, `partner_error` for the partner."""

    ok: bool
    http_status: int | None
    error: str | None
    partner_error: str | None


def record_delivery(
    conn: psycopg.Connection[Any],
    delivery_id: int,
    outcome: Outcome,
    retry_at: datetime | None,
) -> None:
    """Log one attempt: delivered, pending again at retry_at, or failed when retry_at is None."""
    ok = outcome.ok
    status = "delivered" if ok else ("pending" if retry_at is not None else "failed")
    with conn.transaction():
        conn.execute(
            """UPDATE webhook_deliveries SET attempts = attempts + 1, status = %s,
                   last_http_status = %s, last_error = %s, last_partner_error = %s,
                   next_attempt_at = coalesce(%s, next_attempt_at),
                   delivered_at = CASE WHEN %s THEN now() END
               WHERE id = %s""",
            (
                status,
                outcome.http_status,
                outcome.error,
                outcome.partner_error,
                retry_at,
                ok,
                delivery_id,
            ),
        )


@dataclass(frozen=True)
class DeliveryLog:
    """A delivery as its partner sees it: last_error is the partner's message."""

    id: int
    kind: str  # 'event', or 'test' for a partner's test ping (no feed_seq)
    feed_seq: int | None
    status: str
    attempts: int
    last_http_status: int | None
    last_error: str | None
    next_attempt_at: datetime
    delivered_at: datetime | None


@dataclass(frozen=True)
class AdminDeliveryLog(DeliveryLog):
    """A delivery as admins see it: last_error in full, beside what the partner was told."""

    partner_error: str | None


def partner_log(
    conn: psycopg.Connection[Any], partner_id: int, limit: int = 100
) -> list[DeliveryLog]:
    with conn.cursor(row_factory=class_row(DeliveryLog)) as cur:
        return cur.execute(
            """SELECT id, kind, feed_seq, status, attempts, last_http_status,
                      last_partner_error AS last_error, next_attempt_at, delivered_at
               FROM webhook_deliveries WHERE partner_id = %s ORDER BY id DESC LIMIT %s""",
            (partner_id, limit),
        ).fetchall()


def admin_log(
    conn: psycopg.Connection[Any], partner_id: int, limit: int = 100
) -> list[AdminDeliveryLog]:
    with conn.cursor(row_factory=class_row(AdminDeliveryLog)) as cur:
        return cur.execute(
            """SELECT id, kind, feed_seq, status, attempts, last_http_status, last_error,
                      next_attempt_at, delivered_at, last_partner_error AS partner_error
               FROM webhook_deliveries WHERE partner_id = %s ORDER BY id DESC LIMIT %s""",
            (partner_id, limit),
        ).fetchall()


def record_test_ping(conn: psycopg.Connection[Any], partner_id: int, outcome: Outcome) -> int:
    """Log a test ping, sent once and never retried, beside the partner's other deliveries."""
    with conn.transaction():
        row = conn.execute(
            """INSERT INTO webhook_deliveries (partner_id, kind, status, attempts,
                   last_http_status, last_error, last_partner_error, delivered_at)
               VALUES (%s, 'test', %s, 1, %s, %s, %s, CASE WHEN %s THEN now() END)
               RETURNING id""",
            (
                partner_id,
                "delivered" if outcome.ok else "failed",
                outcome.http_status,
                outcome.error,
                outcome.partner_error,
                outcome.ok,
            ),
        ).fetchone()
    assert row is not None
    return int(row[0])

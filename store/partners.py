"""Partners: providers and platforms that pull confirmed items and receive webhooks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
from psycopg.rows import class_row

from store import sharing_groups, webhook_deliveries


@dataclass(frozen=True)
class Partner:
    id: int
    name: str
    contact: str | None
    tlp: str
    webhook_url: str | None  # the approved URL: the only one deliveries go to
    webhook_secret: str | None
    active: bool
    created_at: datetime
    webhook_pending_url: str | None  # requested by the partner, awaiting an admin
    webhook_requested_at: datetime | None
    webhook_approved_by: int | None
    webhook_approved_at: datetime | None


_COLUMNS = (
    "id, name, contact, tlp, webhook_url, webhook_secret, active, created_at, "
    "webhook_pending_url, webhook_requested_at, webhook_approved_by, webhook_approved_at"
)


def ensure_partner(conn: psycopg.Connection[Any], name: str) -> Partner:
    """The named partner, created (in the default sharing group) when new."""
    with conn.transaction(), conn.cursor(row_factory=class_row(Partner)) as cur:
        is_new = conn.execute("SELECT 1 FROM partners WHERE name = %s", (name,)).fetchone() is None
        cur.execute(
            f"""INSERT INTO partners (name) VALUES (%s)
                ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING {_COLUMNS}""",
            (name,),
        )
        row = cur.fetchone()
        assert row is not None
        if is_new:
            sharing_groups.join_default_group(conn, row.id)
    return row


def get_partner(conn: psycopg.Connection[Any], partner_id: int) -> Partner | None:
    with conn.cursor(row_factory=class_row(Partner)) as cur:
        return cur.execute(
            f"SELECT {_COLUMNS} FROM partners WHERE id = %s", (partner_id,)
        ).fetchone()


def list_partners(conn: psycopg.Connection[Any]) -> list[Partner]:
    with conn.cursor(row_factory=class_row(Partner)) as cur:
        return cur.execute(f"SELECT {_COLUMNS} FROM partners ORDER BY name").fetchall()


def update_partner(
    conn: psycopg.Connection[Any],
    partner_id: int,
    *,
    contact: str | None = None,
    tlp: str | None = None,
    active: bool | None = None,
) -> Partner | None:
    """Change the given fields (None leaves a field as it is); None when there is no partner.
    Deactivating a partner cancels its queued webhook deliveries in the same transaction."""
    with conn.transaction(), conn.cursor(row_factory=class_row(Partner)) as cur:
        updated = cur.execute(
            f"""UPDATE partners SET contact = coalesce(%s, contact), tlp = coalesce(%s, tlp),
                    active = coalesce(%s, active)
                WHERE id = %s RETURNING {_COLUMNS}""",
            (contact, tlp, active, partner_id),
        ).fetchone()
        if updated is not None and not updated.active:
            webhook_deliveries.cancel_unsendable(conn, partner_id)
    return updated


def request_webhook(conn: psycopg.Connection[Any], partner_id: int, url: str, secret: str) -> None:
    """Record a partner's new webhook URL and secret as a request for an admin: deliveries
    keep going to the approved URL (if any) until the request is approved."""
    with conn.transaction():
        conn.execute(
            """UPDATE partners SET webhook_pending_url = %s, webhook_pending_secret = %s,
                   webhook_requested_at = now()
               WHERE id = %s""",
            (url, secret, partner_id),
        )


@dataclass(frozen=True)
class PendingWebhook:
    partner_id: int
    partner: str
    url: str
    requested_at: datetime
    approved_url: str | None
    active: bool


def pending_webhooks(conn: psycopg.Connection[Any]) -> list[PendingWebhook]:
    with conn.cursor(row_factory=class_row(PendingWebhook)) as cur:
        return cur.execute(
            """SELECT id AS partner_id, name AS partner, webhook_pending_url AS url,
                      webhook_requested_at AS requested_at, webhook_url AS approved_url, active
               FROM partners WHERE webhook_pending_url IS NOT NULL
               ORDER BY webhook_requested_at, id"""
        ).fetchall()


def approve_webhook(
    conn: psycopg.Connection[Any], partner_id: int, url: str, approved_by: int | None
) -> Partner | None:
    """Make the partner's pending URL (and its secret) the approved one, if the pending URL is
    still `url`, the one the admin reviewed; None otherwise."""
    with conn.transaction(), conn.cursor(row_factory=class_row(Partner)) as cur:
        return cur.execute(
            f"""UPDATE partners SET webhook_url = webhook_pending_url,
                    webhook_secret = webhook_pending_secret, webhook_pending_url = NULL,
                    webhook_pending_secret = NULL, webhook_requested_at = NULL,
                    webhook_approved_by = %s, webhook_approved_at = now()
                WHERE id = %s AND webhook_pending_url = %s RETURNING {_COLUMNS}""",
            (approved_by, partner_id, url),
        ).fetchone()


def reject_webhook(conn: psycopg.Connection[Any], partner_id: int, url: str) -> Partner | None:
    """Drop the partner's pending URL if it is still `url`; the approved one stays."""
    with conn.transaction(), conn.cursor(row_factory=class_row(Partner)) as cur:
        return cur.execute(
            f"""UPDATE partners SET webhook_pending_url = NULL, webhook_pending_secret = NULL,
                    webhook_requested_at = NULL
                WHERE id = %s AND webhook_pending_url = %s RETURNING {_COLUMNS}""",
            (partner_id, url),
        ).fetchone()


def withdraw_webhook(
    conn: psycopg.Connection[Any], partner_id: int, *, with_pending: bool = False
) -> Partner | None:
    """Withdraw the approved URL (and with `with_pending` the requested one too): nothing more
    is delivered, and queued deliveries are cancelled; None when there is no such partner."""
    with conn.transaction(), conn.cursor(row_factory=class_row(Partner)) as cur:
        withdrawn = cur.execute(
            f"""UPDATE partners SET webhook_url = NULL, webhook_secret = NULL,
                    webhook_approved_by = NULL, webhook_approved_at = NULL,
                    webhook_pending_url = CASE WHEN %s THEN NULL ELSE webhook_pending_url END,
                    webhook_pending_secret =
                        CASE WHEN %s THEN NULL ELSE webhook_pending_secret END,
                    webhook_requested_at =
                        CASE WHEN %s THEN NULL ELSE webhook_requested_at END
                WHERE id = %s RETURNING {_COLUMNS}""",
            (with_pending, with_pending, with_pending, partner_id),
        ).fetchone()
        if withdrawn is not None:
            webhook_deliveries.cancel_unsendable(conn, partner_id)
    return withdrawn

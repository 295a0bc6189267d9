"""Partners: providers and platforms that pull confirmed items and receive webhooks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
from psycopg.rows import class_row

from store import sharing_groups


@dataclass(frozen=True)
class Partner:
    id: int
    name: str
    contact: str | None
    tlp: str
    webhook_url: str | None
    webhook_secret: str | None
    active: bool
    created_at: datetime


_COLUMNS = "id, name, contact, tlp, webhook_url, webhook_secret, active, created_at"


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


def set_webhook(
    conn: psycopg.Connection[Any], partner_id: int, url: str | None, secret: str | None
) -> None:
    with conn.transaction():
        conn.execute(
            "UPDATE partners SET webhook_url = %s, webhook_secret = %s WHERE id = %s",
            (url, secret, partner_id),
        )


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
    """Change the given fields (None leaves a field as it is); None when there is no partner."""
    with conn.transaction(), conn.cursor(row_factory=class_row(Partner)) as cur:
        return cur.execute(
            f"""UPDATE partners SET contact = coalesce(%s, contact), tlp = coalesce(%s, tlp),
                    active = coalesce(%s, active)
                WHERE id = %s RETURNING {_COLUMNS}""",
            (contact, tlp, active, partner_id),
        ).fetchone()

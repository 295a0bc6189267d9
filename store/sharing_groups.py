"""Sharing groups: named sets of partners that confirmed items are shared with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
from psycopg.rows import class_row

# New partners join this group (if it exists), as existing ones did in migration 0009, so a
# deployment that never configures groups keeps sharing with every partner.
DEFAULT_GROUP = "default"


class GroupError(LookupError):
    """No such group or partner."""


@dataclass(frozen=True)
class SharingGroup:
    id: int
    name: str
    created_at: datetime
    partner_ids: list[int]
    partners: list[str]


_GROUP_SELECT = """
SELECT g.id, g.name, g.created_at,
       ARRAY(SELECT pg.partner_id FROM partner_groups pg WHERE pg.group_id = g.id
             ORDER BY pg.partner_id) AS partner_ids,
       ARRAY(SELECT p.name FROM partner_groups pg JOIN partners p ON p.id = pg.partner_id
             WHERE pg.group_id = g.id ORDER BY p.name) AS partners
FROM sharing_groups g
"""


def list_groups(conn: psycopg.Connection[Any]) -> list[SharingGroup]:
    with conn.cursor(row_factory=class_row(SharingGroup)) as cur:
        return cur.execute(_GROUP_SELECT + " ORDER BY g.name").fetchall()


def get_group(conn: psycopg.Connection[Any], name: str) -> SharingGroup | None:
    with conn.cursor(row_factory=class_row(SharingGroup)) as cur:
        return cur.execute(_GROUP_SELECT + " WHERE g.name = %s", (name,)).fetchone()


def create_group(conn: psycopg.Connection[Any], name: str) -> bool:
    """Create the group; False when it already exists."""
    cur = conn.execute(
        "INSERT INTO sharing_groups (name) VALUES (%s) ON CONFLICT (name) DO NOTHING", (name,)
    )
    return cur.rowcount == 1


def delete_group(conn: psycopg.Connection[Any], name: str) -> bool:
    """Delete the group and its memberships; items shared with it reach its partners no more."""
    cur = conn.execute("DELETE FROM sharing_groups WHERE name = %s", (name,))
    return cur.rowcount == 1


def _group_id(conn: psycopg.Connection[Any], name: str) -> int:
    row = conn.execute("SELECT id FROM sharing_groups WHERE name = %s", (name,)).fetchone()
    if row is None:
        raise GroupError(f"no sharing group named {name}")
    return int(row[0])


def add_member(conn: psycopg.Connection[Any], name: str, partner_id: int) -> bool:
    """Put the partner in the group; False when it was already a member."""
    group_id = _group_id(conn, name)
    if conn.execute("SELECT 1 FROM partners WHERE id = %s", (partner_id,)).fetchone() is None:
        raise GroupError(f"no partner #{partner_id}")
    cur = conn.execute(
        "INSERT INTO partner_groups (partner_id, group_id) VALUES (%s, %s) ON CONFLICT DO NOTHING",
        (partner_id, group_id),
    )
    return cur.rowcount == 1


def remove_member(conn: psycopg.Connection[Any], name: str, partner_id: int) -> bool:
    """Take the partner out of the group; False when it was not a member."""
    cur = conn.execute(
        "DELETE FROM partner_groups WHERE partner_id = %s AND group_id = %s",
        (partner_id, _group_id(conn, name)),
    )
    return cur.rowcount == 1


def join_default_group(conn: psycopg.Connection[Any], partner_id: int) -> None:
    conn.execute(
        """INSERT INTO partner_groups (partner_id, group_id)
           SELECT %s, id FROM sharing_groups WHERE name = %s ON CONFLICT DO NOTHING""",
        (partner_id, DEFAULT_GROUP),
    )


def partner_group_ids(conn: psycopg.Connection[Any], partner_id: int) -> list[int]:
    rows = conn.execute(
        "SELECT group_id FROM partner_groups WHERE partner_id = %s ORDER BY group_id",
        (partner_id,),
    ).fetchall()
    return [int(r[0]) for r in rows]

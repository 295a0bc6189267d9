"""Sites: one row per crawled site, holding its profile and schedule."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
from psycopg.rows import class_row


@dataclass(frozen=True)
class Site:
    id: int
    name: str
    kind: str
    base_url: str | None
    profile: dict[str, Any]
    schedule: str | None
    enabled: bool
    created_at: datetime
    updated_at: datetime


_COLUMNS = "id, name, kind, base_url, profile, schedule, enabled, created_at, updated_at"


def upsert_site(
    conn: psycopg.Connection[Any],
    name: str,
    kind: str,
    base_url: str | None,
    profile: dict[str, Any],
    schedule: str | None,
) -> Site:
    """Create the site or refresh its profile; the id stays stable across runs."""
    with conn.transaction(), conn.cursor(row_factory=class_row(Site)) as cur:
        cur.execute(
            f"""INSERT INTO sites (name, kind, base_url, profile, schedule)
                VALUES (%s, %s, %s, %s, %s)
                ON CONFLICT (name) DO UPDATE SET kind = excluded.kind,
                    base_url = excluded.base_url, profile = excluded.profile,
                    schedule = excluded.schedule, updated_at = now()
                RETURNING {_COLUMNS}""",
            (name, kind, base_url, json.dumps(profile, default=str), schedule),
        )
        site = cur.fetchone()
    assert site is not None
    return site


def get_site(conn: psycopg.Connection[Any], name: str) -> Site | None:
    with conn.cursor(row_factory=class_row(Site)) as cur:
        return cur.execute(f"SELECT {_COLUMNS} FROM sites WHERE name = %s", (name,)).fetchone()


def list_sites(conn: psycopg.Connection[Any]) -> list[Site]:
    with conn.cursor(row_factory=class_row(Site)) as cur:
        return cur.execute(f"SELECT {_COLUMNS} FROM sites ORDER BY name").fetchall()

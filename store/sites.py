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


class SiteInUse(Exception):
    """A site that still has adverts or crawl runs: removing it would lose or orphan them."""


@dataclass(frozen=True)
class SiteSummary:
    site: Site
    adverts: int
    runs: int
    last_run_status: str | None
    last_run_at: datetime | None


def get_site_by_id(conn: psycopg.Connection[Any], site_id: int) -> Site | None:
    with conn.cursor(row_factory=class_row(Site)) as cur:
        return cur.execute(f"SELECT {_COLUMNS} FROM sites WHERE id = %s", (site_id,)).fetchone()


def set_enabled(conn: psycopg.Connection[Any], site_id: int, enabled: bool) -> Site | None:
    """Enable or disable a site's scheduled crawls; None when there is no such site."""
    with conn.transaction(), conn.cursor(row_factory=class_row(Site)) as cur:
        return cur.execute(
            f"""UPDATE sites SET enabled = %s, updated_at = now() WHERE id = %s
                RETURNING {_COLUMNS}""",
            (enabled, site_id),
        ).fetchone()


def summaries(conn: psycopg.Connection[Any]) -> list[SiteSummary]:
    """Every site with its advert and run counts and its latest run, by name."""
    rows = conn.execute(
        """SELECT s.id,
                  (SELECT count(*) FROM adverts a WHERE a.site_id = s.id),
                  (SELECT count(*) FROM crawl_runs r WHERE r.site_id = s.id),
                  last.status, last.started_at
           FROM sites s
           LEFT JOIN LATERAL (SELECT status, started_at FROM crawl_runs r WHERE r.site_id = s.id
                              ORDER BY started_at DESC LIMIT 1) last ON true"""
    ).fetchall()
    by_id = {r[0]: r[1:] for r in rows}
    return [SiteSummary(site, *by_id[site.id]) for site in list_sites(conn)]


def remove_site(conn: psycopg.Connection[Any], site_id: int) -> bool:
    """Delete a site that nothing refers to; False when there is no such site. A site with
    adverts or crawl runs is refused (SiteInUse): deleting it would delete its runs and detach
    its adverts, so such a site is disabled instead."""
    with conn.transaction():
        row = conn.execute(
            """SELECT (SELECT count(*) FROM adverts WHERE site_id = s.id),
                      (SELECT count(*) FROM crawl_runs WHERE site_id = s.id)
               FROM sites s WHERE s.id = %s FOR UPDATE""",
            (site_id,),
        ).fetchone()
        if row is None:
            return False
        if row[0] or row[1]:
            raise SiteInUse(
                f"the site has {row[0]} adverts and {row[1]} crawl runs, which removing it "
                "would lose; disable it instead (nothing stored is deleted)"
            )
        conn.execute("DELETE FROM sites WHERE id = %s", (site_id,))
    return True

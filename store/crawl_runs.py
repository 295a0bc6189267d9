"""Crawl runs: what each crawl fetched, stored, removed and failed on."""

from __future__ import annotations

import json
import os
import socket
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
from psycopg.rows import class_row


@dataclass(frozen=True)
class CrawlRun:
    id: int
    site_id: int
    site_name: str
    started_at: datetime
    finished_at: datetime | None
    status: str
    pages: int
    adverts_new: int
    adverts_updated: int
    adverts_unchanged: int
    adverts_removed: int
    errors: int
    error_log: list[Any]

    @property
    def duration_s(self) -> float | None:
        if self.finished_at is None:
            return None
        return (self.finished_at - self.started_at).total_seconds()


_SELECT = """
SELECT r.id, r.site_id, s.name AS site_name, r.started_at, r.finished_at, r.status, r.pages,
       r.adverts_new, r.adverts_updated, r.adverts_unchanged, r.adverts_removed, r.errors,
       r.error_log
FROM crawl_runs r JOIN sites s ON s.id = r.site_id
"""
_MAX_LOGGED_ERRORS = 200


def start_run(conn: psycopg.Connection[Any], site_id: int) -> CrawlRun:
    with conn.transaction():
        row = conn.execute(
            "INSERT INTO crawl_runs (site_id, pid, host) VALUES (%s, %s, %s) RETURNING id",
            (site_id, os.getpid(), socket.gethostname()),
        ).fetchone()
    assert row is not None
    run = get_run(conn, int(row[0]))
    assert run is not None
    return run


def get_run(conn: psycopg.Connection[Any], run_id: int) -> CrawlRun | None:
    with conn.cursor(row_factory=class_row(CrawlRun)) as cur:
        return cur.execute(_SELECT + " WHERE r.id = %s", (run_id,)).fetchone()


def add_counts(conn: psycopg.Connection[Any], run_id: int, **counts: int) -> None:
    """Increment counters (pages, adverts_new, ... errors) of a running crawl."""
    allowed = {
        "pages",
        "adverts_new",
        "adverts_updated",
        "adverts_unchanged",
        "adverts_removed",
        "errors",
    }
    unknown = set(counts) - allowed
    if unknown:
        raise ValueError(f"unknown crawl counters: {sorted(unknown)}")
    if not counts:
        return
    assignments = ", ".join(f"{name} = {name} + %s" for name in counts)
    with conn.transaction():
        conn.execute(
            f"UPDATE crawl_runs SET {assignments} WHERE id = %s", (*counts.values(), run_id)
        )


def log_error(conn: psycopg.Connection[Any], run_id: int, url: str, message: str) -> None:
    """Count an error; keep its text for the first few hundred so a bad site cannot bloat rows."""
    entry = json.dumps([{"url": url[:2000], "error": message[:1000]}])
    with conn.transaction():
        conn.execute(
            """UPDATE crawl_runs SET errors = errors + 1,
                   error_log = CASE WHEN jsonb_array_length(error_log) < %s
                                    THEN error_log || %s::jsonb ELSE error_log END
               WHERE id = %s""",
            (_MAX_LOGGED_ERRORS, entry, run_id),
        )


def finish_run(conn: psycopg.Connection[Any], run_id: int, status: str) -> bool:
    """Close a running run; False if it was closed already, so a close repeated after a lost
    commit (or racing another closer) changes nothing. The row stays locked until commit."""
    with conn.transaction():
        row = conn.execute(
            """UPDATE crawl_runs SET status = %s, finished_at = now()
               WHERE id = %s AND status = 'running' RETURNING id""",
            (status, run_id),
        ).fetchone()
    return row is not None


def recent_runs(
    conn: psycopg.Connection[Any], site_name: str | None = None, limit: int = 20
) -> list[CrawlRun]:
    where = " WHERE s.name = %s" if site_name else ""
    params: tuple[Any, ...] = (site_name, limit) if site_name else (limit,)
    with conn.cursor(row_factory=class_row(CrawlRun)) as cur:
        return cur.execute(_SELECT + where + " ORDER BY r.id DESC LIMIT %s", params).fetchall()


def running_run(conn: psycopg.Connection[Any], site_id: int) -> CrawlRun | None:
    with conn.cursor(row_factory=class_row(CrawlRun)) as cur:
        return cur.execute(
            _SELECT + " WHERE r.site_id = %s AND r.status = 'running' ORDER BY r.id DESC LIMIT 1",
            (site_id,),
        ).fetchone()


def run_owner(conn: psycopg.Connection[Any], run_id: int) -> tuple[int | None, str | None] | None:
    """(pid, host) of the process that started a run."""
    row = conn.execute("SELECT pid, host FROM crawl_runs WHERE id = %s", (run_id,)).fetchone()
    return (row[0], row[1]) if row else None

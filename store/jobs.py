"""Scheduled-job state kept in PostgreSQL so schedules and failures survive restarts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
from psycopg.rows import class_row


@dataclass(frozen=True)
class JobState:
    name: str
    last_started_at: datetime | None
    last_finished_at: datetime | None
    last_status: str | None
    last_error: str | None
    failures: int
    next_run_at: datetime | None


_COLUMNS = "name, last_started_at, last_finished_at, last_status, last_error, failures, next_run_at"


def get_state(conn: psycopg.Connection[Any], name: str) -> JobState | None:
    with conn.cursor(row_factory=class_row(JobState)) as cur:
        return cur.execute(
            f"SELECT {_COLUMNS} FROM scheduled_jobs WHERE name = %s", (name,)
        ).fetchone()


def all_states(conn: psycopg.Connection[Any]) -> list[JobState]:
    with conn.cursor(row_factory=class_row(JobState)) as cur:
        return cur.execute(f"SELECT {_COLUMNS} FROM scheduled_jobs ORDER BY name").fetchall()


def mark_started(conn: psycopg.Connection[Any], name: str) -> None:
    with conn.transaction():
        conn.execute(
            """INSERT INTO scheduled_jobs (name, last_started_at, last_status)
               VALUES (%s, now(), 'running')
               ON CONFLICT (name) DO UPDATE SET last_started_at = now(), last_status = 'running'""",
            (name,),
        )


def mark_finished(
    conn: psycopg.Connection[Any], name: str, error: str | None, next_run_at: datetime | None
) -> int:
    """Record the outcome; returns the number of consecutive failures."""
    with conn.transaction():
        row = conn.execute(
            """UPDATE scheduled_jobs SET last_finished_at = now(),
                   last_status = CASE WHEN %(error)s::text IS NULL THEN 'ok' ELSE 'failed' END,
                   last_error = %(error)s,
                   failures = CASE WHEN %(error)s::text IS NULL THEN 0 ELSE failures + 1 END,
                   next_run_at = %(next)s
               WHERE name = %(name)s RETURNING failures""",
            {"error": error, "next": next_run_at, "name": name},
        ).fetchone()
    return int(row[0]) if row else 0


def set_next_run(conn: psycopg.Connection[Any], name: str, next_run_at: datetime | None) -> None:
    with conn.transaction():
        conn.execute(
            """INSERT INTO scheduled_jobs (name, next_run_at) VALUES (%s, %s)
               ON CONFLICT (name) DO UPDATE SET next_run_at = excluded.next_run_at""",
            (name, next_run_at),
        )

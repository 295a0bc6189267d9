"""Export requests: queued by the API, built by a worker into DATA_DIR/exports, expired by
retention. The rows say where a build stands; the files themselves live on disk."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
from psycopg.rows import class_row
from psycopg.types.json import Jsonb


@dataclass(frozen=True)
class Export:
    id: int
    kind: str
    parameters: dict[str, Any]
    key_id: int
    actor: str
    status: str
    file_name: str | None
    sha256: str | None
    size_bytes: int | None
    error: str | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    expires_at: datetime | None


_COLUMNS = """id, kind, parameters, key_id, actor, status, file_name, sha256, size_bytes, error,
              created_at, started_at, finished_at, expires_at"""


# The procrastinate task `adwatch worker`s build exports with (adwatch.workqueue).
BUILD_TASK, BUILD_QUEUE = "adwatch.build_exports", "export"


def create(
    conn: psycopg.Connection[Any],
    kind: str,
    parameters: dict[str, Any],
    key_id: int,
    actor: str,
    *,
    queue_job: bool,
) -> Export:
    """Record the request; with queue_job, also queue a build job for the workers in the same
    transaction, so a request is never left without one."""
    with conn.transaction(), conn.cursor(row_factory=class_row(Export)) as cur:
        row = cur.execute(
            f"""INSERT INTO exports (kind, parameters, key_id, actor) VALUES (%s, %s, %s, %s)
                RETURNING {_COLUMNS}""",
            (kind, Jsonb(parameters), key_id, actor),
        ).fetchone()
        if queue_job:
            conn.execute(
                """SELECT procrastinate_defer_jobs_v1(ARRAY[
                       ROW(%s, %s, 0, NULL, NULL, '{}'::jsonb, NULL)
                   ]::procrastinate_job_to_defer_v1[])""",
                (BUILD_QUEUE, BUILD_TASK),
            )
    assert row is not None
    return row


def get(conn: psycopg.Connection[Any], export_id: int) -> Export | None:
    with conn.cursor(row_factory=class_row(Export)) as cur:
        return cur.execute(f"SELECT {_COLUMNS} FROM exports WHERE id = %s", (export_id,)).fetchone()


def in_flight(conn: psycopg.Connection[Any], key_id: int) -> int:
    """The key's exports queued or building: what its concurrency limit counts."""
    row = conn.execute(
        "SELECT count(*) FROM exports WHERE key_id = %s AND status IN ('queued', 'building')",
        (key_id,),
    ).fetchone()
    return int(row[0]) if row else 0


def claim_next(conn: psycopg.Connection[Any], stale_after_s: float) -> Export | None:
    """The oldest queued export (or one whose builder died: building for longer than
    stale_after_s), now marked building; None when there is nothing to do."""
    with conn.transaction(), conn.cursor(row_factory=class_row(Export)) as cur:
        return cur.execute(
            f"""UPDATE exports SET status = 'building', started_at = now()
                WHERE id = (
                    SELECT id FROM exports
                    WHERE status = 'queued' OR (status = 'building'
                          AND started_at < now() - make_interval(secs => %s))
                    ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING {_COLUMNS}""",
            (stale_after_s,),
        ).fetchone()


def mark_ready(
    conn: psycopg.Connection[Any],
    export_id: int,
    file_name: str,
    sha256: str,
    size_bytes: int,
    ttl_hours: float,
) -> None:
    with conn.transaction():
        conn.execute(
            """UPDATE exports SET status = 'ready', file_name = %s, sha256 = %s, size_bytes = %s,
                   error = NULL, finished_at = now(),
                   expires_at = now() + make_interval(secs => %s)
               WHERE id = %s""",
            (file_name, sha256, size_bytes, ttl_hours * 3600, export_id),
        )


def mark_failed(conn: psycopg.Connection[Any], export_id: int, error: str) -> None:
    with conn.transaction():
        conn.execute(
            """UPDATE exports SET status = 'failed', error = %s, finished_at = now()
               WHERE id = %s""",
            (error[:500], export_id),
        )


def expire_due(conn: psycopg.Connection[Any]) -> list[str]:
    """Mark ready exports past their expiry as expired; returns their file names to remove."""
    with conn.transaction():
        rows = conn.execute(
            """UPDATE exports SET status = 'expired'
               WHERE status = 'ready' AND expires_at <= now() RETURNING file_name"""
        ).fetchall()
    return [str(r[0]) for r in rows if r[0]]


def live_file_names(conn: psycopg.Connection[Any]) -> set[str]:
    """Files a request still points to (being built or ready): the rest may be removed."""
    rows = conn.execute(
        "SELECT file_name FROM exports WHERE status = 'ready' AND file_name IS NOT NULL"
    ).fetchall()
    return {str(r[0]) for r in rows}

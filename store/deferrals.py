"""Scheduled deferrals: each scheduled job is queued at most once per due time.

The claim row is inserted, the job queued, and the row committed in one transaction: a queueing
error rolls the claim back (so a retry can queue it), and a second scheduler claiming the same
due time waits on the uncommitted row and then finds it taken.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg


@dataclass
class Claim:
    job_name: str
    due_at: datetime
    job_id: int | None = None  # the queued job, None when one already queued serves it


@contextmanager
def claiming(
    conn: psycopg.Connection[Any], job_name: str, due_at: datetime
) -> Iterator[Claim | None]:
    """Yield a Claim when (job_name, due_at) was not deferred before, else None. Queue the job
    inside the block and set claim.job_id; an exception leaves nothing claimed."""
    with conn.transaction():
        row = conn.execute(
            """INSERT INTO scheduled_deferrals (job_name, due_at) VALUES (%s, %s)
               ON CONFLICT DO NOTHING RETURNING job_name""",
            (job_name, due_at),
        ).fetchone()
        if row is None:
            yield None
            return
        claim = Claim(job_name, due_at)
        yield claim
        if claim.job_id is not None:
            conn.execute(
                "UPDATE scheduled_deferrals SET job_id = %s WHERE job_name = %s AND due_at = %s",
                (claim.job_id, job_name, due_at),
            )


def prune(conn: psycopg.Connection[Any], older_than: datetime) -> int:
    """Forget deferrals made before `older_than` (their due times will not come again)."""
    with conn.transaction():
        cur = conn.execute("DELETE FROM scheduled_deferrals WHERE deferred_at < %s", (older_than,))
        return cur.rowcount


def deferred(conn: psycopg.Connection[Any], job_name: str) -> list[tuple[datetime, int | None]]:
    """(due time, job id) of each deferral of a job, oldest first."""
    rows = conn.execute(
        """SELECT due_at, job_id FROM scheduled_deferrals WHERE job_name = %s
           ORDER BY due_at""",
        (job_name,),
    ).fetchall()
    return [(r[0], r[1]) for r in rows]

"""Stalled jobs of the procrastinate queue: found with care, and settled one by one.

A job is stalled when the worker running it stopped sending heartbeats (killed, crashed). Not
stalled, though its heartbeats stopped: any job while the database itself has been up for less
than the stall time (a restart silences every worker, and they need a moment to reconnect),
and a crawl whose site lock (store.crawl_locks) some process still holds, which is alive.

Settling respects procrastinate's queueing lock (at most one 'todo' job per lock): a stalled
job whose successor is already queued is marked failed, and the queued one runs; otherwise the
stalled job goes back to the queue. Either way its job lock (one 'doing' job per lock) is
released, so the site's next crawl can start.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import psycopg
from psycopg.rows import class_row

from store.crawl_locks import SITE_LOCK_SPACE

Settled = Literal["retried", "failed", "skipped"]


@dataclass(frozen=True)
class StalledJob:
    id: int
    task_name: str
    queueing_lock: str | None


# A job's worker is silent: its row is gone (pruned) or its heartbeat is old, and the database
# has been up long enough for a live worker to have sent one. A crawl job is alive while any
# process holds its site's lock. %(after)s: the stall time in seconds; %(crawl)s: crawl task.
_STALLED = """
    j.status = 'doing'
    AND pg_postmaster_start_time() < now() - make_interval(secs => %(after)s)
    AND NOT EXISTS (SELECT 1 FROM procrastinate_workers w
                     WHERE w.id = j.worker_id
                       AND w.last_heartbeat >= now() - make_interval(secs => %(after)s))
    AND NOT (j.task_name = %(crawl)s AND EXISTS (
        SELECT 1 FROM sites s JOIN pg_locks l
            ON l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
           AND l.classid = %(space)s::int::oid AND l.objid = s.id::int::oid
         WHERE s.name = j.args ->> 'site_name'))
"""


def stalled_jobs(
    conn: psycopg.Connection[Any], stalled_after_s: float, crawl_task: str
) -> list[StalledJob]:
    params = {"after": stalled_after_s, "crawl": crawl_task, "space": SITE_LOCK_SPACE}
    with conn.cursor(row_factory=class_row(StalledJob)) as cur:
        return cur.execute(
            f"SELECT j.id, j.task_name, j.queueing_lock FROM procrastinate_jobs j "
            f"WHERE {_STALLED} ORDER BY j.id",
            params,
        ).fetchall()


def settle_stalled(
    conn: psycopg.Connection[Any], job_id: int, stalled_after_s: float, crawl_task: str
) -> Settled:
    """Retry a stalled job, or fail it if its successor is queued; 'skipped' if it turned out
    not to be stalled, or was settled meanwhile (checked again under the job's row lock)."""
    params = {"after": stalled_after_s, "crawl": crawl_task, "space": SITE_LOCK_SPACE}
    try:
        with conn.transaction():
            row = conn.execute(
                f"SELECT j.queueing_lock, EXISTS (SELECT 1 FROM procrastinate_jobs q "
                f"  WHERE q.queueing_lock = j.queueing_lock AND q.status = 'todo') "
                f"FROM procrastinate_jobs j WHERE j.id = %(id)s AND {_STALLED} FOR UPDATE OF j",
                params | {"id": job_id},
            ).fetchone()
            if row is None:
                return "skipped"
            if row[1]:
                _fail(conn, job_id)
                return "failed"
            conn.execute(
                "SELECT procrastinate_retry_job_v2(%s, now(), NULL, NULL, NULL)", (job_id,)
            )
            return "retried"
    except psycopg.errors.UniqueViolation:
        # A successor was queued between the check and the retry: it runs, this one failed.
        with conn.transaction():
            _fail(conn, job_id)
        return "failed"


def _fail(conn: psycopg.Connection[Any], job_id: int) -> None:
    """Fail the job if it is still 'doing' (finish_job_v1 would also fail a queued one)."""
    conn.execute(
        "SELECT procrastinate_finish_job_v1(j.id, 'failed', false) FROM procrastinate_jobs j "
        "WHERE j.id = %s AND j.status = 'doing'",
        (job_id,),
    )

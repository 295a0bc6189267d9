"""The scheduler's side of the job queue (queue mode): one procrastinate app and connection
pool per scheduler process, opened at start and closed only after the last job has ended.

Each due time of a scheduled job is deferred at most once (store.deferrals): a retry, a
deferral that raced another scheduler, or two jobs sharing a cron tick queue nothing twice.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

import procrastinate
from procrastinate import App, SyncPsycopgConnector
from psycopg_pool import ConnectionPool

from adwatch import workqueue
from store import deferrals
from store.bootstrap import open_ready

log = logging.getLogger(__name__)
POOL_TIMEOUT_S = 10.0


class Deferrer:
    def __init__(self, database_url: str, connections: int) -> None:
        # The workers' task registry says which queue each task goes to.
        self._queues = {
            name: task.queue for name, task in workqueue.queue_app(database_url).tasks.items()
        }
        # A pool the scheduler owns: procrastinate never closes a pool it was given, and no
        # job opens or closes it (closing a shared one under another thread was the bug).
        self._pool = ConnectionPool(
            database_url,
            min_size=1,
            max_size=connections,
            open=False,
            timeout=POOL_TIMEOUT_S,
            check=ConnectionPool.check_connection,
        )
        self._app = App(connector=SyncPsycopgConnector())

    def open(self) -> None:
        self._pool.open(wait=True, timeout=POOL_TIMEOUT_S)
        self._app.open(self._pool)

    def close(self) -> None:
        self._app.close()
        self._pool.close()

    def defer(
        self, job_name: str, due: datetime, task: str, lock: str | None = None, **args: Any
    ) -> int | None:
        """Queue `task` for the scheduled job's due time unless it was queued before. A job
        of the same queueing lock still waiting serves this due time too (no pile-up behind
        slow workers). Returns the new job's id, or None."""
        name = f"adwatch.{task}"
        with open_ready() as conn, deferrals.claiming(conn, job_name, due) as claim:
            if claim is None:
                log.info("%s due %s was already queued", job_name, due)
                return None
            deferrer = self._app.configure_task(
                name,
                queue=self._queues[name],
                lock=lock,
                queueing_lock=lock or task,
            )
            try:
                claim.job_id = deferrer.defer(**args)
            except procrastinate.exceptions.AlreadyEnqueued:
                log.info("%s due %s: one is already waiting in the queue", job_name, due)
            return claim.job_id


def crawl_lock(site_name: str) -> str:
    """The lock workqueue.defer_crawl uses: one crawl of a site running or queued at once."""
    return f"crawl:{site_name}"

"""Work distribution on PostgreSQL with procrastinate (jobs claimed with FOR UPDATE SKIP LOCKED).

Any number of `adwatch worker` processes, on any machines, take crawl, scoring and linking jobs,
and build the exports the API queued. A worker killed mid-job stops sending heartbeats; a
periodic task in the surviving workers finds its stalled jobs and queues them again (or fails
them, where a successor is queued). Workers ride out database outages (adwatch.queue_worker).
Task bodies are the same job functions the single-process scheduler runs.
"""

from __future__ import annotations

import asyncio
import logging
from functools import lru_cache

import procrastinate
from procrastinate import App, PsycopgConnector, RetryStrategy

from adwatch import jobs
from adwatch.queue_worker import SteadyWorker
from config.settings import get_settings
from store import exports, work_queue
from store.bootstrap import open_ready

log = logging.getLogger(__name__)
QUEUES = ("crawl", "score", "link", "export")
CRAWL_TASK = "adwatch.crawl_site"
PRUNE_AFTER_S = 24 * 3600.0


def crawl_site(site_name: str) -> None:
    jobs.crawl_job(site_name)


def score_pending() -> int:
    return jobs.score_job()


def link_pending() -> int:
    return jobs.link_job()


def requeue_stalled(timestamp: int) -> int:
    """Jobs of workers that stopped sending heartbeats (killed, crashed) go back to the queue,
    or are failed where their successor is queued already (store.work_queue says which). Each
    is settled on its own: one that cannot be settled is logged and the sweep goes on."""
    after = get_settings().queue_stalled_after_s
    with open_ready(autocommit=True) as conn:
        stalled = work_queue.stalled_jobs(conn, after, CRAWL_TASK)
        settled = 0
        for job in stalled:
            try:
                outcome = work_queue.settle_stalled(conn, job.id, after, CRAWL_TASK)
            except Exception:
                log.exception("could not settle stalled job %s (%s)", job.id, job.task_name)
                continue
            if outcome != "skipped":
                settled += 1
                log.warning("job %s (%s) of a stalled worker: %s", job.id, job.task_name, outcome)
    return settled


def build_exports() -> int:
    return jobs.export_job()


@lru_cache(maxsize=4)
def queue_app(database_url: str) -> App:
    """An app per database, each with its own task objects."""
    # psycopg_pool retries a failed connection with a backoff that doubles for five minutes,
    # and grows the pool only when a new caller starts waiting: after an outage, callers
    # already waiting sat out their whole 30 s timeout, heartbeats included. So reconnects
    # are given up after 2 s and callers wait 5 s at most, then try again (adwatch.queue_worker
    # retries), which starts a fresh connection at once: a worker is back within seconds.
    connector = PsycopgConnector(conninfo=database_url, reconnect_timeout=2.0, timeout=5.0)
    app = App(connector=connector)
    retry = RetryStrategy(max_attempts=3, wait=30)
    app.task(name=CRAWL_TASK, queue="crawl", retry=retry)(crawl_site)
    app.task(name="adwatch.score_pending", queue="score", retry=retry)(score_pending)
    app.task(name="adwatch.link_pending", queue="link", retry=retry)(link_pending)
    stalled_task = app.task(name="adwatch.requeue_stalled", queue="link")
    # six-field cron: the seconds come last
    app.periodic(cron="* * * * * */10", periodic_id="requeue-stalled")(
        stalled_task(requeue_stalled)
    )
    # Queued by the API with each export request (store.exports); one job drains them all.
    app.task(name=exports.BUILD_TASK, queue=exports.BUILD_QUEUE, retry=retry)(build_exports)
    return app


def defer_task(app: App, task_name: str) -> None:
    app.configure_task(f"adwatch.{task_name}").defer()


def defer_crawl(app: App, site_name: str) -> None:
    """Queue a crawl; the lock keeps two crawls of one site from running (or queueing) at once."""
    lock = f"crawl:{site_name}"
    try:
        app.configure_task(CRAWL_TASK, lock=lock, queueing_lock=lock).defer(site_name=site_name)
    except procrastinate.exceptions.AlreadyEnqueued:
        log.info("crawl of %s already queued", site_name)


def run_worker(database_url: str, queues: list[str], concurrency: int) -> bool:
    """Take jobs until stopped; False if the worker stopped because it failed."""
    settings = get_settings()
    app = queue_app(database_url)

    async def work() -> bool:
        async with app.open_async():
            worker = SteadyWorker(
                app=app,
                queues=queues,
                concurrency=concurrency,
                update_heartbeat_interval=settings.queue_heartbeat_s,
                # procrastinate prunes workers this silent when a worker starts, and their jobs
                # then look stalled whatever the database's uptime: leave that to the sweep.
                stalled_worker_timeout=PRUNE_AFTER_S,
            )
            await worker.run()  # type: ignore[no-untyped-call]
            return not worker.failed

    return asyncio.run(work())

"""Work distribution on PostgreSQL with procrastinate (jobs claimed with FOR UPDATE SKIP LOCKED).

Any number of `adwatch worker` processes, on any machines, take crawl, scoring and linking jobs,
and build the exports the API queued.
A worker killed mid-job stops sending heartbeats; a periodic task in the surviving workers
finds its stalled jobs and queues them again. Task bodies are the same job functions the
single-process scheduler runs.
"""

from __future__ import annotations

import logging
from functools import lru_cache

import procrastinate
from procrastinate import App, PsycopgConnector, RetryStrategy

from adwatch import jobs
from store import exports

log = logging.getLogger(__name__)
QUEUES = ("crawl", "score", "link", "export")
STALLED_AFTER_S = 15.0


def crawl_site(site_name: str) -> None:
    jobs.crawl_job(site_name)


def score_pending() -> int:
    return jobs.score_job()


def link_pending() -> int:
    return jobs.link_job()


def build_exports() -> int:
    return jobs.export_job()


async def requeue_stalled(context: procrastinate.JobContext, timestamp: int) -> int:
    """Jobs of workers that stopped sending heartbeats (killed, crashed) go back to the queue."""
    assert context.app is not None
    manager = context.app.job_manager
    stalled = list(await manager.get_stalled_jobs(seconds_since_heartbeat=STALLED_AFTER_S))
    for job in stalled:
        log.warning("requeueing job %s (%s) of a stalled worker", job.id, job.task_name)
        await manager.retry_job(job)
    return len(stalled)


@lru_cache(maxsize=4)
def queue_app(database_url: str) -> App:
    """An app per database, each with its own task objects."""
    app = App(connector=PsycopgConnector(conninfo=database_url))
    retry = RetryStrategy(max_attempts=3, wait=30)
    app.task(name="adwatch.crawl_site", queue="crawl", retry=retry)(crawl_site)
    app.task(name="adwatch.score_pending", queue="score", retry=retry)(score_pending)
    app.task(name="adwatch.link_pending", queue="link", retry=retry)(link_pending)
    stalled_task = app.task(name="adwatch.requeue_stalled", queue="link", pass_context=True)
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
        app.configure_task("adwatch.crawl_site", lock=lock, queueing_lock=lock).defer(
            site_name=site_name
        )
    except procrastinate.exceptions.AlreadyEnqueued:
        log.info("crawl of %s already queued", site_name)


def run_worker(database_url: str, queues: list[str], concurrency: int) -> None:
    app = queue_app(database_url)
    with app.open():
        app.run_worker(
            queues=queues,
            concurrency=concurrency,
            update_heartbeat_interval=2.0,
            stalled_worker_timeout=STALLED_AFTER_S,
        )

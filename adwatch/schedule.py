"""The standard schedule: what `adwatch run` runs itself, or queues for workers in queue mode.

Sites are read again every `sites_refresh_s`, so a site added, enabled, disabled, rescheduled
or removed (`adwatch sites`, the admin API) is picked up without a restart.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial

from adwatch.deferrals import Deferrer, crawl_lock
from adwatch.jobs import crawl_job, deliver_job, link_job, retention_job, score_job
from adwatch.scheduler import THREADS, JobSpec, Scheduler, cron, due_time, every
from config.settings import Settings
from store import deferrals, sites
from store.bootstrap import open_ready, ready_url

log = logging.getLogger(__name__)
CRAWL_PREFIX = "crawl:"
DEFERRALS_KEPT = timedelta(days=7)


def queued(deferrer: Deferrer, job_name: str, task: str) -> Callable[[], object]:
    """A scheduler job that only queues `task` for `adwatch worker` processes."""

    def defer() -> None:
        deferrer.defer(job_name, due_time(), task)

    return defer


def queued_crawl(deferrer: Deferrer, site_name: str) -> Callable[[], object]:
    def defer() -> None:
        deferrer.defer(
            CRAWL_PREFIX + site_name,
            due_time(),
            "crawl_site",
            lock=crawl_lock(site_name),
            site_name=site_name,
        )

    return defer


def crawl_specs(deferrer: Deferrer | None) -> list[JobSpec]:
    """A crawl job per enabled site with a schedule, as stored now."""
    with open_ready() as conn:
        stored = sites.list_sites(conn)
    specs = []
    for site in stored:
        if site.enabled and site.schedule:
            func = queued_crawl(deferrer, site.name) if deferrer else partial(crawl_job, site.name)
            specs.append(JobSpec(CRAWL_PREFIX + site.name, func, cron(site.schedule)))
    return specs


def refresh_sites(scheduler: Scheduler, deferrer: Deferrer | None) -> None:
    scheduler.sync(CRAWL_PREFIX, crawl_specs(deferrer))
    with open_ready() as conn:
        deferrals.prune(conn, datetime.now(UTC) - DEFERRALS_KEPT)


def standard_jobs(settings: Settings, deferrer: Deferrer | None = None) -> list[JobSpec]:
    """The fixed jobs and the sites' crawls; queued for workers when given a deferrer."""
    score = queued(deferrer, "score", "score_pending") if deferrer else score_job
    link = queued(deferrer, "link", "link_pending") if deferrer else link_job
    return [
        JobSpec("score", score, every(settings.score_interval_s)),
        JobSpec("link", link, every(settings.link_interval_s)),
        JobSpec("deliver-webhooks", deliver_job, every(settings.deliver_interval_s)),
        JobSpec(
            "retention",
            partial(retention_job, settings.retention_days),
            cron(settings.retention_cron),
        ),
        *crawl_specs(deferrer),
    ]


def standard_scheduler(settings: Settings) -> Scheduler:
    """The service's scheduler; in queue mode with its one job-queue connection pool, closed
    when the scheduler shuts down."""
    deferrer = None
    if settings.execution == "queue":
        deferrer = Deferrer(ready_url(), THREADS)
        deferrer.open()
    scheduler = Scheduler(standard_jobs(settings, deferrer))
    scheduler.specs["sites"] = JobSpec(
        "sites", partial(refresh_sites, scheduler, deferrer), every(settings.sites_refresh_s)
    )
    if deferrer is not None:
        scheduler.on_shutdown(deferrer.close)
    return scheduler

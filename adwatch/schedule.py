"""The standard schedule: what `adwatch run` runs itself, or queues for workers in queue mode."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from adwatch import workqueue
from adwatch.jobs import crawl_job, deliver_job, link_job, retention_job, score_job
from adwatch.scheduler import JobSpec, cron, every
from config.settings import Settings
from store import sites
from store.bootstrap import open_ready, ready_url


def _queued(task_name: str) -> Callable[[], object]:
    """A scheduler job that only queues work for `adwatch worker` processes."""

    def defer() -> None:
        app = workqueue.queue_app(ready_url())
        with app.open():
            if task_name.startswith("crawl:"):
                workqueue.defer_crawl(app, task_name.removeprefix("crawl:"))
            else:
                workqueue.defer_task(app, task_name)

    return defer


def standard_jobs(settings: Settings) -> list[JobSpec]:
    queued = settings.execution == "queue"
    specs = [
        JobSpec(
            "score",
            _queued("score_pending") if queued else score_job,
            every(settings.score_interval_s),
        ),
        JobSpec(
            "link", _queued("link_pending") if queued else link_job, every(settings.link_interval_s)
        ),
        JobSpec("deliver-webhooks", deliver_job, every(settings.deliver_interval_s)),
        JobSpec(
            "retention",
            partial(retention_job, settings.retention_days),
            cron(settings.retention_cron),
        ),
    ]
    with open_ready() as conn:
        for site in sites.list_sites(conn):
            if site.enabled and site.schedule:
                name = f"crawl:{site.name}"
                crawl = _queued(name) if queued else partial(crawl_job, site.name)
                specs.append(JobSpec(name, crawl, cron(site.schedule)))
    return specs

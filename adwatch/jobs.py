"""The service's standard jobs, each a plain function the scheduler (or a worker) runs."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from adwatch.scheduler import JobSpec, cron, every
from adwatch.settings import Settings
from store import retention, sites
from store.bootstrap import open_ready, ready_url

log = logging.getLogger(__name__)


def score_job() -> int:
    from adwatch.settings import get_settings
    from classifier.model import load_model
    from classifier.pending import register_model, score_pending

    models_dir = get_settings().models_dir
    model = load_model(models_dir)
    with open_ready() as conn:
        register_model(conn, model, models_dir)
        return score_pending(conn, model)


def link_job() -> int:
    from classifier.linking import link_pending

    with open_ready() as conn:
        return link_pending(conn).adverts


def retention_job(days: int) -> int:
    with open_ready() as conn:
        purged = retention.purge_dismissed_snapshots(conn, days)
    log.info("retention: purged raw snapshots of %d dismissed advert versions", purged)
    return purged


def deliver_job() -> int:
    from api.webhooks import deliver_pending

    with open_ready() as conn:
        return deliver_pending(conn)


def crawl_job(site_name: str) -> None:
    from crawlers import launch
    from crawlers.profiles import SiteProfile

    with open_ready() as conn:
        site = sites.get_site(conn, site_name)
    if site is None or not site.enabled:
        return
    run = launch.crawl(SiteProfile.model_validate(site.profile))
    if run.status != "finished":
        raise RuntimeError(f"crawl of {site_name} ended {run.status} (run #{run.id})")


def _queued(task_name: str) -> Callable[[], object]:
    """A scheduler job that only queues work for `adwatch worker` processes."""

    def defer() -> None:
        from adwatch import queue

        app = queue.queue_app(ready_url())
        with app.open():
            if task_name.startswith("crawl:"):
                queue.defer_crawl(app, task_name.removeprefix("crawl:"))
            else:
                queue.defer_task(app, task_name)

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

"""The service's standard jobs, each a plain function the scheduler (or a worker) runs."""

from __future__ import annotations

import logging
from functools import lru_cache, partial

from adwatch.pipeline import link_all_pending, score_all_pending
from api import export_jobs
from config.settings import get_settings
from crawlers import launch
from crawlers.profiles import SiteProfile
from linking.pdq_warm import WarmIndex
from share import feed_render
from share.webhooks import deliver_pending
from store import images, retention, sites
from store.bootstrap import open_ready, ready_url
from store.db import connect
from store.image_files import delete_image, images_root

log = logging.getLogger(__name__)


def score_job() -> int:
    return score_all_pending(get_settings().models_dir).scored


@lru_cache(maxsize=4)
def _link_index(url: str, min_quality: int, max_mb: int, refresh_s: float) -> WarmIndex:
    """This process's warm PDQ index for the link job (the scheduler and workers live long;
    one index per database), loading from its first run."""
    index = WarmIndex(partial(connect, url), min_quality, max_mb * 1_000_000, refresh_s)
    index.start()
    return index


def link_job() -> int:
    settings = get_settings()
    warm = None
    if settings.image_index_max_mb:
        warm = _link_index(
            ready_url(),
            settings.pdq_min_quality,
            settings.image_index_max_mb,
            settings.image_index_refresh_s,
        )
    return link_all_pending(
        settings.image_match_distance,
        settings.pdq_min_quality,
        images_root(settings.data_dir),
        warm,
        settings.crop_index_images,
    )


def retention_job(days: int) -> int:
    with open_ready() as conn:
        purged = retention.purge_dismissed_snapshots(conn, days)
        keys = images.purge_dismissed_images(conn, days)
        files = export_jobs.purge_expired(conn, get_settings())
    log.info("retention: purged raw snapshots of %d dismissed advert versions", purged)
    log.info("retention: removed %d expired or orphaned export files", files)
    _delete_image_files(keys)
    return purged


def export_job() -> int:
    """Build every waiting export request (queue mode: the API only queues them)."""
    return export_jobs.drain(open_ready, get_settings())


def _delete_image_files(keys: list[str]) -> None:
    """The bytes of images retention purged (their rows say so already: the hashes stay)."""
    root = images_root(get_settings().data_dir)
    failed = 0
    for key in keys:
        try:
            delete_image(root, key)
        except (OSError, ValueError) as exc:  # one unremovable file must not stop the rest
            failed += 1
            log.error("retention: image %s not deleted: %s", key, exc)
    log.info("retention: purged %d images (%d files not deleted)", len(keys), failed)


def deliver_job() -> int:
    """Render new feed events once (pages then only concatenate them), then send webhooks."""
    secret = get_settings().hash_secret.get_secret_value()
    with open_ready(autocommit=True) as conn:
        if secret:
            feed_render.render_new(conn, secret)
        return deliver_pending(conn, secret)


def crawl_job(site_name: str) -> None:
    with open_ready() as conn:
        site = sites.get_site(conn, site_name)
    if site is None or not site.enabled:
        return
    run = launch.crawl(SiteProfile.model_validate(site.profile))
    if run.status != "finished":
        raise RuntimeError(f"crawl of {site_name} ended {run.status} (run #{run.id})")

"""Opening a crawl run: register the site, claim it for this crawl, open the run.

A crawl holds its site's lock (store.crawl_locks) from before its run opens until after it
closes, and so do its crawl processes: while any of them lives, every other crawl of the site
is refused, on any host, and a run left 'running' by a crawl nobody holds any more is closed
as interrupted. The database's one-running-run-per-site index backs this up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import psycopg

from config.errors import AdwatchError
from crawlers.profiles import SiteProfile
from store import adverts, crawl_locks, crawl_runs, sites
from store.bootstrap import open_ready
from store.crawl_locks import SiteLockHolder
from store.crawl_runs import CrawlRun
from store.db import connect

# After a database restart every crawl has lost its lock until it reconnects (within seconds):
# meanwhile a free lock does not prove a 'running' run dead.
RESTART_GRACE_S = 30.0


class CrawlRefused(AdwatchError):
    """The crawl target is not allowed (e.g. a private address) or already being crawled."""


@dataclass(frozen=True)
class OpenRun:
    run: CrawlRun
    started: datetime  # this host's clock, as the adverts' last_seen (their fetch times) are
    known_urls: tuple[str, ...]  # the site's adverts believed online, re-checked if not reached
    lock: SiteLockHolder  # this launcher's hold on the site, released once the run is closed


def open_run(profile: SiteProfile, database_url: str, *, revisit: bool) -> OpenRun:
    """Register the site, claim it and open a run; CrawlRefused while another crawl of the
    site is alive. The returned run's lock must be closed by the caller after the run."""
    started = datetime.now(UTC)
    with open_ready() as conn:
        with conn.transaction():
            site = register_site(conn, profile)
        holder = _claim(conn, database_url, site.id, profile.name)
        try:
            with conn.transaction():
                _close_abandoned(conn, site.id, profile.name)
                run = crawl_runs.start_run(conn, site.id)
                # A shard cannot know what the other shards reached: sharded crawls re-check none.
                known = adverts.active_urls(conn, profile.name) if revisit else []
        except BaseException:
            holder.close()
            raise
    return OpenRun(run, started, tuple(known), holder)


def _claim(
    conn: psycopg.Connection[Any], database_url: str, site_id: int, name: str
) -> SiteLockHolder:
    lock_conn = connect(database_url, autocommit=True)
    try:
        claimed = crawl_locks.try_claim_site(lock_conn, site_id)
    except BaseException:
        lock_conn.close()
        raise
    if not claimed:
        lock_conn.close()
        running = crawl_runs.running_run(conn, site_id)
        which = f" (run #{running.id})" if running is not None else ""
        raise CrawlRefused(f"site {name} is already being crawled{which}")
    holder = SiteLockHolder(database_url, site_id)
    holder.adopt(lock_conn)
    return holder


def _close_abandoned(conn: psycopg.Connection[Any], site_id: int, name: str) -> None:
    """A run still 'running' while nobody holds the site is a dead crawl's: interrupted."""
    running = crawl_runs.running_run(conn, site_id)
    if running is None:
        return
    uptime = crawl_locks.database_uptime_s(conn)
    if uptime < RESTART_GRACE_S:
        raise CrawlRefused(
            f"site {name} may still be crawled by run #{running.id}: the database restarted "
            f"{uptime:.0f}s ago; try again in a minute"
        )
    crawl_runs.finish_run(conn, running.id, "interrupted")


def register_site(conn: psycopg.Connection[Any], profile: SiteProfile) -> sites.Site:
    """The profile's site row, created or refreshed (profile and schedule); its id is stable.
    One way for the CLI, the admin API and a crawl's launch to register a site (the
    launcher's module: crawl processes never write site rows)."""
    return sites.upsert_site(
        conn,
        profile.name,
        profile.kind,
        profile.start_urls[0],
        profile.model_dump(mode="json"),
        profile.schedule,
    )

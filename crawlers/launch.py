"""A crawl run's whole life, for one crawl process or N shards: the only owner of crawl runs.

The launcher reads the settings once, checks the targets, registers the site and opens the
run, starts the crawl processes (which only fetch and ingest into that run), shows progress,
and once they have ended counts the adverts missing from a complete crawl and closes the run
with its final status: also when a process fails or is killed, or the database is restarting.
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import psycopg

from config.errors import AdwatchError
from config.settings import get_settings
from crawlers.address_policy import private_targets

# CrawlRefused is re-exported: callers catch it as launch.CrawlRefused.
from crawlers.claims import CrawlRefused as CrawlRefused
from crawlers.claims import OpenRun, open_run
from crawlers.extract.urls import is_private_address
from crawlers.handoff import CrawlOrder, CrawlOutcome, run_status, stop_messages
from crawlers.options import CrawlOptions
from crawlers.processes import CrawlProcesses
from crawlers.profiles import SiteProfile
from crawlers.sharded import check_frontier, clear_frontier
from store import adverts, crawl_runs
from store.bootstrap import open_ready, ready_url, when_reachable
from store.crawl_runs import CrawlRun
from store.db import UNREACHABLE

log = logging.getLogger(__name__)
Progress = Callable[[CrawlRun], None]
LOCK_CHECK_S = 2.0  # how often a launcher checks that it still holds its site's lock


@dataclass(frozen=True)
class Sharding:
    """N processes sharing one Redis frontier, for a site too large for one."""

    processes: int
    redis_url: str


def crawl(
    profile: SiteProfile,
    *,
    allow_private: bool = False,
    log_level: str = "WARNING",
    on_progress: Progress | None = None,
    options: CrawlOptions | None = None,
) -> CrawlRun:
    """Crawl one site in a child process and return the closed run. Without `options`, the
    deployment's settings are read here, once."""
    options = options or CrawlOptions.from_settings(get_settings())
    return _crawl(profile, options, allow_private, log_level, on_progress, None)


def crawl_sharded(
    profile: SiteProfile,
    processes: int,
    redis_url: str,
    *,
    allow_private: bool = False,
    log_level: str = "WARNING",
    on_progress: Progress | None = None,
    options: CrawlOptions | None = None,
) -> CrawlRun:
    """Crawl one large site with `processes` shards sharing a Redis frontier; one run."""
    options = options or CrawlOptions.from_settings(get_settings())
    sharding = Sharding(processes, redis_url)
    return _crawl(profile, options, allow_private, log_level, on_progress, sharding)


def _crawl(
    profile: SiteProfile,
    options: CrawlOptions,
    allow_private: bool,
    log_level: str,
    on_progress: Progress | None,
    sharding: Sharding | None,
) -> CrawlRun:
    allowed = allow_private or options.allow_private or profile.allow_private
    check_targets(profile, allowed)
    if sharding:
        check_frontier(sharding.redis_url)  # before a run is opened: nothing to close
    database_url = ready_url()
    opened = open_run(profile, database_url, revisit=sharding is None)
    try:
        _run_processes(opened, profile, options, log_level, on_progress, sharding, allowed)
    finally:  # only once its run is closed may another crawl of the site start
        opened.lock.close()
    if sharding:
        clear_frontier(sharding.redis_url, profile)
    return final_run(opened.run.id)


def _run_processes(
    opened: OpenRun,
    profile: SiteProfile,
    options: CrawlOptions,
    log_level: str,
    on_progress: Progress | None,
    sharding: Sharding | None,
    allowed: bool,
) -> None:
    # Private: the order holds the database URL, and mkdtemp makes the folder owner-only.
    with (
        tempfile.TemporaryDirectory(prefix="adwatch-crawl-") as tmp,
        _frontier(options, opened.run.id, sharded=sharding is not None) as jobdir,
    ):
        order = CrawlOrder(
            profile=profile,
            options=options,
            database_url=opened.lock.database_url,
            site_id=opened.run.site_id,
            run_id=opened.run.id,
            log_level=log_level,
            redis_url=sharding.redis_url if sharding else None,
            known_urls=opened.known_urls,
            # Checked again at each connection in the crawl: allowed are the start URLs' own.
            private_targets=private_targets(profile.start_urls) if allowed else (),
            jobdir=jobdir,
            launcher_pid=os.getpid(),
        )
        processes = CrawlProcesses(Path(tmp), order, sharding.processes if sharding else 1)
        failure: list[str] = []
        try:
            if sharding:
                clear_frontier(sharding.redis_url, profile)
            processes.run(_ticker(opened, on_progress))
        except Exception as exc:
            failure.append(f"launch failed: {exc}")  # the reason, kept in the run's error log
            raise _launch_error(profile, opened.run.id, exc) from exc
        finally:  # whatever happened, the run is closed: it ends failed without outcomes
            outcomes = processes.outcomes()
            _log_peak_memory(outcomes)
            stops = stop_messages(outcomes, options) + failure
            close_run(opened, profile, run_status(outcomes), stops)


def _launch_error(profile: SiteProfile, run_id: int, exc: Exception) -> AdwatchError:
    """One line for the command line, naming the run that was closed as failed."""
    return AdwatchError(f"crawl of {profile.name} failed (run #{run_id} closed as failed): {exc}")


@contextmanager
def _frontier(options: CrawlOptions, run_id: int, *, sharded: bool) -> Iterator[str | None]:
    """A fresh folder for this run's on-disk request queue (Scrapy's JOBDIR), deleted after:
    a kept one would carry its seen-request filter into the next run, which would then skip
    every listing page already seen. Sharded crawls queue in Redis instead."""
    if sharded:
        yield None
        return
    root = options.frontier_dir
    if root is not None:
        root.mkdir(parents=True, exist_ok=True)
        clear_orphaned_frontiers(root)
    jobdir = tempfile.mkdtemp(prefix=f"run-{run_id}-", dir=root)
    claim_frontier(Path(jobdir))
    try:
        yield jobdir
    finally:
        shutil.rmtree(jobdir, ignore_errors=True)


_OWNER = "launcher"  # "HOST PID" of the launcher that made the folder


def claim_frontier(folder: Path) -> None:
    (folder / _OWNER).write_text(f"{socket.gethostname()} {os.getpid()}\n", encoding="utf-8")


def clear_orphaned_frontiers(root: Path) -> int:
    """Delete the frontier folders whose launcher, on this host, is gone: one killed by SIGKILL
    never deleted its own, and a large crawl's queue can fill the data directory. Run ids repeat
    across databases sharing a data directory, so a folder is judged by its launcher process,
    never by a run's status; folders of other hosts (containers sharing the volume) and of
    live launchers are kept. How many were deleted."""
    host, deleted = socket.gethostname(), 0
    for folder in root.glob("run-*"):
        try:
            owner_host, pid = (folder / _OWNER).read_text(encoding="utf-8").split()
        except (OSError, ValueError):
            continue  # not ours to judge: no readable owner
        if owner_host != host or not pid.isdigit() or _alive(int(pid)):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        deleted += 1
        log.info("removed the frontier %s of a launcher that died without cleaning up", folder.name)
    return deleted


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def _log_peak_memory(outcomes: Sequence[CrawlOutcome | None]) -> None:
    for number, outcome in enumerate(outcomes):
        if outcome is not None:
            log.info("crawl process %d: peak memory %d MB", number, outcome.peak_memory_mb)


def check_targets(profile: SiteProfile, allow_private: bool) -> None:
    """Refuse start URLs on private, loopback or link-local addresses unless allowed."""
    if allow_private or profile.allow_private:
        return
    for url in profile.start_urls:
        host = urlsplit(url).hostname or ""
        try:
            private = is_private_address(host)
        except ValueError as exc:
            raise CrawlRefused(f"cannot resolve {host!r} in {url}: {exc}") from exc
        if private:
            raise CrawlRefused(
                f"{url} resolves to a private/loopback address; pass --allow-private to crawl it"
            )


def close_run(
    opened: OpenRun, profile: SiteProfile, status: str, stops: Sequence[str] = ()
) -> None:
    """Close the run with its final status and why it stopped early (`stops`); after a
    complete crawl, first count a miss for each advert it did not reach. One transaction,
    retried while the database restarts (the crawl processes survive that, and so must this);
    a retry after a lost commit finds the run closed and counts nothing twice."""
    run_id, site_id = opened.run.id, opened.run.site_id

    def close(conn: psycopg.Connection[Any]) -> None:
        if not crawl_runs.finish_run(conn, run_id, status):
            return
        for message in stops:
            crawl_runs.log_error(conn, run_id, profile.start_urls[0], message)
        if status != "finished":
            return
        removed = adverts.record_missing_from_run(
            conn, site_id, opened.started, profile.remove_after_missing_runs, datetime.now(UTC)
        )
        crawl_runs.add_counts(conn, run_id, adverts_removed=len(removed))

    when_reachable(close)


def _ticker(opened: OpenRun, on_progress: Progress | None) -> Callable[[], None]:
    """What the launcher does while its crawl processes run: keep its hold on the site's lock
    (taken again after a database restart) and show progress."""
    last_kept = time.monotonic()

    def tick() -> None:
        nonlocal last_kept
        if time.monotonic() - last_kept >= LOCK_CHECK_S:
            opened.lock.keep()
            last_kept = time.monotonic()
        _report_progress(opened.run.id, on_progress)

    return tick


def _report_progress(run_id: int, on_progress: Progress | None) -> None:
    if on_progress is None:
        return
    try:
        with open_ready() as conn:
            current = crawl_runs.get_run(conn, run_id)
    except UNREACHABLE as exc:
        log.info("no progress to show while the database is unavailable: %s", exc)
        return
    if current is not None:
        on_progress(current)


def final_run(run_id: int) -> CrawlRun:
    """The closed run as stored; waits out a database restart."""
    run = when_reachable(lambda conn: crawl_runs.get_run(conn, run_id))
    if run is None:
        raise AdwatchError(f"crawl run #{run_id} is not in the database")
    return run

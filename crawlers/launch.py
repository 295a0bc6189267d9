"""Starting crawls from the CLI or the scheduler: safety checks, a child process, progress."""

from __future__ import annotations

import json
import logging
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import psycopg

from config.errors import AdwatchError
from config.settings import get_settings
from crawlers.extract.urls import is_private_address
from crawlers.profiles import SiteProfile
from store import crawl_runs, sites
from store.bootstrap import open_ready, ready_url, when_reachable
from store.crawl_runs import CrawlRun
from store.db import UNREACHABLE

log = logging.getLogger(__name__)


class CrawlRefused(AdwatchError):
    """The crawl target is not allowed (e.g. a private address) or already being crawled."""


def check_targets(profile: SiteProfile, allow_private: bool) -> None:
    """Refuse start URLs on private, loopback or link-local addresses unless allowed."""
    if allow_private or profile.allow_private or get_settings().crawler_allow_private:
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


def start_run_row(profile: SiteProfile) -> CrawlRun:
    """Register the site and open a run; refuses a second concurrent crawl of one site."""
    with open_ready() as conn:
        site = sites.upsert_site(
            conn,
            profile.name,
            profile.kind,
            profile.start_urls[0],
            profile.model_dump(mode="json"),
            profile.schedule,
        )
        running = crawl_runs.running_run(conn, site.id)
        if running is not None and _process_alive(running):
            raise CrawlRefused(f"site {profile.name} is already being crawled (run #{running.id})")
        if running is not None:
            crawl_runs.finish_run(conn, running.id, "interrupted")
        return crawl_runs.start_run(conn, site.id)


def _process_alive(run: CrawlRun) -> bool:
    """Is the process that owns a 'running' run still there? (Another host's run: assume so.)"""
    with open_ready() as conn:
        owner = crawl_runs.run_owner(conn, run.id)
    if owner is None or owner[0] is None:
        return False
    pid, host = owner[0], owner[1]
    if host != socket.gethostname():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def crawl(
    profile: SiteProfile,
    *,
    allow_private: bool = False,
    log_level: str = "WARNING",
    on_progress: Callable[[CrawlRun], None] | None = None,
) -> CrawlRun:
    """Crawl one site in a child process and return the finished run."""
    check_targets(profile, allow_private)
    url = ready_url()
    run = start_run_row(profile)
    with tempfile.TemporaryDirectory(prefix="adwatch-crawl-") as tmp:
        env = os.environ | {"DATABASE_URL": url}
        cmd = [
            sys.executable,
            "-m",
            "crawlers.child",
            str(write_profile(tmp, profile)),
            str(run.id),
            log_level,
        ]
        wait_for([subprocess.Popen(cmd, env=env)], run.id, on_progress)
    return final_run(run.id)


def write_profile(directory: str, profile: SiteProfile) -> Path:
    """The profile as JSON for a child process."""
    path = Path(directory) / "profile.json"
    path.write_text(json.dumps(profile.model_dump(mode="json")), encoding="utf-8")
    return path


def wait_for(
    children: list[subprocess.Popen[bytes]],
    run_id: int,
    on_progress: Callable[[CrawlRun], None] | None,
) -> None:
    """Wait for crawl processes, reporting the run's progress; Ctrl-C stops them gracefully."""
    try:
        while any(child.poll() is None for child in children):
            if on_progress is not None:
                _report_progress(run_id, on_progress)
            time.sleep(0.5)
    except KeyboardInterrupt:
        for child in children:  # Scrapy shuts down gracefully and flushes its batch
            child.send_signal(signal.SIGINT)
        for child in children:
            child.wait()
        raise


def _report_progress(run_id: int, on_progress: Callable[[CrawlRun], None]) -> None:
    try:
        with open_ready() as conn:
            current = crawl_runs.get_run(conn, run_id)
    except UNREACHABLE as exc:
        log.info("no progress to show while the database is unavailable: %s", exc)
        return
    if current is not None:
        on_progress(current)


def final_run(run_id: int) -> CrawlRun:
    """The run as the child left it; waits out a database restart, which the child survives."""
    return when_reachable(lambda conn: _close_if_abandoned(conn, run_id))


def _close_if_abandoned(conn: psycopg.Connection[Any], run_id: int) -> CrawlRun:
    run = crawl_runs.get_run(conn, run_id)
    if run is not None and run.status == "running":
        # The child died without closing its run (killed, crashed): record that.
        crawl_runs.finish_run(conn, run_id, "failed")
        run = crawl_runs.get_run(conn, run_id)
    assert run is not None
    return run

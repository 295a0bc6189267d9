"""Queue-mode fault tests: workers as subprocesses, demo sites registered, jobs and runs read."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import psutil
import psycopg

from adwatch.workqueue import defer_crawl, queue_app
from crawlers.claims import register_site
from demo.site import DemoServer
from tests.e2e.demo_support import SITES, profile_for

# Short stall and heartbeat times, so a dead worker's job is taken over in seconds.
FAST_QUEUE = {"ADWATCH_QUEUE_STALLED_AFTER_S": "3", "ADWATCH_QUEUE_HEARTBEAT_S": "0.5"}


def start_worker(db_url: str, log: Path) -> subprocess.Popen[bytes]:
    env = os.environ | FAST_QUEUE | {"DATABASE_URL": db_url, "ADWATCH_CRAWLER_DELAY_S": "0"}
    with log.open("ab") as out:
        return subprocess.Popen([sys.executable, "-m", "adwatch", "worker"], env=env,
                                stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)  # fmt: skip


def stop(worker: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    """Signal the worker's whole process group (its crawl processes too), and reap it."""
    with contextlib.suppress(ProcessLookupError):  # the group may be gone already
        os.killpg(worker.pid, sig)
    worker.wait(60)


def register_sites(db_url: str, server: DemoServer, delay_s: float) -> None:
    with psycopg.connect(db_url) as conn:
        for site in SITES:
            profile = profile_for(server, site).model_copy(update={"delay_s": delay_s})
            register_site(conn, profile)


def queue_crawls(db_url: str, names: list[str]) -> None:
    app = queue_app(db_url)
    with app.open():
        for name in names:
            defer_crawl(app, name)


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.2)


def crawl_jobs(db_url: str) -> list[tuple[str, str, int, int | None]]:
    """(site, status, attempts, worker id) of each crawl job, in order."""
    with psycopg.connect(db_url, connect_timeout=3) as conn:
        rows = conn.execute(
            """SELECT args ->> 'site_name', status::text, attempts, worker_id
                 FROM procrastinate_jobs WHERE task_name = 'adwatch.crawl_site' ORDER BY id"""
        ).fetchall()
    return [(str(r[0]), str(r[1]), int(r[2]), r[3]) for r in rows]


def statuses(db_url: str) -> list[str]:
    return [status for _, status, _, _ in crawl_jobs(db_url)]


def pages_crawled(db_url: str, site: str) -> int:
    try:
        with psycopg.connect(db_url, connect_timeout=3) as conn:
            row = conn.execute(
                "SELECT coalesce(max(r.pages), 0) FROM crawl_runs r JOIN sites s "
                "ON s.id = r.site_id WHERE s.name = %s AND r.status = 'running'",
                (site,),
            ).fetchone()
        return int(row[0]) if row else 0
    except psycopg.OperationalError:
        return 0


def runs(db_url: str) -> list[tuple[str, str]]:
    with psycopg.connect(db_url) as conn:
        rows = conn.execute(
            "SELECT s.name, r.status FROM crawl_runs r JOIN sites s ON s.id = r.site_id "
            "ORDER BY r.id"
        ).fetchall()
    return [(str(r[0]), str(r[1])) for r in rows]


def stored_urls(db_url: str, site: str) -> list[str]:
    with psycopg.connect(db_url) as conn:
        rows = conn.execute(
            "SELECT a.canonical_url FROM adverts a JOIN sites s ON s.id = a.site_id "
            "WHERE s.name = %s ORDER BY 1",
            (site,),
        ).fetchall()
    return [str(r[0]) for r in rows]


def alive(process: psutil.Process) -> bool:
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False

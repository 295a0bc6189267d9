"""Scale-out: `adwatch worker` processes share one PostgreSQL queue; a worker killed mid-job
leaves its job to another; the result equals a single-process run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator

import psycopg
import pytest

from demo.site import DemoServer
from tests.e2e.demo_support import SITES, demo_server
from tests.e2e.queue_support import queue_crawls, register_sites, stop, wait_until

pytestmark = [pytest.mark.integration, pytest.mark.e2e]


def start_worker(db_url: str) -> subprocess.Popen[bytes]:
    env = os.environ | {"DATABASE_URL": db_url, "ADWATCH_CRAWLER_DELAY_S": "0"}
    return subprocess.Popen([sys.executable, "-m", "adwatch", "worker"], env=env,
                            start_new_session=True)  # fmt: skip


def job_states(db_url: str) -> list[tuple[str, str, int]]:
    with psycopg.connect(db_url) as conn:
        return [(str(r[0]), str(r[1]), int(r[2])) for r in conn.execute(
            """SELECT task_name, status, attempts FROM procrastinate_jobs
               WHERE task_name = 'adwatch.crawl_site' ORDER BY id"""
        )]  # fmt: skip


def stored_urls(db_url: str) -> list[str]:
    with psycopg.connect(db_url) as conn:
        return sorted(r[0] for r in conn.execute("SELECT canonical_url FROM adverts"))


@pytest.fixture
def demo() -> Iterator[DemoServer]:
    with demo_server(job_adverts=40) as server:
        yield server


def test_two_workers_share_jobs_without_doing_any_twice(db_url: str, demo: DemoServer) -> None:
    register_sites(db_url, demo, delay_s=0.0)
    workers = [start_worker(db_url), start_worker(db_url)]
    try:
        queue_crawls(db_url, list(SITES.values()))
        wait_until(lambda: [s for _, s, _ in job_states(db_url)] == ["succeeded"] * 3, 180,
                   "three crawl jobs")  # fmt: skip
    finally:
        for worker in workers:
            stop(worker)
    assert [attempts for *_, attempts in job_states(db_url)] == [1, 1, 1]
    with psycopg.connect(db_url) as conn:
        runs = conn.execute(
            "SELECT s.name, count(*) FROM crawl_runs r JOIN sites s ON s.id = r.site_id "
            "GROUP BY s.name ORDER BY 1"
        ).fetchall()
    assert runs == [(name, 1) for name in sorted(SITES.values())]
    key = demo.answer_key()
    assert stored_urls(db_url) == sorted(a.url for s in key.sites.values() for a in s.adverts)


def test_killed_worker_job_is_taken_over(db_url: str, demo: DemoServer) -> None:
    register_sites(db_url, demo, delay_s=0.15)  # slow enough to kill it mid-crawl
    doomed = start_worker(db_url)
    try:
        queue_crawls(db_url, ["demo-jobs"])

        def crawling() -> bool:
            with psycopg.connect(db_url) as conn:
                row = conn.execute("SELECT max(pages) FROM crawl_runs").fetchone()
            return bool(row and row[0] and row[0] >= 5)

        wait_until(crawling, 120, "the first worker to start crawling")
    finally:
        stop(doomed, signal.SIGKILL)  # the worker and its crawl, without any cleanup
    assert job_states(db_url)[0][1] == "doing"
    survivor = start_worker(db_url)
    try:
        wait_until(lambda: job_states(db_url)[0][1] == "succeeded", 240, "the job to be retried")
    finally:
        stop(survivor)
    key = demo.answer_key().sites["jobs"]
    assert stored_urls(db_url) == sorted(a.url for a in key.adverts)  # same as one clean run
    with psycopg.connect(db_url) as conn:
        statuses = [r[0] for r in conn.execute("SELECT status FROM crawl_runs ORDER BY id")]
        versions = conn.execute("SELECT count(*) FROM advert_versions").fetchone()
    assert statuses == ["interrupted", "finished"]
    assert versions == (len(key.adverts),)

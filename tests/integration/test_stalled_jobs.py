"""Settling stalled queue jobs (issue 17, case 1) and refusing a second crawl of a site while
any process of the first holds its lock (case 4), against a real PostgreSQL."""

from __future__ import annotations

import time
from typing import Any

import psycopg
import pytest

from adwatch.workqueue import CRAWL_TASK, defer_crawl, queue_app, requeue_stalled
from crawlers.claims import CrawlRefused, open_run
from crawlers.profiles import SiteProfile
from store import crawl_runs, sites, work_queue
from store.crawl_locks import SiteLockHolder

pytestmark = pytest.mark.integration


def dead_worker(conn: psycopg.Connection[Any]) -> int:
    row = conn.execute(
        "INSERT INTO procrastinate_workers (last_heartbeat) "
        "VALUES (now() - interval '1 hour') RETURNING id"
    ).fetchone()
    assert row is not None
    return int(row[0])


def queued_crawls(db_url: str, names: list[str]) -> None:
    app = queue_app(db_url)
    with app.open():
        for name in names:
            defer_crawl(app, name)


def start_doing(conn: psycopg.Connection[Any], worker_id: int) -> None:
    """Every queued job is taken by the (dead) worker, as if it had started them."""
    conn.execute(
        "UPDATE procrastinate_jobs SET status = 'doing', worker_id = %s WHERE status = 'todo'",
        (worker_id,),
    )


def jobs(conn: psycopg.Connection[Any]) -> list[tuple[str, str]]:
    rows = conn.execute(
        "SELECT args ->> 'site_name', status::text FROM procrastinate_jobs ORDER BY id"
    ).fetchall()
    return [(str(r[0]), str(r[1])) for r in rows]


def test_a_stalled_job_with_a_queued_successor_is_failed_and_the_successor_runs(
    adwatch_env: str,
) -> None:
    db_url = adwatch_env
    with psycopg.connect(db_url, autocommit=True) as conn:
        queued_crawls(db_url, ["a", "b"])
        start_doing(conn, dead_worker(conn))
        queued_crawls(db_url, ["a"])  # a's next crawl, queued behind the dead one
        assert requeue_stalled(0) == 2  # before the fix: UniqueViolation, and b left stalled
        assert jobs(conn) == [("a", "failed"), ("b", "todo"), ("a", "todo")]
        assert requeue_stalled(0) == 0  # nothing left doing


def test_one_job_that_cannot_be_settled_does_not_stop_the_sweep(
    adwatch_env: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_url = adwatch_env
    with psycopg.connect(db_url, autocommit=True) as conn:
        queued_crawls(db_url, ["a", "b"])
        start_doing(conn, dead_worker(conn))
        settle = work_queue.settle_stalled
        first = work_queue.stalled_jobs(conn, 15.0, CRAWL_TASK)[0].id

        def failing_once(conn: psycopg.Connection[Any], job_id: int, *args: Any) -> str:
            if job_id == first:
                raise psycopg.errors.DeadlockDetected("simulated")
            return settle(conn, job_id, *args)

        monkeypatch.setattr(work_queue, "settle_stalled", failing_once)
        assert requeue_stalled(0) == 1
        assert jobs(conn) == [("a", "doing"), ("b", "todo")]


def test_a_crawl_whose_site_lock_is_held_is_not_stalled(adwatch_env: str) -> None:
    db_url = adwatch_env
    with psycopg.connect(db_url, autocommit=True) as conn:
        site = sites.upsert_site(conn, "a", "job", "http://a.example/", {}, None)
        queued_crawls(db_url, ["a"])
        start_doing(conn, dead_worker(conn))
        holder = SiteLockHolder(db_url, site.id)  # e.g. its crawl process, still crawling
        assert holder.keep()
        try:
            assert work_queue.stalled_jobs(conn, 15.0, CRAWL_TASK) == []
            assert requeue_stalled(0) == 0
        finally:
            holder.close()
        # The server drops a closed session's locks a moment after the client has gone.
        deadline = time.monotonic() + 30
        while not work_queue.stalled_jobs(conn, 15.0, CRAWL_TASK):
            assert time.monotonic() < deadline, "the crawl never looked stalled once unlocked"
            time.sleep(0.1)


def profile(name: str) -> SiteProfile:
    return SiteProfile.model_validate(
        {"name": name, "kind": "job", "start_urls": ["http://a.example/"], "structured": True}
    )


def test_a_second_crawl_is_refused_while_any_crawl_process_holds_the_site(
    adwatch_env: str,
) -> None:
    db_url = adwatch_env
    first = open_run(profile("a"), db_url, revisit=True)
    first.lock.close()  # the launcher is gone ...
    orphan = SiteLockHolder(db_url, first.run.site_id)  # ... but a crawl process lives on
    assert orphan.keep()
    try:
        with pytest.raises(CrawlRefused) as refused:
            open_run(profile("a"), db_url, revisit=True)
        assert str(refused.value) == f"site a is already being crawled (run #{first.run.id})"
    finally:
        orphan.close()
    second = None
    deadline = time.monotonic() + 30
    while second is None:  # all gone (a moment after the orphan's session): the run was dead
        try:
            second = open_run(profile("a"), db_url, revisit=True)
        except CrawlRefused:
            assert time.monotonic() < deadline, "the site stayed claimed after its crawl ended"
            time.sleep(0.1)
    second.lock.close()
    with psycopg.connect(db_url) as conn:
        first_now = crawl_runs.get_run(conn, first.run.id)
        assert first_now is not None and first_now.status == "interrupted"


def test_the_database_refuses_two_running_runs_of_one_site(conn: psycopg.Connection[Any]) -> None:
    site = sites.upsert_site(conn, "a", "job", "http://a.example/", {}, None)
    crawl_runs.start_run(conn, site.id)
    with pytest.raises(psycopg.errors.UniqueViolation):
        crawl_runs.start_run(conn, site.id)

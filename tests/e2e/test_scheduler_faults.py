"""Queue mode's scheduler (issue 17): many jobs due at once are each queued exactly once per
due time, over one long-lived job-queue connection pool, and shutdown returns (case 3); a
running scheduler picks up sites added, disabled and enabled without a restart (case 5)."""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import psycopg
import pytest
from apscheduler.triggers.cron import CronTrigger

from adwatch import schedule
from adwatch.deferrals import Deferrer
from config.settings import get_settings
from crawlers.profiles import load_profile
from store import deferrals, jobs, sites

pytestmark = [pytest.mark.integration, pytest.mark.e2e, pytest.mark.faults]
SITES = [f"site-{n:02d}" for n in range(20)]


def add_sites(db_url: str, names: list[str]) -> None:
    with psycopg.connect(db_url) as conn:
        for name in names:
            profile = {"name": name, "kind": "job", "start_urls": [f"https://{name}.example.org/"]}
            sites.upsert_site(conn, name, "job", profile["start_urls"][0], profile, "0 3 * * *")


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


class FakeWorkers(threading.Thread):
    """Takes every queued job off the queue at once, as idle workers would, so that a crawl
    waiting under its site's queueing lock never hides a deferral; remembers what it took."""

    def __init__(self, db_url: str) -> None:
        super().__init__(daemon=True)
        self.db_url, self.taken = db_url, Counter[tuple[str, str]]()
        self.stop = threading.Event()

    def run(self) -> None:
        with psycopg.connect(self.db_url, autocommit=True) as conn:
            while not self.stop.wait(0.05):
                self.take(conn)
            self.take(conn)

    def take(self, conn: psycopg.Connection[Any]) -> None:
        rows = conn.execute(
            """DELETE FROM procrastinate_jobs WHERE status = 'todo'
               RETURNING task_name, coalesce(args->>'site_name', '')"""
        ).fetchall()
        self.taken.update((r[0], r[1]) for r in rows)


def fire_times(trigger: CronTrigger, first: datetime, last: datetime) -> list[datetime]:
    times, at = [], first
    while at <= last:
        times.append(at)
        at = trigger.get_next_fire_time(at, at + timedelta(seconds=1))
    return times


def test_twenty_sites_on_one_cron_and_colliding_intervals_are_each_queued_once(
    adwatch_env: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("ADWATCH_EXECUTION", "queue")
    monkeypatch.setenv("ADWATCH_SCORE_INTERVAL_S", "3")
    monkeypatch.setenv("ADWATCH_LINK_INTERVAL_S", "3")  # score and link collide every time
    get_settings.cache_clear()
    tick = CronTrigger(second="*/3", timezone=UTC)  # every site on one fast cron
    monkeypatch.setattr(schedule, "cron", lambda expression: tick)
    add_sites(adwatch_env, SITES)
    workers = FakeWorkers(adwatch_env)
    workers.start()
    caplog.set_level(logging.INFO)
    scheduler = schedule.standard_scheduler(get_settings())
    scheduler.start()
    with psycopg.connect(adwatch_env, autocommit=True) as conn:
        deadline = time.monotonic() + 60
        while (
            time.monotonic() < deadline
            and min(len(deferrals.deferred(conn, f"crawl:{s}")) for s in SITES) < 3
        ):
            time.sleep(0.2)
    stopper = threading.Thread(target=scheduler.shutdown)
    stopper.start()
    stopper.join(30)
    assert not stopper.is_alive(), "the scheduler did not shut down"
    workers.stop.set()
    workers.join(10)

    with psycopg.connect(adwatch_env, autocommit=True) as conn:
        for site in SITES:
            made = deferrals.deferred(conn, f"crawl:{site}")
            due = [at for at, _ in made]
            assert len(due) >= 3
            assert due == fire_times(tick, due[0], due[-1]), f"{site}: a due crawl was dropped"
            queued = [job for _, job in made if job is not None]
            assert workers.taken[("adwatch.crawl_site", site)] == len(queued) == len(set(queued))
        for name, task in (("score", "adwatch.score_pending"), ("link", "adwatch.link_pending")):
            made = deferrals.deferred(conn, name)
            assert len(made) >= 2
            assert workers.taken[(task, "")] == len([j for _, j in made if j is not None])
        states = {s.name: s for s in jobs.all_states(conn)}
    assert all(states[f"crawl:{s}"].last_status == "ok" for s in SITES)
    problems = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert not problems
    assert "PoolTimeout" not in caplog.text and "PoolClosed" not in caplog.text


def test_a_due_time_is_queued_once_by_retries_and_by_two_schedulers(adwatch_env: str) -> None:
    add_sites(adwatch_env, ["one"])
    due = datetime(2030, 1, 1, 3, 0, tzinfo=UTC)
    first, second = Deferrer(adwatch_env, 4), Deferrer(adwatch_env, 4)
    first.open()
    second.open()
    try:
        results: list[int | None] = []

        def defer(deferrer: Deferrer) -> None:
            results.append(
                deferrer.defer("crawl:one", due, "crawl_site", lock="crawl:one", site_name="one")
            )

        threads = [threading.Thread(target=defer, args=(d,)) for d in (first, second) * 4]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        defer(first)  # a retry after the deferral went through
    finally:
        first.close()
        second.close()
    assert len(results) == 9 and len([r for r in results if r is not None]) == 1
    with psycopg.connect(adwatch_env) as conn:
        count = conn.execute("SELECT count(*) FROM procrastinate_jobs").fetchone()
    assert count == (1,)


def test_a_running_scheduler_picks_up_added_disabled_and_enabled_sites(
    adwatch_env: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADWATCH_EXECUTION", "queue")
    monkeypatch.setenv("ADWATCH_SITES_REFRESH_S", "0.5")
    monkeypatch.setenv("ADWATCH_SCORE_INTERVAL_S", "1")
    get_settings.cache_clear()
    monkeypatch.setattr(schedule, "cron", lambda e: CronTrigger(second="*", timezone=UTC))
    scheduler = schedule.standard_scheduler(get_settings())
    assert not [n for n in scheduler.specs if n.startswith("crawl:")]
    scheduler.start()
    try:
        with psycopg.connect(adwatch_env, autocommit=True) as conn:

            def made(job: str) -> int:
                return len(deferrals.deferred(conn, job))

            profile = load_profile("demo-escort")
            site = sites.upsert_site(conn, profile.name, profile.kind, profile.start_urls[0],
                                     profile.model_dump(mode="json"), profile.schedule)  # fmt: skip
            wait_for(lambda: made("crawl:demo-escort") >= 1, "the new site's crawl to be queued")
            sites.set_enabled(conn, site.id, False)
            wait_for(lambda: "crawl:demo-escort" not in scheduler.specs, "the site to go")
            crawls, scores = made("crawl:demo-escort"), made("score")
            wait_for(lambda: made("score") >= scores + 2, "two more scoring rounds")
            assert made("crawl:demo-escort") == crawls  # disabled: not queued again
            sites.set_enabled(conn, site.id, True)
            wait_for(lambda: made("crawl:demo-escort") > crawls, "the re-enabled site's crawl")
    finally:
        scheduler.shutdown()

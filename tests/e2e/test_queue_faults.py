"""Queue mode under killed workers (issue 17): a site never wedges, no crawl process outlives
its worker, and a second crawl of a site is refused while the first lives."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import psutil
import psycopg
import pytest

from crawlers import launch
from crawlers.claims import OpenRun, open_run
from demo.site import DemoServer
from tests.e2e.demo_support import demo_server, profile_for
from tests.e2e.queue_support import (
    alive,
    pages_crawled,
    queue_crawls,
    register_sites,
    runs,
    start_worker,
    statuses,
    stop,
    stored_urls,
    wait_until,
)

pytestmark = [pytest.mark.integration, pytest.mark.e2e, pytest.mark.faults]
DELAY_S = 0.1  # slow enough to act mid-crawl, quick enough for a short test


@pytest.fixture
def demo() -> Iterator[DemoServer]:
    with demo_server(job_adverts=20) as server:
        yield server


def test_a_killed_crawl_with_its_successor_queued_does_not_wedge_the_site(
    db_url: str, demo: DemoServer, tmp_path: Path
) -> None:
    """Case 1: the dead job held the site's job lock and its successor the queueing lock, so
    requeueing the dead one raised UniqueViolation for ever and neither ever ran."""
    register_sites(db_url, demo, DELAY_S)
    doomed = start_worker(db_url, tmp_path / "doomed.log")
    try:
        queue_crawls(db_url, ["demo-jobs"])
        wait_until(lambda: pages_crawled(db_url, "demo-jobs") >= 5, 120, "the crawl to start")
        queue_crawls(db_url, ["demo-jobs"])  # a cron tick during the long crawl
        assert statuses(db_url) == ["doing", "todo"]
    finally:
        stop(doomed, signal.SIGKILL)  # the worker and its crawl, without any cleanup
    survivor = start_worker(db_url, tmp_path / "survivor.log")
    try:
        wait_until(lambda: statuses(db_url) == ["failed", "succeeded"], 180,
                   "the dead crawl to be failed and the queued one to run")  # fmt: skip
    finally:
        stop(survivor)
    assert runs(db_url) == [("demo-jobs", "interrupted"), ("demo-jobs", "finished")]
    key = demo.answer_key().sites["jobs"]
    assert stored_urls(db_url, "demo-jobs") == sorted(a.url for a in key.adverts)
    with psycopg.connect(db_url) as conn:
        versions = conn.execute("SELECT count(*) FROM advert_versions").fetchone()
    assert versions == (len(key.adverts),)  # nothing stored twice
    assert "UniqueViolation" not in (tmp_path / "survivor.log").read_text(errors="replace")


def test_crawl_processes_die_with_their_worker_and_a_second_crawl_is_refused(
    adwatch_env: str, tmp_path: Path
) -> None:
    """Case 4: a worker killed alone (kill -9 of its pid) left its crawl process crawling on,
    beside the next crawl of the site."""
    db_url = adwatch_env
    with demo_server(job_adverts=300) as demo:  # at DELAY_S, a crawl of 30 s or more
        crawl_and_kill_the_worker(db_url, demo, tmp_path)


def crawl_and_kill_the_worker(db_url: str, demo: DemoServer, tmp_path: Path) -> None:
    register_sites(db_url, demo, DELAY_S)
    worker = start_worker(db_url, tmp_path / "worker.log")
    try:
        queue_crawls(db_url, ["demo-jobs"])
        wait_until(lambda: pages_crawled(db_url, "demo-jobs") >= 5, 120, "the crawl to start")
        crawl = psutil.Process(worker.pid).children(recursive=True)
        assert any("crawlers.child" in " ".join(p.cmdline()) for p in crawl), crawl
        profile = profile_for(demo, "jobs").model_copy(update={"delay_s": DELAY_S})
        with pytest.raises(launch.CrawlRefused) as refused:
            launch.crawl(profile, allow_private=True)
        message = str(refused.value)
        assert message.startswith("site demo-jobs is already being crawled (run #")
        assert "\n" not in message
        os.kill(worker.pid, signal.SIGKILL)  # the worker only: nothing signals its crawl
        worker.wait(30)
        # Far sooner than the crawl itself could end: an orphan would still be crawling.
        wait_until(lambda: not any(alive(p) for p in crawl), 15,
                   "the crawl processes to die with their worker")  # fmt: skip
    finally:
        stop(worker, signal.SIGKILL)
    # The site is free again: the next crawl closes the dead one's run as interrupted (once
    # the server has noticed that the dead processes' sessions ended).
    opened: list[OpenRun] = []

    def claimed() -> bool:
        try:
            opened.append(open_run(profile, db_url, revisit=True))
        except launch.CrawlRefused:
            return False
        return True

    wait_until(claimed, 30, "the site to be free for a new crawl")
    opened[0].lock.close()
    assert runs(db_url) == [("demo-jobs", "interrupted"), ("demo-jobs", "running")]

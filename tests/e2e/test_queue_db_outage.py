"""Queue mode through a database outage (issue 17, case 2): two workers, one busy with a crawl
and one idle, while the private PostgreSQL is stopped and started again."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

import psycopg
import pytest

from tests.e2e.demo_support import SITES, demo_server
from tests.e2e.queue_support import (
    crawl_jobs,
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
from tests.e2e.test_crawl_db_restart import restartable_server

if TYPE_CHECKING:
    from pgserver import PostgresServer

pytestmark = [pytest.mark.integration, pytest.mark.e2e, pytest.mark.faults]
__all__ = ["restartable_server"]  # the fixture, used by name
OUTAGE_S = 6.0  # longer than the workers' stall time (3 s), and the 5 s that stopped them


def stop_database(server: PostgresServer) -> None:
    from pgserver import _commands

    # pg_ctl is made at import time (pgserver._commands._init), so mypy cannot see it.
    _commands.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=server.pgdata,  # type: ignore[attr-defined]
                     user=server.system_user)  # fmt: skip


def fresh_heartbeats(url: str) -> int:
    try:
        with psycopg.connect(url, connect_timeout=3) as conn:
            row = conn.execute(
                "SELECT count(*) FROM procrastinate_workers "
                "WHERE last_heartbeat > now() - interval '2 seconds'"
            ).fetchone()
        return int(row[0]) if row else 0
    except psycopg.OperationalError:
        return 0


def test_workers_ride_out_a_database_outage(
    restartable_server: tuple[str, PostgresServer], tmp_path: Path
) -> None:
    url, server = restartable_server
    with demo_server(job_adverts=25, bridal_adverts=12, escort_adverts=14) as demo:
        register_sites(url, demo, delay_s=0.2)
        workers = [start_worker(url, tmp_path / f"worker-{n}.log") for n in range(2)]
        try:
            wait_until(lambda: fresh_heartbeats(url) == 2, 120, "both workers to start")
            queue_crawls(url, ["demo-jobs"])
            wait_until(lambda: pages_crawled(url, "demo-jobs") >= 3, 120, "the crawl to start")
            stop_database(server)
            time.sleep(OUTAGE_S)
            server.ensure_postgres_running()
            assert server.get_uri() == url
            wait_until(lambda: fresh_heartbeats(url) == 2, 60, "both workers' heartbeats")
            wait_until(lambda: statuses(url) == ["succeeded"], 180, "the crawl to finish")
            assert [w.poll() for w in workers] == [None, None], "a worker stopped"
            # Both still take jobs: each of two crawls queued at once goes to one of them.
            queue_crawls(url, [SITES["bridal"], SITES["escort"]])
            wait_until(lambda: statuses(url) == ["succeeded"] * 3, 180, "two more crawls")
            assert [w.poll() for w in workers] == [None, None], "a worker stopped"
            jobs = crawl_jobs(url)  # while the workers are registered (and their ids kept)
        finally:
            for worker in workers:
                stop(worker)
        key = demo.answer_key()
    assert [attempts for _, _, attempts, _ in jobs] == [1, 1, 1]  # the live crawl not requeued
    assert len({worker for *_, worker in jobs[1:]}) == 2  # taken by both workers
    assert runs(url) == [(SITES[site], "finished") for site in ("jobs", "bridal", "escort")]
    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT min(finished_at) > pg_postmaster_start_time() FROM crawl_runs"
        ).fetchone()
    assert row == (True,), "the first crawl ended before the outage: no worker was busy"
    for site, name in SITES.items():
        assert stored_urls(url, name) == sorted(a.url for a in key.sites[site].adverts)

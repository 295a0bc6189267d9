"""The scheduler: jobs run on short intervals, failures are retried, state survives restarts."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import psycopg
import pytest

from adwatch.jobs import retention_job
from adwatch.scheduler import JobSpec, Scheduler, every
from store import adverts, jobs
from store.adverts import AdvertSnapshot

pytestmark = pytest.mark.integration


def wait_for(condition: Any, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.05)


def test_failing_job_is_retried_and_service_survives(adwatch_env: str) -> None:
    calls: list[str] = []
    ok_runs = threading.Event()

    def flaky() -> None:
        calls.append("flaky")
        if len(calls) < 3:
            raise RuntimeError("transient failure")

    def healthy() -> None:
        ok_runs.set()

    scheduler = Scheduler(
        [
            JobSpec("flaky", flaky, every(3600), retry_base_s=0.2),
            JobSpec("healthy", healthy, every(0.3)),
        ]
    )
    scheduler.start()
    try:
        scheduler.aps.modify_job("flaky", next_run_time=datetime.now(UTC))
        wait_for(lambda: len(calls) >= 3)
        assert ok_runs.wait(5)
        with psycopg.connect(adwatch_env) as conn:
            wait_for(
                lambda: (s := jobs.get_state(conn, "flaky")) is not None and s.last_status == "ok"
            )
            state = jobs.get_state(conn, "flaky")
        assert state is not None and state.failures == 0 and state.last_error is None
    finally:
        scheduler.shutdown()


def test_next_run_survives_a_restart(adwatch_env: str) -> None:
    later = datetime.now(UTC) + timedelta(hours=5)
    with psycopg.connect(adwatch_env) as conn:
        jobs.set_next_run(conn, "nightly", later)
    scheduler = Scheduler([JobSpec("nightly", lambda: None, every(86400))])
    scheduler.start()
    try:
        job = scheduler.aps.get_job("nightly")
        assert job is not None and abs((job.next_run_time - later).total_seconds()) < 1
    finally:
        scheduler.shutdown()


def test_retention_purges_only_dismissed_snapshots(adwatch_env: str) -> None:
    old = datetime.now(UTC) - timedelta(days=100)
    with psycopg.connect(adwatch_env) as conn:
        results = adverts.ingest_many(
            conn,
            [
                AdvertSnapshot(
                    canonical_url=f"https://ads.example.org/{n}",
                    url="u",
                    kind="job",
                    title="t",
                    body=f"b{n}",
                    raw_body=b"<html>raw</html>",
                    fetched_at=old,
                )
                for n in range(3)
            ],
        )
        ids = [r.advert_id for r in results]
        for advert_id, decision in zip(ids, ("dismissed", "confirmed", "dismissed"), strict=True):
            conn.execute(
                "INSERT INTO decisions (advert_id, decision, decided_at) VALUES (%s, %s, %s)",
                (advert_id, decision, old if advert_id != ids[2] else datetime.now(UTC)),
            )
        conn.commit()
    assert retention_job(days=90) == 1
    with psycopg.connect(adwatch_env) as conn:
        rows = conn.execute(
            "SELECT advert_id, raw_gzip IS NULL, raw_sha256 FROM advert_versions ORDER BY 1"
        ).fetchall()
    assert [r[1] for r in rows] == [True, False, False]  # recent dismissal and confirmed stay
    assert all(r[2] for r in rows)  # the hash stays as proof of what was stored


def test_standard_jobs_crawl_score_and_link(
    adwatch_env: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The service's own jobs on short intervals: a scheduled crawl, then a score batch."""
    from adwatch.schedule import standard_jobs
    from config.settings import get_settings
    from store import sites
    from tests.e2e.demo_support import demo_server, profile_for

    monkeypatch.setenv("ADWATCH_SCORE_INTERVAL_S", "0.5")
    monkeypatch.setenv("ADWATCH_LINK_INTERVAL_S", "0.5")
    get_settings.cache_clear()
    with demo_server() as server:
        profile = profile_for(server, "bridal").model_copy(update={"delay_s": 0.0})
        with psycopg.connect(adwatch_env) as conn:
            sites.upsert_site(conn, profile.name, profile.kind, profile.start_urls[0],
                              profile.model_dump(mode="json"), "0 3 * * *")  # fmt: skip
            # due now, as if the service had been down when the crawl was scheduled
            jobs.set_next_run(conn, "crawl:demo-bridal", datetime.now(UTC))
        scheduler = Scheduler(standard_jobs(get_settings()))
        assert {"score", "link", "retention", "deliver-webhooks", "crawl:demo-bridal"} <= set(
            scheduler.specs
        )
        scheduler.start()
        try:
            with psycopg.connect(adwatch_env, autocommit=True) as conn:

                def scored() -> bool:
                    row = conn.execute(
                        "SELECT count(*), count(*) FILTER (WHERE NOT needs_scoring) FROM adverts"
                    ).fetchone()
                    return row is not None and row[0] >= 40 and row[0] == row[1]

                def crawl_recorded() -> bool:
                    state = jobs.get_state(conn, "crawl:demo-bridal")
                    return state is not None and state.last_status not in (None, "running")

                wait_for(scored, timeout=180)
                wait_for(lambda: bool(conn.execute("SELECT 1 FROM advert_minhash").fetchone()))
                # Scoring can now finish before the crawl job has written its own status.
                wait_for(crawl_recorded, timeout=60)
                crawl = jobs.get_state(conn, "crawl:demo-bridal")
                runs = conn.execute("SELECT status FROM crawl_runs").fetchall()
        finally:
            scheduler.shutdown()
    assert crawl is not None and crawl.last_status == "ok" and crawl.next_run_at is not None
    assert crawl.next_run_at > datetime.now(UTC)  # back on its cron schedule
    assert runs == [("finished",)]


def test_shutdown_waits_for_a_running_job_without_deadlock(adwatch_env: str) -> None:
    """APScheduler's shutdown holds its job-store lock while it waits for running jobs, and a
    finishing job looks up its next run under that lock: shutting down mid-job must still end."""
    started, finished = threading.Event(), threading.Event()

    def slow() -> None:
        started.set()
        time.sleep(1.0)
        finished.set()

    scheduler = Scheduler([JobSpec("slow", slow, every(0.2))])
    scheduler.start()
    assert started.wait(20)
    stopper = threading.Thread(target=scheduler.shutdown, daemon=True)
    stopper.start()
    stopper.join(30)
    assert not stopper.is_alive(), "shutdown deadlocked with a finishing job"
    assert finished.is_set()  # the running job was allowed to finish
    with psycopg.connect(adwatch_env) as conn:
        state = jobs.get_state(conn, "slow")
    assert state is not None and state.last_status == "ok"

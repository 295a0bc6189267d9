"""The health probe's database checks: a worker's database, a scheduler's recent jobs."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest

from adwatch import healthcheck
from adwatch.healthcheck import Unhealthy
from config.settings import Settings
from store import jobs

pytestmark = pytest.mark.integration


def test_the_scheduler_is_healthy_while_its_jobs_start(
    adwatch_env: str, conn: psycopg.Connection[Any]
) -> None:
    settings = Settings()
    with pytest.raises(Unhealthy, match="not started a job yet"):
        healthcheck.check_scheduler(settings)
    jobs.mark_started(conn, "score")
    conn.commit()
    healthcheck.check_scheduler(settings)
    later = datetime.now(UTC) + healthcheck.scheduler_deadline(settings) + timedelta(seconds=5)
    with pytest.raises(Unhealthy, match="no scheduled job started since"):
        healthcheck.check_scheduler(settings, now=later)


def test_an_unreachable_database_is_unhealthy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://nobody@127.0.0.1:9/none")
    with pytest.raises(Unhealthy, match="database unreachable"):
        healthcheck.check_database(Settings())


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs /proc")
def test_the_probe_passes_beside_a_live_worker(adwatch_env: str) -> None:
    sleeper = [sys.executable, "-c", "import time; time.sleep(60)", "adwatch", "worker"]
    worker = subprocess.Popen(sleeper)
    try:
        probe = subprocess.run(
            [sys.executable, "-m", "adwatch.healthcheck", "worker"],
            env=dict(os.environ),
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        worker.kill()
        worker.wait()
    assert probe.returncode == 0, probe.stderr
    assert probe.stdout.startswith("healthy: adwatch worker")

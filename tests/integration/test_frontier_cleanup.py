"""Frontier folders left by a launcher that was killed (SIGKILL skips its clean-up) are deleted
by the next crawl's launch; those of runs still running are kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import psycopg
import pytest

from crawlers.launch import clear_stale_frontiers
from store import crawl_runs, sites

pytestmark = pytest.mark.integration


def test_frontiers_of_ended_runs_are_deleted_and_running_ones_kept(
    conn: psycopg.Connection[Any], db_url: str, tmp_path: Path
) -> None:
    first = sites.upsert_site(conn, "one", "job", None, {"kind": "job"}, None)
    second = sites.upsert_site(conn, "two", "job", None, {"kind": "job"}, None)
    ended = crawl_runs.start_run(conn, first.id)
    crawl_runs.finish_run(conn, ended.id, "failed")
    running = crawl_runs.start_run(conn, second.id)
    conn.commit()
    root = tmp_path / "frontier"
    for name in (f"run-{ended.id}-a1b2", f"run-{running.id}-c3d4", "run-9999999-e5f6"):
        (root / name / "requests.queue").mkdir(parents=True)
        (root / name / "requests.queue" / "p0").write_bytes(b"queued requests")
    (root / "notes.txt").write_text("not a frontier")
    (root / "run-x-y").mkdir()
    assert clear_stale_frontiers(root, db_url) == 2  # the ended run's and an unknown run's
    left = sorted(p.name for p in root.iterdir())
    assert left == ["notes.txt", f"run-{running.id}-c3d4", "run-x-y"]
    assert (root / f"run-{running.id}-c3d4" / "requests.queue" / "p0").read_bytes()
    assert clear_stale_frontiers(root, db_url) == 0

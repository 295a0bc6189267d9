"""One very large site crawled by several processes that share a Redis frontier (scrapy-redis).

Each shard obeys the same politeness settings, so N shards mean up to N requests to the site at
once: use this only for sites that can take it. The launcher owns the run: it clears the
frontier, starts the shards, and once all have ended records removals and closes the run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg

from config.errors import AdwatchError
from crawlers.launch import check_targets, final_run, start_run_row, wait_for, write_profile
from crawlers.profiles import SiteProfile
from crawlers.settings import redis_keys
from store import adverts, crawl_runs
from store.bootstrap import ready_url, when_reachable
from store.crawl_runs import CrawlRun


def _clear_frontier(redis_url: str, profile: SiteProfile) -> None:
    try:
        import redis
    except ImportError as exc:  # the scale extra is optional
        raise AdwatchError(
            "sharded crawls need the scale extra: pip install 'adwatch[scale]'"
        ) from exc

    client = redis.Redis.from_url(redis_url)
    client.delete(*redis_keys(f"adverts-{profile.name}"))
    client.close()


def _spawn(
    profile_file: Path, run_id: int, log_level: str, redis_url: str, n: int
) -> list[subprocess.Popen[bytes]]:
    env = os.environ | {"DATABASE_URL": ready_url()}
    cmd = [
        sys.executable,
        "-m",
        "crawlers.child",
        str(profile_file),
        str(run_id),
        log_level,
        redis_url,
    ]
    return [subprocess.Popen(cmd, env=env) for _ in range(n)]


def _close_run(profile: SiteProfile, run: CrawlRun, started: datetime, ok: bool) -> None:
    """Record removals and close the run in one transaction, so a retry (the shards survive a
    database restart, and so must this) cannot count a miss twice."""

    def close(conn: psycopg.Connection[Any]) -> None:
        if ok:
            removed = adverts.record_missing_from_run(
                conn, run.site_id, started, profile.remove_after_missing_runs, datetime.now(UTC)
            )
            crawl_runs.add_counts(conn, run.id, adverts_removed=len(removed))
        crawl_runs.finish_run(conn, run.id, "finished" if ok else "failed")

    when_reachable(close)


def crawl_sharded(
    profile: SiteProfile,
    processes: int,
    redis_url: str,
    *,
    allow_private: bool = False,
    log_level: str = "WARNING",
    on_progress: Callable[[CrawlRun], None] | None = None,
) -> CrawlRun:
    check_targets(profile, allow_private)
    run = start_run_row(profile)
    started = datetime.now(UTC)
    _clear_frontier(redis_url, profile)
    with tempfile.TemporaryDirectory(prefix="adwatch-crawl-") as tmp:
        shards = _spawn(write_profile(tmp, profile), run.id, log_level, redis_url, processes)
        try:
            wait_for(shards, run.id, on_progress)
        finally:
            for shard in shards:
                if shard.poll() is None:
                    shard.terminate()
                    shard.wait()
    _close_run(profile, run, started, all(s.returncode == 0 for s in shards))
    _clear_frontier(redis_url, profile)
    return final_run(run.id)

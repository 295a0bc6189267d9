"""Queue-mode scale-out: adverts/s with 1, 2 and 4 `adwatch worker` processes.

One crawl of one site is one job, held by one worker (the site's lock), so workers scale out
over sites: the big demo job board (`--adverts`) is served as `--sites` job boards of equal
size (same generator, one demo server each), all queued at once, and the time from queueing to
the last run closed is measured with N workers started beforehand. Each round has a fresh
database, so every round stores every advert as new. Politeness stays on (one request per site
at a time), the per-request delay is 0 and the demo server answers after `--latency` seconds,
a network round trip: so one crawl is bound by the round trip, not by a configured delay.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from contextlib import ExitStack
from typing import Any

import psycopg

from adwatch.workqueue import defer_crawl, queue_app
from bench.common import machine_description, scratch_database
from crawlers.profiles import load_profile
from demo.site import DemoServer, generate_world
from store import crawl_runs, sites


def _register(url: str, servers: list[DemoServer]) -> list[str]:
    names = []
    with psycopg.connect(url) as conn:
        for number, server in enumerate(servers, 1):
            start = server.base_urls["jobs"] + server.world.sites["jobs"].start_path
            profile = load_profile("demo-jobs").model_copy(
                update={
                    "name": f"bench-jobs-{number}",
                    "start_urls": [start],
                    "delay_s": 0.0,
                    "allow_private": True,
                }
            )
            sites.upsert_site(conn, profile.name, profile.kind, profile.start_urls[0],
                              profile.model_dump(mode="json"), None)  # fmt: skip
            names.append(profile.name)
    return names


def _workers(url: str, count: int, extraction: int) -> list[subprocess.Popen[bytes]]:
    env = os.environ | {
        "DATABASE_URL": url,
        "ADWATCH_CRAWLER_DELAY_S": "0",
        "ADWATCH_CRAWLER_EXTRACTION_WORKERS": str(extraction),
        "ADWATCH_LOG_LEVEL": "WARNING",
    }
    return [
        subprocess.Popen(
            [sys.executable, "-m", "adwatch", "worker", "--queues", "crawl"],
            env=env,
            start_new_session=True,
        )
        for _ in range(count)
    ]


def _wait(condition: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"queue_scale: timed out waiting for {what}")
        time.sleep(0.1)


def _one_round(servers: list[DemoServer], workers: int, extraction: int) -> dict[str, float]:
    with scratch_database() as url, psycopg.connect(url, autocommit=True) as conn:
        names = _register(url, servers)
        procs = _workers(url, workers, extraction)
        try:
            live = "SELECT count(*) FROM procrastinate_workers"
            _wait(lambda: (conn.execute(live).fetchone() or (0,))[0] >= workers, 120, "workers")
            app = queue_app(url)
            started = time.perf_counter()
            with app.open():
                for name in names:
                    defer_crawl(app, name)

            def closed() -> list[crawl_runs.CrawlRun]:
                runs = crawl_runs.recent_runs(conn, None)
                return [r for r in runs if r.status != "running"]

            _wait(lambda: len(closed()) == len(names), 3600, "the crawls")
            elapsed = time.perf_counter() - started
        finally:
            for proc in procs:
                os.killpg(proc.pid, signal.SIGTERM)
            for proc in procs:
                proc.wait(120)
        runs = closed()
    assert all(r.status == "finished" for r in runs), [(r.site_name, r.status) for r in runs]
    adverts = sum(r.adverts_new for r in runs)
    return {"adverts": adverts, "pages": sum(r.pages for r in runs), "seconds": elapsed}


def run(args: argparse.Namespace) -> dict[int, dict[str, float]]:
    per_site = args.adverts // args.sites
    with ExitStack() as stack:
        servers = [
            stack.enter_context(
                DemoServer(
                    generate_world(
                        seed=11 + n, job_adverts=per_site, bridal_adverts=12, escort_adverts=14
                    ),
                    ports={"jobs": 0},
                    latency_s=args.latency,
                )
            )
            for n in range(args.sites)
        ]
        return {n: _one_round(servers, n, args.extraction_workers) for n in args.workers}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--adverts", type=int, default=3000, help="adverts over all sites")
    parser.add_argument("--sites", type=int, default=4, help="job boards the adverts span")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--latency", type=float, default=0.02, help="server answer delay")
    parser.add_argument(
        "--extraction-workers", type=int, default=1, help="extraction processes per crawl"
    )
    args = parser.parse_args()
    print(f"machine: {machine_description()}")
    results = run(args)
    base = results[min(results)]
    base_rate = base["adverts"] / base["seconds"] / min(results)
    for count, r in results.items():
        rate = r["adverts"] / r["seconds"]
        print(
            f"queue scale, {count} worker(s): {r['adverts']:.0f} adverts ({r['pages']:.0f} pages) "
            f"from {args.sites} sites in {r['seconds']:.1f}s = {rate:.1f} adverts/s, "
            f"{rate / (base_rate * min(results)):.2f}x vs {min(results)} worker(s)"
        )
    print(f"latency {args.latency * 1000:.0f} ms per answer; target: 2 workers >= 1.7x 1 worker")


if __name__ == "__main__":
    main()

"""Crawl throughput: adwatch's full crawl (extraction, entities, language, evidence, PostgreSQL)
against a bare Scrapy spider on the same generated site with the same settings, in one run.

Two ratios are printed. The target is read on the first: both crawls timed whole, from their
process's start (adwatch from launch: its crawl process's start and imports, opening and
closing the run) to its end, as a user running either sees them. The second times bare Scrapy
from after its imports and set-up but adwatch still from launch, so start-up counts on one side
only (~0.7 s of a ~12 s run on a 2-core VM, ~0.05 of the ratio); it was printed first, with the
target, until 2026-12-07, and is kept for comparison with earlier results (bench/RESULTS.md).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

from bench.common import scratch_database
from crawlers import launch
from crawlers.profiles import load_profile
from demo.site import DemoServer, generate_world


def bare_crawl(start_url: str, delay: float) -> dict[str, float]:
    """The bare spider's figures. Its own `seconds` start once Scrapy is imported and set up;
    `seconds_launched` counts from its process start, as adwatch's time counts from launch
    (crawl process start, imports, language models, opening and closing the run)."""
    profile = load_profile("demo-jobs")
    assert profile.links is not None
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "bench.crawl_bare", start_url, profile.links.advert or "",
         profile.links.next_page or "", str(delay)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    figures = dict(json.loads(out.stdout.strip().splitlines()[-1]))
    figures["seconds_launched"] = time.perf_counter() - started
    return figures


def _adwatch(url: str, start_url: str, delay: float, images: bool) -> dict[str, float]:
    admin_url = os.environ.get("DATABASE_URL")
    try:
        return _adwatch_crawl(url, start_url, delay, images)
    finally:  # the next round's scratch database is made on the same server as this one
        if admin_url is None:
            os.environ.pop("DATABASE_URL", None)
        else:
            os.environ["DATABASE_URL"] = admin_url


def _adwatch_crawl(url: str, start_url: str, delay: float, images: bool) -> dict[str, float]:
    os.environ["DATABASE_URL"] = url
    # The bare spider fetches pages only: adwatch's advert photos (fetched, checked and hashed
    # since issue 16, ~9 ms of CPU each) are left out of the comparison unless asked for.
    os.environ["ADWATCH_CRAWLER_IMAGES_PER_ADVERT"] = "10" if images else "0"
    from config.settings import get_settings

    get_settings.cache_clear()
    profile = load_profile("demo-jobs").model_copy(
        update={"start_urls": [start_url], "delay_s": delay}
    )
    started = time.perf_counter()
    run = launch.crawl(profile, allow_private=True)
    elapsed = time.perf_counter() - started
    assert run.status == "finished", run.error_log[:3]
    return {"pages": run.pages, "seconds": elapsed, "adverts": run.adverts_new}


def _cpu_s(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _measured(crawl: Callable[[], dict[str, float]]) -> dict[str, float]:
    """The crawl's figures plus CPU seconds: its processes' (crawl processes and extraction
    workers, all waited for) and this process's (the demo server, and the launcher's polling)."""
    children, own = _cpu_s(resource.RUSAGE_CHILDREN), _cpu_s(resource.RUSAGE_SELF)
    figures = crawl()
    figures["crawl_cpu_s"] = _cpu_s(resource.RUSAGE_CHILDREN) - children
    figures["server_cpu_s"] = _cpu_s(resource.RUSAGE_SELF) - own
    return figures


def run_rounds(
    adverts: int, delay: float, latency: float, images: bool = False, rounds: int = 1
) -> list[dict[str, Any]]:
    """`rounds` rounds on one generated site, bare and adwatch alternating: on a shared VM the
    CPU's speed drifts from minute to minute, so one pair of runs says little on its own."""
    world = generate_world(seed=11, job_adverts=adverts, bridal_adverts=12, escort_adverts=14)
    ports = {"jobs": 0, "bridal": 0, "escort": 0}
    server = DemoServer(world, ports=ports, latency_s=latency)
    results: list[dict[str, Any]] = []
    with server:
        start = server.start_urls()["jobs"]
        for _ in range(rounds):
            with scratch_database() as url:
                bare = _measured(lambda: bare_crawl(start, delay))
                full = _measured(lambda: _adwatch(url, start, delay, images))
            results.append(_compared(bare, full))
    return results


def _compared(bare: dict[str, float], full: dict[str, float]) -> dict[str, Any]:
    ratio = (full["pages"] / full["seconds"]) / (bare["pages"] / bare["seconds"])
    launched = (full["pages"] / full["seconds"]) / (bare["pages"] / bare["seconds_launched"])
    return {"bare": bare, "adwatch": full, "ratio": ratio, "ratio_launched": launched}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--adverts", type=int, default=5000)
    parser.add_argument("--delay", type=float, default=0.0, help="per-request delay, both sides")
    parser.add_argument(
        "--latency", type=float, default=0.02, help="server answer delay (network round trip)"
    )
    parser.add_argument(
        "--images", action="store_true", help="adwatch also fetches and hashes advert photos"
    )
    parser.add_argument(
        "--rounds", type=int, default=1, help="alternating bare/adwatch rounds (median printed)"
    )
    args = parser.parse_args()
    results = run_rounds(args.adverts, args.delay, args.latency, args.images, args.rounds)
    for r in results:
        _print_round(r, args.latency)
    if len(results) > 1:
        ratios = [r["ratio"] for r in results]
        launched = [r["ratio_launched"] for r in results]
        print(
            f"median of {len(results)} rounds: ratio, both timed from process start "
            f"{statistics.median(launched):.2f} (runs {', '.join(f'{x:.2f}' for x in launched)}); "
            f"bare Scrapy timed without its start-up {statistics.median(ratios):.2f} "
            f"(runs {', '.join(f'{x:.2f}' for x in ratios)})"
        )


def _print_round(r: dict[str, Any], latency: float) -> None:
    for name in ("bare", "adwatch"):
        m = r[name]
        print(f"crawl {name}: {m['pages']} pages in {m['seconds']:.1f}s = "
              f"{m['pages'] / m['seconds']:.0f} pages/s; CPU per page: crawl "
              f"{1000 * m['crawl_cpu_s'] / m['pages']:.1f} ms, demo server and bench "
              f"{1000 * m['server_cpu_s'] / m['pages']:.1f} ms")  # fmt: skip
    print(
        f"crawl ratio adwatch/bare, both timed from process start: {r['ratio_launched']:.2f} "
        f"at {latency * 1000:.0f} ms latency (target >= {0.9 if latency else 0.8}; bare "
        f"{r['bare']['seconds_launched']:.1f}s with its start-up, adwatch "
        f"{r['adwatch']['seconds']:.1f}s)"
    )
    print(
        f"crawl ratio with bare Scrapy timed without its start-up (adwatch from launch): "
        f"{r['ratio']:.2f}"
    )


if __name__ == "__main__":
    main()

"""Crawl throughput of this checkout against another commit's, paired round by round.

    git worktree add /tmp/before REV
    python -m bench.crawl_against /tmp/before --rounds 10

Each round runs bare Scrapy, then both adwatch versions in alternating order, each launched from
its own process with its tree first on PYTHONPATH, into a fresh database, on one generated site.
It prints each version's ratio to bare Scrapy (bare timed without its start-up, as bench.crawl's
second ratio: the same for both versions) and their difference round by round: on a VM whose
speed drifts from one series of rounds to the next, the paired difference shows a change that
separate series hide (bench/RESULTS.md, 2026-12-07).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

from bench.common import scratch_database
from bench.crawl import bare_crawl
from demo.site import DemoServer, generate_world

# Run in either tree: only what every commit since the crawl bench began has.
_CRAWL = """
import json, sys, time
from config.settings import get_settings
from crawlers import launch
from crawlers.profiles import load_profile
get_settings.cache_clear()
profile = load_profile("demo-jobs").model_copy(update={"start_urls": [sys.argv[1]], "delay_s": 0.0})
started = time.perf_counter()
run = launch.crawl(profile, allow_private=True)
seconds = time.perf_counter() - started
assert run.status == "finished", run.error_log[:3]
print(json.dumps({"pages": run.pages, "seconds": seconds}))
"""


def _adwatch_from(tree: Path, database_url: str, start_url: str) -> float:
    """Pages a second of one adwatch crawl run from `tree`."""
    env = os.environ | {
        "PYTHONPATH": str(tree),
        "DATABASE_URL": database_url,
        "ADWATCH_CRAWLER_IMAGES_PER_ADVERT": "0",  # as bench.crawl: pages only
    }
    out = subprocess.run(
        [sys.executable, "-c", _CRAWL, start_url],
        env=env, cwd=tree, capture_output=True, text=True, check=True,
    )  # fmt: skip
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    return float(figures["pages"]) / float(figures["seconds"])


def run_pairs(other: Path, adverts: int, latency: float, rounds: int) -> dict[str, list[float]]:
    """Each version's ratio to bare Scrapy, round by round."""
    trees = {"this": Path(__file__).resolve().parents[1], "other": other.resolve()}
    world = generate_world(seed=11, job_adverts=adverts, bridal_adverts=12, escort_adverts=14)
    server = DemoServer(world, ports={"jobs": 0, "bridal": 0, "escort": 0}, latency_s=latency)
    ratios: dict[str, list[float]] = {name: [] for name in trees}
    with server:
        start_url = server.start_urls()["jobs"]
        for number in range(rounds):
            bare = bare_crawl(start_url, 0.0)
            bare_rate = bare["pages"] / bare["seconds"]
            line = f"round {number + 1}: bare {bare_rate:.0f} pages/s"
            for name in list(trees) if number % 2 == 0 else list(trees)[::-1]:
                with scratch_database() as database_url:
                    rate = _adwatch_from(trees[name], database_url, start_url)
                ratios[name].append(rate / bare_rate)
                line += f"; {name} {rate:.0f} pages/s, ratio {rate / bare_rate:.3f}"
            print(line, flush=True)
    return ratios


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("other", type=Path, help="a checkout of the commit to compare against")
    parser.add_argument("--adverts", type=int, default=5000)
    parser.add_argument("--latency", type=float, default=0.0, help="server answer delay")
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    ratios = run_pairs(args.other, args.adverts, args.latency, args.rounds)
    for name, values in ratios.items():
        print(f"{name}: median ratio {statistics.median(values):.3f} "
              f"(runs {', '.join(f'{x:.2f}' for x in values)})")  # fmt: skip
    differences = [a - b for a, b in zip(ratios["this"], ratios["other"], strict=True)]
    better = sum(1 for d in differences if d > 0)
    print(
        f"this - other, round by round: median {statistics.median(differences):+.3f}, "
        f"{better} of {len(differences)} rounds better "
        f"(runs {', '.join(f'{d:+.3f}' for d in differences)})"
    )


if __name__ == "__main__":
    main()

"""Run every benchmark the issues name and write bench/RESULTS.md with the machine description.

python -m bench.run            # full sizes (1M adverts for API and clustering: tens of minutes)
python -m bench.run --quick    # small sizes, under about two minutes
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.common import machine_description

RESULTS = Path(__file__).with_name("RESULTS.md")
FULL = {
    "ingest": ["-n", "200000"],
    "crawl": ["--adverts", "5000", "--latency", "0.02"],
    "crawl-no-latency": ["--adverts", "5000", "--latency", "0"],
    "queue_scale": ["--adverts", "3000", "--sites", "4", "--workers", "1", "2", "4"],
    "scoring": ["--sklearn", "5000", "--transformer", "1000"],
    "classifier_quality": ["--grouped"],
    "clustering": ["-n", "1000000"],
    "api": ["-n", "1000000", "--requests", "2000", "--confirmed", "20000"],
    "taxii": ["-n", "100000", "--page", "1000"],
    "images_quality": ["--seeds", "7", "11", "--adverts", "200"],
    "images_matching": ["--stored", "1000000", "--new", "100000"],
}
QUICK = {
    "ingest": ["-n", "5000"],
    "crawl": ["--adverts", "200", "--latency", "0.02"],
    "crawl-no-latency": ["--adverts", "200", "--latency", "0"],
    "queue_scale": ["--adverts", "200", "--sites", "2", "--workers", "1", "2"],
    "scoring": ["--sklearn", "500", "--transformer", "100"],
    "classifier_quality": [],
    "clustering": ["-n", "5000"],
    "api": ["-n", "5000", "--requests", "200", "--confirmed", "200"],
    "taxii": ["-n", "3000", "--page", "1000"],
    "images_quality": [],
    "images_matching": ["--stored", "20000", "--new", "6000", "--queries", "200"],
}


def run_one(name: str, args: list[str]) -> tuple[list[str], float]:
    module = "bench." + name.split("-")[0]
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", module, *args], capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    if done.returncode != 0:
        lines.append(f"FAILED (exit {done.returncode}): {done.stderr.strip().splitlines()[-1:]}")
    return lines, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", nargs="*", help="run only these benchmarks")
    parser.add_argument("--no-write", action="store_true", help="print, do not update RESULTS.md")
    args = parser.parse_args()
    plan = QUICK if args.quick else FULL
    sections = []
    for name, bench_args in plan.items():
        if args.only and name not in args.only:
            continue
        lines, elapsed = run_one(name, bench_args)
        for line in lines:
            print(line, flush=True)
        sections.append(
            f"### {name} (`python -m bench.{name.split('-')[0]} {' '.join(bench_args)}`"
            f", {elapsed:.0f} s)\n\n" + "\n".join(f"    {line}" for line in lines)
        )
    if args.no_write:
        return
    header = (
        f"## {'Quick' if args.quick else 'Full'} run, "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC\n\nMachine: {machine_description()}\n"
    )
    previous = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    RESULTS.write_text(
        previous.rstrip() + "\n\n" + header + "\n" + "\n\n".join(sections) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()

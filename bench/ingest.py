"""Ingest throughput: adverts per second through the COPY-based bulk path."""

from __future__ import annotations

import argparse
import itertools
import time

import psycopg

from bench.common import scratch_database, synthetic_adverts
from store import adverts


def run(n: int, batch: int = 1000) -> dict[str, float]:
    with scratch_database() as url, psycopg.connect(url) as conn:
        items = synthetic_adverts(n)
        started = time.perf_counter()
        while chunk := list(itertools.islice(items, batch)):
            adverts.ingest_many(conn, chunk)
        first = time.perf_counter() - started
        started = time.perf_counter()
        items = synthetic_adverts(n)  # same adverts again: the "seen again" path
        while chunk := list(itertools.islice(items, batch)):
            adverts.ingest_many(conn, chunk)
        again = time.perf_counter() - started
    return {"adverts": n, "new_per_s": n / first, "unchanged_per_s": n / again}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=100_000)
    result = run(parser.parse_args().n)
    print(
        f"ingest: {result['adverts']} adverts, {result['new_per_s']:.0f} new/s, "
        f"{result['unchanged_per_s']:.0f} re-seen/s"
    )


if __name__ == "__main__":
    main()

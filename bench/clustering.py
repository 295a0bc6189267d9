"""Clustering time: link N stored synthetic adverts (templates + shared contacts) from scratch."""

from __future__ import annotations

import argparse
import itertools
import time

import psycopg

from bench.common import scratch_database, synthetic_adverts
from classifier.linking import link_pending
from store import adverts


def run(n: int) -> dict[str, float]:
    with scratch_database() as url, psycopg.connect(url) as conn:
        items = synthetic_adverts(n, seed=2, templates=max(n // 20, 10))
        while chunk := list(itertools.islice(items, 5000)):
            adverts.ingest_many(conn, chunk)
        started = time.perf_counter()
        stats = link_pending(conn, batch_size=5000)
        elapsed = time.perf_counter() - started
        clusters = conn.execute("SELECT kind, count(*) FROM clusters GROUP BY kind").fetchall()
    return {
        "adverts": stats.adverts,
        "seconds": elapsed,
        **{f"{k}_clusters": c for k, c in clusters},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=1_000_000)
    r = run(parser.parse_args().n)
    print(
        f"clustering: {r['adverts']} adverts linked in {r['seconds']:.1f}s "
        f"({r['adverts'] / r['seconds']:.0f}/s); clusters: "
        f"{r.get('template_clusters', 0)} template, {r.get('contact_clusters', 0)} contact"
    )


if __name__ == "__main__":
    main()

"""Clustering time: link N stored synthetic adverts (templates + shared contacts) from scratch."""

from __future__ import annotations

import argparse
import itertools
import time

import psycopg

from bench.common import scratch_database, synthetic_adverts
from linking.linker import link_pending
from store import adverts


def run(n: int) -> dict[str, float]:
    with scratch_database() as url, psycopg.connect(url) as conn:
        templates = max(n // 20, 10)
        items = synthetic_adverts(n, seed=2, templates=templates)
        while chunk := list(itertools.islice(items, 5000)):
            adverts.ingest_many(conn, chunk)
        started = time.perf_counter()
        stats = link_pending(conn, batch_size=5000)
        elapsed = time.perf_counter() - started
        clusters = conn.execute("SELECT kind, count(*) FROM clusters GROUP BY kind").fetchall()
        in_templates = conn.execute(
            """SELECT count(DISTINCT m.advert_id) FROM cluster_members m
               JOIN clusters c ON c.id = m.cluster_id AND c.kind = 'template'"""
        ).fetchone()
    return {
        "adverts": stats.adverts,
        "seconds": elapsed,
        "templates": templates,
        "in_template_clusters": in_templates[0] if in_templates else 0,
        **{f"{k}_clusters": c for k, c in clusters},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=1_000_000)
    r = run(parser.parse_args().n)
    print(
        f"clustering: {r['adverts']} adverts linked in {r['seconds']:.1f}s "
        f"({r['adverts'] / r['seconds']:.0f}/s); clusters: "
        f"{r.get('template_clusters', 0)} template (from {r['templates']} templates; "
        f"{r['in_template_clusters']} adverts in one), {r.get('contact_clusters', 0)} contact"
    )


if __name__ == "__main__":
    main()

"""TAXII feed pull: N confirmed items through TAXII 2.1 pages of 1,000 from a live server.

Stores N adverts, confirms every one into the feed (for the `default` sharing group), starts
`adwatch serve` in its own process and pulls the partner's collection page by page with
`next`, as a TAXII client does: p50/p99/max per page, and the server's RSS after each page
(memory must stay flat: a page is read through a server-side cursor and never the feed).
"""

from __future__ import annotations

import argparse
import statistics
import time
from typing import Any

import httpx
import psutil
import psycopg

from bench.api import _free_port, _populate, _start_server
from bench.common import machine_description, postgres_version, scratch_database
from store import api_keys, feed, partners, sharing

TAXII = "application/taxii+json;version=2.1"


def _confirm_all(url: str) -> int:
    """Every advert confirmed straight into the feed (the review path is benched elsewhere)."""
    with psycopg.connect(url) as conn:
        groups = sharing.group_ids(conn, ["default"])
        ids = [r[0] for r in conn.execute("SELECT id FROM adverts ORDER BY id").fetchall()]
        for advert_id in ids:
            feed.append_event(conn, advert_id, "confirmed", None, group_ids=groups, tlp="amber")
        conn.commit()
        conn.execute("ANALYZE")
    return len(ids)


def _pull(base: str, key: str, pid: int, page_size: int) -> dict[str, Any]:
    process = psutil.Process(pid)
    auth = ("bench", key)
    times: list[float] = []
    rss: list[float] = []
    objects = 0
    with httpx.Client(base_url=base, auth=auth, headers={"Accept": TAXII}, timeout=120) as c:
        (collection,) = c.get("/taxii2/api/collections/").json()["collections"]
        path = f"/taxii2/api/collections/{collection['id']}/objects/"
        params: dict[str, str] = {"limit": str(page_size), "match[version]": "all"}
        while True:
            started = time.perf_counter()
            envelope = c.get(path, params=params).raise_for_status().json()
            times.append(time.perf_counter() - started)
            rss.append(process.memory_info().rss / 2**20)
            objects += len(envelope.get("objects", []))
            if not envelope["more"]:
                break
            params["next"] = envelope["next"]
    ordered = sorted(times)
    return {
        "pages": len(times),
        "objects": objects,
        "p50_ms": statistics.median(times) * 1000,
        "p99_ms": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000,
        "max_ms": ordered[-1] * 1000,
        "total_s": sum(times),
        "rss_first_mib": rss[0],
        "rss_mid_mib": rss[len(rss) // 2],
        "rss_last_mib": rss[-1],
        "rss_max_mib": max(rss),
    }


def run(n: int, page_size: int) -> dict[str, Any]:
    with scratch_database() as url:
        started = time.perf_counter()
        _populate(url, n)
        confirmed = _confirm_all(url)
        setup_s = time.perf_counter() - started
        with psycopg.connect(url) as conn:
            partner = partners.ensure_partner(conn, "bench partner")
            _, key = api_keys.create_key(conn, "bench taxii", "partner", partner.id)
            conn.commit()
        port = _free_port()
        server = _start_server(url, port)
        try:
            pulled = _pull(f"http://127.0.0.1:{port}", key, server.pid, page_size)
        finally:
            server.terminate()
            server.wait(10)
        version = postgres_version(url)
    return {"adverts": n, "confirmed": confirmed, "setup_s": setup_s, "pg": version, **pulled}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=100_000, help="adverts, all confirmed")
    parser.add_argument("--page", type=int, default=1000)
    args = parser.parse_args()
    r = run(args.n, args.page)
    print(machine_description())
    print(f"PostgreSQL {r['pg']}; {r['adverts']} adverts, {r['confirmed']} confirmed")
    print(f"setup (ingest, score, confirm): {r['setup_s']:.0f}s")
    print(
        f"TAXII pull: {r['objects']} objects in {r['pages']} pages of {args.page}, "
        f"{r['total_s']:.1f}s; per page p50 {r['p50_ms']:.0f} ms, p99 {r['p99_ms']:.0f} ms, "
        f"max {r['max_ms']:.0f} ms"
    )
    print(
        f"server RSS after page 1 {r['rss_first_mib']:.0f} MiB, mid {r['rss_mid_mib']:.0f} MiB, "
        f"last {r['rss_last_mib']:.0f} MiB, max {r['rss_max_mib']:.0f} MiB"
    )


if __name__ == "__main__":
    main()

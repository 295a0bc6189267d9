"""TAXII feed pull: confirmed items through TAXII 2.1 pages of 1,000 from a live server.

Bulk-loads N adverts in SQL (store.bulk_load: scored escort adverts with contacts, names in
the URLs and matched text, snapshots), confirms every (N / C)-th into the feed for the
`default` sharing group, starts `adwatch serve` in its own process and pulls the partner's
collection page by page with `next`, as a TAXII client does: p50/p99/max per page, and the
server's RSS after each page (memory must stay flat). Two pulls: the first renders each
event's content on first read (share.feed_render) and keeps it, the second reads it as kept.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from typing import Any

import httpx
import psutil
import psycopg

from bench.api import _free_port, _start_server
from bench.common import machine_description, postgres_version, scratch_database
from store import api_keys, bulk_load, partners, sharing

TAXII = "application/taxii+json;version=2.1"


def _load(url: str, n: int, confirmed: int) -> int:
    """N adverts, `confirmed` of them spread evenly confirmed straight into the feed (the
    review path is benched elsewhere)."""
    with psycopg.connect(url, autocommit=True) as conn:
        site_id = bulk_load.load_adverts(conn, n)
        groups = sharing.group_ids(conn, ["default"])
        return bulk_load.confirm_every(conn, site_id, max(1, n // confirmed), groups, "amber")


def _quantiles(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    return {
        "p50_ms": statistics.median(times) * 1000,
        "p99_ms": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000,
        "max_ms": ordered[-1] * 1000,
    }


def _pull(base: str, key: str, pid: int, page_size: int) -> dict[str, Any]:
    """Every page through `next`. A page's time is the request until its body has arrived
    (the server's part); the client's JSON parsing is timed apart."""
    process = psutil.Process(pid)
    auth = ("bench", key)
    times: list[float] = []
    parse: list[float] = []
    rss: list[float] = []
    objects = 0
    with httpx.Client(base_url=base, auth=auth, headers={"Accept": TAXII}, timeout=120) as c:
        collections = c.get("/taxii2/api/collections/").json()["collections"]
        collection = next(x for x in collections if x["title"] == "adwatch: default")
        path = f"/taxii2/api/collections/{collection['id']}/objects/"
        params: dict[str, str] = {"limit": str(page_size), "match[version]": "all"}
        while True:
            started = time.perf_counter()
            reply = c.get(path, params=params).raise_for_status()
            arrived = time.perf_counter()
            envelope = json.loads(reply.content)
            times.append(arrived - started)
            parse.append(time.perf_counter() - arrived)
            rss.append(process.memory_info().rss / 2**20)
            objects += len(envelope.get("objects", []))
            if not envelope["more"]:
                break
            params["next"] = envelope["next"]
    return {
        "pages": len(times),
        "objects": objects,
        **_quantiles(times),
        "parse_p50_ms": statistics.median(parse) * 1000,
        "with_parse_p99_ms": _quantiles([t + p for t, p in zip(times, parse, strict=True)])[
            "p99_ms"
        ],
        "total_s": sum(times),
        "rss_first_mib": rss[0],
        "rss_mid_mib": rss[len(rss) // 2],
        "rss_last_mib": rss[-1],
        "rss_max_mib": max(rss),
    }


def run(n: int, confirmed: int, page_size: int) -> dict[str, Any]:
    with scratch_database() as url:
        started = time.perf_counter()
        shared = _load(url, n, confirmed)
        setup_s = time.perf_counter() - started
        with psycopg.connect(url) as conn:
            partner = partners.ensure_partner(conn, "bench partner")
            _, key = api_keys.create_key(conn, "bench taxii", "partner", partner.id)
            conn.commit()
        port = _free_port()
        server = _start_server(url, port)
        try:
            base = f"http://127.0.0.1:{port}"
            pulls = [_pull(base, key, server.pid, page_size) for _ in ("first", "second")]
        finally:
            server.terminate()
            server.wait(10)
        version = postgres_version(url)
    return {"adverts": n, "confirmed": shared, "setup_s": setup_s, "pg": version, "pulls": pulls}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=1_000_000, help="adverts")
    parser.add_argument("--confirmed", type=int, default=100_000, help="of them in the feed")
    parser.add_argument("--page", type=int, default=1000)
    args = parser.parse_args()
    r = run(args.n, args.confirmed, args.page)
    print(machine_description())
    print(f"{r['pg']}; {r['adverts']} adverts, {r['confirmed']} confirmed")
    print(f"setup (bulk load, confirm): {r['setup_s']:.0f}s")
    for name, p in zip(("first (renders)", "second (kept)"), r["pulls"], strict=True):
        print(
            f"TAXII pull {name}: {p['objects']} objects in {p['pages']} pages of {args.page}, "
            f"{p['total_s']:.1f}s; per page p50 {p['p50_ms']:.0f} ms, p99 {p['p99_ms']:.0f} ms, "
            f"max {p['max_ms']:.0f} ms (client JSON parse p50 {p['parse_p50_ms']:.0f} ms; "
            f"p99 with it {p['with_parse_p99_ms']:.0f} ms); "
            f"server RSS after page 1 {p['rss_first_mib']:.0f} MiB, "
            f"mid {p['rss_mid_mib']:.0f}, last {p['rss_last_mib']:.0f}, "
            f"max {p['rss_max_mib']:.0f} MiB"
        )
    print(f"load average at the end: {os.getloadavg()}")


if __name__ == "__main__":
    main()

"""API latency at scale and partner-feed export memory.

Stores N adverts (all scored, ~3% flagged into the queue), starts `adwatch serve` in its own
process, and drives it from a load-generator process: p50/p99 of queue listing and advert
detail. Then confirms items and exports the whole feed page by page, sampling the server's
RSS: memory must not grow with the feed's size.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import os
import random
import socket
import subprocess
import sys
import threading
import time
from typing import Any

import httpx
import psutil
import psycopg

from bench.common import scratch_database, synthetic_adverts
from review.intake import admit_scored
from store import adverts, api_keys, partners, review, scores


def _populate(url: str, n: int) -> list[int]:
    rng = random.Random(5)
    flagged: list[int] = []
    with psycopg.connect(url) as conn:
        items = synthetic_adverts(n, seed=3)
        while chunk := list(itertools.islice(items, 5000)):
            results = adverts.ingest_many(conn, chunk)
            records = []
            for r in results:
                p = rng.betavariate(1, 6)
                is_flagged = p > 0.44  # about 3% of adverts
                flagged += [r.advert_id] if is_flagged else []
                band = "high" if is_flagged else ("medium" if p > 0.3 else "low")
                records.append(
                    scores.ScoreRecord(
                        r.advert_id, r.version, "bench", "bench", p, band, is_flagged, []
                    )
                )
            scores.save_scores(conn, records)
            admit_scored(conn, records)
        conn.execute("ANALYZE")
    return flagged


def _confirm(url: str, ids: list[int], actor_id: int) -> None:
    with psycopg.connect(url) as conn:
        for advert_id in ids:
            review.decide(conn, advert_id, actor_id=actor_id, actor="bench", decision="confirmed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start_server(url: str, port: int) -> subprocess.Popen[bytes]:
    env = os.environ | {
        "DATABASE_URL": url,
        "ADWATCH_HASH_SECRET": "bench-secret",
        "ADWATCH_LOG_LEVEL": "WARNING",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "adwatch", "serve", "--port", str(port)], env=env
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("API server did not start")


def _load(base: str, key: str, paths: list[str], requests: int) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-m", "bench.loadgen", base, key, str(requests), "4", *paths],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(out.stdout))


def _export_peak_rss(base: str, key: str, pid: int) -> tuple[int, float]:
    """Items exported and the server's peak RSS growth (MiB) while streaming the whole feed."""
    process = psutil.Process(pid)
    baseline = process.memory_info().rss
    peak, done = baseline, threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, process.memory_info().rss)
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    items, cursor = 0, ""
    with httpx.Client(base_url=base, headers={"X-API-Key": key}, timeout=120) as client:
        while True:
            params = {"format": "csv", "limit": "10000", "cursor": cursor}
            with client.stream("GET", "/api/v1/feed", params=params) as response:
                rows = list(csv.reader(response.iter_lines()))[1:]
            if not rows:
                break
            items += len(rows)
            cursor = rows[-1][0]  # the seq column is the cursor
    done.set()
    sampler.join()
    return items, (peak - baseline) / 2**20


def run(n: int, requests: int, confirmed: int) -> dict[str, Any]:
    with scratch_database() as url:
        flagged = _populate(url, n)
        with psycopg.connect(url) as conn:
            _, analyst = api_keys.create_key(conn, "bench analyst", "analyst")
            partner = partners.ensure_partner(conn, "bench partner")
            _, partner_key = api_keys.create_key(conn, "bench feed", "partner", partner.id)
            actor = api_keys.verify_key(conn, analyst)
        assert actor is not None
        port = _free_port()
        server = _start_server(url, port)
        base = f"http://127.0.0.1:{port}"
        try:
            detail_paths = [
                f"/api/v1/adverts/{a}"
                for a in random.Random(9).sample(flagged, min(200, len(flagged)))
            ]
            queue = _load(base, analyst, ["/api/v1/queue?limit=50"], requests)
            detail = _load(base, analyst, detail_paths, requests)
            _confirm(url, flagged[: confirmed // 10], actor.id)
            small = _export_peak_rss(base, partner_key, server.pid)
            _confirm(url, flagged[confirmed // 10 : confirmed], actor.id)
            large = _export_peak_rss(base, partner_key, server.pid)
        finally:
            server.terminate()
            server.wait(10)
    return {
        "adverts": n,
        "flagged": len(flagged),
        "queue": queue,
        "detail": detail,
        "feed_small": small,
        "feed_large": large,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--confirmed", type=int, default=20_000)
    args = parser.parse_args()
    r = run(args.n, args.requests, args.confirmed)
    for name in ("queue", "detail"):
        m = r[name]
        print(
            f"api {name}: {r['adverts']} adverts, p50 {m['p50_ms']:.1f} ms, p99 "
            f"{m['p99_ms']:.1f} ms, {m['rps']:.0f} req/s, {m['errors']} errors"
        )
    for name in ("feed_small", "feed_large"):
        items, growth = r[name]
        print(f"feed export: {items} items, server peak RSS growth {growth:.1f} MiB")


if __name__ == "__main__":
    main()

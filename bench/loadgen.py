"""Load generator, run as its own process: GET each path repeatedly, print latency stats as JSON.

python -m bench.loadgen BASE_URL API_KEY REQUESTS CONCURRENCY PATH [PATH ...]
"""

from __future__ import annotations

import json
import statistics
import sys
import threading
import time

import httpx


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def hammer(
    base: str, key: str, paths: list[str], requests: int, concurrency: int
) -> dict[str, object]:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    per_thread = requests // concurrency

    def worker(offset: int) -> None:
        nonlocal errors
        with httpx.Client(base_url=base, headers={"X-API-Key": key}, timeout=30) as client:
            for i in range(per_thread):
                path = paths[(offset + i) % len(paths)]
                started = time.perf_counter()
                status = client.get(path).status_code
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    errors += status != 200

    threads = [threading.Thread(target=worker, args=(n * 7919,)) for n in range(concurrency)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    return {
        "requests": len(latencies),
        "errors": errors,
        "rps": len(latencies) / wall,
        "p50_ms": 1000 * statistics.median(latencies),
        "p99_ms": 1000 * percentile(latencies, 0.99),
    }


if __name__ == "__main__":
    base, key, n, conc, *paths = sys.argv[1:]
    print(json.dumps(hammer(base, key, paths, int(n), int(conc))))

"""The attacks of issue 14, each against a running `adwatch serve` (bench/security.py).

Each returns plain figures; nothing here decides pass or fail."""

from __future__ import annotations

import http.server
import socket
import statistics
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import psutil

MB = 1024 * 1024


def _raw(address: tuple[str, int], head: str, body_bytes: int = 0) -> str:
    """Send a request (and up to body_bytes of body, until the server stops taking it);
    return its status line."""
    with socket.create_connection(address, timeout=60) as sock:
        sock.sendall(head.encode("utf-8", "surrogateescape"))
        chunk, sent = b"x" * MB, 0
        try:
            while sent < body_bytes:
                sock.sendall(chunk)
                sent += len(chunk)
        except OSError:  # the server answered and closed: what a limit should do
            pass
        try:
            return sock.recv(4096).split(b"\r\n", 1)[0].decode(errors="replace")
        except OSError as exc:
            return f"connection error: {type(exc).__name__}"


def big_bodies(address: tuple[str, int], pid: int, key: str) -> dict[str, Any]:
    """Four parallel 100 MB POSTs without a key and four with one; server RSS growth."""
    process, peak, done = psutil.Process(pid), 0, threading.Event()
    baseline = process.memory_info().rss

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, process.memory_info().rss)
            time.sleep(0.01)

    sampler = threading.Thread(target=sample)
    sampler.start()
    statuses: list[str] = []
    heads = []
    for path in ("/api/v1/adverts/search", "/api/v1/labels"):
        for auth in ("", f"X-API-Key: {key}\r\n"):
            heads.append(
                f"POST {path} HTTP/1.1\r\nHost: x\r\n{auth}Content-Type: application/json\r\n"
                f"Content-Length: {100 * MB}\r\n\r\n"
            )
    threads = [
        threading.Thread(target=lambda h=h: statuses.append(_raw(address, h, 100 * MB)))
        for h in heads
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done.set()
    sampler.join()
    return {"statuses": dict(Counter(statuses)), "rss_growth_mb": (peak - baseline) / MB}


def slow_readers(
    address: tuple[str, int], paths: list[tuple[str, str]], analyst_key: str
) -> dict[str, Any]:
    """Readers that request an export, take the headers and stop reading; meanwhile /healthz
    and the queue are timed."""
    readers, statuses = [], Counter[str]()
    for path, key in paths:
        sock = socket.create_connection(address, timeout=120)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nX-API-Key: {key}\r\n\r\n".encode())
        statuses[sock.recv(512).split(b"\r\n", 1)[0].decode()] += 1
        readers.append(sock)
    latencies, answers = [], Counter[str]()
    base = f"http://{address[0]}:{address[1]}"
    with httpx.Client(base_url=base, timeout=60) as client:
        for n in range(100):
            started = time.perf_counter()
            if n % 2:
                r = client.get("/api/v1/queue", headers={"X-API-Key": analyst_key})
            else:
                r = client.get("/healthz")
                latencies.append(time.perf_counter() - started)
            answers[f"{r.request.url.path} {r.status_code}"] += 1
    for sock in readers:
        sock.close()
    latencies.sort()
    return {
        "reader_statuses": dict(statuses),
        "answers": dict(answers),
        "healthz_p50_ms": statistics.median(latencies) * 1000,
        "healthz_p99_ms": latencies[int(len(latencies) * 0.99) - 1] * 1000,
    }


class _Counting(http.server.BaseHTTPRequestHandler):
    hits = 0

    def do_POST(self) -> None:
        type(self).hits += 1
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        return None


@contextmanager
def listener() -> Iterator[tuple[int, type[_Counting]]]:
    """A local HTTP endpoint that counts the requests reaching it (a 'private address')."""
    handler = type("Counting", (_Counting,), {"hits": 0})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], handler
    finally:
        server.shutdown()


def webhook_targets(port: int) -> list[str]:
    return [
        f"http://127.0.0.1:{port}/hook",
        f"http://localhost:{port}/hook",
        f"http://[::ffff:127.0.0.1]:{port}/hook",
        f"http://2130706433:{port}/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/hook",
        "http://127.0.0.1:5432/",
    ]


def wrong_keys(client: httpx.Client, n: int) -> dict[str, Any]:
    """n wrong keys from one address, as fast as one client sends them."""
    statuses = Counter(
        client.get("/api/v1/queue", headers={"X-API-Key": f"adw_{i:012x}_wrong"}).status_code
        for i in range(n)
    )
    return {"statuses": dict(statuses)}


def odd_inputs(client: httpx.Client, address: tuple[str, int], key: str) -> Counter[int]:
    """NUL bytes, lone surrogates, malformed cursors and numbers, through every input kind."""
    h = {"X-API-Key": key}
    calls: list[Callable[[], int]] = [
        lambda: client.get("/api/v1/adverts", params={"q": "a\x00b"}, headers=h).status_code,
        lambda: client.get("/api/v1/adverts", params={"cursor": "²"}, headers=h).status_code,
        lambda: client.get("/api/v1/adverts", params={"cursor": "9" * 5000}, headers=h).status_code,
        lambda: client.get("/api/v1/adverts", params={"cursor": "[" * 3000}, headers=h).status_code,
        lambda: client.get("/api/v1/adverts", params={"limit": "9" * 40}, headers=h).status_code,
        lambda: client.get(f"/api/v1/adverts/{'9' * 30}", headers=h).status_code,
        lambda: (
            client.post(
                "/api/v1/adverts/search",
                content=b'{"entity": "phone:\\ud800", "q": "x"}',
                headers=h | {"Content-Type": "application/json"},
            ).status_code
        ),
        lambda: (
            client.post(
                "/api/v1/adverts/search",
                content=b'{"entity": "a\\u0000b"}',
                headers=h | {"Content-Type": "application/json"},
            ).status_code
        ),
        lambda: (
            client.post(
                "/api/v1/adverts/search",
                content=b"[" * 3000,
                headers=h | {"Content-Type": "application/json"},
            ).status_code
        ),
        lambda: client.post("/login", data={"key": "adw_\x00"}).status_code,
        lambda: client.get("/api/v1/feed?cursor=%ED%A0%80", headers=h).status_code,
        lambda: (
            client.post(
                "/api/v1/exports",
                content=b'{"type": "evidence", "advert_id": 99999999999999999999999}',
                headers=h | {"Content-Type": "application/json"},
            ).status_code
        ),
    ]
    out = Counter(call() for call in calls)
    for head in (
        "GET /api/v1/queue HTTP/1.1\r\nHost: x\r\nX-API-Key: adw_\x00\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nCookie: adwatch_session=\x00\udcff\r\n\r\n",
        "GET /api/v1/adverts?q=%ED%A0%80 HTTP/1.1\r\nHost: x\r\nX-API-Key: " + key + "\r\n\r\n",
    ):
        line = _raw(address, head)
        parts = line.split(" ")
        out[int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0] += 1
    return out

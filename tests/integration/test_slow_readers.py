"""Twenty clients that start downloading evidence packages and then stop reading hold no
database connection (issue 14: twelve used to starve the pool until /healthz answered 500):
a real uvicorn server, raw sockets with tiny receive buffers, and while all twenty are still
mid-download /healthz and the review queue answer 200. A key's third download at once is a
429 with Retry-After."""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import httpx
import psycopg
import pytest
import uvicorn

from api.app import create_app
from config.settings import get_settings
from store import adverts, api_keys
from tests.api_support import Ad, make_keys, seed, snapshot
from tests.webhook_support import free_port

pytestmark = pytest.mark.integration
READERS, KEYS = 20, 10
# Larger than the kernel's socket buffers on both ends, so a reader that stops reading leaves
# the server mid-file.
SNAPSHOT_BYTES = 6 * 1024 * 1024


@pytest.fixture
def server(adwatch_env: str) -> Iterator[tuple[str, Any]]:
    app = create_app(adwatch_env)
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    while not srv.started and thread.is_alive():
        threading.Event().wait(0.05)
    yield f"127.0.0.1:{port}", app
    srv.should_exit = True
    thread.join(timeout=60)


def _big_advert(conn: psycopg.Connection[Any]) -> int:
    [advert_id] = seed(conn, [Ad(1)])
    site_id = conn.execute("SELECT site_id FROM adverts WHERE id = %s", (advert_id,)).fetchone()
    assert site_id is not None
    # a second version of the page, its raw snapshot incompressible
    big = replace(
        snapshot(Ad(1, body="The same offer, updated."), site_id[0]),
        raw_body=os.urandom(SNAPSHOT_BYTES),
    )
    adverts.ingest_many(conn, [big])
    conn.commit()
    return advert_id


def _start_reading(address: str, path: str, token: str) -> tuple[socket.socket, bytes]:
    """Send the request, read the status line and headers, then read nothing more."""
    host, port = address.split(":")
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.settimeout(120)
    sock.connect((host, int(port)))
    sock.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nX-API-Key: {token}\r\n\r\n".encode())
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = sock.recv(1024)
        if not chunk:
            break
        head += chunk
    return sock, head.split(b"\r\n", 1)[0]


def test_slow_readers_of_exports_leave_the_service_answering(
    server: tuple[str, Any], conn: psycopg.Connection[Any]
) -> None:
    address, app = server
    advert_id = _big_advert(conn)
    keys = make_keys(conn)
    tokens = [api_keys.create_key(conn, f"reader {n}", "analyst")[1] for n in range(KEYS)]
    conn.commit()
    path = f"/api/v1/adverts/{advert_id}/evidence.zip"

    readers = [_start_reading(address, path, tokens[n % KEYS]) for n in range(READERS)]
    try:
        assert [status for _, status in readers] == [b"HTTP/1.1 200 OK"] * READERS
        # every download is still in flight, each key at its limit of two
        key_ids = {k.id for k in api_keys.list_keys(conn) if k.name.startswith("reader ")}
        assert [app.state.key_slots.held(k) for k in sorted(key_ids)] == [2] * KEYS

        with httpx.Client(base_url=f"http://{address}", timeout=120) as client:
            third = client.get(path, headers={"X-API-Key": tokens[0]})
            assert third.status_code == 429
            assert third.headers["retry-after"].isdigit()
            assert third.json()["status"] == 429
            assert client.get("/healthz").status_code == 200
            queue = client.get("/api/v1/queue", headers={"X-API-Key": keys.analyst})
            assert queue.status_code == 200
    finally:
        for sock, _ in readers:
            sock.close()
    # once the readers are gone, their places and their one-off files go too
    spool = get_settings().data_dir / "exports" / "spool"
    for _ in range(600):
        held = [app.state.key_slots.held(k) for k in sorted(key_ids)]
        if held == [0] * KEYS and not any(spool.iterdir()):
            break
        threading.Event().wait(0.1)
    assert held == [0] * KEYS
    assert list(spool.iterdir()) == []

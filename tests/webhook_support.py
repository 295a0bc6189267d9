"""Helpers for the webhook tests: a local receiver that records what reaches it, feed events
to deliver, and a resolver that answers chosen addresses for chosen names."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

from fastapi.testclient import TestClient

from tests.api_support import Keys, h


@dataclass
class Receiver:
    """What reached one local HTTP server, and what it answers next."""

    port: int
    requests: list[dict[str, str]] = field(default_factory=list)
    bodies: list[bytes] = field(default_factory=list)
    answers: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    on_request: Callable[[], None] | None = None

    def url(self, host: str = "127.0.0.1", path: str = "/hook") -> str:
        return f"http://{host}:{self.port}{path}"


def _handler(receiver: Receiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            receiver.bodies.append(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
            receiver.requests.append(dict(self.headers))
            if receiver.on_request is not None:
                receiver.on_request()
            status, headers = receiver.answers.pop(0) if receiver.answers else (200, {})
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            return None

    return Handler


@contextmanager
def receiving() -> Iterator[Receiver]:
    """A receiver on 127.0.0.1 at a free port, for the length of the block."""
    server = HTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    receiver = Receiver(port=int(server.server_address[1]))
    server.RequestHandlerClass = _handler(receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    """A port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def confirm(c: TestClient, keys: Keys, advert_id: int) -> None:
    """Confirm an advert, and a second analyst agrees (the two-person rule): a feed event, and
    a delivery queued for each approved webhook."""
    r = c.post(
        f"/api/v1/adverts/{advert_id}/decision",
        json={"decision": "confirmed"},
        headers=h(keys.analyst),
    )
    assert r.status_code == 201, r.text
    agreed = c.post(f"/api/v1/adverts/{advert_id}/sharing/agree", json={}, headers=h(keys.analyst2))
    assert agreed.status_code == 200, agreed.text


class FakeResolver:
    """socket.getaddrinfo with chosen answers for chosen names, in turn (the last one
    repeats); every other host is resolved for real. Counts the lookups of each name."""

    def __init__(self, answers: dict[str, list[list[str]]]) -> None:
        self.answers = answers
        self.lookups: dict[str, int] = {}
        self.real = socket.getaddrinfo

    def __call__(self, host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name not in self.answers:
            return self.real(host, port, *args, **kwargs)
        turn = self.lookups.get(name, 0)
        self.lookups[name] = turn + 1
        addresses = self.answers[name][min(turn, len(self.answers[name]) - 1)]
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, int(port or 0)))
            for address in addresses
        ]

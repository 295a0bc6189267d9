"""Serve the demo world: one ThreadingHTTPServer per site, each on its own port.

>>> with DemoServer(generate_world(), ports={"jobs": 0, "bridal": 0, "escort": 0}) as server:
...     server.base_urls["jobs"]            # doctest: +SKIP
'http://127.0.0.1:54321'

Pages are rendered per request from the world (fast also for a 5,000-advert world).
Every request is logged in ``server.requests`` as ``(site, path, status)`` so tests can
assert, for example, that nothing under a robots-disallowed prefix was ever fetched.
"""

from __future__ import annotations

import contextlib
import email.utils
import logging
import socket
import threading
import time
from collections.abc import Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

from demo.site.answer_builder import build_answer_key
from demo.site.model import DEFAULT_PORTS, SITE_NAMES, AnswerKey, DemoWorld
from demo.site.render import Page, render

__all__ = ["DemoServer"]

logger = logging.getLogger(__name__)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], owner: DemoServer, site: str) -> None:
        self.owner = owner
        self.site = site
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__(address, _Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        """End idle keep-alive connections (their threads would linger otherwise)."""
        with self._open_lock:
            sockets = list(self._open)
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "adwatch-demo/1.0"
    timeout = 15  # idle keep-alive connections are closed after this many seconds
    disable_nagle_algorithm = True  # headers and body go out as separate writes
    server: _Server

    def _answer(self, with_body: bool) -> None:
        owner = self.server.owner
        site = self.server.site
        if owner.latency_s:
            time.sleep(owner.latency_s)
        try:
            page = render(owner.world, site, owner.round, self.path, owner.base_urls[site])
        except Exception:  # a bug in the demo must not kill the server thread
            logger.exception("demo site %s failed on %s", site, self.path)
            owner.log_error(site, self.path)
            page = Page(500, "text/plain; charset=utf-8", b"internal error\n")
        # logged before any byte goes out, so a client that got the answer sees the entry
        owner.log_request_done(site, self.path, page.status)
        self.send_response(page.status)
        self.send_header("Content-Type", page.content_type)
        self.send_header("Content-Length", str(len(page.body)))
        if page.last_modified is not None:
            self.send_header(
                "Last-Modified", email.utils.format_datetime(page.last_modified, usegmt=True)
            )
        for name, value in page.headers:
            self.send_header(name, value)
        self.end_headers()
        if with_body:
            self.wfile.write(page.body)

    def do_GET(self) -> None:
        self._answer(with_body=True)

    def do_HEAD(self) -> None:
        self._answer(with_body=False)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the request log is server.requests


class DemoServer:
    """The three demo sites over HTTP, in background threads.

    ``ports`` maps site name to port (0 = any free port); the real origins are in
    :attr:`base_urls` once started. :meth:`set_round` switches every site to another
    round of the world at once.
    """

    def __init__(
        self,
        world: DemoWorld,
        host: str = "127.0.0.1",
        ports: Mapping[str, int] | None = None,
        round: int = 1,
        latency_s: float = 0.0,
    ) -> None:
        """latency_s delays every answer, like a network round trip to a real site."""
        world.check_round(round)
        self.latency_s = latency_s
        self.world = world
        self.host = host
        self.ports: dict[str, int] = dict(DEFAULT_PORTS if ports is None else ports)
        unknown = set(self.ports) - set(SITE_NAMES)
        if unknown:
            raise ValueError(f"unknown site(s) in ports: {sorted(unknown)}")
        self.round = round
        self.requests: list[tuple[str, str, int]] = []
        self.errors: list[tuple[str, str]] = []
        self.base_urls: dict[str, str] = {}
        self._lock = threading.Lock()
        self._servers: dict[str, _Server] = {}
        self._threads: list[threading.Thread] = []

    # --------------------------------------------------------------- lifecycle

    def start(self) -> DemoServer:
        if self._servers:
            return self
        try:
            for site in SITE_NAMES:
                if site not in self.ports:
                    continue
                server = _Server((self.host, self.ports[site]), self, site)
                self._servers[site] = server
                port = server.server_address[1]
                host = self.host if ":" not in self.host else f"[{self.host}]"
                self.base_urls[site] = f"http://{host}:{port}"
        except OSError:
            self.stop()
            raise
        for site, server in self._servers.items():
            thread = threading.Thread(
                target=server.serve_forever,
                kwargs={"poll_interval": 0.05},
                name=f"demo-site-{site}",
                daemon=True,
            )
            thread.start()
            self._threads.append(thread)
        return self

    def stop(self) -> None:
        for server in self._servers.values():
            if self._threads:
                server.shutdown()
            server.server_close()
            server.close_connections()
        for thread in self._threads:
            thread.join(timeout=5)
        self._servers.clear()
        self._threads.clear()

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # --------------------------------------------------------------- rounds and keys

    def set_round(self, round_no: int) -> None:
        self.world.check_round(round_no)
        self.round = round_no

    def answer_key(self, round_no: int | None = None) -> AnswerKey:
        """The world's answer key for this server's origins (default: current round)."""
        return build_answer_key(
            self.world, self.round if round_no is None else round_no, self.base_urls
        )

    def start_urls(self) -> dict[str, str]:
        return self.world.start_urls(self.base_urls)

    # --------------------------------------------------------------- request log

    def log_request_done(self, site: str, path: str, status: int) -> None:
        with self._lock:
            self.requests.append((site, path, status))

    def log_error(self, site: str, path: str) -> None:
        with self._lock:
            self.errors.append((site, path))

    def clear_log(self) -> None:
        with self._lock:
            self.requests.clear()
            self.errors.clear()

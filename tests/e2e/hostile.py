"""Hostile web servers on 127.0.0.1 for crawl tests: fixed answers by path, generated answers
(traps), silence, slowness; every request a server got is kept for the test to check."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from crawlers import launch
from crawlers.profiles import load_profile
from store.crawl_runs import CrawlRun

PAGE = b"<html><body><p>No adverts today.</p></body></html>"


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    silent: bool = False  # close the connection without answering
    delay_s: float = 0.0  # wait before answering
    send_length: bool = True  # False: no Content-Length, the body ends when the connection does


@dataclass
class Site:
    """What the server answers, by path ("/" gets PAGE unless given; `generate` answers paths
    not in `answers`, e.g. an endless calendar), and the paths it was asked for."""

    answers: dict[str, Answer]
    generate: Callable[[str], Answer | None] | None = None
    requests: list[str] = field(default_factory=list)
    base: str = ""

    def answer(self, path: str) -> Answer:
        if path in self.answers:
            return self.answers[path]
        generated = self.generate(path) if self.generate is not None else None
        if generated is not None:
            return generated
        return Answer(200 if path == "/" else 404, PAGE)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.requests.append(self.path)
            answer = site.answer(self.path)
            if answer.delay_s:
                time.sleep(answer.delay_s)
            if answer.silent:
                self.close_connection = True
                return
            self.send_response(answer.status)
            headers = {"Content-Type": "text/html; charset=utf-8"} | answer.headers
            for name, value in headers.items():
                self.send_header(name, value)
            if answer.send_length:
                self.send_header("Content-Length", str(len(answer.body)))
            self.end_headers()
            # the crawler may cut a download off, as it should
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(answer.body)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # quiet test output

    return Handler


@contextmanager
def serving(
    answers: dict[str, Answer], generate: Callable[[str], Answer | None] | None = None
) -> Iterator[Site]:
    site = Site(answers, generate)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


def crawl(site: Site, profile_name: str = "demo-bridal", **profile: Any) -> CrawlRun:
    """One crawl of the site with a demo profile (links mode: demo-bridal; structured
    zero-config mode: demo-jobs), private addresses allowed (the server is on 127.0.0.1)."""
    updates = {"start_urls": [site.base + "/"], "delay_s": 0.0} | profile
    return launch.crawl(load_profile(profile_name).model_copy(update=updates), allow_private=True)

"""The container health probe: which process it finds, and the API check."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from adwatch import healthcheck
from adwatch.healthcheck import Process, Unhealthy
from config.settings import Settings

LINUX = pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs /proc")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["/opt/venv/bin/python3", "/opt/venv/bin/adwatch", "worker", "--queues", "crawl"],
         ("worker", ["--queues", "crawl"])),
        (["adwatch", "-v", "run", "--no-api"], ("run", ["--no-api"])),
        (["adwatch", "serve", "--port=9000"], ("serve", ["--port=9000"])),
        (["adwatch", "db", "upgrade"], None),
        (["python", "-m", "adwatch.healthcheck", "worker"], None),
        (["postgres", "-D", "/data"], None),
    ],
)  # fmt: skip
def test_which_command_lines_are_adwatch_services(
    argv: list[str], expected: tuple[str, list[str]] | None
) -> None:
    assert healthcheck.parse_cmdline(argv) == expected


@LINUX
def test_a_live_process_is_found_and_a_dead_one_is_not() -> None:
    sleeper = [sys.executable, "-c", "import time; time.sleep(60)", "adwatch", "worker"]
    child = subprocess.Popen(sleeper)
    try:
        assert child.pid in [p.pid for p in healthcheck.adwatch_processes()]
        child.kill()
        deadline = time.monotonic() + 10
        while child.pid in [p.pid for p in healthcheck.adwatch_processes()]:
            assert time.monotonic() < deadline, "a killed (zombie) worker still counts"
            time.sleep(0.05)
    finally:
        child.kill()
        child.wait()


@LINUX
def test_without_an_adwatch_process_the_probe_fails(capsys: pytest.CaptureFixture[str]) -> None:
    if any(p.command == "serve" for p in healthcheck.adwatch_processes()):
        pytest.skip("an `adwatch serve` runs on this machine")
    assert healthcheck.main(["serve"]) == 1
    assert "no live `adwatch serve` process" in capsys.readouterr().err


def test_an_unknown_command_is_a_usage_error() -> None:
    assert healthcheck.main(["db"]) == 2


@pytest.fixture
def healthz() -> Iterator[tuple[int, dict[str, str]]]:
    """An HTTP server answering /healthz with the body the test puts in the dict."""
    body = {"status": "ok"}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            data = json.dumps(body).encode()
            self.send_response(200 if self.path == "/healthz" else 404)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], body
    server.shutdown()
    server.server_close()


def test_the_api_check_asks_healthz_on_the_process_port(
    healthz: tuple[int, dict[str, str]],
) -> None:
    port, body = healthz
    settings = Settings(api_port=1)  # the process's --port wins over settings
    healthcheck.check_http(
        Process(1, "serve", ["--host", "0.0.0.0", "--port", str(port)]), settings
    )
    body["status"] = "starting"
    with pytest.raises(Unhealthy, match="answered"):
        healthcheck.check_http(Process(1, "serve", [f"--port={port}"]), settings)


def test_the_api_check_uses_the_settings_port_and_fails_when_closed(
    healthz: tuple[int, dict[str, str]],
) -> None:
    port, _ = healthz
    healthcheck.check_http(Process(1, "serve", []), Settings(api_port=port))
    with pytest.raises(Unhealthy, match="/healthz"):
        healthcheck.check_http(Process(1, "serve", []), Settings(api_port=1))

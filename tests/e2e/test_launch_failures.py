"""Every crawl launch failure is one line on stderr, a non-zero exit, and no run left
`running` (issue 17, case 6): Redis down for a sharded crawl, Redis lost after the run was
opened, a bad profile name, the database down."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from store import crawl_runs
from tests.integration.test_cli_foundation import run_cli

pytestmark = [pytest.mark.e2e, pytest.mark.integration, pytest.mark.faults]


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


REAL_REDIS = ("127.0.0.1", 6379)


class RedisThatDrops(threading.Thread):
    """Passes the first connection through to a real Redis (the launcher's check), then hangs
    up on every later one: Redis going away between the check and the crawl."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]

    def run(self) -> None:
        first = True
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            if first:
                first = False
                upstream = socket.create_connection(REAL_REDIS)
                for a, b in ((conn, upstream), (upstream, conn)):
                    threading.Thread(target=self.pump, args=(a, b), daemon=True).start()
            else:
                conn.close()

    @staticmethod
    def pump(source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_WR)


@pytest.fixture
def dropping_redis() -> Iterator[RedisThatDrops]:
    try:
        socket.create_connection(REAL_REDIS, timeout=2).close()
    except OSError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    redis = RedisThatDrops()
    redis.start()
    yield redis
    redis.server.close()


def one_line_error(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("adwatch: error: "), stderr
    return lines[0]


def runs(db_url: str) -> list[crawl_runs.CrawlRun]:
    with psycopg.connect(db_url) as conn:
        return crawl_runs.recent_runs(conn, None)


def test_sharded_crawl_with_redis_down_fails_in_one_line_without_a_run(
    db_url: str, tmp_path: Path
) -> None:
    env = {"DATABASE_URL": db_url, "ADWATCH_DATA_DIR": str(tmp_path)}
    url = f"redis://:secret@127.0.0.1:{closed_port()}/0"
    got = run_cli("crawl", "demo-jobs", "--allow-private", "--processes", "2",
                  "--redis-url", url, env=env)  # fmt: skip
    assert got.returncode == 1
    line = one_line_error(got.stderr)
    assert "Redis" in line and "secret" not in line
    assert runs(db_url) == []  # refused before a run was opened


def test_redis_lost_after_the_run_opened_closes_it_failed_with_the_reason(
    db_url: str, tmp_path: Path, dropping_redis: RedisThatDrops
) -> None:
    env = {"DATABASE_URL": db_url, "ADWATCH_DATA_DIR": str(tmp_path)}
    url = f"redis://127.0.0.1:{dropping_redis.port}/0"
    got = run_cli("crawl", "demo-jobs", "--allow-private", "--processes", "2",
                  "--redis-url", url, env=env)  # fmt: skip
    assert got.returncode == 1
    assert "closed as failed" in one_line_error(got.stderr)
    [run] = runs(db_url)
    assert run.status == "failed" and run.finished_at is not None
    assert any("Redis" in entry["error"] for entry in run.error_log), run.error_log


def test_bad_profile_and_database_down_are_one_line(db_url: str, tmp_path: Path) -> None:
    env = {"DATABASE_URL": db_url, "ADWATCH_DATA_DIR": str(tmp_path)}
    got = run_cli("crawl", "no-such-site", env=env)
    assert got.returncode == 1 and "no site profile" in one_line_error(got.stderr)
    down = {**env, "DATABASE_URL": f"postgresql://adwatch@127.0.0.1:{closed_port()}/adwatch"}
    got = run_cli("crawl", "demo-jobs", "--allow-private", env=down)
    assert got.returncode == 1 and "PostgreSQL" in one_line_error(got.stderr)
    assert runs(db_url) == []

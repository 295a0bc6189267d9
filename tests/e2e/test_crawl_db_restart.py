"""A PostgreSQL restart in the middle of a crawl loses nothing and duplicates nothing."""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import psycopg
import pytest

from config.settings import get_settings
from store import migrate
from store.crawl_runs import CrawlRun
from tests.e2e.demo_support import crawl_site, demo_server

if TYPE_CHECKING:
    from pgserver import PostgresServer

pytestmark = [pytest.mark.e2e, pytest.mark.integration]


@pytest.fixture
def restartable_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, PostgresServer]]:
    """A private PostgreSQL (from the pgserver wheel) that this test may restart."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pgserver

    root = Path(tempfile.mkdtemp(prefix="adwatch-restart-"))
    server = pgserver.get_server(root / "pgdata", cleanup_mode="stop")
    url = server.get_uri()
    with psycopg.connect(url) as conn:
        migrate.upgrade(conn)
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("ADWATCH_CRAWLER_DELAY_S", "0.03")
    get_settings.cache_clear()
    yield url, server
    get_settings.cache_clear()
    server.cleanup()
    shutil.rmtree(root, ignore_errors=True)


def restart(server: PostgresServer) -> None:
    from pgserver import _commands

    # pg_ctl is made at import time (pgserver._commands._init), so mypy cannot see it.
    _commands.pg_ctl(["-w", "-m", "fast", "restart"], pgdata=server.pgdata,  # type: ignore[attr-defined]
                     user=server.system_user)  # fmt: skip


def pages_so_far(url: str) -> int:
    try:
        with psycopg.connect(url, connect_timeout=2) as conn:
            row = conn.execute("SELECT coalesce(max(pages), 0) FROM crawl_runs").fetchone()
        return int(row[0]) if row else 0
    except psycopg.Error:
        return 0


def test_restart_mid_crawl_loses_nothing(restartable_server: tuple[str, PostgresServer]) -> None:
    url, server = restartable_server
    with demo_server(job_adverts=60) as demo:
        result: list[CrawlRun] = []
        crawler = threading.Thread(target=lambda: result.append(crawl_site(demo, "jobs")))
        crawler.start()
        deadline = time.monotonic() + 60
        while pages_so_far(url) < 20 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert crawler.is_alive(), "the crawl finished before the restart could happen"
        restart(server)
        crawler.join(180)
        key = demo.answer_key().sites["jobs"]
    assert result and result[0].status == "finished", result
    with psycopg.connect(url) as conn:
        urls = [r[0] for r in conn.execute("SELECT canonical_url FROM adverts")]
        versions = conn.execute("SELECT count(*) FROM advert_versions").fetchone()
    assert sorted(urls) == sorted(a.url for a in key.adverts)  # all there, none twice
    assert versions == (len(key.adverts),)

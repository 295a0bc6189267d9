"""The crawl launcher outlives a database outage, as its crawl processes do: it waits for the
database to come back instead of failing a crawl that stored everything."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict

from crawlers.launch import final_run
from store import crawl_runs, sites
from store.bootstrap import when_reachable
from store.crawl_runs import CrawlRun
from store.db import StoreError

pytestmark = pytest.mark.integration


@contextmanager
def refusing_connections(admin_url: str, db_url: str) -> Iterator[None]:
    """The test database refuses every new connection until the block ends."""
    name = sql.Identifier(str(conninfo_to_dict(db_url)["dbname"]))
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS false").format(name))
        try:
            yield
        finally:
            admin.execute(sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS true").format(name))


def finished_run(db_url: str) -> int:
    with psycopg.connect(db_url) as conn:
        site = sites.upsert_site(conn, "waits", "job", "http://127.0.0.1/", {}, None)
        run = crawl_runs.start_run(conn, site.id)
        crawl_runs.finish_run(conn, run.id, "finished")
    return run.id


def test_final_run_waits_for_the_database_to_come_back(adwatch_env: str, pg_admin_url: str) -> None:
    run_id = finished_run(adwatch_env)
    result: list[CrawlRun] = []
    reader = threading.Thread(target=lambda: result.append(final_run(run_id)))
    with refusing_connections(pg_admin_url, adwatch_env):
        reader.start()
        time.sleep(1.5)
        assert reader.is_alive() and not result, "gave up while the database was away"
    reader.join(60)
    assert [r.status for r in result] == ["finished"]


def test_when_reachable_gives_up_after_its_wait(adwatch_env: str, pg_admin_url: str) -> None:
    with refusing_connections(pg_admin_url, adwatch_env), pytest.raises(StoreError):
        when_reachable(lambda conn: conn.execute("SELECT 1"), wait_s=1.0)


def test_a_failed_action_is_rolled_back_before_the_retry(adwatch_env: str) -> None:
    run_id = finished_run(adwatch_env)
    attempts: list[int] = []

    def add_then_drop(conn: psycopg.Connection[object]) -> None:
        crawl_runs.add_counts(conn, run_id, adverts_removed=1)
        attempts.append(1)
        if len(attempts) == 1:  # the connection dies mid-transaction, as in a restart
            conn.execute("SELECT pg_terminate_backend(pg_backend_pid())")

    when_reachable(add_then_drop, wait_s=30)
    with psycopg.connect(adwatch_env) as conn:
        removed = conn.execute(
            "SELECT adverts_removed FROM crawl_runs WHERE id = %s", (run_id,)
        ).fetchone()
    assert len(attempts) == 2 and removed == (1,)

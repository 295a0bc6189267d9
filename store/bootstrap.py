"""Open the configured database with its schema up to date (what every command does first).

The one place in store/ that reads the deployment settings: entry points (CLI commands, worker
and crawl processes, the API factory) call it once; everything below takes a URL or connection.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

import psycopg

from config.settings import get_settings
from store import migrate
from store.db import connect, database_url, retry_while_unreachable

T = TypeVar("T")


@lru_cache(maxsize=4)
def _upgraded(url: str) -> str:
    with connect(url) as conn:
        migrate.upgrade(conn)
    return url


def configured_url() -> str:
    """The configured database (DATABASE_URL or the embedded server), not yet migrated."""
    return database_url(get_settings())


def ready_url() -> str:
    """The database URL, migrated once per process."""
    return _upgraded(configured_url())


def open_ready(*, autocommit: bool = False) -> psycopg.Connection[Any]:
    return connect(ready_url(), autocommit=autocommit)


def when_reachable(action: Callable[[psycopg.Connection[Any]], T], wait_s: float = 120.0) -> T:
    """Run `action` in one transaction on a fresh connection, retrying while the database is
    unreachable (e.g. restarting) for up to `wait_s` seconds. `action` must be safe to repeat:
    a retry follows only a failure, and a failed transaction has written nothing."""

    def attempt() -> T:
        with open_ready() as conn, conn.transaction():
            return action(conn)

    return retry_while_unreachable(attempt, wait_s)

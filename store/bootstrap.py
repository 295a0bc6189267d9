"""Open the configured database with its schema up to date (what every command does first)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

import psycopg

from store import migrate
from store.db import StoreError, connect, database_url

log = logging.getLogger(__name__)
T = TypeVar("T")


@lru_cache(maxsize=4)
def _upgraded(url: str) -> str:
    with connect(url) as conn:
        migrate.upgrade(conn)
    return url


def ready_url() -> str:
    """The database URL, migrated once per process."""
    return _upgraded(database_url())


def open_ready(*, autocommit: bool = False) -> psycopg.Connection[Any]:
    return connect(ready_url(), autocommit=autocommit)


def when_reachable(action: Callable[[psycopg.Connection[Any]], T], wait_s: float = 120.0) -> T:
    """Run `action` in one transaction on a fresh connection, retrying while the database is
    unreachable (e.g. restarting) for up to `wait_s` seconds. `action` must be safe to repeat:
    a retry follows only a failure, and a failed transaction has written nothing."""
    deadline = time.monotonic() + wait_s
    delay = 0.5
    while True:
        try:
            with open_ready() as conn, conn.transaction():
                return action(conn)
        except (StoreError, psycopg.OperationalError) as exc:
            if time.monotonic() + delay > deadline:
                raise
            log.warning("database unavailable (%s); retrying in %.1fs", exc, delay)
            time.sleep(delay)
            delay = min(delay * 2, 10.0)

"""Open the configured database with its schema up to date (what every command does first)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import psycopg

from store import migrate
from store.db import connect, database_url


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

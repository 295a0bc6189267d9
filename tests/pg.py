"""Test databases: one migrated template per session, a fresh copy per test."""

from __future__ import annotations

import os
import uuid
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import psycopg

from store import db, migrate

if TYPE_CHECKING:
    from pgserver import PostgresServer


def server_url(tmp_root: Path) -> tuple[str, PostgresServer | None]:
    """ADWATCH_TEST_DATABASE_URL when set, else an embedded pgserver under tmp_root."""
    external = os.environ.get("ADWATCH_TEST_DATABASE_URL")
    if external:
        return external, None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pgserver

    server = pgserver.get_server(tmp_root / "pgdata", cleanup_mode="stop")
    return str(server.get_uri()), server


with_dbname = db.with_dbname


def create_template(admin_url: str) -> str:
    name = f"adwatch_tpl_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    with psycopg.connect(with_dbname(admin_url, name)) as conn:
        migrate.upgrade(conn)
    return name


def drop_database(admin_url: str, name: str) -> None:
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def copied_database(admin_url: str, template: str) -> Iterator[str]:
    """A database copied from the migrated template, dropped afterwards."""
    name = f"adwatch_t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    try:
        yield with_dbname(admin_url, name)
    finally:
        drop_database(admin_url, name)

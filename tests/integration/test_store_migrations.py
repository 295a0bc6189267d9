"""Migrations: applied once, recorded, and giving exactly the committed schema dump."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest

from store import migrate
from store.db import StoreError
from store.schema import SCHEMA_DUMP_PATH, describe_schema

pytestmark = pytest.mark.integration


def test_all_migrations_applied_once(conn: psycopg.Connection[Any]) -> None:
    assert migrate.upgrade(conn) == []  # the template is already migrated
    statuses = migrate.status(conn)
    assert statuses and all(s.applied_at is not None for s in statuses)
    assert [s.version for s in statuses] == sorted(s.version for s in statuses)


def test_schema_matches_committed_dump(conn: psycopg.Connection[Any]) -> None:
    assert describe_schema(conn) == SCHEMA_DUMP_PATH.read_text(encoding="utf-8"), (
        "schema drifted from store/schema_dump.txt; regenerate it with `adwatch db schema`"
    )


def test_fresh_database_upgrades_from_nothing(pg_admin_url: str) -> None:
    from tests import pg

    name = "adwatch_fresh_" + __import__("uuid").uuid4().hex[:8]
    with psycopg.connect(pg_admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        with psycopg.connect(pg.with_dbname(pg_admin_url, name)) as conn:
            assert [s.applied_at for s in migrate.status(conn)] == [None] * len(
                migrate.available_migrations()
            )
            applied = migrate.upgrade(conn)
            assert [m.version for m in applied] == [
                m.version for m in migrate.available_migrations()
            ]
            assert describe_schema(conn) == SCHEMA_DUMP_PATH.read_text(encoding="utf-8")
    finally:
        pg.drop_database(pg_admin_url, name)


def test_edited_migration_is_refused(conn: psycopg.Connection[Any]) -> None:
    conn.execute("UPDATE schema_migrations SET checksum = 'tampered' WHERE version = 1")
    conn.commit()
    with pytest.raises(StoreError, match="changed after it was applied"):
        migrate.upgrade(conn)


def test_audit_log_is_append_only(conn: psycopg.Connection[Any]) -> None:
    from store import audit

    with conn.transaction():
        audit.record(conn, actor="tester", action="read", object_type="advert", object_id=1)
    assert audit.entries(conn)[0].action == "read"
    for statement in (
        "UPDATE audit_log SET actor = 'x'",
        "DELETE FROM audit_log",
        "TRUNCATE audit_log",
    ):
        with pytest.raises(psycopg.errors.RaiseException), conn.transaction():
            conn.execute(statement)
    assert len(audit.entries(conn)) == 1

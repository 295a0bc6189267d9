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


def test_linking_migration_requeues_adverts_and_keeps_clusters(
    pg_admin_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """0004 drops signatures made by the old MinHash, queues every advert for linking again
    and gives each cluster membership its cluster's kind."""
    from tests import pg

    name = "adwatch_0004_" + __import__("uuid").uuid4().hex[:8]
    with psycopg.connect(pg_admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    everything = migrate.available_migrations()
    try:
        with psycopg.connect(pg.with_dbname(pg_admin_url, name)) as conn:
            monkeypatch.setattr(migrate, "available_migrations", lambda: everything[:3])
            migrate.upgrade(conn)
            conn.execute(
                """INSERT INTO adverts (id, canonical_url, kind, content_hash, first_seen,
                       last_seen, needs_linking)
                   VALUES (1, 'https://a.example.org/1', 'job', 'h1', now(), now(), false),
                          (2, 'https://a.example.org/2', 'job', 'h2', now(), now(), true);
                   INSERT INTO clusters (id, kind) VALUES (7, 'template'), (8, 'contact');
                   INSERT INTO cluster_members (cluster_id, advert_id) VALUES (7, 1), (8, 1);
                   INSERT INTO advert_minhash VALUES (1, 'h1', '\\x00');
                   INSERT INTO lsh_buckets VALUES (0, 42, 1);"""
            )
            conn.commit()
            monkeypatch.setattr(migrate, "available_migrations", lambda: everything)
            applied = [m.version for m in migrate.upgrade(conn)]
            assert applied == [m.version for m in everything[3:]] and applied[0] == 4
            queued = conn.execute("SELECT advert_id FROM link_queue ORDER BY 1").fetchall()
            assert queued == [(1,), (2,)]
            members = conn.execute(
                "SELECT cluster_id, advert_id, kind FROM cluster_members ORDER BY 1"
            ).fetchall()
            assert members == [(7, 1, "template"), (8, 1, "contact")]
            for table in ("advert_minhash", "lsh_buckets"):
                assert conn.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,)
            with pytest.raises(psycopg.errors.ForeignKeyViolation):
                conn.execute(
                    "INSERT INTO cluster_members (cluster_id, advert_id, kind) "
                    "VALUES (7, 2, 'contact')"
                )
    finally:
        pg.drop_database(pg_admin_url, name)

"""The audit log's hash chain: intact chains verify, rewrites by the table owner are caught."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import psycopg
import pytest

from store import audit, audit_chain
from tests.integration.test_cli_foundation import run_cli

pytestmark = pytest.mark.integration


def _write(conn: psycopg.Connection[Any], count: int, start: int = 0) -> None:
    for n in range(start, start + count):
        with conn.transaction():
            audit.record(
                conn,
                actor="analyst:Ana",
                action="read_advert",
                object_type="advert",
                object_id=n,
                detail={"via": "api", "n": n},
            )


def _as_owner_without_triggers(conn: psycopg.Connection[Any], statement: str) -> None:
    """What a table owner can do despite the append-only triggers."""
    with conn.transaction():
        conn.execute("ALTER TABLE audit_log DISABLE TRIGGER USER")
        conn.execute(statement)
        conn.execute("ALTER TABLE audit_log ENABLE TRIGGER USER")


def test_intact_chain_verifies(conn: psycopg.Connection[Any]) -> None:
    _write(conn, 5)
    report = audit_chain.verify(conn)
    assert report.intact and report.entries == 5
    rows = conn.execute("SELECT prev_hash, row_hash FROM audit_log ORDER BY id").fetchall()
    assert rows[0][0] == audit_chain.GENESIS
    assert all(rows[i][0] == rows[i - 1][1] for i in range(1, len(rows)))


def test_empty_log_verifies(conn: psycopg.Connection[Any]) -> None:
    assert audit_chain.verify(conn).intact


@pytest.mark.parametrize(
    "statement",
    [
        'UPDATE audit_log SET detail = \'{"via": "ui", "n": 2}\' WHERE object_id = \'2\'',
        "UPDATE audit_log SET actor = 'analyst:Bob' WHERE object_id = '2'",
        "UPDATE audit_log SET at = at - interval '1 day' WHERE object_id = '2'",
        "DELETE FROM audit_log WHERE object_id = '2'",
    ],
)
def test_owner_rewrite_is_detected(conn: psycopg.Connection[Any], statement: str) -> None:
    _write(conn, 5)
    ids = [r[0] for r in conn.execute("SELECT id FROM audit_log ORDER BY id").fetchall()]
    _as_owner_without_triggers(conn, statement)
    report = audit_chain.verify(conn)
    assert not report.intact and report.entries == 2
    assert report.broken_id == ids[2 if statement.startswith("UPDATE") else 3]


def test_replica_mode_rewrite_is_detected(conn: psycopg.Connection[Any]) -> None:
    _write(conn, 3)
    with conn.transaction():
        conn.execute("SET LOCAL session_replication_role = replica")
        conn.execute("UPDATE audit_log SET action = 'nothing' WHERE object_id = '0'")
    report = audit_chain.verify(conn)
    assert not report.intact and report.entries == 0


def test_concurrent_inserts_keep_one_chain(db_url: str) -> None:
    def writer(start: int) -> None:
        with psycopg.connect(db_url, autocommit=True) as own:
            _write(own, 15, start)

    threads = [threading.Thread(target=writer, args=(n * 100,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with psycopg.connect(db_url) as conn:
        report = audit_chain.verify(conn)
    assert report.intact and report.entries == 60


def test_cli_verify_reports_intact_then_broken(
    conn: psycopg.Connection[Any], db_url: str, tmp_path: Path
) -> None:
    _write(conn, 3)
    env = {"DATABASE_URL": db_url, "ADWATCH_DATA_DIR": str(tmp_path)}
    intact = run_cli("audit", "verify", env=env)
    assert intact.returncode == 0, intact.stderr
    assert "3 entries, chain intact" in intact.stdout
    _as_owner_without_triggers(conn, "DELETE FROM audit_log WHERE object_id = '1'")
    broken = run_cli("audit", "verify", env=env)
    assert broken.returncode == 1
    third = conn.execute("SELECT max(id) FROM audit_log").fetchone()
    assert third is not None and f"entry #{third[0]}" in broken.stderr


def test_migration_chains_existing_rows(pg_admin_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from store import migrate
    from tests import pg

    name = "adwatch_0007_" + __import__("uuid").uuid4().hex[:8]
    with psycopg.connect(pg_admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    everything = migrate.available_migrations()
    try:
        with psycopg.connect(pg.with_dbname(pg_admin_url, name)) as conn:
            before = [m for m in everything if m.version < 7]
            monkeypatch.setattr(migrate, "available_migrations", lambda: before)
            migrate.upgrade(conn)
            _write(conn, 4)
            monkeypatch.setattr(migrate, "available_migrations", lambda: everything)
            migrate.upgrade(conn)
            _write(conn, 2, start=10)
            report = audit_chain.verify(conn)
            assert report.intact and report.entries == 6
    finally:
        pg.drop_database(pg_admin_url, name)


def test_a_recorded_head_reveals_entries_cut_from_the_end(conn: psycopg.Connection[Any]) -> None:
    _write(conn, 3)
    head = audit_chain.verify(conn).head
    assert audit_chain.verify(conn, anchor=head).intact
    _as_owner_without_triggers(conn, "DELETE FROM audit_log WHERE object_id = '2'")
    assert audit_chain.verify(conn).intact  # a shorter chain is still a chain...
    cut = audit_chain.verify(conn, anchor=head)
    assert not cut.intact and "is gone" in cut.reason  # ...but the recorded head is missing


def test_entries_outside_read_committed_are_refused(conn: psycopg.Connection[Any]) -> None:
    """A REPEATABLE READ snapshot could miss the newest entry and fork the chain."""
    conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
    with pytest.raises(psycopg.errors.RaiseException, match="READ COMMITTED"):
        audit.record(conn, actor="x", action="read_advert", object_type="advert")
    conn.rollback()

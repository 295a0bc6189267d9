"""The runtime role from `adwatch db grant-runtime` may append to the audit log, not rewrite it."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import conninfo, sql

from store import api_keys, audit, audit_chain, migrate
from tests.api_support import client, h, make_keys
from tests.integration.test_cli_foundation import run_cli

pytestmark = pytest.mark.integration
PASSWORD = "runtime-test-password"


@pytest.fixture
def runtime_url(conn: psycopg.Connection[Any], db_url: str, tmp_path: Path) -> Iterator[str]:
    """A role set up by the CLI, with a password so it can log in wherever the server asks."""
    role = f"adwatch_rt_{uuid.uuid4().hex[:8]}"
    env = {"DATABASE_URL": db_url, "ADWATCH_DATA_DIR": str(tmp_path)}
    made = run_cli("db", "grant-runtime", role, env=env)
    assert made.returncode == 0, made.stderr
    assert f"created runtime role {role}" in made.stdout
    conn.execute(
        sql.SQL("ALTER ROLE {} PASSWORD {}").format(sql.Identifier(role), sql.Literal(PASSWORD))
    )
    conn.commit()
    params = conninfo.conninfo_to_dict(db_url) | {"user": role, "password": PASSWORD}
    try:
        yield conninfo.make_conninfo("", **params)
    finally:
        conn.rollback()
        conn.execute(sql.SQL("DROP OWNED BY {}").format(sql.Identifier(role)))
        conn.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(role)))
        conn.commit()


def test_runtime_role_appends_but_cannot_rewrite(runtime_url: str, conn: Any) -> None:
    with psycopg.connect(runtime_url, autocommit=True) as runtime:
        assert migrate.upgrade(runtime) == []  # the start-up check works without CREATE
        api_keys.create_key(runtime, "Ana", "analyst")  # ordinary data: read and write
        with runtime.transaction():
            audit.record(runtime, actor="analyst:Ana", action="read_advert", object_type="advert")
        refused = (
            "UPDATE audit_log SET actor = 'nobody'",
            "DELETE FROM audit_log",
            "TRUNCATE audit_log",
            "ALTER TABLE audit_log DISABLE TRIGGER USER",
            "ALTER TABLE audit_log DISABLE TRIGGER audit_log_chain",
            "SET session_replication_role = replica",
            "DROP TRIGGER audit_log_no_update ON audit_log",
            "INSERT INTO schema_migrations VALUES (99, 'x', 'y')",
        )
        for statement in refused:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                runtime.execute(statement)
        assert [e.action for e in audit.entries(runtime)] == ["read_advert"]
    report = audit_chain.verify(conn)
    assert report.intact and report.entries == 1


def test_the_api_runs_as_the_runtime_role(runtime_url: str, conn: Any) -> None:
    """Authentication, rate limits, wrong-key counts and audit entries, all as the runtime role."""
    keys = make_keys(conn)
    conn.commit()
    with client(runtime_url) as c:
        assert c.get("/api/v1/queue", headers=h(keys.analyst)).status_code == 200
        assert c.get("/api/v1/queue", headers=h(keys.analyst + "x")).status_code == 401
    actions = [e.action for e in audit.entries(conn)]
    assert actions == ["auth_failed", "read_queue"]
    assert audit_chain.verify(conn).intact


def test_grant_runtime_refuses_the_owner(db_url: str, tmp_path: Path) -> None:
    owner = conninfo.conninfo_to_dict(db_url).get("user") or "postgres"
    env = {"DATABASE_URL": db_url, "ADWATCH_DATA_DIR": str(tmp_path)}
    refused = run_cli("db", "grant-runtime", str(owner), env=env)
    assert refused.returncode != 0
    assert "superuser or owns the tables" in refused.stdout + refused.stderr

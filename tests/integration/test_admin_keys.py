"""Admins cannot lock themselves out: not their own key, not the last active admin key, by
the API or by `adwatch keys revoke` (issue 14)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import psycopg
import pytest

from store import api_keys
from tests.api_support import client, h, make_keys
from tests.integration.test_cli_foundation import run_cli

pytestmark = pytest.mark.integration


def _key_id(conn: psycopg.Connection[Any], name: str) -> int:
    row = conn.execute("SELECT id FROM api_keys WHERE name = %s", (name,)).fetchone()
    assert row is not None
    return int(row[0])


def test_api_refuses_own_key_and_allows_another_admins(
    db_url: str, conn: psycopg.Connection[Any]
) -> None:
    keys = make_keys(conn)
    api_keys.create_key(conn, "second admin", "admin")
    own, other = _key_id(conn, "admin person"), _key_id(conn, "second admin")
    with client(db_url) as c:
        r = c.delete(f"/api/v1/admin/keys/{own}", headers=h(keys.admin))
        assert r.status_code == 409 and "your own key" in r.json()["detail"]
        assert c.delete(f"/api/v1/admin/keys/{other}", headers=h(keys.admin)).status_code == 204
        # now the only admin: still its own key, and the last one
        r = c.delete(f"/api/v1/admin/keys/{own}", headers=h(keys.admin))
        assert r.status_code == 409
        assert c.get("/api/v1/admin/keys", headers=h(keys.admin)).status_code == 200


def test_store_refuses_the_last_admin_key(conn: psycopg.Connection[Any]) -> None:
    make_keys(conn)
    only = _key_id(conn, "admin person")
    with pytest.raises(api_keys.RevokeRefused, match="last active admin key"):
        api_keys.revoke_key(conn, only)
    assert api_keys.revoke_key(conn, _key_id(conn, "analyst person"))


def test_cli_refuses_the_last_admin_key(
    db_url: str, conn: psycopg.Connection[Any], tmp_path: Path
) -> None:
    make_keys(conn)
    only = _key_id(conn, "admin person")
    env = {"DATABASE_URL": db_url, "ADWATCH_DATA_DIR": str(tmp_path)}
    refused = run_cli("keys", "revoke", str(only), env=env)
    assert refused.returncode == 1
    assert "last active admin key" in refused.stderr and "Traceback" not in refused.stderr
    api_keys.create_key(conn, "new admin", "admin")
    conn.commit()  # the reads above left a transaction open
    revoked = run_cli("keys", "revoke", str(only), env=env)
    assert revoked.returncode == 0, revoked.stderr

"""The CLI against a real database, and its one-line errors for bad configuration."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

pytestmark = pytest.mark.integration


def run_cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | env
    return subprocess.run(
        [sys.executable, "-m", "adwatch", *args],
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_db_upgrade_status_and_keys(db_url: str, tmp_path: Path) -> None:
    env = {"DATABASE_URL": db_url, "ADWATCH_DATA_DIR": str(tmp_path)}
    upgraded = run_cli("db", "upgrade", env=env)
    assert upgraded.returncode == 0, upgraded.stderr
    assert "up to date" in upgraded.stdout
    status = run_cli("db", "status", env=env)
    assert "0001_initial  applied" in status.stdout
    created = run_cli("keys", "create", "--role", "analyst", "--name", "Ana", env=env)
    assert created.returncode == 0, created.stderr
    token = created.stdout.strip().splitlines()[-1]
    assert token.startswith("adw_")
    with psycopg.connect(db_url) as conn:
        hashes = conn.execute("SELECT key_hash FROM api_keys").fetchall()
    assert len(hashes) == 1 and token not in hashes[0][0]
    listed = run_cli("keys", "list", env=env)
    assert "analyst" in listed.stdout and token not in listed.stdout
    bad_role = run_cli("keys", "create", "--role", "boss", "--name", "x", env=env)
    assert bad_role.returncode != 0


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none"}, "cannot connect to PostgreSQL"),
        ({"DATABASE_URL": "not a url"}, "not a valid connection string"),
        ({"ADWATCH_DATA_DIR": "/proc/adwatch-cannot-write"}, "cannot be created"),
    ],
)
def test_bad_configuration_is_one_clear_line(env: dict[str, str], message: str) -> None:
    result = run_cli("db", "status", env=env)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_data_dir_under_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    result = run_cli("db", "status", env={"ADWATCH_DATA_DIR": str(blocker / "data")})
    assert result.returncode == 1
    assert "cannot be created" in result.stderr and "Traceback" not in result.stderr

"""Shared fixtures: real PostgreSQL (external or embedded), isolated per test."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from config.settings import get_settings
from tests import pg


@pytest.fixture(scope="session", autouse=True)
def private_data_directory() -> Iterator[None]:
    """No test uses the user's own data directory (~/.local/share/adwatch) unless the
    environment names one: crawls' frontier folders, images and exports of test workers
    running side by side stay apart, and nothing is left behind."""
    if os.environ.get("ADWATCH_DATA_DIR"):
        yield
        return
    root = Path(tempfile.mkdtemp(prefix="adwatch-test-data-"))
    os.environ["ADWATCH_DATA_DIR"] = str(root)
    get_settings.cache_clear()
    yield
    os.environ.pop("ADWATCH_DATA_DIR", None)
    get_settings.cache_clear()
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str]:
    # Not under pytest's tmp_path: pytest prunes old basetemp folders, and a concurrent
    # pytest run would delete a live embedded server's data directory.
    root = Path(tempfile.mkdtemp(prefix="adwatch-test-pg-"))
    url, server = pg.server_url(root)
    yield url
    if server is not None:
        server.cleanup()
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_template(pg_admin_url: str) -> Iterator[str]:
    name = pg.create_template(pg_admin_url)
    yield name
    pg.drop_database(pg_admin_url, name)


@pytest.fixture
def db_url(pg_admin_url: str, pg_template: str) -> Iterator[str]:
    with pg.copied_database(pg_admin_url, pg_template) as url:
        yield url


@pytest.fixture
def conn(db_url: str) -> Iterator[psycopg.Connection[Any]]:
    with psycopg.connect(db_url) as connection:
        yield connection


@pytest.fixture
def adwatch_env(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Point adwatch's settings at the test database and a private data directory."""
    monkeypatch.setenv("DATABASE_URL", db_url)
    monkeypatch.setenv("ADWATCH_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    yield db_url
    get_settings.cache_clear()

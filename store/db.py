"""Connections: an embedded PostgreSQL (pgserver) by default, or DATABASE_URL."""

from __future__ import annotations

import logging
import os
import threading
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import psycopg
from psycopg import conninfo

from config.errors import AdwatchError

if TYPE_CHECKING:  # a crawl process is given its options, not the settings (~35 ms to import)
    from config.settings import Settings

log = logging.getLogger(__name__)
T = TypeVar("T")

EMBEDDED_DB_NAME = "adwatch"
_embedded_lock = threading.Lock()
_embedded_servers: dict[Path, Any] = {}


class StoreError(AdwatchError):
    """The database cannot be reached or used."""


#: what a database that is down or restarting raises: worth waiting for, unlike a bad query
UNREACHABLE = (StoreError, psycopg.OperationalError)


def retry_while_unreachable(attempt: Callable[[], T], wait_s: float) -> T:
    """Call `attempt` until it stops failing with UNREACHABLE, backing off from 0.5 s to 10 s;
    after `wait_s` seconds the last failure is raised."""
    deadline = time.monotonic() + wait_s
    delay = 0.5
    while True:
        try:
            return attempt()
        except UNREACHABLE as exc:
            if time.monotonic() > deadline:
                raise
            log.warning("database unavailable (%s); retrying in %.1fs", exc, delay)
            time.sleep(delay)
            delay = min(delay * 2, 10.0)


def _check_writable(directory: Path) -> None:
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"data directory {directory} cannot be created: {exc.strerror}") from exc
    if not os.access(directory, os.W_OK | os.X_OK):
        raise StoreError(f"data directory {directory} is not writable")


def _start_embedded(data_dir: Path) -> str:
    """Start (or join) the pgserver instance in data_dir and return its server URI."""
    pgdata = data_dir / "pgdata"
    _check_writable(data_dir)
    with _embedded_lock:
        server = _embedded_servers.get(pgdata)
        if server is None:
            try:
                with warnings.catch_warnings():
                    # pgserver warns when XDG_RUNTIME_DIR is unset; its /tmp fallback is fine.
                    warnings.simplefilter("ignore")
                    import pgserver

                # Silence pgserver's own chatter; our errors are reported as StoreError.
                logging.getLogger("pgserver").setLevel(logging.WARNING)
                server = pgserver.get_server(pgdata, cleanup_mode="stop")
            except Exception as exc:
                raise StoreError(f"embedded PostgreSQL in {pgdata} failed to start: {exc}") from exc
            _embedded_servers[pgdata] = server
    uri: str = server.get_uri()
    return uri


def with_dbname(url: str, name: str) -> str:
    """The same server and credentials, another database."""
    params = conninfo.conninfo_to_dict(url)
    params["dbname"] = name
    return conninfo.make_conninfo("", **params)


def start_embedded(data_dir: Path) -> str:
    """Start (or join) an embedded server in data_dir; returns its admin connection string."""
    return _start_embedded(data_dir)


def _ensure_database(server_uri: str, name: str) -> str:
    with connect(server_uri, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
    return with_dbname(server_uri, name)


def database_url(settings: Settings) -> str:
    """The connection string adwatch uses: DATABASE_URL, or the embedded server's database."""
    if settings.database_url:
        try:
            conninfo.conninfo_to_dict(settings.database_url)
        except psycopg.ProgrammingError as exc:
            raise StoreError(f"DATABASE_URL is not a valid connection string: {exc}") from exc
        return settings.database_url
    return _ensure_database(_start_embedded(settings.data_dir), EMBEDDED_DB_NAME)


def connect(url: str, *, autocommit: bool = False) -> psycopg.Connection[Any]:
    """Open a connection; failures become one-line StoreErrors."""
    try:
        return psycopg.connect(url, autocommit=autocommit, connect_timeout=10)
    except psycopg.OperationalError as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise StoreError(f"cannot connect to PostgreSQL ({_redact(url)}): {first_line}") from exc


def _redact(url: str) -> str:
    """Connection string without its password, for error messages."""
    try:
        params = conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "<invalid>"
    if params.get("password"):
        params["password"] = "***"
    return conninfo.make_conninfo("", **{k: v for k, v in params.items() if v is not None})

"""Numbered SQL migrations (store/migrations/NNNN_name.sql), applied in order, once each."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from typing import Any

import psycopg

from store.db import StoreError

_MIGRATION_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
# Any constant works; it only has to be the same in every adwatch process.
_MIGRATION_LOCK_KEY = 7_401_202_611

_BOOKKEEPING = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version     integer PRIMARY KEY,
    name        text NOT NULL,
    checksum    text NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now()
)
"""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode()).hexdigest()


@dataclass(frozen=True)
class MigrationStatus:
    version: int
    name: str
    applied_at: datetime | None


def available_migrations() -> list[Migration]:
    """Migrations shipped in the package, ordered by number."""
    found = []
    for entry in resources.files("store.migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    if len({m.version for m in found}) != len(found):
        raise StoreError("two migrations share one number")
    return found


def _applied(conn: psycopg.Connection[Any]) -> dict[int, tuple[str, datetime]]:
    rows = conn.execute("SELECT version, checksum, applied_at FROM schema_migrations").fetchall()
    return {row[0]: (row[1], row[2]) for row in rows}


def _bookkeeping_exists(conn: psycopg.Connection[Any]) -> bool:
    row = conn.execute("SELECT to_regclass('schema_migrations') IS NOT NULL").fetchone()
    return bool(row and row[0])


def upgrade(conn: psycopg.Connection[Any]) -> list[Migration]:
    """Apply pending migrations; returns those applied. Safe to run from many processes at once."""
    applied_now: list[Migration] = []
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK_KEY,))
        # Only when missing: the least-privileged runtime role (store.roles) may not create
        # tables, yet still checks at start that the schema is up to date.
        if not _bookkeeping_exists(conn):
            conn.execute(_BOOKKEEPING)
        done = _applied(conn)
        for migration in available_migrations():
            if migration.version in done:
                if done[migration.version][0] != migration.checksum:
                    raise StoreError(
                        f"migration {migration.version:04d}_{migration.name} changed after it "
                        "was applied; add a new migration instead"
                    )
                continue
            conn.execute(migration.sql.encode())
            conn.execute(
                "INSERT INTO schema_migrations (version, name, checksum) VALUES (%s, %s, %s)",
                (migration.version, migration.name, migration.checksum),
            )
            applied_now.append(migration)
    return applied_now


def status(conn: psycopg.Connection[Any]) -> list[MigrationStatus]:
    """Every known migration with the time it was applied (None = pending)."""
    done = _applied(conn) if _bookkeeping_exists(conn) else {}
    return [
        MigrationStatus(m.version, m.name, done[m.version][1] if m.version in done else None)
        for m in available_migrations()
    ]

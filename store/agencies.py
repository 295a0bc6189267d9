"""The register of licensed recruitment and marriage agencies (imported from a CSV)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import psycopg


def import_agencies(
    conn: psycopg.Connection[Any], rows: Iterable[tuple[str, str, str, date]], *, replace: bool
) -> int:
    """Upsert (name, licence_number, country, valid_until) rows; `replace` drops the old list."""
    rows = list(rows)
    with conn.transaction():
        if replace:
            conn.execute("DELETE FROM agencies")
        with conn.cursor() as cur:
            cur.executemany(
                """INSERT INTO agencies (name, licence_number, country, valid_until)
                   VALUES (%s, %s, %s, %s)
                   ON CONFLICT (country, licence_number) DO UPDATE SET name = excluded.name,
                       valid_until = excluded.valid_until, imported_at = now()""",
                rows,
            )
    return len(rows)


def all_agencies(conn: psycopg.Connection[Any]) -> list[tuple[str, str, str, date]]:
    rows = conn.execute(
        "SELECT name, licence_number, country, valid_until FROM agencies ORDER BY id"
    ).fetchall()
    return [(str(r[0]), str(r[1]), str(r[2]), r[3]) for r in rows]

"""The service's runtime database role: least privilege, so the audit log stays append-only.

Migrations run as the owner of the tables. The API, workers and scheduler should connect as a
separate role that may read and write the data but may only INSERT and SELECT on audit_log. Not
owning the tables, it cannot disable their triggers; not a superuser, it cannot set
session_replication_role. Run again after each upgrade: new tables need their grants.
"""

from __future__ import annotations

from typing import Any

import psycopg
from psycopg import sql

from store.db import StoreError

# Tables the runtime role may read but never change.
_READ_ONLY = ("schema_migrations",)
_APPEND_ONLY = ("audit_log",)


def _check_not_privileged(conn: psycopg.Connection[Any], role: str) -> None:
    row = conn.execute(
        """SELECT r.rolsuper OR r.rolbypassrls,
                  pg_has_role(r.oid, (SELECT relowner FROM pg_class
                                      WHERE oid = 'audit_log'::regclass), 'USAGE')
           FROM pg_roles r WHERE r.rolname = %s""",
        (role,),
    ).fetchone()
    if row and (row[0] or row[1]):
        raise StoreError(
            f"role {role} is a superuser or owns the tables; the runtime role must be a "
            "separate role that owns nothing"
        )


def grant_runtime(conn: psycopg.Connection[Any], role: str) -> bool:
    """Create `role` (LOGIN, no password) if it is missing and give it the runtime grants.

    Returns whether the role was created. Run as the tables' owner (or a superuser)."""
    exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
    if exists:
        _check_not_privileged(conn, role)
    who = sql.Identifier(role)
    schema = sql.Identifier(_current_schema(conn))
    database = sql.Identifier(_current_database(conn))
    statements = [
        sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(database, who),
        sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(schema, who),
        sql.SQL("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {} TO {}").format(
            schema, who
        ),
        sql.SQL("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {} TO {}").format(schema, who),
        *(
            sql.SQL("REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {} FROM {}").format(
                sql.Identifier(t), who
            )
            for t in _READ_ONLY
        ),
        *(
            sql.SQL("REVOKE UPDATE, DELETE, TRUNCATE ON {} FROM {}").format(sql.Identifier(t), who)
            for t in _APPEND_ONLY
        ),
    ]
    with conn.transaction():
        if not exists:
            conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(who))
        for statement in statements:
            conn.execute(statement)
    return not exists


def _current_schema(conn: psycopg.Connection[Any]) -> str:
    row = conn.execute("SELECT current_schema()").fetchone()
    assert row is not None and row[0]
    return str(row[0])


def _current_database(conn: psycopg.Connection[Any]) -> str:
    row = conn.execute("SELECT current_database()").fetchone()
    assert row is not None
    return str(row[0])

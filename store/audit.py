"""Append-only audit log (the table refuses UPDATE, DELETE and TRUNCATE).

A trigger (migration 0007) chains every entry to the one before it by SHA-256, so a rewrite by
the table's owner shows in `adwatch audit verify` (store.audit_chain).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
from psycopg.rows import class_row


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor_id: int | None
    actor: str
    action: str
    object_type: str
    object_id: str | None
    detail: dict[str, Any]


def record(
    conn: psycopg.Connection[Any],
    *,
    actor: str,
    action: str,
    object_type: str,
    object_id: str | int | None = None,
    actor_id: int | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Write one entry in the caller's transaction, so the entry and the act commit together."""
    conn.execute(
        """INSERT INTO audit_log (actor_id, actor, action, object_type, object_id, detail)
           VALUES (%s, %s, %s, %s, %s, %s)""",
        (
            actor_id,
            actor,
            action,
            object_type,
            None if object_id is None else str(object_id),
            json.dumps(detail or {}, default=str),
        ),
    )


def entries(
    conn: psycopg.Connection[Any],
    *,
    object_type: str | None = None,
    object_id: str | int | None = None,
    limit: int = 100,
) -> list[AuditEntry]:
    clauses, params = [], []
    if object_type:
        clauses.append("object_type = %s")
        params.append(object_type)
    if object_id is not None:
        clauses.append("object_id = %s")
        params.append(str(object_id))
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    with conn.cursor(row_factory=class_row(AuditEntry)) as cur:
        return cur.execute(
            f"SELECT id, at, actor_id, actor, action, object_type, object_id, detail "
            f"FROM audit_log {where} ORDER BY id DESC LIMIT %s",
            (*params, limit),
        ).fetchall()

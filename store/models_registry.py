"""Models registry: which model versions exist, their hashes, thresholds and cards."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
from psycopg.rows import class_row


@dataclass(frozen=True)
class RegisteredModel:
    id: int
    version: str
    kind: str
    path: str
    sha256: str
    thresholds: dict[str, Any]
    card: dict[str, Any]
    active: bool
    created_at: datetime


_COLUMNS = "id, version, kind, path, sha256, thresholds, card, active, created_at"


def register(
    conn: psycopg.Connection[Any],
    version: str,
    kind: str,
    path: str,
    sha256: str,
    thresholds: dict[str, Any],
    card: dict[str, Any],
    *,
    active: bool,
) -> None:
    """Record a model version (idempotent); `active` moves the active flag to it.  When that
    changes the active model, every advert scored by another version is queued for scoring
    again, so flags and the review queue follow the new model."""
    with conn.transaction():
        if active:
            changed = conn.execute(
                "UPDATE models SET active = false WHERE active AND version <> %s", (version,)
            ).rowcount
            known = conn.execute("SELECT 1 FROM models WHERE version = %s", (version,)).fetchone()
            if changed or known is None:
                conn.execute(
                    """UPDATE adverts SET needs_scoring = true
                       WHERE model_version IS DISTINCT FROM %s AND model_version IS NOT NULL
                         AND NOT needs_scoring""",
                    (version,),
                )
        conn.execute(
            """INSERT INTO models (version, kind, path, sha256, thresholds, card, active)
               VALUES (%s, %s, %s, %s, %s, %s, %s)
               ON CONFLICT (version) DO UPDATE SET active = excluded.active OR models.active""",
            (
                version,
                kind,
                path,
                sha256,
                json.dumps(thresholds),
                json.dumps(card, default=str),
                active,
            ),
        )


def get_model(conn: psycopg.Connection[Any], version: str) -> RegisteredModel | None:
    with conn.cursor(row_factory=class_row(RegisteredModel)) as cur:
        return cur.execute(
            f"SELECT {_COLUMNS} FROM models WHERE version = %s", (version,)
        ).fetchone()

"""API keys: random tokens shown once; only their SHA-256 is stored."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
from psycopg.rows import class_row

ROLES = ("analyst", "partner", "researcher", "admin")
_PREFIX = "adw"


@dataclass(frozen=True)
class ApiKey:
    id: int
    name: str
    role: str
    key_prefix: str
    partner_id: int | None
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


_COLUMNS = "id, name, role, key_prefix, partner_id, created_at, last_used_at, revoked_at"


def _digest(token: str) -> str:
    # Tokens carry 256 random bits, so a plain SHA-256 cannot be reversed by enumeration.
    return hashlib.sha256(token.encode()).hexdigest()


def create_key(
    conn: psycopg.Connection[Any], name: str, role: str, partner_id: int | None = None
) -> tuple[ApiKey, str]:
    """Create a key; returns the row and the token, which is never stored or shown again."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    if role == "partner" and partner_id is None:
        raise ValueError("a partner key needs a partner")
    key_id = secrets.token_hex(6)
    token = f"{_PREFIX}_{key_id}_{secrets.token_urlsafe(32)}"
    with conn.transaction(), conn.cursor(row_factory=class_row(ApiKey)) as cur:
        cur.execute(
            f"""INSERT INTO api_keys (name, role, key_prefix, key_hash, partner_id)
                VALUES (%s, %s, %s, %s, %s) RETURNING {_COLUMNS}""",
            (name, role, key_id, _digest(token), partner_id),
        )
        row = cur.fetchone()
    assert row is not None
    return row, token


def verify_key(conn: psycopg.Connection[Any], token: str) -> ApiKey | None:
    """The live key for a token, or None; constant-time comparison of the hash."""
    parts = token.split("_", 2)
    # Tokens are ASCII; anything else (NUL, which PostgreSQL refuses) cannot match one.
    if len(parts) != 3 or parts[0] != _PREFIX or not token.isascii() or "\x00" in token:
        return None
    row = conn.execute(
        f"SELECT key_hash, {_COLUMNS} FROM api_keys WHERE key_prefix = %s AND revoked_at IS NULL",
        (parts[1],),
    ).fetchone()
    if row is None or not hmac.compare_digest(row[0], _digest(token)):
        return None
    return ApiKey(*row[1:])


def touch(conn: psycopg.Connection[Any], key_id: int) -> None:
    conn.execute("UPDATE api_keys SET last_used_at = now() WHERE id = %s", (key_id,))


class RevokeRefused(Exception):
    """Revoking this key would lock the admins out (own key, or the last admin key)."""


def revoke_key(
    conn: psycopg.Connection[Any], key_id: int, *, acting_key_id: int | None = None
) -> bool:
    """Revoke a live key; False when there is none. An admin (`acting_key_id`) cannot revoke
    its own key, and nobody can revoke the last active admin key (RevokeRefused)."""
    if acting_key_id is not None and acting_key_id == key_id:
        raise RevokeRefused(
            "you cannot revoke your own key; another admin must (create a new key first)"
        )
    with conn.transaction():
        # Locking every live admin key serialises concurrent revocations, so two admins
        # revoking each other cannot both succeed and leave none.
        admins = conn.execute(
            "SELECT id FROM api_keys WHERE role = 'admin' AND revoked_at IS NULL FOR UPDATE"
        ).fetchall()
        admin_ids = {int(r[0]) for r in admins}
        if admin_ids == {key_id}:
            raise RevokeRefused(
                f"key #{key_id} is the last active admin key; create another admin key first"
            )
        cur = conn.execute(
            "UPDATE api_keys SET revoked_at = now() WHERE id = %s AND revoked_at IS NULL",
            (key_id,),
        )
        # Its review UI sessions end with it (they are refused anyway once the key is
        # revoked; this records when they ended).
        conn.execute(
            "UPDATE ui_sessions SET revoked_at = now() WHERE key_id = %s AND revoked_at IS NULL",
            (key_id,),
        )
    return cur.rowcount == 1


def list_keys(conn: psycopg.Connection[Any]) -> list[ApiKey]:
    with conn.cursor(row_factory=class_row(ApiKey)) as cur:
        return cur.execute(f"SELECT {_COLUMNS} FROM api_keys ORDER BY id").fetchall()

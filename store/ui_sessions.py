"""Review UI sessions: the browser's cookie holds a random id; only its SHA-256 is stored.

A session lives while its key is live, it is not revoked, it is younger than its absolute
lifetime (expires_at) and it was seen within the idle timeout.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import psycopg

from store.api_keys import ApiKey

# Ended sessions are kept this long (for a look at recent logins), then pruned.
_KEEP_ENDED = timedelta(days=7)


@dataclass(frozen=True)
class LiveSession:
    """A live session (its row id, never its secret id) and the key it belongs to."""

    id: int
    key: ApiKey


def _digest(session_id: str) -> str:
    # The id carries 256 random bits, so a plain SHA-256 cannot be reversed by enumeration.
    return hashlib.sha256(session_id.encode()).hexdigest()


def create_session(
    conn: psycopg.Connection[Any], key_id: int, lifetime: timedelta
) -> tuple[int, str]:
    """Start a session for the key; returns its row id and the secret id for the cookie."""
    session_id = secrets.token_urlsafe(32)
    with conn.transaction():
        conn.execute("DELETE FROM ui_sessions WHERE expires_at < now() - %s", (_KEEP_ENDED,))
        row = conn.execute(
            """INSERT INTO ui_sessions (session_hash, key_id, expires_at)
               VALUES (%s, %s, now() + %s) RETURNING id""",
            (_digest(session_id), key_id, lifetime),
        ).fetchone()
    assert row is not None
    return int(row[0]), session_id


def find_live_session(
    conn: psycopg.Connection[Any], session_id: str, idle: timedelta
) -> LiveSession | None:
    """The live session for a cookie's id, or None (unknown, ended, idle too long, or its
    key revoked)."""
    # Ids are ASCII; anything else (NUL, which PostgreSQL refuses) cannot match one.
    if not session_id.isascii() or "\x00" in session_id:
        return None
    row = conn.execute(
        """SELECT s.id, k.id, k.name, k.role, k.key_prefix, k.partner_id, k.created_at,
                  k.last_used_at, k.revoked_at
             FROM ui_sessions s JOIN api_keys k ON k.id = s.key_id
            WHERE s.session_hash = %s AND s.revoked_at IS NULL AND k.revoked_at IS NULL
              AND s.expires_at > now() AND s.last_seen_at > now() - %s""",
        (_digest(session_id), idle),
    ).fetchone()
    return None if row is None else LiveSession(int(row[0]), ApiKey(*row[1:]))


def slide(conn: psycopg.Connection[Any], session_row_id: int) -> None:
    """Mark the session seen now; at most once a minute, so browsing is not a write per hit."""
    conn.execute(
        """UPDATE ui_sessions SET last_seen_at = now()
            WHERE id = %s AND last_seen_at < now() - interval '1 minute'""",
        (session_row_id,),
    )


def revoke_session(conn: psycopg.Connection[Any], session_row_id: int) -> bool:
    """End one session (logout); False when it had already ended."""
    cur = conn.execute(
        "UPDATE ui_sessions SET revoked_at = now() WHERE id = %s AND revoked_at IS NULL",
        (session_row_id,),
    )
    return cur.rowcount == 1

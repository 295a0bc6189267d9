"""Wrong API keys: each one audited and counted; too many from one address or for one key
prefix lock that address or prefix out for a while (429 with Retry-After).

The counts live in PostgreSQL (store.auth_failures), so several API processes share them.
Only the key's first characters are kept: for a well-formed key its public id, never the
secret part.
"""

from __future__ import annotations

import math
import re
from typing import Any

import psycopg
from fastapi import HTTPException, Request

from config.settings import Settings
from store import audit, auth_failures, rate_limits

# "adw_" and the key's public id (store.api_keys); anything else keeps only 4 characters.
_WELL_FORMED = re.compile(r"^adw_[0-9a-f]{12}_")


def key_prefix(token: str) -> str:
    return token[:16] if _WELL_FORMED.match(token) else token[:4] + "…"


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def refuse_if_locked(request: Request, conn: psycopg.Connection[Any], token: str) -> None:
    """429 while the caller's address, or the key prefix tried, is locked out."""
    settings = _settings(request)
    seconds = auth_failures.locked_for(
        conn,
        client_address(request),
        key_prefix(token),
        limit=settings.auth_failure_limit,
        window_s=settings.auth_failure_window_s,
        lockout_s=settings.auth_lockout_s,
    )
    if seconds > 0:
        raise HTTPException(
            429,
            "too many wrong API keys from this address or for this key; try again later",
            headers={"Retry-After": str(math.ceil(seconds))},
        )


def record_wrong_key(
    request: Request, conn: psycopg.Connection[Any], token: str, *, via: str
) -> None:
    """Count and audit one wrong (or revoked) key, in one transaction."""
    address, prefix = client_address(request), key_prefix(token)
    with conn.transaction():
        auth_failures.record_failure(conn, address, prefix)
        audit.record(
            conn,
            actor="anonymous",
            action="auth_failed",
            object_type="api_key",
            object_id=prefix,
            detail={"client_addr": address, "key_prefix": prefix, "via": via},
        )


def refuse_if_over_rate(request: Request, conn: psycopg.Connection[Any], key_id: int) -> None:
    """429 once a key exceeds ADWATCH_API_RATE_LIMIT_PER_MINUTE (bursts of that size allowed)."""
    per_minute = _settings(request).api_rate_limit_per_minute
    if per_minute <= 0:
        return
    seconds = rate_limits.take_call(conn, key_id, per_minute)
    if seconds > 0:
        raise HTTPException(
            429,
            f"this key is limited to {per_minute} calls a minute; slow down",
            headers={"Retry-After": str(math.ceil(seconds))},
        )

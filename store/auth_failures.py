"""Failed API-key attempts, counted in PostgreSQL so every API process sees the same count."""

from __future__ import annotations

from typing import Any

import psycopg

# Rows older than this serve no lockout any more.
_KEEP = "1 day"

# The latest moment each subject (one address, one key prefix) reached `limit` failures
# within `window` seconds; it stays locked for `lockout` seconds after that moment.
_LOCKED_FOR = """
WITH recent AS (
    SELECT at, lag(at, %(back)s) OVER (ORDER BY at) AS earlier FROM auth_failures
    WHERE client_addr = %(addr)s AND at > now() - make_interval(secs => %(span)s)
    UNION ALL
    SELECT at, lag(at, %(back)s) OVER (ORDER BY at) FROM auth_failures
    WHERE key_prefix = %(prefix)s AND at > now() - make_interval(secs => %(span)s)
)
SELECT extract(epoch FROM max(at) + make_interval(secs => %(lockout)s) - clock_timestamp())
FROM recent WHERE at - earlier <= make_interval(secs => %(window)s)
"""


def locked_for(
    conn: psycopg.Connection[Any],
    client_addr: str,
    key_prefix: str | None,
    *,
    limit: int,
    window_s: float,
    lockout_s: float,
) -> float:
    """Seconds the address or the key prefix stays locked out (0 when neither is)."""
    params = {
        "back": limit - 1,
        "addr": client_addr,
        "prefix": key_prefix,
        "span": window_s + lockout_s,
        "window": window_s,
        "lockout": lockout_s,
    }
    row = conn.execute(_LOCKED_FOR, params).fetchone()
    return max(float(row[0]), 0.0) if row and row[0] is not None else 0.0


def record_failure(conn: psycopg.Connection[Any], client_addr: str, key_prefix: str) -> None:
    """Count one wrong key; old rows are pruned as new ones come."""
    conn.execute(
        "INSERT INTO auth_failures (client_addr, key_prefix) VALUES (%s, %s)",
        (client_addr, key_prefix),
    )
    conn.execute(f"DELETE FROM auth_failures WHERE at < now() - interval '{_KEEP}'")

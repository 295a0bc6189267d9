"""Per-key rate limit for authenticated calls, kept in PostgreSQL (one row per key).

The generic cell rate algorithm: each call moves the key's theoretical arrival time (tat) on
by one interval (60 s / limit); a call is refused while tat runs more than a minute's burst
ahead of now. So a key may make `limit` calls at once, then one per interval.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import psycopg

_TAKE = """
INSERT INTO api_key_rate (key_id, tat) VALUES (%(key)s, clock_timestamp() + %(step)s)
ON CONFLICT (key_id) DO UPDATE
SET tat = greatest(api_key_rate.tat, clock_timestamp()) + %(step)s
WHERE greatest(api_key_rate.tat, clock_timestamp()) - clock_timestamp() <= %(burst)s
RETURNING tat
"""
_WAIT = """
SELECT extract(epoch FROM tat - clock_timestamp() - %(burst)s) FROM api_key_rate
WHERE key_id = %(key)s
"""


def take_call(conn: psycopg.Connection[Any], key_id: int, per_minute: int) -> float:
    """Count one call; 0 when allowed, else the seconds until the key may call again."""

    step = timedelta(seconds=60 / per_minute)
    params = {"key": key_id, "step": step, "burst": timedelta(seconds=60) - step}
    with conn.transaction():
        if conn.execute(_TAKE, params).fetchone() is not None:
            return 0.0
        row = conn.execute(_WAIT, params).fetchone()
    return max(float(row[0]), 0.001) if row and row[0] is not None else 0.001

"""Retention: raw snapshots of dismissed adverts are purged; confirmed evidence is kept."""

from __future__ import annotations

from typing import Any

import psycopg

_PURGE_SQL = """
WITH latest AS (
    SELECT DISTINCT ON (advert_id) advert_id, decision, decided_at
    FROM decisions ORDER BY advert_id, decided_at DESC, id DESC
)
UPDATE advert_versions v SET raw_gzip = NULL, raw_purged_at = now()
FROM latest l
WHERE v.advert_id = l.advert_id AND l.decision = 'dismissed'
  AND l.decided_at < now() - make_interval(days => %s)
  AND v.raw_gzip IS NOT NULL
"""


def purge_dismissed_snapshots(conn: psycopg.Connection[Any], older_than_days: int) -> int:
    """Drop raw page bytes of adverts whose latest decision is 'dismissed' and old enough.

    The SHA-256, size and extracted text stay, so the record remains auditable."""
    with conn.transaction():
        cur = conn.execute(_PURGE_SQL, (older_than_days,))
    return cur.rowcount

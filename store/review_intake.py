"""Review intake: adverts entering and leaving the analysts' review queue after scoring."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import psycopg

_ENQUEUE = """
INSERT INTO review_items (advert_id, priority) VALUES (%s, %s)
ON CONFLICT (advert_id) DO UPDATE SET priority = excluded.priority, updated_at = now()
"""
# An item an analyst holds (live claim) or has decided stays: the analyst's work is not undone.
_WITHDRAW = """
DELETE FROM review_items
WHERE advert_id = ANY(%s) AND state = 'open'
  AND (claimed_by IS NULL OR claim_expires_at < now())
"""


def enqueue(conn: psycopg.Connection[Any], items: Sequence[tuple[int, float]]) -> None:
    """Queue (advert_id, risk score) pairs; queued adverts get the new score as priority."""
    if items:
        with conn.transaction(), conn.cursor() as cur:
            cur.executemany(_ENQUEUE, items)


def withdraw(conn: psycopg.Connection[Any], advert_ids: Sequence[int]) -> None:
    """Take open, unheld items off the queue."""
    if advert_ids:
        with conn.transaction():
            conn.execute(_WITHDRAW, (list(advert_ids),))

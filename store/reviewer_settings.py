"""Per-reviewer settings of the review UI, kept per API key."""

from __future__ import annotations

from typing import Any

import psycopg


def images_unblurred(conn: psycopg.Connection[Any], key_id: int) -> bool:
    """Whether this reviewer chose to see photos unblurred (blurred unless they did)."""
    row = conn.execute(
        "SELECT images_unblurred FROM reviewer_settings WHERE key_id = %s", (key_id,)
    ).fetchone()
    return bool(row and row[0])


def set_images_unblurred(conn: psycopg.Connection[Any], key_id: int, unblurred: bool) -> None:
    conn.execute(
        """INSERT INTO reviewer_settings (key_id, images_unblurred) VALUES (%s, %s)
           ON CONFLICT (key_id) DO UPDATE
           SET images_unblurred = EXCLUDED.images_unblurred, updated_at = now()""",
        (key_id, unblurred),
    )

"""Which scored adverts an analyst must see: flagged ones enter the queue, unflagged ones leave."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import psycopg

from store import review_intake
from store.scores import ScoreRecord


def admit_scored(conn: psycopg.Connection[Any], records: Sequence[ScoreRecord]) -> None:
    """Run in the scoring transaction, so a score and its queue entry commit together."""
    review_intake.enqueue(conn, [(r.advert_id, r.risk_score) for r in records if r.flagged])
    review_intake.withdraw(conn, [r.advert_id for r in records if not r.flagged])

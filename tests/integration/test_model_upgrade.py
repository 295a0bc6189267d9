"""A new active model rescores what the old one scored, and the queue follows its flags."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest

from review.intake import admit_scored
from store import models_registry, review, scores
from store.scores import ScoreRecord
from tests.api_support import Ad, make_keys, seed

pytestmark = pytest.mark.integration


def _register(conn: psycopg.Connection[Any], version: str) -> None:
    models_registry.register(conn, version, "test", f"/models/{version}", "0" * 64,
                             {"high": 0.5}, {"flag_rule": "test"}, active=True)  # fmt: skip


def _awaiting_score(conn: psycopg.Connection[Any]) -> int:
    row = conn.execute("SELECT count(*) FROM adverts WHERE needs_scoring").fetchone()
    return int(row[0]) if row else 0


def test_activating_a_new_model_queues_every_advert_for_rescoring(
    conn: psycopg.Connection[Any],
) -> None:
    ids = seed(conn, [Ad(1), Ad(2, flagged=False, risk=0.1, band="low")])
    _register(conn, "test-model-1")  # the version seed() scored with: nothing to redo
    assert _awaiting_score(conn) == 0
    _register(conn, "test-model-2")
    assert _awaiting_score(conn) == len(ids)
    _register(conn, "test-model-2")  # registering the active model again changes nothing
    claimed = scores.claim_pending(conn, 10)
    assert {a.id for a in claimed} == set(ids)
    conn.rollback()


def test_an_advert_the_new_model_does_not_flag_leaves_the_open_queue(
    conn: psycopg.Connection[Any],
) -> None:
    ids = seed(conn, [Ad(1), Ad(2), Ad(3)])
    actor = make_keys(conn).partner_id
    review.claim(conn, ids[1], actor, 30)  # someone is working on the second one
    rescored = [
        ScoreRecord(advert_id, 1, "test-model-2", "2026.12.2", 0.05, "low", False, [])
        for advert_id in ids
    ]
    scores.save_scores(conn, rescored)
    admit_scored(conn, rescored)
    queued = {item.advert_id for item in review.queue(conn, actor)}
    assert queued == {ids[1]}  # the claimed item stays; the open ones are gone

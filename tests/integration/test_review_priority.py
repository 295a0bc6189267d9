"""The review queue's documented priority: score, distinct evidence, network, recency."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import psycopg
import pytest

from linking.linker import link_pending
from store import review
from store.adverts import EntityRecord
from tests.api_support import T0, Ad, hit, make_keys, seed

pytestmark = pytest.mark.integration

BODY = "Tickets paid by us. Passport kept by the employer. Contract signed on arrival."
PHONE = EntityRecord("phone", "+37360000199", "0600 00 199", 0, 0)


def test_equal_scores_are_ordered_by_evidence_network_and_recency(
    conn: psycopg.Connection[Any],
) -> None:
    evidence = [
        hit(BODY, "Tickets paid by us", "travel_paid"),
        hit(BODY, "Passport kept by the employer", "documents_held"),
        hit(BODY, "Contract signed on arrival", "contract_on_arrival"),
    ]
    ads = [
        Ad(1, "Plain", "Work abroad, write to us."),
        Ad(2, "Three indicators", BODY, hits=evidence),
        Ad(3, "Shared phone A", "Call 0600 00 199 for work abroad.", entities=(PHONE,)),
        Ad(4, "Shared phone B", "Work abroad, call 0600 00 199.", entities=(PHONE,)),
        Ad(5, "Seen a month earlier", "Old advert, work abroad.", fetched_at=T0 - timedelta(30)),
    ]
    ids = seed(conn, ads)
    link_pending(conn)
    me = make_keys(conn).partner_id  # any actor id: nothing is claimed
    queue = review.queue(conn, me)
    assert [item.advert_id for item in queue] == [ids[1], ids[2], ids[3], ids[0], ids[4]]
    assert all(item.risk_score == 0.8 for item in queue)
    priorities = [item.priority for item in queue]
    assert priorities == sorted(priorities, reverse=True) and len(set(priorities)) >= 4

"""How a crawl's end maps to its run status; only "finished" lets absence count as removal."""

from __future__ import annotations

import pytest

from crawlers.handoff import CrawlOutcome, run_status, stop_messages
from crawlers.options import CrawlOptions


def ended(
    reason: str = "finished", read: int = 3, unread: int = 0, database_failed: bool = False
) -> CrawlOutcome:
    return CrawlOutcome(
        reason=reason, listings_read=read, listings_unread=unread, database_failed=database_failed
    )


@pytest.mark.parametrize(
    ("outcome", "expected"),
    [
        (ended(), "finished"),
        (ended(unread=1), "interrupted"),  # some listings unreadable
        (ended(read=0, unread=1), "failed"),  # the site is down
        (ended(read=0), "failed"),  # robots.txt forbids, start URL 404
        (ended(database_failed=True), "failed"),  # something was not stored
        # another host's listings were read, but one host's robots.txt could not be
        (CrawlOutcome(listings_read=2, listings_unread=1, robots_unreadable=True), "failed"),
        (ended("shutdown"), "interrupted"),  # Ctrl-C
        (ended("closespider_pagecount"), "interrupted"),  # page budget
        (ended("memusage_exceeded"), "interrupted"),  # memory limit
        (ended("cancelled"), "failed"),
        (ended("unknown"), "failed"),  # the spider never ran
        (None, "failed"),  # killed or crashed: no outcome at all
    ],
)
def test_one_process(outcome: CrawlOutcome | None, expected: str) -> None:
    assert run_status([outcome]) == expected


@pytest.mark.parametrize(
    ("outcomes", "expected"),
    [
        ([ended(), ended(read=0)], "finished"),  # the other shard read every listing page
        ([ended(read=0), ended(read=0, unread=1)], "failed"),  # the site is down
        ([ended(), ended(read=0, unread=1)], "interrupted"),
        ([ended(), ended("closespider_pagecount")], "interrupted"),
        ([ended(), ended(database_failed=True)], "failed"),
        ([ended("shutdown"), ended("cancelled")], "failed"),
        ([ended(), None], "failed"),  # one shard died
        ([], "failed"),
    ],
)
def test_shards_end_as_one_run(outcomes: list[CrawlOutcome | None], expected: str) -> None:
    assert run_status(outcomes) == expected


def test_a_crawl_stopped_early_says_why_once_however_many_shards_stopped() -> None:
    options = CrawlOptions("adwatch-test", 1.0, 500, None, False, max_memory_mb=768)
    outcomes = [
        ended(),
        ended("memusage_exceeded"),
        ended("closespider_pagecount"),
        ended("memusage_exceeded"),
        None,
    ]
    assert stop_messages(outcomes, options) == [
        "stopped: memory use over 768 MB",
        "stopped: page budget of 500 pages reached",
    ]
    assert stop_messages([ended(), ended("shutdown")], options) == []

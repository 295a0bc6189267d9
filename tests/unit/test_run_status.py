"""How a crawl's end maps to its run status; only "finished" lets absence count as removal."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from crawlers.pipelines import run_status


def spider(fatal: int = 0, read: int = 3, unread: int = 0) -> SimpleNamespace:
    return SimpleNamespace(fatal_errors=fatal, listings_read=read, listings_unread=unread)


@pytest.mark.parametrize(
    ("reason", "crawl", "database_failed", "expected"),
    [
        ("finished", spider(), False, "finished"),
        ("finished", spider(unread=1), False, "interrupted"),  # some listings unreadable
        ("finished", spider(read=0, unread=1), False, "failed"),  # the site is down
        ("finished", spider(read=0), False, "failed"),  # robots.txt forbids, start URL 404
        ("finished", spider(fatal=1), False, "failed"),
        ("finished", spider(), True, "failed"),
        ("shutdown", spider(), False, "interrupted"),  # Ctrl-C
        ("closespider_pagecount", spider(), False, "interrupted"),  # page budget
        ("cancelled", spider(), False, "failed"),
    ],
)
def test_run_status(
    reason: str, crawl: SimpleNamespace, database_failed: bool, expected: str
) -> None:
    assert run_status(reason, crawl, database_failed) == expected

"""Crawler traps against hostile local servers: endless calendars (by query, by path, with a
JobPosting on every page) and a page with 100,000 links are each stopped within 2,000
requests, with the reason in the run's error log once; a legitimate large site (a 300-page
pagination chain, 2,000 adverts) is not cut. The memory limit and the page budget stop a crawl
as interrupted, saying why."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import psycopg
import pytest

from config.settings import get_settings
from crawlers.profiles import LinkSelectors
from store.crawl_runs import CrawlRun
from tests.e2e.hostile import crawl, serving
from tests.e2e.trap_sites import (
    item_page,
    job_board,
    legitimate_site,
    many_links,
    page,
    path_calendar,
    query_calendar,
)

pytestmark = [pytest.mark.e2e, pytest.mark.integration]
ZERO_CONFIG = {"links": LinkSelectors()}  # demo-jobs without selectors: every link followed
NEAR_DUPLICATE = "page is a near-duplicate of 5 pages already seen"


def errors(run: CrawlRun) -> list[str]:
    return [str(entry["error"]) for entry in run.error_log]


def stored_adverts(db_url: str) -> list[str]:
    with psycopg.connect(db_url) as conn:
        return sorted(str(r[0]) for r in conn.execute("SELECT title FROM adverts"))


def setting(monkeypatch: pytest.MonkeyPatch, name: str, value: str) -> None:
    monkeypatch.setenv(name, value)
    get_settings.cache_clear()


def test_an_endless_query_calendar_is_cut_at_its_near_duplicates(adwatch_env: str) -> None:
    home = {"/": page("<a href='/calendar?date=2031-01-01'>Calendar</a>")}
    with serving(home, generate=query_calendar()) as site:
        run = crawl(site, "demo-jobs", **ZERO_CONFIG)
    assert len(site.requests) < 2000, len(site.requests)
    assert run.status == "finished"  # zero-config: the trap is pruned, the rest of the site read
    cut = [e for e in errors(run) if NEAR_DUPLICATE in e]
    assert len(cut) == 1, run.error_log  # once per pattern, not once per page
    assert cut[0].startswith(f"trap limit: stopped following links from {site.base}/calendar?")


def test_an_endless_calendar_of_next_page_links_leaves_the_listing_unread(
    adwatch_env: str,
) -> None:
    home = {"/": page("<div class='pages'><a class='pg-next' href='/calendar?date=2031-01-01'>")}
    with serving(home, generate=query_calendar(forward_only=True)) as site:
        run = crawl(site, "demo-bridal")
    assert len(site.requests) < 2000, len(site.requests)
    # a listing chain not followed to its end proves nothing missing
    assert (run.status, run.adverts_removed) == ("interrupted", 0)
    assert any(NEAR_DUPLICATE in e for e in errors(run)), run.error_log


def test_an_endless_path_calendar_and_its_link_loop_are_cut(adwatch_env: str) -> None:
    home = {"/": page("<a href='/cal/2026/01/02/'>Calendar</a>")}
    with serving(home, generate=path_calendar) as site:
        run = crawl(site, "demo-jobs", **ZERO_CONFIG)
    assert len(site.requests) < 2000, len(site.requests)
    assert run.status == "finished"
    assert any(NEAR_DUPLICATE in e and "/cal/" in e for e in errors(run)), run.error_log
    assert not [p for p in site.requests if p.count("week/") > 2], "a path loop was followed"
    assert any(e.startswith("trap limit: path repeats /week") for e in errors(run)), run.error_log


def test_a_calendar_of_job_postings_stores_few_adverts(adwatch_env: str) -> None:
    home = {"/": page("<a href='/calendar?date=2031-01-01'>Jobs by day</a>")}
    with serving(home, generate=query_calendar(job_posting=True)) as site:
        run = crawl(site, "demo-jobs", **ZERO_CONFIG)
    adverts = stored_adverts(adwatch_env)
    assert len(site.requests) < 2000, len(site.requests)
    assert run.status == "finished"
    assert any(NEAR_DUPLICATE in e for e in errors(run)), run.error_log
    assert 0 < len(adverts) < 100, len(adverts)  # the pages fetched before the cut


def test_a_page_with_100000_links_is_capped_once(adwatch_env: str) -> None:
    with serving({"/": many_links(100_000)}, generate=item_page) as site:
        run = crawl(site, "demo-jobs", **ZERO_CONFIG)
    assert len(site.requests) < 2000, len(site.requests)
    assert len([p for p in site.requests if p.startswith("/item/")]) == 1000
    assert (run.status, run.adverts_removed) == ("interrupted", 0)  # 99,000 links unread
    assert f"link cap: 100000 links on {site.base}/, followed the first 1000" in errors(run)


def test_a_large_legitimate_site_is_not_cut(
    adwatch_env: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="crawlers.launch")
    with serving({}, generate=legitimate_site(adverts=40, listings=4)) as small:
        crawl(small, "demo-bridal", name="baseline-site")  # the crawl process alone
    with serving({}, generate=legitimate_site(adverts=2000, listings=300)) as site:
        run = crawl(site, "demo-bridal")
    assert (run.status, run.errors) == ("finished", 0), run.error_log[:5]
    assert run.adverts_new == 2000
    assert len(stored_adverts(adwatch_env)) == 2000 + 40  # and the baseline site's
    assert sorted(p for p in site.requests if p.startswith("/?page=")) == sorted(
        f"/?page={n}" for n in range(2, 301)
    )
    frontier = tmp_path / "data" / "frontier"
    assert frontier.is_dir() and not list(frontier.iterdir()), "the run's frontier was kept"
    peaks = [int(m[1]) for m in re.finditer(r"peak memory (\d+) MB", caplog.text)]
    # Memory grows little with the site's size: the frontier is on disk, pages are streamed.
    assert len(peaks) == 2 and peaks[1] - peaks[0] < 100, caplog.text


def test_a_large_job_board_crawled_without_configuration_is_not_cut(adwatch_env: str) -> None:
    with serving({}, generate=job_board(jobs=2000, listings=300)) as site:
        run = crawl(site, "demo-jobs", **ZERO_CONFIG)
    assert (run.status, run.errors) == ("finished", 0), run.error_log[:5]
    assert run.adverts_new == 2000
    assert "/jobs?page=300" in site.requests


def test_the_memory_limit_interrupts_a_crawl_and_says_why(
    adwatch_env: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    setting(monkeypatch, "ADWATCH_CRAWLER_MAX_MEMORY_MB", "20")  # below any Python process
    with serving({}, generate=legitimate_site(adverts=40, listings=4)) as site:
        run = crawl(site, "demo-bridal")
    assert (run.status, run.adverts_removed) == ("interrupted", 0)
    assert "stopped: memory use over 20 MB" in errors(run), run.error_log


def test_the_memory_limit_counts_the_crawl_not_the_process_that_started_it(
    adwatch_env: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Linux keeps a process's peak memory across exec: a crawl started by a large launcher
    must not be stopped for the launcher's memory."""
    launcher_ballast = bytearray(600 * 1024 * 1024)  # zero-filled: every page resident
    setting(monkeypatch, "ADWATCH_CRAWLER_MAX_MEMORY_MB", "500")
    with serving({}, generate=legitimate_site(adverts=40, listings=4)) as site:
        run = crawl(site, "demo-bridal")
    del launcher_ballast
    assert (run.status, run.adverts_new, run.errors) == ("finished", 40, 0), run.error_log


def test_the_page_budget_interrupts_a_crawl_and_says_why(
    adwatch_env: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    setting(monkeypatch, "ADWATCH_CRAWLER_MAX_PAGES", "5")
    with serving({}, generate=legitimate_site(adverts=40, listings=4)) as site:
        run = crawl(site, "demo-bridal")
    assert (run.status, run.adverts_removed) == ("interrupted", 0)
    assert "stopped: page budget of 5 pages reached" in errors(run), run.error_log

"""End to end: crawl the bundled demo sites on 127.0.0.1 into real PostgreSQL and compare every
advert, field and entity with the generator's answer key; re-crawl; survive a database restart."""

from __future__ import annotations

import gzip
import hashlib
import socket
from datetime import datetime
from typing import Any

import psycopg
import pytest

from crawlers import launch
from demo.site import DemoServer, render
from demo.site.renderers.html_kit import Page
from tests.e2e.demo_support import SITES, collapse, crawl_site, demo_server, profile_for

pytestmark = [pytest.mark.e2e, pytest.mark.integration]


@pytest.fixture
def fast_crawls(adwatch_env: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("ADWATCH_CRAWLER_DELAY_S", "0")
    from config.settings import get_settings

    get_settings.cache_clear()
    return adwatch_env


def stored(conn: psycopg.Connection[Any], site: str) -> dict[str, dict[str, Any]]:
    rows = conn.execute(
        """SELECT a.id, a.canonical_url, a.kind, a.title, a.body, a.language, a.location, a.pay,
                  a.employer, a.licence_number, a.posted_at, a.status, a.current_version,
                  coalesce(array_agg(e.kind || ':' || e.value) FILTER (WHERE e.id IS NOT NULL),
                           '{}') AS entities
           FROM adverts a JOIN sites s ON s.id = a.site_id AND s.name = %s
           LEFT JOIN advert_entities ae ON ae.advert_id = a.id
           LEFT JOIN entities e ON e.id = ae.entity_id
           GROUP BY a.id""",
        (SITES[site],),
    ).fetchall()
    names = ("id", "url", "kind", "title", "body", "language", "location", "pay", "employer",
             "licence_number", "posted_at", "status", "version", "entities")  # fmt: skip
    return {r[1]: dict(zip(names, r, strict=True)) for r in rows}


def assert_matches_key(conn: psycopg.Connection[Any], server: DemoServer, site: str) -> None:
    key = server.answer_key().sites[site]
    got = stored(conn, site)
    expected = {a.url: a for a in key.adverts}
    assert set(got) >= set(expected), f"missing: {sorted(set(expected) - set(got))[:5]}"
    for url, want in expected.items():
        row = got[url]
        assert row["kind"] == want.kind
        assert row["title"] == want.title, url
        assert collapse(row["body"]) == collapse(want.body), url
        assert row["language"] == want.language, url
        for field in ("location", "pay", "employer", "licence_number"):
            assert row[field] == getattr(want, field), (url, field)
        assert row["posted_at"] == datetime.fromisoformat(want.posted_at), url
        assert {tuple(e.split(":", 1)) for e in row["entities"]} == set(want.entities), url
    for url in key.disallowed:
        assert url not in got
    assert not any(path.startswith(p) for s, path, _ in server.requests if s == site
                   for p in key.robots_disallow), "robots.txt-disallowed page fetched"  # fmt: skip


def test_first_crawl_matches_the_answer_key(fast_crawls: str) -> None:
    with demo_server() as server:
        runs = {site: crawl_site(server, site) for site in SITES}
        with psycopg.connect(fast_crawls) as conn:
            for site, run in runs.items():
                key = server.answer_key().sites[site]
                assert run.status == "finished", run.error_log
                assert run.adverts_new == key.expected_count
                assert len(stored(conn, site)) == key.expected_count
                assert_matches_key(conn, server, site)
            evidence = conn.execute(
                "SELECT raw_gzip, raw_sha256, url, http_status, fetched_at FROM advert_versions"
            ).fetchall()
    for raw, digest, url, status, fetched in evidence:
        assert hashlib.sha256(gzip.decompress(raw)).hexdigest() == digest
        assert url and status == 200 and fetched is not None


def test_hostile_pages_are_stored_literally_and_safely(fast_crawls: str) -> None:
    with demo_server() as server:
        crawl_site(server, "jobs")
        key = server.answer_key().sites["jobs"]
        with psycopg.connect(fast_crawls) as conn:
            got = stored(conn, "jobs")
    scripted = [a for a in key.adverts if "<script>" in a.title]
    cyrillic = [a for a in key.adverts if a.charset.lower() in ("windows-1251", "cp1251")]
    huge = max(key.adverts, key=lambda a: len(a.body))
    assert scripted and cyrillic and len(huge.body) > 100_000
    assert got[scripted[0].url]["title"] == scripted[0].title  # text, not markup
    assert got[cyrillic[0].url]["title"] == cyrillic[0].title
    assert collapse(got[huge.url]["body"]) == collapse(huge.body)


def test_recrawl_adds_no_duplicates_and_marks_removals(fast_crawls: str) -> None:
    with demo_server() as server:
        for site in SITES:
            crawl_site(server, site)
        server.set_round(2)
        second = {site: crawl_site(server, site) for site in SITES}
        with psycopg.connect(fast_crawls) as conn:
            for site, run in second.items():
                key = server.answer_key().sites[site]
                assert run.status == "finished"
                rows = stored(conn, site)
                assert run.adverts_new == len(key.added)
                assert len(rows) == server.answer_key(1).sites[site].expected_count + len(key.added)
                for url in (*key.gone, *key.not_found):
                    assert rows[url]["status"] == "removed", url
                for url in key.changed:
                    assert rows[url]["version"] == 2, url
                for url in key.unlisted:  # one miss is not yet a removal
                    assert rows[url]["status"] == "active", url
                assert_matches_key(conn, server, site)
        third = crawl_site(server, "bridal")
        assert third.adverts_new == 0 and third.status == "finished"
        with psycopg.connect(fast_crawls) as conn:
            rows = stored(conn, "bridal")
            reason = conn.execute(
                "SELECT removal_reason FROM adverts WHERE canonical_url = %s",
                (server.answer_key().sites["bridal"].unlisted[0],),
            ).fetchone()
        for url in server.answer_key().sites["bridal"].unlisted:
            assert rows[url]["status"] == "removed"
        assert reason == ("missing from listing",)


def closed_port_url(path: str) -> str:
    """A URL on 127.0.0.1 where nothing listens: every fetch fails with connection refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}{path}"


def test_a_site_outage_removes_nothing(fast_crawls: str) -> None:
    """A crawl that cannot read the listings proves nothing gone, however often it runs."""
    with demo_server() as server:
        profile = profile_for(server, "bridal").model_copy(update={"remove_after_missing_runs": 1})
        first = launch.crawl(profile, allow_private=True)
    outages = [launch.crawl(profile, allow_private=True) for _ in range(2)]  # server is down
    with psycopg.connect(fast_crawls) as conn:
        statuses = {r["status"] for r in stored(conn, "bridal").values()}
    assert first.status == "finished" and first.adverts_new > 0
    assert [(r.status, r.errors > 0, r.adverts_removed) for r in outages] == [
        ("failed", True, 0)
    ] * 2
    assert statuses == {"active"}


def test_an_unreadable_listing_page_blocks_removals_by_absence(fast_crawls: str) -> None:
    with demo_server() as server:
        profile = profile_for(server, "bridal").model_copy(update={"remove_after_missing_runs": 1})
        launch.crawl(profile, allow_private=True)
        server.set_round(2)
        broken = [*profile.start_urls, closed_port_url("/listing")]
        run = launch.crawl(profile.model_copy(update={"start_urls": broken}), allow_private=True)
        key = server.answer_key().sites["bridal"]
        with psycopg.connect(fast_crawls) as conn:
            rows = stored(conn, "bridal")
    # the dead host's robots.txt cannot be read: nothing there is fetched, the run fails (RFC 9309)
    assert run.status == "failed"
    assert key.unlisted and all(rows[url]["status"] == "active" for url in key.unlisted)
    # a 404 or 410 is evidence of its own and is still recorded
    assert all(rows[url]["status"] == "removed" for url in (*key.gone, *key.not_found))


def test_robots_txt_server_error_means_disallow_all(
    fast_crawls: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """RFC 9309: a robots.txt answered with a 5xx means "crawl nothing", not "no rules"."""
    with demo_server() as server:
        profile = profile_for(server, "bridal").model_copy(update={"remove_after_missing_runs": 1})
        launch.crawl(profile, allow_private=True)
        overloaded = Page(503, "text/plain; charset=utf-8", b"try later\n")
        monkeypatch.setattr(render, "robots_page", lambda site, base: overloaded)
        server.clear_log()
        run = launch.crawl(profile, allow_private=True)
        fetched = {path for site, path, _ in server.requests if site == "bridal"}
    with psycopg.connect(fast_crawls) as conn:
        statuses = {r["status"] for r in stored(conn, "bridal").values()}
    assert fetched == {"/robots.txt"}
    assert run.status == "failed" and run.adverts_removed == 0
    assert statuses == {"active"}


def test_private_targets_are_refused_unless_allowed(fast_crawls: str) -> None:
    with demo_server() as server:
        profile = profile_for(server, "bridal").model_copy(update={"allow_private": False})
        with pytest.raises(launch.CrawlRefused, match="private"):
            launch.crawl(profile)


def test_page_budget_stops_a_crawl_without_removals(
    fast_crawls: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from config.settings import get_settings

    with demo_server() as server:
        crawl_site(server, "bridal")
        monkeypatch.setenv("ADWATCH_CRAWLER_MAX_PAGES", "10")
        get_settings.cache_clear()
        cut_short = crawl_site(server, "bridal")
        with psycopg.connect(fast_crawls) as conn:
            statuses = {r["status"] for r in stored(conn, "bridal").values()}
    assert cut_short.status == "interrupted"
    assert statuses == {"active"}  # an incomplete crawl proves nothing is gone


def test_robots_txt_binds_every_request_that_waited_for_it(fast_crawls: str) -> None:
    """Requests reaching the downloader while robots.txt is still loading (several start URLs,
    or a shard resuming a shared frontier) must each be checked once it has loaded."""
    with demo_server() as server:
        disallowed = list(server.answer_key().sites["jobs"].disallowed)
        profile = profile_for(server, "jobs")
        profile = profile.model_copy(update={"start_urls": [*profile.start_urls, *disallowed]})
        launch.crawl(profile, allow_private=True)
        fetched = [path for site, path, _ in server.requests if site == "jobs"]
    assert not [p for p in fetched if p.startswith("/private/")], "robots.txt was bypassed"

"""Zero-config crawls recognise listings by their content: an advert gone from a page's
schema.org ItemList, though its own page is still online, is removed as missing from the
listing; without such a listing, or when a page could not be read, it is kept."""

from __future__ import annotations

import json

import psycopg
import pytest

from store.crawl_runs import CrawlRun
from tests.e2e.hostile import Answer, Site, serving
from tests.e2e.test_crawl_cutoffs import errors_by_path, posting_page, zero_config_crawl

pytestmark = [pytest.mark.e2e, pytest.mark.integration]


def item_list_page(*paths: str) -> Answer:
    """A listing whose adverts are named only in its JSON-LD ItemList (no links to them)."""
    elements = [{"@type": "ListItem", "position": n, "url": p} for n, p in enumerate(paths, 1)]
    data = {"@context": "https://schema.org", "@type": "ItemList", "itemListElement": elements}
    script = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    return Answer(body=f"<html><head>{script}</head><body><h1>Jobs</h1></body></html>".encode())


def start_page(*hrefs: str) -> Answer:
    anchors = "".join(f'<a href="{href}">{href}</a> ' for href in hrefs)
    return Answer(body=f"<html><body><p>Welcome</p>{anchors}</body></html>".encode())


def advert_status(db_url: str, site: Site, path: str) -> tuple[str, str | None]:
    with psycopg.connect(db_url) as conn:
        row = conn.execute(
            "SELECT status, removal_reason FROM adverts WHERE canonical_url = %s",
            (site.base + path,),
        ).fetchone()
    assert row is not None, path
    return str(row[0]), row[1]


def crawls(site: Site, times: int) -> list[CrawlRun]:
    return [zero_config_crawl(site) for _ in range(times)]


def test_an_advert_gone_from_an_itemlist_is_removed_as_missing(adwatch_env: str) -> None:
    answers = {
        "/": start_page("/about", "/jobs"),
        "/about": Answer(body=b"<html><body><p>About us</p></body></html>"),
        "/jobs": item_list_page("/jobs/1", "/jobs/2", "/jobs/3"),
        "/jobs/1": posting_page("Packer"),
        "/jobs/2": posting_page("Loader"),
        "/jobs/3": posting_page("Driver"),
    }
    with serving(answers) as site:
        (first,) = crawls(site, 1)
        answers["/jobs"] = item_list_page("/jobs/1", "/jobs/2")  # /jobs/3 is still online
        second, third = crawls(site, 2)  # the demo profiles' rule: removed after 2 misses
    assert (first.status, first.adverts_new) == ("finished", 3), first.error_log
    assert [run.status for run in (second, third)] == ["finished", "finished"]
    assert (second.adverts_removed, third.adverts_removed) == (0, 1)
    assert advert_status(adwatch_env, site, "/jobs/3") == ("removed", "missing from listing")
    assert advert_status(adwatch_env, site, "/jobs/1") == ("active", None)
    assert site.requests.count("/jobs/3") == 3  # reached, then re-checked by each later run


def test_a_failed_side_page_neither_interrupts_the_run_nor_removes_adverts(
    adwatch_env: str,
) -> None:
    answers = {
        "/": start_page("/jobs", "/help"),
        "/help": Answer(body=b"<html><body><p>Help</p></body></html>"),
        "/jobs": item_list_page("/jobs/1", "/jobs/2"),
        "/jobs/1": posting_page("Welder"),
        "/jobs/2": posting_page("Fitter"),
    }
    with serving(answers) as site:
        crawls(site, 1)
        answers["/jobs"] = item_list_page("/jobs/1")
        answers["/help"] = Answer(503, b"busy")  # might have listed /jobs/2: nothing proven
        runs = crawls(site, 2)
    assert [run.status for run in runs] == ["finished", "finished"]
    assert errors_by_path(runs[-1], site) == {"/help": "HTTP 503"}
    assert [run.adverts_removed for run in runs] == [0, 0]
    assert advert_status(adwatch_env, site, "/jobs/2") == ("active", None)

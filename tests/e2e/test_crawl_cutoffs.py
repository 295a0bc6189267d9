"""Cut-offs against hostile local servers: files that are no web page, oversized pages, gzip
bombs and silent servers each leave a readable reason in the run's error log; in zero-config
mode only the start pages and their rel=next chain are listings whose failure interrupts a run
(listings recognised by content: test_crawl_listings_by_content.py), so a broken side page does
not leave the run interrupted."""

from __future__ import annotations

import gzip
import json

import pytest

from crawlers import launch
from crawlers.adhoc import adhoc_profile
from crawlers.settings import MAX_PAGE_BYTES
from store.crawl_runs import CrawlRun
from tests.e2e.hostile import Answer, Site, serving

pytestmark = [pytest.mark.e2e, pytest.mark.integration]


def posting_page(title: str) -> Answer:
    posting = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": title,
        "description": f"{title}: ordinary work, contract and pay as the law asks.",
        "datePosted": "2026-11-30",
        "hiringOrganization": {"@type": "Organization", "name": "Example Works"},
    }
    script = f'<script type="application/ld+json">{json.dumps(posting)}</script>'
    return Answer(body=f"<html><head>{script}</head><body><h1>{title}</h1></body></html>".encode())


def links_page(*hrefs: str, rel_next: str | None = None) -> Answer:
    anchors = "".join(f'<a href="{href}">{href}</a> ' for href in hrefs)
    if rel_next:
        anchors += f'<a rel="next" href="{rel_next}">next</a>'
    return Answer(body=f"<html><body><p>Jobs</p>{anchors}</body></html>".encode())


def zero_config_crawl(site: Site) -> CrawlRun:
    """A crawl as `adwatch crawl --url` makes it: no selectors, on-site links followed."""
    profile = adhoc_profile(site.base + "/", "job").model_copy(update={"delay_s": 0.0})
    return launch.crawl(profile, allow_private=True)


def errors_by_path(run: CrawlRun, site: Site) -> dict[str, str]:
    return {entry["url"].removeprefix(site.base): entry["error"] for entry in run.error_log}


BIG = b"<html><body>" + b"<p>padding</p>" * (MAX_PAGE_BYTES // 14 + 10) + b"</body></html>"


def test_links_to_files_are_not_followed_and_a_file_behind_a_page_link_is_stopped(
    adwatch_env: str,
) -> None:
    pdf = Answer(body=b"%PDF-1.4 " * 1_000_000, headers={"Content-Type": "application/pdf"})
    answers = {
        "/": links_page("/brochure.pdf", "/photo.JPG", "/pack.zip", "/download", "/jobs/1"),
        "/download": pdf,
        "/jobs/1": posting_page("Warehouse operative"),
    }
    with serving(answers) as site:
        run = zero_config_crawl(site)
    assert not {"/brochure.pdf", "/photo.JPG", "/pack.zip"} & set(site.requests), site.requests
    errors = errors_by_path(run, site)
    assert "/download" in errors, (site.requests, run.error_log, run.status)
    assert errors["/download"] == "skipped: not a web page (application/pdf, 9,000,000 bytes)"
    assert (run.status, run.adverts_new) == ("finished", 1), run.error_log


@pytest.mark.parametrize("sends_length", [True, False], ids=["with-length", "streamed"])
def test_an_oversized_side_page_is_cut_off_with_its_reason_and_the_run_finishes(
    adwatch_env: str, sends_length: bool
) -> None:
    big = Answer(body=BIG, send_length=sends_length)
    answers = {"/": links_page("/big", "/jobs/1"), "/big": big, "/jobs/1": posting_page("Cook")}
    with serving(answers) as site:
        run = zero_config_crawl(site)
    error = errors_by_path(run, site)["/big"]
    if sends_length:
        assert "larger than download max size" in error, error
    else:
        assert error == "cut off: the page is over the 5 MiB size limit"
    assert (run.status, run.adverts_new) == ("finished", 1), run.error_log


def test_a_gzip_bomb_is_cut_off_with_its_reason(adwatch_env: str) -> None:
    bomb = gzip.compress(b" " * (10 * MAX_PAGE_BYTES))
    answers = {
        "/": links_page("/bomb", "/jobs/1"),
        "/bomb": Answer(body=bomb, headers={"Content-Encoding": "gzip"}),
        "/jobs/1": posting_page("Driver"),
    }
    with serving(answers) as site:
        run = zero_config_crawl(site)
    error = errors_by_path(run, site)["/bomb"]
    assert error.startswith("cut off: a compressed answer inflates past the page size limit")
    assert (run.status, run.adverts_new) == ("finished", 1), run.error_log


def test_a_server_that_hangs_up_is_named_in_words(adwatch_env: str) -> None:
    answers = {"/": links_page("/jobs/1", "/jobs/2"), "/jobs/2": Answer(silent=True)}
    answers["/jobs/1"] = posting_page("Baker")
    with serving(answers) as site:
        run = zero_config_crawl(site)
    error = errors_by_path(run, site)["/jobs/2"]
    assert error == "ConnectionDone: the server closed the connection without answering"


def test_a_broken_listing_in_the_rel_next_chain_leaves_the_run_interrupted(
    adwatch_env: str,
) -> None:
    answers = {
        "/": links_page("/jobs/1", rel_next="/?page=2"),
        "/?page=2": Answer(503, b"busy"),
        "/jobs/1": posting_page("Welder"),
    }
    with serving(answers) as site:
        run = zero_config_crawl(site)
    assert errors_by_path(run, site) == {"/?page=2": "HTTP 503"}
    assert run.status == "interrupted", run.error_log


def test_a_zero_config_revisit_keeps_an_advert_still_online(adwatch_env: str) -> None:
    """An advert the start page no longer links to, still online with its posting, is seen."""
    answers = {"/": links_page("/jobs/1", "/jobs/2")}
    answers |= {"/jobs/1": posting_page("Packer"), "/jobs/2": posting_page("Loader")}
    with serving(answers) as site:
        first = zero_config_crawl(site)
        answers["/"] = links_page("/jobs/1")
        second = zero_config_crawl(site)
    assert (first.adverts_new, second.adverts_removed) == (2, 0)
    assert site.requests.count("/jobs/2") == 2, site.requests
    assert (second.status, second.adverts_unchanged) == ("finished", 2), second.error_log

"""robots.txt per RFC 9309 against hostile local servers: what cannot be read forbids every
page and fails the run with its reason; a missing file allows all quietly; the adwatch group
binds by product token; one fetch per run serves the rules and the sitemaps."""

from __future__ import annotations

import gzip

import pytest

from crawlers.robots import MAX_ROBOTS_BYTES
from tests.e2e.hostile import Answer, crawl, serving

pytestmark = [pytest.mark.e2e, pytest.mark.integration]


def robots(answer: Answer) -> dict[str, Answer]:
    return {"/robots.txt": answer}


BOMB = gzip.compress(b"#" * (20 * MAX_ROBOTS_BYTES))
UNREADABLE = {
    "server error": (Answer(500, b"oops"), "HTTP 500"),
    "no answer": (Answer(silent=True), "could not be read"),
    "oversized": (Answer(body=b"# padding\n" * (MAX_ROBOTS_BYTES // 8)), "could not be read"),
    "gzip bomb": (Answer(body=BOMB, headers={"Content-Encoding": "gzip"}), "could not be read"),
    "not utf-8": (Answer(body=b"User-agent: *\nDisallow: /\xff\xfe\n"), "not UTF-8"),
}


@pytest.mark.parametrize("case", sorted(UNREADABLE))
def test_an_unreadable_robots_txt_forbids_everything_and_fails_the_run(
    adwatch_env: str, case: str
) -> None:
    answer, reason = UNREADABLE[case]
    with serving(robots(answer)) as site:
        run = crawl(site)
    assert set(site.requests) == {"/robots.txt"}, site.requests
    assert run.status == "failed" and run.adverts_removed == 0
    assert run.errors == 1, run.error_log
    message = run.error_log[0]["error"]
    assert "robots.txt could not be read" in message and reason in message, message


@pytest.mark.parametrize("profile", ["demo-bridal", "demo-jobs"])  # links; structured
@pytest.mark.parametrize("status", [403, 404, 410])
def test_a_missing_robots_txt_allows_all_without_a_run_error(
    adwatch_env: str, status: int, profile: str
) -> None:
    # the body of an error page is no robots.txt, whatever it says
    with serving(robots(Answer(status, b"User-agent: *\nDisallow: /\n"))) as site:
        run = crawl(site, profile)
    assert site.requests.count("/robots.txt") == 1 and "/" in site.requests
    assert (run.status, run.errors) == ("finished", 0), run.error_log


def test_the_adwatch_group_overrides_a_forbidding_star_group(adwatch_env: str) -> None:
    body = b"User-agent: *\nDisallow: /\n\nUser-agent: adwatch\nAllow: /\n"
    with serving(robots(Answer(body=body, headers={"Content-Type": "text/plain"}))) as site:
        run = crawl(site)
    assert "/" in site.requests
    assert run.status == "finished", run.error_log


def test_robots_txt_is_fetched_once_and_its_gzipped_sitemap_read(adwatch_env: str) -> None:
    sitemap = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>{base}/jobs/1</loc></url></urlset>"
    )
    answers = {"/robots.txt": Answer(), "/sitemap.xml.gz": Answer()}
    with serving(answers) as site:
        answers["/robots.txt"].body = f"Sitemap: {site.base}/sitemap.xml.gz\n".encode()
        gz = gzip.compress(sitemap.replace(b"{base}", site.base.encode()))
        answers["/sitemap.xml.gz"] = Answer(body=gz, headers={"Content-Type": "application/gzip"})
        crawl(site, "demo-jobs")
    assert site.requests.count("/robots.txt") == 1, site.requests
    assert "/sitemap.xml.gz" in site.requests and "/jobs/1" in site.requests, site.requests


def test_one_unreadable_host_fails_a_run_over_several_hosts(adwatch_env: str) -> None:
    with serving(robots(Answer(500, b"oops"))) as broken, serving({}) as fine:
        start_urls = [fine.base + "/", broken.base + "/"]
        run = crawl(fine, start_urls=start_urls)
    assert "/" in fine.requests and set(broken.requests) == {"/robots.txt"}
    assert run.status == "failed" and run.adverts_removed == 0
    assert ["robots.txt could not be read" in e["error"] for e in run.error_log] == [True]

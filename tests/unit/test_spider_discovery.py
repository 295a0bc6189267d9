"""robots.txt read once per host and run: its rules (RFC 9309) and its sitemaps (the
structured, zero-configuration mode's discovery)."""

from __future__ import annotations

import asyncio
import gzip

import pytest
from scrapy.http import HtmlResponse, Request, Response
from scrapy.utils.test import get_crawler
from scrapy.utils.url import url_has_any_extension

from crawlers.options import CrawlOptions
from crawlers.profiles import load_profile
from crawlers.robots import HostRules, StrictRobotsTxtMiddleware
from crawlers.settings import MAX_PAGE_BYTES, scrapy_settings
from crawlers.spiders.adverts import AdvertSpider
from crawlers.zero_config import BINARY_SUFFIXES, web_pages

ROBOTS = (
    b"# robots.txt\nUser-agent: *\nDisallow: /private/\n\n"
    b"Sitemap: https://jobs.example.org/sitemap.xml\n"
    b"sitemap:https://jobs.example.org/%D0%B2/sitemap.xml\n"
    b"Sitemap-ish: https://jobs.example.org/not-a-sitemap.xml\n"
)
ROBOTS_URL = "https://jobs.example.org/robots.txt"
FULL_UA = "Mozilla/5.0 (compatible; adwatch/1.0; +https://example.org/adwatch)"
OPTIONS = CrawlOptions(FULL_UA, 1.0, 100, None, False)


def middleware() -> StrictRobotsTxtMiddleware:
    return StrictRobotsTxtMiddleware(get_crawler(settings_dict=scrapy_settings(OPTIONS)))


def rules(body: bytes, status: int = 200) -> HostRules:
    # not a TextResponse: robots.txt served as application/octet-stream is still read
    return middleware()._rules(ROBOTS_URL, Response(ROBOTS_URL, status=status, body=body))


def test_sitemaps_listed_in_robots_txt_are_requested() -> None:
    spider = AdvertSpider(load_profile("demo-jobs"))
    requests = list(spider.sitemap_requests(rules(ROBOTS).sitemaps))
    assert [r.url for r in requests] == [
        "https://jobs.example.org/sitemap.xml",
        "https://jobs.example.org/%D0%B2/sitemap.xml",
    ]
    assert all(r.callback == spider.parse_sitemap for r in requests)


@pytest.mark.parametrize("status", [400, 401, 403, 404, 410])
def test_a_missing_robots_txt_means_no_rules(status: int) -> None:
    assert rules(b"User-agent: *\nDisallow: /\n", status) == HostRules()


@pytest.mark.parametrize("status", [429, 500, 503])
def test_a_robots_txt_server_error_means_unreadable(status: int) -> None:
    found = rules(ROBOTS, status)
    assert found.unreadable and f"HTTP {status}" in found.unreadable
    assert not found.sitemaps


def test_a_robots_txt_that_is_not_utf8_is_unreadable() -> None:
    found = rules(b"User-agent: *\nDisallow: /priv\xe9/\n")
    assert found.unreadable and "not UTF-8" in found.unreadable


def test_the_adwatch_group_is_matched_by_product_token() -> None:
    """RFC 9309 2.2.1: groups name a product token; the whole UA string would match none."""
    assert scrapy_settings(OPTIONS)["ROBOTSTXT_USER_AGENT"] == "adwatch"
    mw = middleware()
    parser = rules(b"User-agent: *\nDisallow: /\n\nUser-agent: adwatch\nAllow: /\n").parser
    assert parser is not None
    agent = mw._user_agent(Request(ROBOTS_URL, headers={"User-Agent": FULL_UA}))
    assert agent == "adwatch"
    assert parser.allowed("https://jobs.example.org/jobs/1", agent)
    assert not parser.allowed("https://jobs.example.org/jobs/1", "otherbot")


def test_a_gzipped_sitemap_is_read() -> None:
    spider = AdvertSpider(load_profile("demo-jobs"))
    xml = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>https://jobs.example.org/jobs/1</loc></url></urlset>"
    )
    response = Response("https://jobs.example.org/sitemap.xml.gz", body=gzip.compress(xml))
    assert [r.url for r in spider.parse_sitemap(response)] == ["https://jobs.example.org/jobs/1"]


def test_a_gzipped_sitemap_bomb_is_a_logged_skip() -> None:
    spider = AdvertSpider(load_profile("demo-jobs"))
    bomb = gzip.compress(b"<" * (MAX_PAGE_BYTES + 1024 * 1024))
    response = Response("https://jobs.example.org/sitemap.xml.gz", body=bomb)
    (item,) = spider.parse_sitemap(response)
    assert "unreadable sitemap" in getattr(item, "message", "")


def sitemap_of(*urls: str) -> Response:
    entries = "".join(f"<url><loc>{url}</loc></url>" for url in urls)
    xml = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
    return Response("https://jobs.example.org/sitemap.xml", body=xml.encode())


def test_an_advert_url_already_requested_is_not_requested_again() -> None:
    """A sitemap lists what the listings link to: each advert URL becomes one request, and a
    sitemap read after the listings adds only what they did not link to."""
    spider = AdvertSpider(load_profile("demo-jobs"))
    listed = [f"https://jobs.example.org/jobs/{n}" for n in range(3)]
    page = HtmlResponse(
        "https://jobs.example.org/jobs",
        body="".join(f'<a class="job-link" href="{u}">x</a>' for u in listed).encode(),
        encoding="utf-8",
    )

    outputs = asyncio.run(spider._profile_listing(page))
    page_urls = [r.url for r in outputs if r.callback == spider.parse_advert]
    assert page_urls == listed
    both = [*listed, "https://jobs.example.org/jobs/9", listed[0]]
    assert [r.url for r in spider.parse_sitemap(sitemap_of(*both))] == both[3:4]
    assert list(spider.parse_sitemap(sitemap_of(*both))) == []  # read twice: nothing new


def test_binary_links_are_not_followed_as_scrapy_judges_them() -> None:
    urls = [
        "https://jobs.example.org/jobs/1",
        "https://jobs.example.org/files/offer.PDF",
        "https://jobs.example.org/files/offer.pdf;jsessionid=1",
        "https://jobs.example.org/photo.jpg?size=2",
        "https://jobs.example.org/pdf/",
        "https://jobs.example.org/archive.tar.gz",
        "https://jobs.example.org/jobs/2.html#apply",
    ]
    expected = [u for u in urls if not url_has_any_extension(u, BINARY_SUFFIXES)]
    assert list(web_pages(urls)) == expected
    assert expected == [urls[0], urls[4], urls[6]]

"""The trap middleware on real Scrapy requests and responses: what a page's links are
allowed, what is exempt (advert links, a profile's next-page links, sitemaps), and that each
cut-off is reported once per kind and pattern."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from crawlers.extract.profile_model import LinkSelectors
from crawlers.items import PageError
from crawlers.options import CrawlOptions, TrapLimits
from crawlers.profiles import load_profile
from crawlers.settings import scrapy_settings
from crawlers.spiders.adverts import AdvertSpider
from crawlers.traps import MAX_REPORTS_PER_KIND, TrapMiddleware

SITE = "https://x.example.org"
WORDS = [
    *("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india"),
    *("juliett", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo"),
    *("sierra", "tango", "uniform", "victor", "whiskey", "xray", "yankee", "zulu"),
]


def members(n: int) -> str:
    """Page n's own text: listing pages of other adverts are no near-duplicates."""
    return " ".join(WORDS[(n * 4 + k) % len(WORDS)] for k in range(4))


def middleware(limits: TrapLimits | None = None, structured: bool = False) -> TrapMiddleware:
    limits = limits or TrapLimits()
    options = CrawlOptions("adwatch-test", 0.0, 100, None, False, trap_limits=limits)
    crawler = get_crawler(settings_dict=scrapy_settings(options))
    profile = load_profile("demo-jobs" if structured else "demo-bridal")
    if structured:
        profile = profile.model_copy(update={"links": LinkSelectors()})
    crawler.spider = AdvertSpider(profile)
    return TrapMiddleware(crawler)


def spider(mw: TrapMiddleware) -> AdvertSpider:
    assert isinstance(mw.crawler.spider, AdvertSpider)
    return mw.crawler.spider


def listing_page(mw: TrapMiddleware, url: str, text: str = "Our members") -> HtmlResponse:
    request = Request(url, callback=spider(mw).parse_listing)
    body = f"<html><body><h1>{text}</h1></body></html>".encode()
    return HtmlResponse(url, body=body, encoding="utf-8", request=request)


def listing(mw: TrapMiddleware, url: str) -> Request:
    return Request(url, callback=spider(mw).parse_listing)


def advert(mw: TrapMiddleware, url: str) -> Request:
    return Request(url, callback=spider(mw).parse_advert)


def judge(mw: TrapMiddleware, response: HtmlResponse, outputs: list[Any]) -> list[Any]:
    async def spider_output() -> AsyncIterator[Any]:
        for output in outputs:
            yield output

    async def collect() -> list[Any]:
        return [o async for o in mw.process_spider_output(response, spider_output())]

    return asyncio.run(collect())


def followed(outputs: list[Any]) -> list[str]:
    return [o.url for o in outputs if isinstance(o, Request)]


def reports(outputs: list[Any]) -> list[str]:
    return [o.message for o in outputs if isinstance(o, PageError)]


def test_links_past_the_cap_are_dropped_and_reported_once_with_their_count() -> None:
    mw = middleware(TrapLimits(max_links_per_page=10))
    page = listing_page(mw, f"{SITE}/big")
    out = judge(mw, page, [advert(mw, f"{SITE}/bride/{n}") for n in range(25)])
    assert followed(out) == [f"{SITE}/bride/{n}" for n in range(10)]
    assert reports(out) == [f"link cap: 25 links on {SITE}/big, followed the first 10"]
    assert spider(mw).listings_unread == 1  # links mode: this listing was not read in full
    assert not reports(judge(mw, page, [advert(mw, f"{SITE}/bride/{n}") for n in range(25)]))


def test_links_past_the_cap_leave_the_listing_unread_in_zero_config_mode_too() -> None:
    mw = middleware(TrapLimits(max_links_per_page=10), structured=True)
    out = judge(mw, listing_page(mw, f"{SITE}/"), [listing(mw, f"{SITE}/{n}") for n in range(11)])
    assert len(followed(out)) == 10 and spider(mw).listings_unread == 1


def test_a_sitemap_is_not_capped() -> None:
    mw = middleware(TrapLimits(max_links_per_page=10), structured=True)
    request = Request(f"{SITE}/sitemap.xml", callback=spider(mw).parse_sitemap)
    sitemap = HtmlResponse(f"{SITE}/sitemap.xml", body=b"<urlset/>", request=request)
    out = judge(mw, sitemap, [advert(mw, f"{SITE}/jobs/{n}") for n in range(25)])
    assert len(followed(out)) == 25 and not reports(out)


def test_an_overlong_url_is_dropped_and_reported_once_per_pattern() -> None:
    mw = middleware(structured=True)
    long_urls = [f"{SITE}/echo?x={'a' * 2000}{n}" for n in range(3)]
    out = judge(mw, listing_page(mw, f"{SITE}/"), [listing(mw, u) for u in long_urls])
    out += judge(mw, listing_page(mw, f"{SITE}/2"), [advert(mw, long_urls[0] + "b")])
    assert not followed(out)
    assert len(reports(out)) == 1
    assert reports(out)[0].startswith("trap limit: URL longer than 2000 characters not followed")
    assert spider(mw).listings_unread == 0  # zero-config mode: a pruned trap, not a gap


def test_deep_and_looping_paths_are_dropped_but_advert_links_are_not() -> None:
    mw = middleware()
    deep = f"{SITE}/" + "/".join(f"d{n}" for n in range(13))
    loop = f"{SITE}/shop/week/week/week/"
    page = listing_page(mw, f"{SITE}/")
    out = judge(mw, page, [listing(mw, deep), listing(mw, loop), advert(mw, deep)])
    assert followed(out) == [deep]  # the advert link
    assert reports(out) == [
        f"trap limit: path deeper than 12 segments not followed: {deep}",
        f"trap limit: path repeats /week — not followed: {loop}",
    ]


def test_query_variety_binds_zero_config_links_but_not_a_profiles_next_page_links() -> None:
    limits = TrapLimits(max_values_per_parameter=3)
    pages = [listing(middleware(limits), f"{SITE}/?page={n}") for n in range(6)]
    for structured, expected in ((False, 6), (True, 3)):
        mw = middleware(limits, structured=structured)
        out: list[Any] = []
        for n, request in enumerate(pages):
            out += judge(mw, listing_page(mw, request.url, members(n)), [request])
        assert len(followed(out)) == expected
    assert reports(out) == [
        f"trap limit: stopped following new values of ?page= on {SITE}/ after 3 distinct values"
    ]


def test_links_of_a_near_duplicate_page_are_not_followed() -> None:
    mw = middleware()
    out: list[Any] = []
    for day in range(1, 10):
        page = listing_page(mw, f"{SITE}/cal?date=2031-01-{day:02d}", f"Events on 2031-01-{day}")
        next_day = listing(mw, f"{SITE}/cal?date=2031-01-{day + 1:02d}")
        out += judge(mw, page, [next_day, advert(mw, f"{SITE}/bride/{day}")])
    assert len(followed(out)) == 5 + 9  # days 1..5 (day 6 is a near-duplicate of five); adverts
    assert reports(out) == [
        f"trap limit: stopped following links from {SITE}/cal?date=2031-01-06 — page is a "
        "near-duplicate of 5 pages already seen"
    ]
    assert spider(mw).listings_unread == 4  # links mode: each cut listing is unread


def test_reports_of_one_kind_stop_after_a_limit_with_one_line_saying_so() -> None:
    mw = middleware(structured=True)
    deep_urls = [f"{SITE}/p{n}/" + "/".join("d" * 13) for n in range(MAX_REPORTS_PER_KIND + 5)]
    out = judge(mw, listing_page(mw, f"{SITE}/"), [listing(mw, u) for u in deep_urls])
    assert len(reports(out)) == MAX_REPORTS_PER_KIND + 1
    assert reports(out)[-1] == "trap limit: more cut-offs of this kind (depth) not logged"


def test_an_advert_link_dropped_at_the_cap_is_still_requested_from_a_sitemap() -> None:
    """The spider skips advert URLs it requested before; one the link cap dropped was not
    requested, so a sitemap read later still yields it (discovery does not depend on order)."""
    mw = middleware(TrapLimits(max_links_per_page=2))
    urls = [f"{SITE}/bride/{n}" for n in range(3)]
    yielded = list(spider(mw)._new_advert_requests(urls))
    out = judge(mw, listing_page(mw, f"{SITE}/big"), yielded)
    assert followed(out) == urls[:2]
    assert [r.url for r in spider(mw)._new_advert_requests(urls)] == urls[2:]

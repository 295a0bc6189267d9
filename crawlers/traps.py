"""Crawler-trap defences: a spider middleware that judges every request a page yields.

An endless calendar, a relative-link loop or a page with 100,000 links would otherwise run the
crawl to its page budget (days, gigabytes). Per site, requests are dropped when their URL is
too long, their path too deep or looping, their query one value too many for its path, when
the page they come from is the near-duplicate of several pages already followed, or past the
page's link cap. Each cut-off is reported once per kind and pattern as a PageError, so it
lands in the run's error log without one line per dropped URL.

What is exempt, so that legitimate large sites are not cut: advert requests (a profile's
advert links, a sitemap's URLs) face only the URL length and the link cap, even from a
near-duplicate page; a profile's
next-page links skip the query-variety limits (?page=1..1000 is a listing, not a trap);
sitemaps are not capped. Links past the cap, and in links mode any cut, leave a listing
unread, so the run ends interrupted and counts no advert missing; other zero-config cuts only
prune the trap, and the rest of the site is read.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any, Self
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response, TextResponse

from crawlers.items import PageError
from crawlers.options import TrapLimits
from crawlers.trap_rules import (
    NearDuplicates,
    QueryVariety,
    path_pattern,
    path_segments,
    repeated_block,
    simhash,
    visible_words,
)

log = logging.getLogger(__name__)

#: the Scrapy setting that hands the middleware its TrapLimits
TRAP_LIMITS = "ADWATCH_TRAP_LIMITS"
#: ahead of Scrapy's own spider middlewares (output runs from the highest number down)
SPIDER_MIDDLEWARES = {"crawlers.traps.TrapMiddleware": 950}
#: request meta key: the listing page's simhash, when an extraction worker computed it
PAGE_SIMHASH = "adwatch_page_simhash"
#: reports per kind of cut-off; past it, one line says the rest were not logged
MAX_REPORTS_PER_KIND = 20


class Reports:
    """Cut-off messages, once per kind and pattern, at most MAX_REPORTS_PER_KIND per kind."""

    def __init__(self) -> None:
        self.seen: set[tuple[str, Any]] = set()
        self.per_kind: dict[str, int] = {}

    def once(self, kind: str, pattern: Any, url: str, message: str) -> PageError | None:
        count = self.per_kind.get(kind, 0)
        if (kind, pattern) in self.seen or count > MAX_REPORTS_PER_KIND:
            return None  # and past the limit no pattern is kept: a hostile site has endless ones
        self.seen.add((kind, pattern))
        self.per_kind[kind] = count + 1
        if count == MAX_REPORTS_PER_KIND:
            prefix = message.split(":")[0]  # "trap limit" or "link cap"
            message = f"{prefix}: more cut-offs of this kind ({kind}) not logged"
        log.warning("%s", message)
        return PageError(url, message)


@dataclass
class PageVerdict:
    """What one page's output has been allowed so far."""

    response: Response
    listing: bool  # a listing page (its links are followed), not a sitemap or an advert
    near_duplicates: int | None = None  # computed on the page's first request
    trap: bool = False  # a near-duplicate of enough pages seen: its links are not followed
    links: int = 0
    followed: int = 0
    dropped: int = 0
    capped: int = 0  # dropped past the link cap


class TrapMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        limits = crawler.settings.get(TRAP_LIMITS)
        self.limits = limits if isinstance(limits, TrapLimits) else TrapLimits()
        self.variety = QueryVariety(self.limits)
        self.pages_seen: dict[str, NearDuplicates] = {}  # by site (netloc)
        self.reports = Reports()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    async def process_spider_output(
        self, response: Response, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        page = PageVerdict(response, _callback(response.request) == "parse_listing")
        async for output in result:
            for judged in self._judge(page, output):
                yield judged
        for report in self._close(page):
            yield report

    # -- one page -----------------------------------------------------------------------------
    def _judge(self, page: PageVerdict, output: Any) -> Iterator[Any]:
        if not isinstance(output, Request):
            yield output
            return
        page.links += 1
        refusal = self._refusal(page, output)
        if refusal is None:
            page.followed += 1
            yield output
            return
        page.dropped += 1
        self._forget(output.url)
        kind, pattern, url, message = refusal
        if kind == "link-cap":
            page.capped += 1
        self._stat(kind)
        report = self.reports.once(kind, pattern, url, message) if message else None
        if report is not None:
            yield report

    def _close(self, page: PageVerdict) -> Iterator[PageError]:
        if page.capped:
            url = page.response.url
            pattern = (urlsplit(url).netloc, path_pattern(urlsplit(url).path))
            message = (
                f"link cap: {page.links} links on {url}, "
                f"followed the first {self.limits.max_links_per_page}"
            )
            report = self.reports.once("link-cap", pattern, url, message)
            if report is not None:
                yield report
        # Links past the cap, or a profile's listing cut short, are pages nobody read: the run
        # cannot tell which adverts are missing. Other zero-config cuts prune a trap.
        if page.capped or (page.dropped and page.listing and self._profile_links()):
            spider = self.crawler.spider
            setattr(spider, "listings_unread", getattr(spider, "listings_unread", 0) + 1)  # noqa: B010

    def _refusal(self, page: PageVerdict, request: Request) -> tuple[str, Any, str, str] | None:
        """(kind, pattern, url, message) of the limit that refuses the request, or None."""
        url = request.url
        parts = urlsplit(url)
        if len(url) > self.limits.max_url_length:
            message = f"trap limit: URL longer than {self.limits.max_url_length} characters "
            message += f"not followed: {url[:200]}…"
            return "url-length", (parts.netloc, _first_segment(parts.path)), url, message
        if not page.listing:
            return None
        if page.followed >= self.limits.max_links_per_page:
            return "link-cap", None, url, ""  # reported once the page's links are counted
        if _callback(request) != "parse_listing":
            # An advert link: only the URL length and the link cap bind it (an advert page
            # yields no links, so a trap cannot grow through it).
            return None
        if self._is_trap_page(page):
            return self._near_duplicate_refusal(page)
        return self._path_refusal(url) or self._variety_refusal(url)

    def _is_trap_page(self, page: PageVerdict) -> bool:
        if page.near_duplicates is None:
            response = page.response
            site = self.pages_seen.setdefault(
                urlsplit(response.url).netloc, NearDuplicates(self.limits)
            )
            page.near_duplicates, page.trap = site.count(_text_simhash(response))
        return page.trap

    def _near_duplicate_refusal(self, page: PageVerdict) -> tuple[str, Any, str, str]:
        url = page.response.url
        parts = urlsplit(url)
        message = (
            f"trap limit: stopped following links from {url} — page is a near-duplicate of "
            f"{page.near_duplicates} pages already seen"
        )
        return "near-duplicate", (parts.netloc, path_pattern(parts.path)), url, message

    # -- one link -----------------------------------------------------------------------------
    def _path_refusal(self, url: str) -> tuple[str, Any, str, str] | None:
        parts = urlsplit(url)
        segments = path_segments(parts.path)
        if len(segments) > self.limits.max_path_segments:
            message = f"trap limit: path deeper than {self.limits.max_path_segments} segments "
            message += f"not followed: {url}"
            return "depth", (parts.netloc, _first_segment(parts.path)), url, message
        block = repeated_block(segments, self.limits.max_path_repeats)
        if block is not None:
            message = f"trap limit: path repeats /{'/'.join(block)} — not followed: {url}"
            return "loop", (parts.netloc, block), url, message
        return None

    def _variety_refusal(self, url: str) -> tuple[str, Any, str, str] | None:
        if self._profile_links():
            return None  # a profile's next-page link: pagination, however many pages
        parts = urlsplit(url)
        cut = self.variety.admit(parts.netloc, parts.path, parts.query)
        if cut is None:
            return None
        where = f"{parts.scheme}://{parts.netloc}{parts.path}"
        if cut.parameter is None:
            message = f"trap limit: stopped following new query strings on {where} "
            message += f"after {cut.limit} distinct ones"
        else:
            message = f"trap limit: stopped following new values of ?{cut.parameter}= on "
            message += f"{where} after {cut.limit} distinct values"
        return "query-variety", (parts.netloc, parts.path, cut.parameter), url, message

    # -- the spider ---------------------------------------------------------------------------
    def _profile_links(self) -> bool:
        """Links mode: the profile's selectors name advert and next-page links."""
        links = getattr(getattr(self.crawler.spider, "profile", None), "links", None)
        return bool(getattr(links, "advert", None))

    def _forget(self, url: str) -> None:
        """A dropped advert request was not made: the same URL from a sitemap or another listing
        read later (under another page's link cap) must still be requested."""
        requested = getattr(self.crawler.spider, "adverts_requested", None)
        if isinstance(requested, set):
            requested.discard(url)

    def _stat(self, kind: str) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"adwatch/traps/{kind}")


def _callback(request: Request | None) -> str | None:
    """The name of the spider method a request is for (parse_listing, parse_advert, ...)."""
    callback = getattr(request, "callback", None)
    return getattr(callback, "__name__", None)


def _text_simhash(response: Response) -> int:
    """The page's fingerprint: from the extraction worker that read the page, else here."""
    meta = getattr(response.request, "meta", None) or {}
    computed = meta.get(PAGE_SIMHASH)
    if isinstance(computed, int):
        return computed
    text = response.text if isinstance(response, TextResponse) else ""
    return simhash(visible_words(text))


def _first_segment(path: str) -> str:
    segments = path_segments(path)
    return segments[0] if segments else ""

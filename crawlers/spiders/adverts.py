"""The advert spider: listing pages → advert pages, by site profile or schema.org JobPosting."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap

from crawlers.cutoffs import ANY_TEXT_OR_ARCHIVE, failure_message
from crawlers.extract.decoding import decode_body
from crawlers.extract.fields import AdvertFields
from crawlers.extract.urls import canonical_url
from crawlers.extraction_pool import ExtractionFailed, ExtractionPool
from crawlers.items import AdvertPage, GonePage, PageError, RawEvidence
from crawlers.listing_read import listing_of
from crawlers.profiles import SiteProfile, extract_with_profile
from crawlers.robots import ROBOTS_LOADED, RobotsForbidden, RobotsUnreadable
from crawlers.settings import MAX_PAGE_BYTES
from crawlers.spiders.images import ImageCapture, ImageSpiderMixin
from crawlers.spiders.zero_config_pages import ZeroConfigPages, content_type
from crawlers.zero_config import LINKED_FROM, ListingBook

log = logging.getLogger(__name__)
GONE_STATUSES = [404, 410]
#: request meta key: a listing page, whose failure leaves the run's listings incomplete
LISTING = "adwatch_listing"
#: Scrapy request priority of listing pages (start pages and their rel=next chains) over
#: adverts (0). Scrapy's queue is last-in first-out: a next page found early was buried under
#: the sitemap's thousands of adverts and the whole chain, one listing at a time with its
#: reading in a worker, was left for the end of the crawl, the reactor idle in between
#: (a tenth of a 5,000-advert crawl's time). Read early, it overlaps the advert downloads,
#: and an interrupted run has read more of its listings.
LISTING_PRIORITY = 1


class AdvertSpider(ImageSpiderMixin, ZeroConfigPages, scrapy.Spider):
    name = "adverts"

    def __init__(
        self,
        profile: SiteProfile,
        known_urls: Iterable[str] = (),
        shard: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(name=f"adverts-{profile.name}", **kwargs)
        self.profile = profile
        # The site's adverts stored as online when the run opened (the launcher looked).
        self.known_urls = list(known_urls)
        # One of several processes sharing a Redis frontier: it skips the re-check (on_idle).
        self.shard = shard
        self.allowed_domains = sorted({urlsplit(u).hostname or "" for u in profile.start_urls})
        # No selectors: every on-site link is followed, pages with a JobPosting are adverts.
        self.zero_config = profile.links is None or not profile.links.advert
        self.listing_book = ListingBook()  # zero-config listings recognised by content
        self.pages_failed = 0
        # Zero-config: a stored advert this run did not reach counts as missing (decided once
        # the listings are done, in on_idle), not as still advertised because still online.
        self.missing_by_content = False
        self.seen: set[str] = set()  # canonical URLs of adverts reached in this run
        # Advert URLs already requested: a sitemap lists what the listings link to (and the
        # reverse), and a duplicate costs a Request, the spider middlewares and the scheduler's
        # fingerprint before the duplicate filter drops it. Exact strings only; the duplicate
        # filter still catches spellings that differ.
        self.adverts_requested: set[str] = set()
        self.revisited = False
        # Absence from the listings proves removal only if every listing page was read.
        self.listings_read = 0
        self.listings_unread = 0
        self.robots_reported: set[str] = set()  # unreadable robots.txt, logged once each
        # Advert pages are extracted in worker processes when run by a crawler (from_crawler).
        self.extraction: ExtractionPool | None = None

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> AdvertSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.extraction = ExtractionPool.for_crawl(crawler, spider.profile)
        spider.image_capture = ImageCapture.for_crawl(crawler)
        crawler.signals.connect(spider.on_idle, signal=signals.spider_idle)
        crawler.signals.connect(spider.on_robots_loaded, signal=ROBOTS_LOADED)
        return spider

    def on_idle(self) -> None:
        """Once the listings are done, re-check stored adverts this run did not reach: a 404 or
        410 is a takedown; a page still online stays subject to the missing-runs rule."""
        if self.revisited or self.shard:  # a shard cannot know what the other shards reached
            return
        if not self.listings_read:
            return  # the site is down or forbids us: re-checking every stored advert is no use
        self.revisited = True
        self.missing_by_content = self.zero_config and self.listed_by_content()
        unseen = [url for url in self.known_urls if url not in self.seen]
        for url in unseen:
            request = scrapy.Request(
                url,
                callback=self.parse_revisit,
                errback=self.on_error,
                meta={"handle_httpstatus_list": GONE_STATUSES},
            )
            self.crawler.engine.crawl(request)
        if unseen:
            raise DontCloseSpider

    async def parse_revisit(self, response: Response) -> list[Any]:
        if response.status in GONE_STATUSES:
            return [GonePage(canonical_url(response.url), response.status, datetime.now(UTC))]
        if self.zero_config and not self.missing_by_content:
            # No listing to be missing from: a page that still carries its posting is online.
            return await self.parse_advert(response)
        return []

    async def start(self) -> AsyncIterator[Any]:
        for url in self.profile.start_urls:
            yield self._listing_request(url)

    # -- discovery ----------------------------------------------------------------------------
    def on_robots_loaded(self, netloc: str, sitemaps: tuple[str, ...]) -> None:
        """The robots middleware read a host's robots.txt (its only fetch in this run): in
        structured mode, its sitemaps are where the adverts are listed."""
        if not self.profile.structured:
            return
        for request in self.sitemap_requests(sitemaps):
            self.crawler.engine.crawl(request)

    def sitemap_requests(self, sitemaps: Iterable[str]) -> Iterator[scrapy.Request]:
        for url in sitemaps:
            yield self._sitemap_request(url)

    def _sitemap_request(self, url: str) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback=self.parse_sitemap,
            errback=self.on_error,
            meta={ANY_TEXT_OR_ARCHIVE: True},
        )

    def parse_sitemap(self, response: Response) -> Iterator[Any]:
        try:
            sitemap = Sitemap(_sitemap_body(response))
        except Exception as exc:  # a broken sitemap is a logged skip
            yield PageError(response.url, f"unreadable sitemap: {exc}")
            return
        locations = (entry.get("loc", "") for entry in sitemap)
        if sitemap.type == "sitemapindex":
            yield from (self._sitemap_request(loc) for loc in locations)
        else:
            yield from self._new_advert_requests(locations)

    def _listing_request(self, url: str, *, listing: bool = True) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback=self.parse_listing,
            errback=self.on_error,
            meta={LISTING: listing},
            priority=LISTING_PRIORITY if listing else 0,
        )

    async def parse_listing(self, response: Response) -> list[Any]:
        if response.meta.get(LISTING, True):
            self.listings_read += 1
        if self.zero_config:
            # Adverts are pages with a JobPosting; on-site links are followed. Only the start
            # pages and their rel=next chains are listings whose failure leaves the listings
            # incomplete: a failed other page (an oversized help page) does not.
            return await self.zero_config_page(response)
        return await self._profile_listing(response)

    async def _profile_listing(self, response: Response) -> list[Any]:
        try:
            read = await listing_of(response, content_type(response), self.profile, self.extraction)
        except ExtractionFailed as exc:  # a hostile listing: its links are unread
            self.listings_unread += bool(response.meta.get(LISTING, True))
            return [self._extraction_failed(response, str(exc))]
        return [
            *self._new_advert_requests(read.advert_links),
            *(self._listing_request(link) for link in read.next_links),
        ]

    # -- adverts ------------------------------------------------------------------------------
    def _new_advert_requests(self, urls: Iterable[str]) -> Iterator[scrapy.Request]:
        """Requests for the advert URLs not requested before in this run."""
        for url in urls:
            if url not in self.adverts_requested:
                self.adverts_requested.add(url)
                yield self._advert_request(url)

    def _advert_request(self, url: str) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback=self.parse_advert,
            errback=self.on_error,
            meta={"handle_httpstatus_list": GONE_STATUSES},
        )

    async def parse_advert(self, response: Response) -> list[Any]:
        # A coroutine returning a list, not an async generator: Scrapy resumes its middleware
        # chain's generators fewer times a page (~25 % fewer calls there, cProfile).
        if response.status in GONE_STATUSES:
            canonical = canonical_url(response.url)
            self.seen.add(canonical)
            return [GonePage(canonical, response.status, datetime.now(UTC))]
        if self.extraction is None:  # no crawler (tests): extract here
            html = decode_body(response.body, content_type(response))
            return list(self._advert_items(response, html, require=True))
        # Extraction runs in worker processes so the reactor keeps downloading meanwhile.
        try:
            page = await self.extraction.extract_page(
                response.body, content_type(response), response.url
            )
        except ExtractionFailed as exc:  # hostile pages must not stop the crawl
            return [self._extraction_failed(response, str(exc))]
        return list(
            self._fields_items(response, page.fields, True, page.canonical_url, page.evidence)
        )

    def _extraction_failed(self, response: Response, reason: str) -> PageError:
        log.warning("extraction failed on %s: %s", response.url, reason)
        return PageError(response.url, f"extraction failed: {reason}")

    def _advert_items(self, response: Response, html: str, require: bool) -> Iterator[Any]:
        try:
            fields = self._extract(html, response.url)
        except Exception as exc:  # hostile pages must not stop the crawl
            yield self._extraction_failed(response, f"{type(exc).__name__}: {exc}")
            return
        yield from self._fields_items(response, fields, require)

    def _fields_items(
        self,
        response: Response,
        fields: AdvertFields | None,
        require: bool,
        canonical: str | None = None,
        evidence: RawEvidence | None = None,
    ) -> Iterator[Any]:
        """The advert's items; `canonical` (the page's canonical URL) and `evidence` (its
        bytes' hash and gzip) when a worker worked them out."""
        if fields is None:
            if require:
                yield PageError(response.url, "no advert found on page")
            return
        canonical = canonical or canonical_url(response.url)
        self.seen.add(canonical)
        if self.zero_config:
            self.listing_book.advert_recognised(response.meta.get(LINKED_FROM))
        yield AdvertPage(
            url=response.url,
            canonical_url=canonical,
            fields=fields,
            raw_body=response.body,
            content_type=content_type(response),
            http_status=response.status,
            fetched_at=datetime.now(UTC),
            evidence=evidence,
        )
        # after the advert, so that the pipeline stores it before its images
        yield from self.image_requests(canonical, fields.images)

    def _extract(self, html: str, url: str) -> AdvertFields | None:
        # JobPosting first when the profile is structured; selectors fill what it lacks.
        return extract_with_profile(html, url, self.profile)

    def on_error(self, failure: Any) -> Iterator[Any]:
        request = getattr(failure, "request", None)
        url = request.url if request is not None else "?"
        status = failure.value.response.status if failure.check(HttpError) else None
        if failure.check(RobotsUnreadable):
            yield from self._robots_unreadable(request, failure.getErrorMessage())
            return
        if failure.check(RobotsForbidden):  # the site asks us not to: a quiet skip
            log.debug("skipped %s: %s", url, failure.getErrorMessage())
            return
        if status not in GONE_STATUSES:
            # A 404/410 listing is an answer; an outage, a block or a 5xx hides what is listed.
            self.pages_failed += 1
            self.listings_unread += self._is_listing(request)
        message = failure_message(failure, request)  # a refusal is a logged skip too
        log.info("fetch failed %s: %s", url, message)
        yield PageError(url, message)

    def _is_listing(self, request: scrapy.Request | None) -> bool:
        if request is None or request.callback != self.parse_listing:
            return False
        return bool(request.meta.get(LISTING, True))

    def _robots_unreadable(self, request: Any, reason: str) -> Iterator[Any]:
        """A page not fetched because robots.txt could not be read: the listing stays unread
        (nothing may be counted missing), and the reason is a run error, once per host."""
        if self._is_listing(request):
            self.listings_unread += 1
        if reason not in self.robots_reported:
            self.robots_reported.add(reason)
            yield PageError(request.url if request is not None else "?", reason[:1000])


def _sitemap_body(response: Response) -> bytes:
    """A sitemap.xml.gz (gzip file, not gzip transfer encoding) unpacked, within the page limit:
    a gzip bomb raises instead of filling memory."""
    if response.body[:2] == b"\x1f\x8b":
        return gunzip(response.body, max_size=MAX_PAGE_BYTES)
    return response.body

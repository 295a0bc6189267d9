"""The zero-configuration half of the advert spider: every on-site page read in a worker.

A page is read whole in an extraction worker (crawlers/zero_config.py: advert, ItemList,
links), so the reactor only turns the answer into items and requests. The start pages and
their rel=next chains are the listings whose failure leaves a run interrupted, as before;
pages recognised as listings by their content (an ItemList of postings, links to several
adverts) let a complete run count the adverts it did not reach as missing from the listings,
where without them a stored advert still online is taken as still advertised.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response

from crawlers.extract.fields import AdvertFields
from crawlers.extraction_pool import ExtractionFailed, ExtractionPool
from crawlers.extraction_worker import PageJob
from crawlers.items import PageError, RawEvidence
from crawlers.profiles import SiteProfile
from crawlers.zero_config import LINKED_FROM, ListingBook, PageRead, read_page

log = logging.getLogger(__name__)

#: Scrapy stats of the trap middleware's cut-offs (crawlers/traps.py)
_TRAP_STATS = "adwatch/traps/"


class ZeroConfigPages:
    profile: SiteProfile
    allowed_domains: list[str]
    extraction: ExtractionPool | None
    crawler: Any
    listing_book: ListingBook
    pages_failed: int  # pages that could not be read: any might have been a listing

    async def zero_config_page(self, response: Response) -> list[Any]:
        """The page's advert (if any) and the requests for its links (a list: see parse_advert)."""
        try:
            read = await self._read(response)
        except ExtractionFailed as exc:  # hostile pages must not stop the crawl
            self.pages_failed += 1
            return [self._extraction_failed(response, str(exc))]
        if read.item_list:
            self.listing_book.item_list(response.url)
        items = self._fields_items(response, read.fields, False, evidence=read.evidence)
        return [*items, *self._page_requests(response, read)]

    async def _read(self, response: Response) -> PageRead:
        page_type = content_type(response)
        if self.extraction is None:  # no crawler (tests): read here
            return read_page(response.body, page_type, response.url, self.profile)
        job = PageJob(read_page, response.body, page_type, response.url)
        read: PageRead = await self.extraction.run(job)
        return read

    def _page_requests(self, response: Response, read: PageRead) -> Iterator[scrapy.Request]:
        # read_page kept only links that may be web pages (no PDFs, images, archives)
        next_pages = set(read.next_pages)
        for url in read.next_pages:
            yield self._listing_request(url)
        linked = dict.fromkeys(read.listed + read.links)  # the ItemList's first, in order
        for url in linked:
            if url not in next_pages and urlsplit(url).hostname in self.allowed_domains:
                request = self._listing_request(url, listing=False)
                request.meta[LINKED_FROM] = response.url
                yield request

    def listed_by_content(self) -> bool:
        """The run found listings by their content and read everything it found: an advert it
        did not reach is missing from them (a failed page or a trap cut might have hidden it)."""
        if not self.listing_book.found or self.pages_failed:
            return False
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        return not any(key.startswith(_TRAP_STATS) and value for key, value in stats.items())

    # -- the advert spider's --------------------------------------------------------------------
    def _listing_request(self, url: str, *, listing: bool = True) -> scrapy.Request:
        raise NotImplementedError

    def _extraction_failed(self, response: Response, reason: str) -> PageError:
        raise NotImplementedError

    def _fields_items(
        self,
        response: Response,
        fields: AdvertFields | None,
        require: bool,
        canonical: str | None = None,
        evidence: RawEvidence | None = None,
    ) -> Iterator[Any]:
        raise NotImplementedError


def content_type(response: Response) -> str | None:
    value = response.headers.get(b"Content-Type")
    return value.decode("latin-1") if value else None

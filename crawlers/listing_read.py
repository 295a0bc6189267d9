"""A profile's listing page read in an extraction worker: its links and its text's simhash."""

from __future__ import annotations

from dataclasses import dataclass

from scrapy.http import Response

from crawlers.extract.decoding import decode_body
from crawlers.extraction_pool import ExtractionPool
from crawlers.extraction_worker import PageJob
from crawlers.profiles import SiteProfile, listing_links
from crawlers.trap_rules import simhash, visible_words
from crawlers.traps import PAGE_SIMHASH
from crawlers.zero_config import web_pages


@dataclass(frozen=True)
class ListingRead:
    """What the spider and the trap middleware need from a listing page."""

    advert_links: list[str]  # absolute, only links that may be web pages (web_pages)
    next_links: list[str]  # absolute, idem
    # the page's near-duplicate fingerprint (crawlers.traps), or None when not computed
    text_simhash: int | None = None


def read_listing(
    body: bytes, content_type: str | None, url: str, profile: SiteProfile
) -> ListingRead:
    """Parsing a listing (~1.5 ms), leaving out links to files, and fingerprinting its text
    (~1 ms) in a worker keeps them off the reactor."""
    html = decode_body(body, content_type)
    return _web_links(html, url, profile, simhash(visible_words(html)))


def _web_links(html: str, url: str, profile: SiteProfile, text_simhash: int | None) -> ListingRead:
    advert_links, next_links = listing_links(html, url, profile)
    return ListingRead(list(web_pages(advert_links)), list(web_pages(next_links)), text_simhash)


async def listing_of(
    response: Response, page_type: str | None, profile: SiteProfile, pool: ExtractionPool | None
) -> ListingRead:
    """The listing read by a worker of `pool`, its simhash left in the request meta for the
    trap middleware; read here when there is no pool (no crawler: tests). ExtractionFailed
    when the worker's reading raised."""
    if pool is None:
        return _web_links(decode_body(response.body, page_type), response.url, profile, None)
    job = PageJob(read_listing, response.body, page_type, response.url)
    read: ListingRead = await pool.run(job)
    response.meta[PAGE_SIMHASH] = read.text_simhash
    return read

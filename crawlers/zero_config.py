"""Zero-configuration pages: read whole in an extraction worker, and the listings they reveal.

With no link selectors every on-site page is fetched and may be an advert (a JobPosting), a
listing, or neither. `read_page` runs in a worker process: it decodes the page, finds an
ItemList of postings, extracts the advert and the page's links, so the reactor only turns the
answer into items and requests. `ListingBook` keeps, for one run, the pages recognised as
listings by their content: an ItemList of postings, or links to several pages recognised as
adverts (counted through the LINKED_FROM request meta as those adverts are recognised).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urlparse

from scrapy.http import HtmlResponse
from scrapy.linkextractors import IGNORED_EXTENSIONS, LinkExtractor

from crawlers.extract.decoding import decode_body
from crawlers.extract.fields import AdvertFields
from crawlers.extract.listings import item_listing, linked_adverts_make_listing
from crawlers.extract.profile_extract import extract_with_profile
from crawlers.extract.profile_model import SiteProfile
from crawlers.extract.text import parse_html
from store.adverts import RawEvidence, raw_evidence

#: request meta key: the page whose link the request follows (zero-config mode)
LINKED_FROM = "adwatch_linked_from"
#: links to files that are no web page (PDF, images, archives, office documents, media)
BINARY_SUFFIXES = {f".{extension}" for extension in IGNORED_EXTENSIONS}
# one str.endswith over a tuple: Scrapy's url_has_any_extension tries the ~80 suffixes in turn
_BINARY_ENDINGS = tuple(sorted(BINARY_SUFFIXES))
_SITE_LINKS = LinkExtractor(deny_extensions=IGNORED_EXTENSIONS)


def web_pages(urls: Iterable[str]) -> Iterator[str]:
    """The URLs that may be web pages: not links to PDFs, images, archives and the like."""
    # urlparse, not urlsplit, as Scrapy's check: "/file.pdf;jsessionid=1" is a PDF too
    return (url for url in urls if not urlparse(url).path.lower().endswith(_BINARY_ENDINGS))


@dataclass(frozen=True)
class PageRead:
    """What a zero-config page holds, as a worker read it."""

    fields: AdvertFields | None  # the advert on the page, if it is one
    item_list: bool  # it carries an ItemList of postings: a listing
    listed: tuple[str, ...]  # the URLs its ItemList names
    next_pages: tuple[str, ...]  # its rel=next links
    links: tuple[str, ...]  # every other link to a web page (offsite ones included)
    evidence: RawEvidence | None = None  # with an advert: the page bytes' hash and gzip
    # listed, next_pages and links hold only links that may be web pages (web_pages)


def read_page(body: bytes, content_type: str | None, url: str, profile: SiteProfile) -> PageRead:
    """Read one zero-config page (runs in an extraction worker)."""
    html = decode_body(body, content_type)
    root = parse_html(html)
    listing = None
    if root is not None:
        listing = item_listing(root, url, microdata="itemscope" in html.lower())
    # A pure listing's postings are its adverts', not the page's own.
    is_advert = listing is None or listing.advert_too
    fields = extract_with_profile(html, url, profile) if is_advert else None
    # Links read from the text as decode_body decoded it (whatever the served charset).
    page = HtmlResponse(url, body=html.encode("utf-8"), encoding="utf-8")
    rel_next = page.css("a[rel~=next]::attr(href), link[rel~=next]::attr(href)").getall()
    next_pages = tuple(web_pages(dict.fromkeys(page.urljoin(href) for href in rel_next)))
    links = tuple(link.url for link in _SITE_LINKS.extract_links(page))
    return PageRead(
        fields=fields,
        item_list=listing is not None,
        listed=tuple(web_pages(listing.urls)) if listing is not None else (),
        next_pages=next_pages,
        links=links,
        evidence=raw_evidence(body) if fields is not None else None,
    )


class ListingBook:
    """One run's zero-config listings recognised by content."""

    def __init__(self) -> None:
        self.listings: set[str] = set()  # URLs of the pages recognised as listings
        self._advert_links: Counter[str] = Counter()  # page URL -> adverts recognised from it

    def item_list(self, page_url: str) -> None:
        self.listings.add(page_url)

    def advert_recognised(self, linked_from: object) -> None:
        """An advert was recognised on a page that `linked_from` (a page URL) links to."""
        if not isinstance(linked_from, str) or linked_from in self.listings:
            return
        self._advert_links[linked_from] += 1
        if linked_adverts_make_listing(self._advert_links[linked_from]):
            self.listings.add(linked_from)
            del self._advert_links[linked_from]

    @property
    def found(self) -> bool:
        return bool(self.listings)

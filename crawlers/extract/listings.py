"""Listing pages recognised by their content, for crawls without a profile's link selectors.

A page lists postings when it carries a schema.org ItemList (JSON-LD or microdata) whose
elements are JobPostings, ListItems holding a JobPosting, or ListItems naming only a URL
(schema.org's "summary page" form). BreadcrumbList and the other ItemList subtypes list no
postings and are not read. A page is also a listing when it links to several pages recognised
as adverts; that is counted by the crawl as the adverts are recognised (crawlers/zero_config.py),
with `linked_adverts_make_listing` as the rule.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from crawlers.extract.structured import json_ld_blocks, microdata_items, schema_types

#: links to this many pages recognised as adverts make a page a listing
MIN_ADVERT_LINKS = 3
#: listed URLs kept per page at most (a hostile page may list millions)
MAX_LISTED = 1000
_MAX_DEPTH = 16


@dataclass(frozen=True)
class ItemListing:
    """What a page's ItemLists of postings say."""

    urls: tuple[str, ...]  # the listed postings' absolute URLs (those that name one)
    postings: int  # listed postings, with or without a URL
    advert_too: bool  # the page also carries a JobPosting of its own, outside any ItemList


@dataclass
class _Found:
    page_url: str
    urls: list[str] = field(default_factory=list)
    postings: int = 0
    outside: bool = False


def item_listing(root: Any, page_url: str, *, microdata: bool) -> ItemListing | None:
    """The ItemList of postings on a parsed page (lxml root), or None when it has none.
    Microdata is read only when asked (extruct is slow): when the page has itemscope."""
    found = _Found(page_url)
    _walk(json_ld_blocks(root, page_url), found)
    if microdata:
        _walk(microdata_items(root, page_url), found)
    if not found.postings:
        return None
    return ItemListing(tuple(dict.fromkeys(found.urls)), found.postings, found.outside)


def linked_adverts_make_listing(recognised_adverts: int) -> bool:
    """A page linking to this many pages recognised as adverts is a listing."""
    return recognised_adverts >= MIN_ADVERT_LINKS


def _walk(node: Any, found: _Found, depth: int = 0) -> None:
    if depth > _MAX_DEPTH:
        return
    if isinstance(node, list):
        for item in node:
            _walk(item, found, depth + 1)
    elif isinstance(node, dict):
        types = schema_types(node)
        if "itemlist" in types:
            _read_list(node, found)
            return
        if "jobposting" in types:
            found.outside = True
            return
        for value in node.values():
            if isinstance(value, dict | list):
                _walk(value, found, depth + 1)


def _read_list(item_list: Mapping[str, Any], found: _Found) -> None:
    elements = item_list.get("itemListElement")
    for element in elements if isinstance(elements, list) else [elements]:
        posting, url = _listed_posting(element)
        if not posting:
            continue
        found.postings += 1
        absolute = _absolute(url, found.page_url)
        if absolute and len(found.urls) < MAX_LISTED:
            found.urls.append(absolute)


def _listed_posting(element: Any) -> tuple[bool, Any]:
    """(is it a posting, its URL) for one itemListElement."""
    if isinstance(element, str):
        return True, element  # a bare URL
    if not isinstance(element, dict):
        return False, None
    types = schema_types(element)
    if "jobposting" in types:
        return True, element.get("url")
    if types and "listitem" not in types:
        return False, None  # a Product, a Person, ...: not a posting
    item = element.get("item")
    if isinstance(item, str):
        return True, item
    if isinstance(item, dict):
        item_types = schema_types(item)
        if item_types and "jobposting" not in item_types:
            return False, None
        return True, item.get("url") or item.get("@id") or element.get("url")
    url = element.get("url")
    return url is not None, url


def _absolute(url: Any, page_url: str) -> str | None:
    if isinstance(url, list):
        url = url[0] if url else None
    if not isinstance(url, str) or not url.strip():
        return None
    absolute = urljoin(page_url, url.strip())
    return absolute if urlsplit(absolute).scheme in ("http", "https") else None

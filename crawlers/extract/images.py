"""An advert's image URLs: from the profile's ``images`` selector (``src``, ``srcset``, lazy
``data-src``) and from a JobPosting's ``image`` and hiring organisation's ``logo``.

Pure functions on parsed pages. URLs are made absolute against the page (and its <base>),
only http(s) is kept (no data: URIs), duplicates go, and at most MAX_IMAGE_URLS are returned:
a hostile page with ten thousand images yields a bounded list (the crawl caps it further).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

from crawlers.extract.selectors import base_url, select_results

__all__ = ["MAX_IMAGE_URLS", "largest_srcset_candidate", "posting_image_urls", "select_images"]

#: image URLs kept per advert page at most (before the crawl's own, smaller cap)
MAX_IMAGE_URLS = 100
_DESCRIPTOR = re.compile(r"^(\d+(?:\.\d+)?)([wx])$", re.IGNORECASE)
# lazy-loading scripts keep the real image in data-* and a placeholder in src: those first
_SRC_ATTRIBUTES = ("data-src", "data-original", "data-lazy-src", "src")
_SRCSET_ATTRIBUTES = ("data-srcset", "srcset")


def _srcset_candidates(srcset: str) -> list[tuple[str, float]]:
    """(URL, size) of each candidate, as the HTML standard splits them: a URL is a run of
    non-space characters (commas inside it allowed), its descriptors run to the next comma.
    Size is the width for "480w", the density for "2x", 1 for none (a plain src)."""
    candidates: list[tuple[str, float]] = []
    position, text = 0, srcset.strip()
    while position < len(text):
        while position < len(text) and (text[position].isspace() or text[position] == ","):
            position += 1
        start = position
        while position < len(text) and not text[position].isspace():
            position += 1
        url = text[start:position]
        descriptors = ""
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            end = text.find(",", position)
            end = len(text) if end < 0 else end
            descriptors, position = text[position:end].strip(), end
        if url:
            candidates.append((url, _size(descriptors)))
    return candidates


def _size(descriptors: str) -> float:
    match = _DESCRIPTOR.match(descriptors.split()[0]) if descriptors.split() else None
    if match is None:
        return 1.0
    value = float(match[1])
    # widths and densities are not comparable: a width (hundreds) outranks any density
    return value * 1000 if match[2].lower() == "w" else value


def largest_srcset_candidate(srcset: str) -> str | None:
    """The URL of a srcset's largest candidate (the first of equals), or None if empty."""
    candidates = _srcset_candidates(srcset)
    if not candidates:
        return None
    return max(candidates, key=lambda c: c[1])[0]


def _element_image(element: Any) -> str | None:
    """An <img>/<source>'s best URL: the largest srcset candidate, else its (lazy) src; for
    any other element (a <picture>, a gallery <div>), that of the first image inside."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag.lower() not in ("img", "source"):
        inner = element.xpath(".//img | .//source")
        return _element_image(inner[0]) if inner else None
    for name in _SRCSET_ATTRIBUTES:
        value = element.get(name)
        best = largest_srcset_candidate(value) if value else None
        if best and not best.lower().startswith("data:"):
            return best
    for name in _SRC_ATTRIBUTES:
        value = (element.get(name) or "").strip()
        if value and not value.lower().startswith("data:"):
            return value
    return None


def _absolute(raw: str, base: str) -> str | None:
    raw = raw.strip()
    if not raw or raw.startswith("#"):
        return None
    absolute = urldefrag(urljoin(base, raw))[0]
    parts = urlsplit(absolute)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return absolute


def _unique(urls: Iterable[str | None], base: str) -> list[str]:
    kept: list[str] = []
    for raw in urls:
        absolute = _absolute(raw, base) if raw else None
        if absolute is not None and absolute not in kept:
            kept.append(absolute)
            if len(kept) >= MAX_IMAGE_URLS:
                break
    return kept


def select_images(root: Any, spec: str | None, url: str) -> list[str]:
    """Absolute image URLs the selector finds: strings are a src or a srcset (its largest
    candidate), elements give their own or their first inner image."""
    if not spec:
        return []
    found: list[str | None] = []
    for item in select_results(root, spec):
        if isinstance(item, str):
            found.append(largest_srcset_candidate(item))
        elif hasattr(item, "xpath"):
            found.append(_element_image(item))
    return _unique(found, base_url(root, url))


def _image_values(value: object, depth: int = 0) -> list[str]:
    """URLs in a schema.org image/logo value: a URL, an ImageObject (url, contentUrl), or a
    list of either."""
    if depth > 4:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [u for item in value for u in _image_values(item, depth + 1)]
    if isinstance(value, Mapping):
        for key in ("contentUrl", "url", "@id"):
            inner = value.get(key)
            if isinstance(inner, str | list):
                return _image_values(inner, depth + 1)
    return []


def posting_image_urls(posting: Mapping[str, Any], page_url: str) -> list[str]:
    """A JobPosting's ``image`` and its hiring organisation's ``logo`` (or ``image``)."""
    urls = _image_values(posting.get("image"))
    organisation = posting.get("hiringOrganization")
    for org in organisation if isinstance(organisation, list) else [organisation]:
        if isinstance(org, Mapping):
            urls += _image_values(org.get("logo")) + _image_values(org.get("image"))
    return _unique(urls, page_url)

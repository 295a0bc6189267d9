"""Zero-configuration sites: a profile made from a start URL, for sites with schema.org data.

An ad-hoc site is keyed by scheme, host, port and start path: two job boards on one host
(different ports or paths) are two sites, so crawling one never marks the other's adverts
removed.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit

from crawlers.extract.profile_model import SiteProfile

_MAX_NAME = 64  # the profile model's limit
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def adhoc_site_name(url: str) -> str:
    """A stable profile name for the site a start URL opens, e.g. ``https-jobs-example-org-443``
    or ``http-127-0-0-1-23001-careers``; names too long for a profile end in a short hash of
    the whole key, so they stay distinct.

    Raises ValueError for a URL that is not absolute http(s).
    """
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in _DEFAULT_PORTS or not parts.hostname:
        raise ValueError(f"{url!r} is not an absolute http(s) URL")
    scheme = parts.scheme.lower()
    port = parts.port or _DEFAULT_PORTS[scheme]
    path = parts.path.rstrip("/")
    key = f"{scheme}://{parts.hostname.lower()}:{port}{path}"
    name = "-".join(p for p in (scheme, _slug(parts.hostname), str(port), _slug(path)) if p)
    if len(name) <= _MAX_NAME:
        return name
    digest = hashlib.sha256(key.encode()).hexdigest()[:10]
    return f"{name[: _MAX_NAME - len(digest) - 1].rstrip('-')}-{digest}"


def adhoc_profile(url: str, kind: str) -> SiteProfile:
    """Start at `url` and rely on structured data (schema.org JobPosting and the like).

    Raises ValueError (pydantic's ValidationError is one) for a URL or kind that cannot be
    crawled.
    """
    return SiteProfile.model_validate(
        {
            "name": adhoc_site_name(url),
            "kind": kind,
            "start_urls": [url.strip()],
            "structured": True,
        }
    )

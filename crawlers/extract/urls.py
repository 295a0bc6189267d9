"""URL canonicalisation and private-address checks."""

from __future__ import annotations

import re
import socket
from urllib.parse import SplitResult, unquote_plus, urlsplit, urlunsplit

from w3lib.url import canonicalize_url, url_query_cleaner

from crawlers.extract.addresses import numeric_host, refusal_label

__all__ = ["TRACKING_PARAMS", "canonical_url", "ip_is_private", "is_private_address"]

#: Query parameters dropped by :func:`canonical_url` (plus every ``utm_*``).
TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "yclid", "mc_cid", "mc_eid", "_ga", "ref", "ref_src"}
)
_DEFAULT_PORTS = {"http": 80, "https": 443, "ftp": 21, "ws": 80, "wss": 443}
_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


def _is_tracking(name: str) -> bool:
    key = unquote_plus(name).strip().lower()
    return key.startswith("utm_") or key in TRACKING_PARAMS


def canonical_url(url: str) -> str:
    """Canonical form of an absolute URL.

    w3lib's ``canonicalize_url`` (the form Scrapy fingerprints requests by): scheme and host
    lower-cased, fragment dropped, query parameters sorted, percent-encoding normalised, dot
    segments resolved; the path keeps its case. Before that, tracking parameters (``utm_*`` in
    any case, fbclid, gclid, yclid, mc_cid, mc_eid, _ga, ref, ref_src) are removed, as are a
    default port and the trailing dot of a host, which w3lib keeps. ``www.example.org/x`` and
    ``//example.org/x`` get ``http:``.

    Raises ValueError when the URL has no host or an invalid port.
    """
    url = url.strip()
    if _is_canonical_already(url):
        return url
    if url.startswith("//"):
        url = "http:" + url
    elif not _SCHEME_RE.match(url):
        url = "http://" + url
    parts = urlsplit(url)
    netloc = _canonical_netloc(parts, url)
    url = urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))
    # url_query_cleaner matches names exactly; tracking names are matched by prefix and case.
    tracking = [name for name in _query_names(parts.query) if _is_tracking(name)]
    return canonicalize_url(url_query_cleaner(url, tracking, remove=True, unique=False))


# URLs the steps below leave as they are (most advert URLs): a lower-case http(s) scheme and
# host, a port other than the default one, a path of unreserved characters without empty or
# dot segments, no query, no fragment. w3lib's canonicalisation costs ~15 times this test.
_CANONICAL_ALREADY_RE = re.compile(
    r"(https?)://[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::([1-9][0-9]{0,4}))?"
    r"(?:/|(?:/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+/?)"
)


def _is_canonical_already(url: str) -> bool:
    match = _CANONICAL_ALREADY_RE.fullmatch(url)
    if match is None:
        return False
    port = match.group(2)
    return port is None or (int(port) <= 65535 and int(port) != _DEFAULT_PORTS[match.group(1)])


def _query_names(query: str) -> set[str]:
    return {pair.partition("=")[0] for pair in query.split("&")}


def _canonical_netloc(parts: SplitResult, url: str) -> str:
    """The netloc without a default port or a trailing dot on the host; user info kept."""
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise ValueError(f"URL has no host: {url!r}")
    port = parts.port  # raises ValueError for a bad port
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    if port is not None and _DEFAULT_PORTS.get(parts.scheme.lower()) != port:
        host = f"{host}:{port}"
    userinfo, at, _ = parts.netloc.rpartition("@")
    return f"{userinfo}{at}{host}"


def ip_is_private(address: str) -> bool:
    """True for any address the crawler refuses to connect to (see
    :func:`crawlers.extract.addresses.refusal_label`): loopback, private, link-local, cloud
    metadata, CGNAT, multicast, reserved and the IPv6 forms embedding such an IPv4 address.
    Numeric spellings (``2130706433``, ``0x7f.1``) count as the address they mean.
    Raises ValueError for a host name."""
    ip = numeric_host(address)
    if ip is None:
        raise ValueError(f"not an IP address: {address!r}")
    return refusal_label(ip) is not None


def is_private_address(host: str) -> bool:
    """Whether ``host`` (a name or an IP literal) resolves to any non-public address.

    Every address ``socket.getaddrinfo`` returns is checked; one private address is
    enough (a name that resolves to both is treated as private). A URL is accepted too
    (its host is used). Raises ValueError when the host is empty or cannot be resolved.
    """
    name = host.strip()
    if "://" in name:
        name = urlsplit(name).hostname or ""
    elif name.startswith("[") and "]" in name:
        name = name[1 : name.index("]")]
    name = name.rstrip(".")
    if not name:
        raise ValueError(f"empty host: {host!r}")
    try:
        return ip_is_private(name)
    except ValueError:
        pass  # not an IP literal: resolve it
    try:
        infos = socket.getaddrinfo(name, None)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise ValueError(f"cannot resolve host {name!r}: {exc}") from exc
    addresses = {str(info[4][0]) for info in infos}
    if not addresses:
        raise ValueError(f"cannot resolve host {name!r}: no addresses")
    return any(ip_is_private(addr) for addr in addresses)

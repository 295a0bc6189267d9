"""URL canonicalisation and private-address checks."""

from __future__ import annotations

import ipaddress
import re
import socket
from urllib.parse import SplitResult, quote, unquote_plus, urlsplit, urlunsplit

__all__ = ["TRACKING_PARAMS", "canonical_url", "ip_is_private", "is_private_address"]

#: Query parameters dropped by :func:`canonical_url` (plus every ``utm_*``).
TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "yclid", "mc_cid", "mc_eid", "_ga", "ref", "ref_src"}
)
_DEFAULT_PORTS = {"http": 80, "https": 443, "ftp": 21, "ws": 80, "wss": 443}
# Characters left as they are when re-quoting (reserved + unreserved + "%").
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"
_QUERY_SAFE = "/%:@!$'()*+,;=-._~?"
_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


def _is_tracking(name: str) -> bool:
    key = unquote_plus(name).strip().lower()
    return key.startswith("utm_") or key in TRACKING_PARAMS


def canonical_url(url: str) -> str:
    """Canonical form of an absolute URL.

    Scheme and host lower-cased, default port and fragment dropped, tracking parameters
    (``utm_*``, fbclid, gclid, yclid, mc_cid, mc_eid, _ga, ref, ref_src) removed, the
    remaining query parameters sorted, unsafe characters percent-encoded; the path keeps
    its case. ``www.example.org/x`` and ``//example.org/x`` get ``http:``.

    Raises ValueError when the URL has no host or an invalid port.
    """
    url = url.strip()
    if url.startswith("//"):
        url = "http:" + url
    elif not _SCHEME_RE.match(url):
        url = "http://" + url
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    netloc = _canonical_netloc(parts, scheme, url)
    path = quote(parts.path, safe=_PATH_SAFE) or "/"
    return urlunsplit((scheme, netloc, path, _canonical_query(parts.query), ""))


def _canonical_netloc(parts: SplitResult, scheme: str, url: str) -> str:
    """Lower-case host (IPv6 in brackets), user info kept, default port dropped."""
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise ValueError(f"URL has no host: {url!r}")
    port = parts.port  # raises ValueError for a bad port
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host
    if parts.username is not None:
        userinfo = parts.username
        if parts.password is not None:
            userinfo += ":" + parts.password
        netloc = f"{userinfo}@{netloc}"
    if port is not None and _DEFAULT_PORTS.get(scheme) != port:
        netloc = f"{netloc}:{port}"
    return netloc


def _canonical_query(query: str) -> str:
    """Tracking parameters dropped, the rest re-quoted and sorted by name and value."""
    pairs: list[tuple[str, str, str]] = []
    for piece in query.split("&"):
        if not piece:
            continue
        name, sep, value = piece.partition("=")
        if _is_tracking(name):
            continue
        raw = quote(name, safe=_QUERY_SAFE) + sep + quote(value, safe=_QUERY_SAFE + "=")
        pairs.append((unquote_plus(name), unquote_plus(value), raw))
    pairs.sort(key=lambda p: (p[0], p[1]))
    return "&".join(p[2] for p in pairs)


def ip_is_private(address: str) -> bool:
    """True for loopback, private, link-local, reserved, multicast, unspecified or
    otherwise non-global IPv4/IPv6 addresses (IPv4-mapped IPv6 checked as IPv4)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        mapped = ip.ipv4_mapped or ip.sixtofour
        if mapped is not None:
            ip = mapped
    return bool(
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_multicast
        or ip.is_unspecified
        or not ip.is_global
    )


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

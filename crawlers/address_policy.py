"""Which addresses one crawl may connect to, and the refusal a request gets otherwise.

The launcher's look at the start URLs happens once, in another process, before the crawl: a
name can resolve elsewhere by the time the crawl connects (DNS rebinding), and links and
redirects lead anywhere. So the crawl process checks every connection itself (see
:mod:`crawlers.connect_policy`) against this policy. Allowing private targets (a site
profile's ``allow_private``, ``--allow-private``) allows only the start URLs' own host and
port, so a redirect from an allowed local site to another local port or host is still refused.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from scrapy.exceptions import IgnoreRequest
from scrapy.settings import BaseSettings

from crawlers.extract.addresses import METADATA, IPAddress, refusal_label

#: Scrapy setting: the (host, port) pairs where private addresses are allowed
PRIVATE_TARGETS = "ADWATCH_PRIVATE_TARGETS"
_DEFAULT_PORTS = {"http": 80, "https": 443}

Target = tuple[str, int]


class AddressRefused(IgnoreRequest):
    """A request not sent because its host is, or resolves to, an address the crawler must
    not connect to; the message says which and why."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"refused {url}: {reason}")
        self.url = url
        self.reason = reason


def url_target(url: str) -> Target:
    """The (host, port) a URL connects to: host lower-cased without brackets or a trailing
    dot, the scheme's default port when none is given. Raises ValueError for a bad port."""
    parts = urlsplit(url)
    return normal_host(parts.hostname or ""), parts.port or _DEFAULT_PORTS.get(
        parts.scheme.lower(), 0
    )


def normal_host(host: str) -> str:
    """One spelling of a host for comparisons: lower case, no brackets or trailing dot, an
    internationalised name in its ASCII (punycode) form, as in Scrapy's request URLs (Twisted
    hands the resolver the Unicode form)."""
    host = host.strip().lower().strip("[]").rstrip(".")
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


def private_targets(start_urls: Iterable[str]) -> tuple[Target, ...]:
    """The start URLs' own (host, port) pairs, where an allowed crawl may reach private
    addresses."""
    return tuple(sorted({url_target(url) for url in start_urls}))


@dataclass(frozen=True)
class AddressPolicy:
    """Public addresses only, except private ones at the allowed (host, port) pairs; cloud
    metadata addresses never."""

    private_targets: frozenset[Target] = frozenset()

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> AddressPolicy:
        pairs = settings.getlist(PRIVATE_TARGETS)
        return cls(frozenset((normal_host(str(host)), int(port)) for host, port in pairs))

    def refusal(self, target: Target, ip: IPAddress) -> str | None:
        """Why connecting to `ip` for `target` (the URL's host and port) is refused, as
        "127.0.0.1 (loopback)", or None when it is allowed."""
        label = refusal_label(ip)
        if label is None:
            return None
        host, port = target
        if label != METADATA and (normal_host(host), port) in self.private_targets:
            return None
        return f"{ip} ({label})"


def refused_text(refused: Sequence[str]) -> str:
    """The refused addresses as a run error tells them: "127.0.0.1 (loopback), a private
    address"."""
    return ", ".join(refused) + (
        ", a private address" if len(refused) == 1 else ", private addresses"
    )

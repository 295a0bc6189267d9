"""The address policy where connections are made: every request, every redirect hop, and the
robots.txt fetches, in the crawl process itself.

- :class:`PolicyResolver`, Scrapy's ``TWISTED_DNS_RESOLVER``, wraps the reactor's name
  resolver (getaddrinfo in a thread) and drops each refused address from what it hands on.
  Twisted's HostnameEndpoint (used by Scrapy's HTTP/1.1 download handler) connects only to
  the addresses the resolver hands it, and asks the resolver for IP literals and numeric
  hosts too (``2130706433``, ``[::ffff:127.0.0.1]``), so the resolution that is checked is
  the one that is connected to: a name that rebinds to 127.0.0.1 after the launcher's check
  reaches nothing. With every address refused, the endpoint fails with DNSLookupError.
- :class:`AddressPolicyMiddleware` refuses URL hosts that are IP addresses in any spelling,
  and schemes other than http(s), before anything else sees the request (Scrapy's offsite
  filter would drop some silently), so each refusal is reported with its reason.
- :class:`RefusedResolutionMiddleware` turns the resolver's DNSLookupError (which Scrapy
  raises as CannotResolveHostError) into the AddressRefused it stands for, ahead of the retry
  middleware (a refusal is not retried).

Proxies are switched off (Scrapy's HttpProxyMiddleware, which reads ``http_proxy`` from the
environment): through a proxy the resolver would only see the proxy's address while the proxy
resolved the target itself, past this policy.
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Sequence
from typing import Any, Self

from scrapy import signals
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.crawler import Crawler
from scrapy.exceptions import CannotResolveHostError
from scrapy.http import Request
from scrapy.utils.misc import load_object
from twisted.internet.error import DNSLookupError
from twisted.internet.interfaces import (
    IAddress,
    IHostnameResolver,
    IHostResolution,
    IResolutionReceiver,
)
from zope.interface import implementer  # type: ignore[import-untyped]

from crawlers.address_policy import (
    AddressPolicy,
    AddressRefused,
    Target,
    normal_host,
    refused_text,
    url_target,
)
from crawlers.extract.addresses import numeric_host

log = logging.getLogger(__name__)

#: Scrapy settings that put the policy in place (the launcher's order adds PRIVATE_TARGETS)
RESOLVER = "crawlers.connect_policy.PolicyResolver"
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.httpproxy.HttpProxyMiddleware": None,
    # before the offsite filter (50) and robots.txt (100)
    "crawlers.connect_policy.AddressPolicyMiddleware": 40,
    # its process_exception runs before the retry middleware's (550)
    "crawlers.connect_policy.RefusedResolutionMiddleware": 560,
}
_SCHEMES = ("http", "https")
_ORIGINS_KEPT = 4096  # origins whose refusal is remembered


@implementer(IHostnameResolver)
class PolicyResolver:
    """Resolves as the reactor would, handing on only the addresses the policy allows; keeps
    the reason of the last refused resolution of each (host, port) for the middleware."""

    def __init__(self, reactor: Any, policy: AddressPolicy) -> None:
        self.reactor = reactor
        # Any: the zope interfaces declare methods without self, which mypy misreads
        self.original: Any = reactor.nameResolver
        self.policy = policy
        self.refusals: dict[Target, str] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler, reactor: Any) -> Self:
        # Scrapy passes the CrawlerProcess here: its settings are the crawl's settings.
        return cls(reactor, AddressPolicy.from_settings(crawler.settings))

    def install_on_reactor(self) -> None:
        self.reactor.installNameResolver(self)

    def resolveHostName(
        self,
        resolutionReceiver: IResolutionReceiver,
        hostName: str,
        portNumber: int = 0,
        addressTypes: Sequence[type[IAddress]] | None = None,
        transportSemantics: str = "TCP",
    ) -> IHostResolution:
        receiver = _FilteringReceiver(resolutionReceiver, self, (hostName, portNumber))
        resolution: IHostResolution = self.original.resolveHostName(
            receiver, hostName, portNumber, addressTypes, transportSemantics
        )
        return resolution


@implementer(IResolutionReceiver)
class _FilteringReceiver:
    """Passes the resolved addresses the policy allows on to the endpoint, drops the rest."""

    def __init__(self, receiver: Any, resolver: PolicyResolver, target: Target) -> None:
        self.receiver = receiver
        self.resolver = resolver
        self.target = (normal_host(target[0]), target[1])
        self.allowed = 0
        self.refused: list[str] = []

    def resolutionBegan(self, resolutionInProgress: IHostResolution) -> None:
        self.receiver.resolutionBegan(resolutionInProgress)

    def addressResolved(self, address: IAddress) -> None:
        reason = self._refusal(address)
        if reason is not None:
            log.info("not connecting to %s for %s:%s: %s", address, *self.target, reason)
            self.refused.append(reason)
            return
        self.allowed += 1
        self.receiver.addressResolved(address)

    def _refusal(self, address: IAddress) -> str | None:
        try:
            ip = ipaddress.ip_address(str(getattr(address, "host", "")).split("%", 1)[0])
        except ValueError:
            return f"{address} (not an IP address)"
        return self.resolver.policy.refusal(self.target, ip)

    def resolutionComplete(self) -> None:
        if self.refused and not self.allowed:
            described = list(dict.fromkeys(self.refused))  # getaddrinfo may repeat one
            self.resolver.refusals[self.target] = "resolves to " + refused_text(described)
        else:
            self.resolver.refusals.pop(self.target, None)
        self.receiver.resolutionComplete()


class AddressPolicyMiddleware:
    """Refuses, before any connection, what the resolver cannot judge by itself or what other
    components would drop without a reason: IP-literal hosts in any spelling and non-HTTP
    schemes. Without the policy resolver in place nothing is fetched at all."""

    def __init__(self, policy: AddressPolicy) -> None:
        self.policy = policy
        # A refusal depends on the URL's scheme, host and port only: judged once per origin
        # (each request is judged twice, when scheduled and when sent).
        self._by_origin: dict[str, str | None] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        _require_twisted_handler(crawler)
        middleware = cls(AddressPolicy.from_settings(crawler.settings))
        # Connected before the offsite filter's own receiver (its middleware is built later).
        crawler.signals.connect(middleware.request_scheduled, signal=signals.request_scheduled)
        return middleware

    def request_scheduled(self, request: Request) -> None:
        """Scrapy's offsite filter drops requests to other hosts when they are scheduled,
        silently and without an errback: a request this middleware refuses is let past it,
        so that it is refused here with its reason, which the spider logs as a run error."""
        if self.refusal(request) is not None:
            request.meta["allow_offsite"] = True

    def process_request(self, request: Request) -> None:
        reason = self.refusal(request)
        if reason is not None:
            raise AddressRefused(request.url, reason)
        if not isinstance(_reactor_resolver(), PolicyResolver):
            raise AddressRefused(request.url, f"the address policy resolver ({RESOLVER}) is off")

    def refusal(self, request: Request) -> str | None:
        origin, _, rest = request.url.partition("//")
        origin += "//" + rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
        if origin not in self._by_origin:
            if len(self._by_origin) >= _ORIGINS_KEPT:  # a hostile site may name endless hosts
                self._by_origin.clear()
            self._by_origin[origin] = self._judge(request.url)
        return self._by_origin[origin]

    def _judge(self, url: str) -> str | None:
        scheme = url.partition(":")[0].lower()
        if scheme not in _SCHEMES:
            return f"{scheme}: URLs are not fetched"
        try:
            target = url_target(url)
        except ValueError as exc:
            return f"invalid host or port ({exc})"
        ip = numeric_host(target[0])
        refused = self.policy.refusal(target, ip) if ip is not None else None
        if refused is None:
            return None
        spelled = "" if target[0] == str(ip) else f"{target[0]} means "
        return spelled + refused_text([refused])


class RefusedResolutionMiddleware:
    """A DNSLookupError from a resolution the policy emptied becomes AddressRefused."""

    def process_exception(self, request: Request, exception: Exception) -> None:
        if not isinstance(exception, (DNSLookupError, CannotResolveHostError)):
            return
        resolver = _reactor_resolver()
        if not isinstance(resolver, PolicyResolver):
            return
        try:
            reason = resolver.refusals.get(url_target(request.url))
        except ValueError:
            return
        if reason is not None:
            raise AddressRefused(request.url, reason)


def _require_twisted_handler(crawler: Crawler) -> None:
    """The httpx and aiohttp download handlers resolve names themselves, past the policy
    resolver: a crawl configured with one must not start."""
    handlers = crawler.settings.getwithbase("DOWNLOAD_HANDLERS")
    for scheme in _SCHEMES:
        handler = handlers.get(scheme)
        if handler is not None and load_object(handler) is not HTTP11DownloadHandler:
            raise ValueError(f"the address policy needs Scrapy's HTTP/1.1 handler for {scheme}")


def _reactor_resolver() -> object:
    from twisted.internet import reactor  # the installed one: import it only once running

    return getattr(reactor, "nameResolver", None)

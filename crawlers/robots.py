"""robots.txt as RFC 9309 asks, for every request, including those sent while it was loading.

A downloader middleware in place of Scrapy's RobotsTxtMiddleware, built on Scrapy's public
parts only (the engine's ``download_async``, the ``ROBOTSTXT_PARSER`` class), because the
fixes below needed that middleware's private internals:

- Requests that arrive while robots.txt is being fetched awaited one shared Deferred through
  ``Deferred.asFuture``, which consumes the result (Scrapy 2.13 and later): the first waiter
  got the parser, every later one got None, and None means "no robots.txt, allow". Several
  start URLs, or a shard picking up a shared frontier, thus fetched disallowed pages. Here each
  waiter has a Deferred of its own and reads the stored outcome when it fires.
- A robots.txt that could not be read (5xx, 429 after retries, a timeout or refused
  connection, over the size limit, a gzip bomb, not UTF-8) was taken for a file with no rules,
  so the pages it may forbid were crawled. RFC 9309 (2.3.1.4): assume complete disallow. Such
  requests fail with RobotsUnreadable, which says why, so the spider logs it as a run error.
  A 4xx still means "no rules" (2.3.1.3).
- The spider needs the ``Sitemap:`` lines too: they are sent with the ROBOTS_LOADED signal, so
  one fetch per host and run serves both.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Self
from urllib.parse import ParseResult

from protego import Protego
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Request, Response
from scrapy.http.request import NO_CALLBACK
from scrapy.robotstxt import RobotParser
from scrapy.statscollectors import StatsCollector
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import build_from_crawler, load_object
from twisted.internet.defer import Deferred

from crawlers.address_policy import AddressRefused

log = logging.getLogger(__name__)

#: the setting that swaps Scrapy's middleware for this one, in Scrapy's own slot
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawlers.robots.StrictRobotsTxtMiddleware": 100,
}
#: RFC 9309 (2.5): parsers must read at least 500 KiB; a larger file is not read at all,
#: decompressed or not, so a gzip bomb costs no more than this
MAX_ROBOTS_BYTES = 512 * 1024
#: signal sent once a host's robots.txt has loaded: ``netloc`` and ``sitemaps`` (its URLs)
ROBOTS_LOADED = object()


class RobotsUnreadable(IgnoreRequest):
    """The host's robots.txt could not be read, so nothing there is fetched (RFC 9309)."""


class RobotsForbidden(IgnoreRequest):
    """robots.txt disallows the URL: a quiet skip, not a run error."""


@dataclass(frozen=True)
class HostRules:
    """What one host's robots.txt says: no parser means no rules; unreadable says why not."""

    parser: RobotParser | None = None
    sitemaps: tuple[str, ...] = ()
    unreadable: str | None = None
    refused: str | None = None  # the host's address is refused: so is every page there


def unreadable_status(status: int) -> bool:
    """An answer that stands for "could not be read" rather than "there is no file"."""
    return status >= 500 or status == 429


class StrictRobotsTxtMiddleware:
    #: robots.txt is fetched ahead of the pages it rules on
    DOWNLOAD_PRIORITY = 1000

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.getbool("ROBOTSTXT_OBEY"):
            raise NotConfigured
        self.crawler = crawler
        self.parser_class: type[RobotParser] = load_object(crawler.settings["ROBOTSTXT_PARSER"])
        self.user_agent: str | None = crawler.settings["ROBOTSTXT_USER_AGENT"]
        self.rules: dict[str, HostRules] = {}  # by netloc
        # by netloc, while its robots.txt loads: one Deferred per waiting request
        self.waiting: dict[str, list[Deferred[None]]] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    async def process_request(self, request: Request) -> None:
        if request.meta.get("dont_obey_robotstxt") or request.url.startswith(("data:", "file:")):
            return
        rules = await self.host_rules(urlparse_cached(request))
        if rules.refused is not None:
            raise AddressRefused(request.url, rules.refused)
        if rules.unreadable is not None:
            self._stats().inc_value("robotstxt/unreadable_forbidden")
            raise RobotsUnreadable(rules.unreadable)
        parser = rules.parser
        if parser is not None and not parser.allowed(request.url, self._user_agent(request)):
            log.debug("Forbidden by robots.txt: %s", request)
            self._stats().inc_value("robotstxt/forbidden")
            raise RobotsForbidden("Forbidden by robots.txt")

    async def host_rules(self, url: ParseResult) -> HostRules:
        """The rules of the URL's host, fetching its robots.txt once."""
        netloc = url.netloc
        if netloc in self.rules:
            return self.rules[netloc]
        if netloc in self.waiting:
            loaded: Deferred[None] = Deferred()
            self.waiting[netloc].append(loaded)
            await maybe_deferred_to_future(loaded)
            return await self.host_rules(url)  # loads again if that load was cancelled
        self.waiting[netloc] = []
        try:
            rules = await self._load(f"{url.scheme}://{netloc}/robots.txt")
            self.rules[netloc] = rules
            if rules.unreadable is not None:
                log.warning("%s", rules.unreadable)
            self.crawler.signals.send_catch_log(
                ROBOTS_LOADED, netloc=netloc, sitemaps=rules.sitemaps
            )
        finally:
            for loaded in self.waiting.pop(netloc):
                loaded.callback(None)
        return rules

    async def _load(self, robots_url: str) -> HostRules:
        stats = self._stats()
        stats.inc_value("robotstxt/request_count")
        request = Request(
            robots_url,
            priority=self.DOWNLOAD_PRIORITY,
            meta={"dont_obey_robotstxt": True, "download_maxsize": MAX_ROBOTS_BYTES},
            callback=NO_CALLBACK,
        )
        engine = self.crawler.engine
        assert engine is not None, "downloader middleware called before the engine started"
        try:
            response = await engine.download_async(request)
        except AddressRefused as exc:  # reported with each page of the host, not as robots
            return HostRules(refused=exc.reason)
        except Exception as exc:  # timeout, refused, too large, gzip bomb: unreachable
            stats.inc_value(f"robotstxt/exception_count/{type(exc)}")
            reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            return _unreadable(robots_url, reason)
        stats.inc_value("robotstxt/response_count")
        stats.inc_value(f"robotstxt/response_status_count/{response.status}")
        return self._rules(robots_url, response)

    def _rules(self, robots_url: str, response: Response) -> HostRules:
        if unreadable_status(response.status):
            return _unreadable(robots_url, f"HTTP {response.status}")
        if response.status >= 400:
            return HostRules()  # no robots.txt: no rules
        try:
            text = response.body.decode("utf-8-sig")  # RFC 9309 (2.3): UTF-8
        except UnicodeDecodeError as exc:
            return _unreadable(robots_url, f"not UTF-8 ({exc.reason} at byte {exc.start})")
        parser: RobotParser = build_from_crawler(self.parser_class, self.crawler, response.body)
        return HostRules(parser, tuple(Protego.parse(text).sitemaps))

    def _user_agent(self, request: Request) -> str | bytes:
        agent: str | bytes | None = self.user_agent or request.headers.get(b"User-Agent")
        return agent or str(self.crawler.settings["USER_AGENT"])

    def _stats(self) -> StatsCollector:
        stats = self.crawler.stats
        assert stats is not None, "downloader middleware called before the crawler has stats"
        return stats


def _unreadable(robots_url: str, reason: str) -> HostRules:
    return HostRules(
        unreadable=f"{robots_url} could not be read ({reason}): nothing there is fetched, "
        "as RFC 9309 asks"
    )

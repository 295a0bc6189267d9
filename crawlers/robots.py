"""robots.txt as RFC 9309 asks, for every request, including those sent while it was loading.

A downloader middleware in place of Scrapy's RobotsTxtMiddleware, built on Scrapy's public
parts only (the engine's ``download_async``, the ``ROBOTSTXT_PARSER`` class), because the two
fixes below needed that middleware's private internals:

- Requests that arrive while robots.txt is being fetched awaited one shared Deferred through
  ``Deferred.asFuture``, which consumes the result (Scrapy 2.13 and later): the first waiter
  got the parser, every later one got None, and None means "no robots.txt, allow". Several
  start URLs, or a shard picking up a shared frontier, thus fetched disallowed pages. Here each
  waiter has a Deferred of its own and reads the stored outcome when it fires.
- A robots.txt answered with a server error (5xx, or 429 after retries) was parsed like a file
  with no rules, so an overloaded site was crawled in full. RFC 9309 (2.3.1.4): assume
  complete disallow. A 4xx still means "no rules"; an unreachable host fails the crawl anyway.
"""

from __future__ import annotations

import logging
from typing import Self
from urllib.parse import ParseResult

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

log = logging.getLogger(__name__)

#: the setting that swaps Scrapy's middleware for this one, in Scrapy's own slot
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawlers.robots.StrictRobotsTxtMiddleware": 100,
}
DISALLOW_ALL = b"User-agent: *\nDisallow: /\n"


def robots_rules(response: Response) -> bytes:
    """The rules a robots.txt response stands for."""
    if response.status >= 500 or response.status == 429:
        return DISALLOW_ALL
    return response.body


class StrictRobotsTxtMiddleware:
    #: robots.txt is fetched ahead of the pages it rules on
    DOWNLOAD_PRIORITY = 1000

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.getbool("ROBOTSTXT_OBEY"):
            raise NotConfigured
        self.crawler = crawler
        self.parser_class: type[RobotParser] = load_object(crawler.settings["ROBOTSTXT_PARSER"])
        self.user_agent: str | None = crawler.settings["ROBOTSTXT_USER_AGENT"]
        # by netloc; None when there are no rules (no robots.txt, or it could not be fetched)
        self.parsers: dict[str, RobotParser | None] = {}
        # by netloc, while its robots.txt loads: one Deferred per waiting request
        self.waiting: dict[str, list[Deferred[None]]] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    async def process_request(self, request: Request) -> None:
        if request.meta.get("dont_obey_robotstxt") or request.url.startswith(("data:", "file:")):
            return
        parser = await self.robot_parser(urlparse_cached(request))
        if parser is not None and not parser.allowed(request.url, self._user_agent(request)):
            log.debug("Forbidden by robots.txt: %s", request)
            self._stats().inc_value("robotstxt/forbidden")
            raise IgnoreRequest("Forbidden by robots.txt")

    async def robot_parser(self, url: ParseResult) -> RobotParser | None:
        """The rules of the URL's host, fetching its robots.txt once."""
        netloc = url.netloc
        if netloc in self.parsers:
            return self.parsers[netloc]
        if netloc in self.waiting:
            loaded: Deferred[None] = Deferred()
            self.waiting[netloc].append(loaded)
            await maybe_deferred_to_future(loaded)
            return await self.robot_parser(url)  # loads again if that load was cancelled
        self.waiting[netloc] = []
        try:
            self.parsers[netloc] = await self._load(f"{url.scheme}://{netloc}/robots.txt", netloc)
        finally:
            for loaded in self.waiting.pop(netloc):
                loaded.callback(None)
        return self.parsers[netloc]

    async def _load(self, robots_url: str, netloc: str) -> RobotParser | None:
        stats = self._stats()
        stats.inc_value("robotstxt/request_count")
        request = Request(
            robots_url,
            priority=self.DOWNLOAD_PRIORITY,
            meta={"dont_obey_robotstxt": True},
            callback=NO_CALLBACK,
        )
        engine = self.crawler.engine
        assert engine is not None, "downloader middleware called before the engine started"
        try:
            response = await engine.download_async(request)
        except IgnoreRequest:
            return None
        except Exception as exc:  # as Scrapy does: no robots.txt, no rules
            log.error("Error downloading %s: %s", robots_url, exc, exc_info=True)
            stats.inc_value(f"robotstxt/exception_count/{type(exc)}")
            return None
        stats.inc_value("robotstxt/response_count")
        stats.inc_value(f"robotstxt/response_status_count/{response.status}")
        rules = robots_rules(response)
        if rules is not response.body:
            log.warning(
                "robots.txt of %s answered HTTP %d: nothing there is fetched (RFC 9309)",
                netloc,
                response.status,
            )
        parser: RobotParser = build_from_crawler(self.parser_class, self.crawler, rules)
        return parser

    def _user_agent(self, request: Request) -> str | bytes:
        agent: str | bytes | None = self.user_agent or request.headers.get(b"User-Agent")
        return agent or str(self.crawler.settings["USER_AGENT"])

    def _stats(self) -> StatsCollector:
        stats = self.crawler.stats
        assert stats is not None, "downloader middleware called before the crawler has stats"
        return stats

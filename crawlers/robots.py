"""robots.txt as RFC 9309 asks, for every request, including those sent while it was loading.

Two departures from Scrapy's RobotsTxtMiddleware:

- Requests that arrive while robots.txt is being fetched await one shared Deferred through
  ``Deferred.asFuture``, which consumes the result (Scrapy 2.13 and later): the first waiter
  gets the parser, every later one gets None, and None means "no robots.txt, allow". Several
  start URLs, or a shard picking up a shared frontier, thus fetched disallowed pages. Once any
  waiter resumes, the middleware has already stored the outcome, so it is read from there.
- A robots.txt answered with a server error (5xx, or 429 after retries) was parsed like a file
  with no rules, so an overloaded site was crawled in full. RFC 9309 (2.3.1.4): assume
  complete disallow. A 4xx still means "no rules"; an unreachable host fails the crawl anyway.
"""

from __future__ import annotations

import logging

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.http import Request, Response
from scrapy.robotstxt import RobotParser
from scrapy.utils.httpobj import urlparse_cached
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


class StrictRobotsTxtMiddleware(RobotsTxtMiddleware):
    async def robot_parser(self, request: Request) -> RobotParser | None:
        parser = await super().robot_parser(request)
        if parser is None:
            settled = self._parsers.get(urlparse_cached(request).netloc)
            if not isinstance(settled, Deferred):
                parser = settled
        return parser

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        rules = robots_rules(response)
        if rules is not response.body:
            log.warning(
                "robots.txt of %s answered HTTP %d: nothing there is fetched (RFC 9309)",
                netloc,
                response.status,
            )
            response = response.replace(body=rules)
        await super()._parse_robots(response, netloc, request)

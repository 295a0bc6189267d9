"""robots.txt checked for every request, including those that arrived while it was loading.

Scrapy's RobotsTxtMiddleware (2.13 and later) lets requests wait for a robots.txt still being
fetched by awaiting one shared Deferred through ``Deferred.asFuture``, which consumes the result:
the first waiter gets the parser, every later one gets None, and None means "no robots.txt,
allow". Several start URLs, or a shard picking up a shared frontier, thus fetched disallowed
pages. Once any waiter resumes the middleware has already stored the outcome, so it is read
again from there.
"""

from __future__ import annotations

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.http import Request
from scrapy.robotstxt import RobotParser
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

#: the setting that swaps Scrapy's middleware for this one, in Scrapy's own slot
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawlers.robots.EveryWaiterRobotsTxtMiddleware": 100,
}


class EveryWaiterRobotsTxtMiddleware(RobotsTxtMiddleware):
    async def robot_parser(self, request: Request) -> RobotParser | None:
        parser = await super().robot_parser(request)
        if parser is None:
            settled = self._parsers.get(urlparse_cached(request).netloc)
            if not isinstance(settled, Deferred):
                parser = settled
        return parser

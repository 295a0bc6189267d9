"""Scrapy's per-page log lines, built only when they can be shown."""

from __future__ import annotations

import logging
from typing import Any, Self

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.logformatter import LogFormatter, LogFormatterResult
from twisted.python.failure import Failure

#: the Scrapy setting naming this formatter
LOG_FORMATTER = "crawlers.page_log.PageLogFormatter"


class PageLogFormatter(LogFormatter):
    """ "Crawled (200) <GET ...>" for every response and "Scraped from ..." for every advert are
    DEBUG lines: at the INFO or WARNING level of a crawl, Scrapy still built a log record for
    each, for the handler to drop (~0.05 ms of the reactor's time a page). Returning None skips
    them; at DEBUG they are Scrapy's own. Drops, errors and warnings are untouched."""

    def __init__(self, debug: bool) -> None:
        self.debug = debug

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(_level(crawler.settings.get("LOG_LEVEL", "DEBUG")) <= logging.DEBUG)

    # Scrapy's callers skip the line on None; its stubs say a result is always returned.
    def crawled(  # type: ignore[override]
        self, request: Request, response: Response, spider: Spider
    ) -> LogFormatterResult | None:
        return super().crawled(request, response, spider) if self.debug else None

    def scraped(  # type: ignore[override]
        self, item: Any, response: Response | Failure | None, spider: Spider
    ) -> LogFormatterResult | None:
        return super().scraped(item, response, spider) if self.debug else None


def _level(value: Any) -> int:
    if isinstance(value, int):
        return value
    level = logging.getLevelName(str(value).upper())
    return level if isinstance(level, int) else logging.DEBUG

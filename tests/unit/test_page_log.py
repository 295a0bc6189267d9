"""Scrapy's per-page DEBUG lines are built only when the crawl logs at DEBUG."""

from __future__ import annotations

import logging

import pytest
from scrapy import Request, Spider
from scrapy.http import HtmlResponse
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler
from twisted.python.failure import Failure

from crawlers.options import CrawlOptions
from crawlers.page_log import PageLogFormatter
from crawlers.settings import scrapy_settings

OPTIONS = CrawlOptions("adwatch-test", 0.0, 100, None, False)


def formatter(level: str | int) -> PageLogFormatter:
    crawler = get_crawler(settings_dict=scrapy_settings(OPTIONS) | {"LOG_LEVEL": level})
    made = build_from_crawler(PageLogFormatter, crawler)
    assert crawler.settings["LOG_FORMATTER"] == "crawlers.page_log.PageLogFormatter"
    return made


@pytest.mark.parametrize("level", ["INFO", "warning", logging.ERROR])
def test_above_debug_no_per_page_line_is_built(level: str | int) -> None:
    response = HtmlResponse("https://x.example.org/a", body=b"<html></html>")
    spider = Spider("s")
    assert formatter(level).crawled(Request(response.url), response, spider) is None
    assert formatter(level).scraped({"title": "t"}, response, spider) is None


def test_at_debug_the_lines_are_scrapys_own() -> None:
    response = HtmlResponse("https://x.example.org/a", body=b"<html></html>")
    spider = Spider("s")
    crawled = formatter("DEBUG").crawled(Request(response.url), response, spider)
    assert crawled is not None and crawled["level"] == logging.DEBUG
    assert "Crawled" in crawled["msg"]
    scraped = formatter(logging.DEBUG).scraped({"title": "t"}, response, spider)
    assert scraped is not None and "Scraped" in scraped["msg"]


def test_drops_and_errors_are_still_logged() -> None:
    response = HtmlResponse("https://x.example.org/a", body=b"<html></html>")
    failure = Failure(ValueError("hostile page"))  # type: ignore[no-untyped-call]
    request = Request(response.url)
    errors = formatter("WARNING").spider_error(failure, request, response, Spider("s"))
    assert errors["level"] == logging.ERROR

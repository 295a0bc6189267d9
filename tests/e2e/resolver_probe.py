"""Fetches URLs with the crawl's Scrapy settings minus the address middleware that refuses IP
literals, so only the policy resolver stands between the crawler and the address: does
Twisted ask the resolver about IP literals and numeric hosts too?

Run as ``python -m tests.e2e.resolver_probe ALLOWED_HOST ALLOWED_PORT URL...`` (its own
process: a Twisted reactor runs once); prints a JSON object, URL → "HTTP status" or the
exception's type and message."""

from __future__ import annotations

import json
import sys
from collections.abc import AsyncIterator
from typing import Any

import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.http import Response

from crawlers.address_policy import PRIVATE_TARGETS
from crawlers.options import CrawlOptions
from crawlers.settings import scrapy_settings

OPTIONS = CrawlOptions("probe", 0.0, 100, None, allow_private=False)


class Probe(scrapy.Spider):
    name = "probe"

    def __init__(self, urls: list[str], results: dict[str, str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.urls = urls
        self.results = results

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.urls:
            meta = {"dont_retry": True, "probe_url": url}
            yield scrapy.Request(url, self.fetched, errback=self.failed, meta=meta)

    def fetched(self, response: Response) -> None:
        self.results[response.meta["probe_url"]] = f"HTTP {response.status}"

    def failed(self, failure: Any) -> None:
        url = failure.request.meta["probe_url"]
        self.results[url] = f"{failure.type.__name__}: {failure.getErrorMessage()}"


def main(argv: list[str]) -> None:
    host, port, *urls = argv
    values = scrapy_settings(OPTIONS, log_level="ERROR")
    middlewares = values["DOWNLOADER_MIDDLEWARES"]
    values |= {
        "ROBOTSTXT_OBEY": False,
        "ITEM_PIPELINES": {},
        "DOWNLOADER_MIDDLEWARES": middlewares
        | {"crawlers.connect_policy.AddressPolicyMiddleware": None},
        PRIVATE_TARGETS: [[host, int(port)]],
    }
    results: dict[str, str] = {}
    process = CrawlerProcess(values)
    process.crawl(Probe, urls=urls, results=results)
    process.start()
    print(json.dumps(results))


if __name__ == "__main__":
    main(sys.argv[1:])

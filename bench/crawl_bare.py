"""The baseline for bench/crawl.py: a bare Scrapy spider that follows the same links with the
same settings, parses each advert's title and discards it. Prints pages and seconds as JSON."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.crawler import CrawlerProcess

from config.settings import get_settings
from crawlers.address_policy import PRIVATE_TARGETS, private_targets
from crawlers.options import CrawlOptions
from crawlers.settings import scrapy_settings


class BareSpider(scrapy.Spider):
    name = "bare"

    def __init__(self, start_url: str, advert_css: str, next_css: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.start_urls = [start_url]
        self.advert_css, self.next_css = advert_css, next_css

    @staticmethod
    def _select(response: Any, selector: str) -> list[str]:
        if selector.startswith("xpath:"):
            return list(response.xpath(selector.removeprefix("xpath:")).getall())
        return list(response.css(selector.removeprefix("css:")).getall())

    def parse(self, response: Any) -> Iterator[Any]:
        for href in self._select(response, self.advert_css):
            yield response.follow(href, callback=self.parse_advert)
        for href in self._select(response, self.next_css):
            yield response.follow(href, callback=self.parse)

    def parse_advert(self, response: Any) -> Iterator[Any]:
        response.css("title::text").get()  # parse, then discard
        return iter(())


def main(start_url: str, advert_css: str, next_css: str, delay: float) -> None:
    values = scrapy_settings(CrawlOptions.from_settings(get_settings()), delay_s=delay)
    values["ITEM_PIPELINES"] = {}
    # the demo server is on 127.0.0.1: allowed as adwatch's launcher allows it (allow_private)
    values[PRIVATE_TARGETS] = [list(target) for target in private_targets([start_url])]
    process = CrawlerProcess(values)
    crawler = process.create_crawler(BareSpider)
    started = time.perf_counter()
    process.crawl(crawler, start_url=start_url, advert_css=advert_css, next_css=next_css)
    process.start()
    elapsed = time.perf_counter() - started
    pages = crawler.stats.get_value("response_received_count", 0) if crawler.stats else 0
    print(json.dumps({"pages": pages, "seconds": elapsed}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]))

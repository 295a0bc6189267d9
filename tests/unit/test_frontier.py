"""The on-disk frontier stores requests as Scrapy's own disk queue does, only faster."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import scrapy
from scrapy.squeues import PickleLifoDiskQueue
from scrapy.utils.test import get_crawler

from crawlers.frontier import FrontierDiskQueue, MemoryBudget
from crawlers.profiles import load_profile
from crawlers.spiders.adverts import AdvertSpider


def crawler_with_spider() -> Any:
    crawler = get_crawler(AdvertSpider)
    crawler.spider = AdvertSpider(load_profile("demo-jobs"))
    return crawler


def requests(spider: AdvertSpider) -> list[scrapy.Request]:
    return [
        scrapy.Request(
            "http://jobs.example/a?x=1",
            callback=spider.parse_advert,
            errback=spider.on_error,
            meta={"adwatch_listing": False, "handle_httpstatus_list": [404, 410]},
            priority=3,
            dont_filter=True,
        ),
        scrapy.Request("http://jobs.example/b", callback=spider.parse_listing),
        scrapy.Request("http://jobs.example/c"),  # no callback: the spider's parse
        scrapy.FormRequest("http://jobs.example/d", formdata={"q": "x"}, callback=spider.parse),
    ]


def drained(queue: Any) -> list[dict[str, Any]]:
    spider = queue.spider
    out = []
    while (request := queue.pop()) is not None:
        out.append(request.to_dict(spider=spider))
    return out


def test_requests_come_back_as_from_scrapys_own_disk_queue(tmp_path: Path) -> None:
    crawler = crawler_with_spider()
    ours = FrontierDiskQueue(crawler, str(tmp_path / "ours"))
    scrapys = PickleLifoDiskQueue(crawler, str(tmp_path / "scrapys"))  # type: ignore[call-arg]
    for queue in (ours, scrapys):
        for request in requests(crawler.spider):
            queue.push(request)
    ours_out, scrapys_out = drained(ours), drained(scrapys)
    assert ours_out == scrapys_out
    assert [r["callback"] for r in ours_out] == ["parse", None, "parse_listing", "parse_advert"]
    assert ours_out[3]["errback"] == "on_error" and ours_out[3]["priority"] == 3
    ours.close()
    scrapys.close()


def test_a_callback_that_is_no_spider_method_is_left_to_scrapy(tmp_path: Path) -> None:
    crawler = crawler_with_spider()
    queue = FrontierDiskQueue(crawler, str(tmp_path / "q"))

    def not_a_method(response: Any) -> None:
        pass

    try:
        queue.push(scrapy.Request("http://jobs.example/a", callback=not_a_method))
    except ValueError as exc:  # Scrapy's own refusal: its scheduler keeps it in memory
        assert "not an instance method" in str(exc)
    else:
        raise AssertionError("a callable that is no spider method was stored by name")
    queue.close()


def numbered(spider: AdvertSpider, count: int) -> list[scrapy.Request]:
    return [
        scrapy.Request(f"http://jobs.example/{n}", callback=spider.parse_advert)
        for n in range(count)
    ]


def test_past_the_memory_budget_requests_go_to_disk_in_lifo_order(tmp_path: Path) -> None:
    crawler = crawler_with_spider()
    ours = FrontierDiskQueue(crawler, str(tmp_path / "ours"))
    ours.budget = MemoryBudget(2)
    scrapys = PickleLifoDiskQueue(crawler, str(tmp_path / "scrapys"))  # type: ignore[call-arg]
    for queue in (ours, scrapys):
        for request in numbered(crawler.spider, 6):
            queue.push(request)
    assert len(ours.top) == 2 and len(ours) == 6  # four of six on disk
    assert drained(ours) == drained(scrapys)
    assert ours.budget.free == 2
    ours.close()
    scrapys.close()


def test_closing_writes_the_memory_top_to_disk_so_a_paused_crawl_resumes(tmp_path: Path) -> None:
    crawler = crawler_with_spider()
    path = str(tmp_path / "q")
    queue = FrontierDiskQueue(crawler, path)
    queue.budget = MemoryBudget(3)
    for request in numbered(crawler.spider, 5):
        queue.push(request)
    queue.close()
    assert queue.budget.free == 3
    reopened = FrontierDiskQueue(crawler_with_spider(), path)
    urls = [r["url"] for r in drained(reopened)]
    assert urls == [f"http://jobs.example/{n}" for n in reversed(range(5))]
    reopened.close()


def test_a_queue_held_in_memory_never_touches_the_disk(tmp_path: Path) -> None:
    # Scrapy makes a queue whenever a site's queue was drained: no folder and file per request.
    crawler = crawler_with_spider()
    queue = FrontierDiskQueue(crawler, str(tmp_path / "slot" / "q"))
    for request in numbered(crawler.spider, 3):
        queue.push(request)
    assert len(queue) == 3 and queue.peek() is not None
    assert [r["url"] for r in drained(queue)] == [f"http://jobs.example/{n}" for n in (2, 1, 0)]
    assert queue.pop() is None and queue.peek() is None and len(queue) == 0
    queue.close()
    assert not (tmp_path / "slot").exists()
    # a request that only Scrapy's own way can store opens the disk file at once
    not_ours = scrapy.Request("http://jobs.example/x", callback=crawler.spider.parse_advert)
    not_ours.callback = lambda response: None
    queue = FrontierDiskQueue(crawler, str(tmp_path / "other" / "q"))
    with pytest.raises(ValueError, match="not an instance method"):
        queue.push(not_ours)
    assert (tmp_path / "other" / "q").exists()
    queue.close()

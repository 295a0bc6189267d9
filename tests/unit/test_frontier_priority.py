"""Requests wait in the frontier, where their priority counts, until their site's download slot
has room for them: listing pages are not queued behind a site's worth of adverts."""

from __future__ import annotations

from crawlers.profiles import load_profile
from crawlers.spiders.adverts import LISTING_PRIORITY, AdvertSpider
from tests.fresh_python import printed_words

# In a fresh interpreter (the asyncio reactor is installed once per process): the crawl's own
# settings and Scrapy's real engine and downloader, requests pulled as the engine pulls them
# (each one pulled enters the downloader) until the queue gives none.
_PULLS = """
import scrapy
from scrapy.utils.reactor import install_reactor
install_reactor("twisted.internet.asyncioreactor.AsyncioSelectorReactor")
from scrapy.core.engine import ExecutionEngine
from scrapy.crawler import Crawler
from scrapy.squeues import LifoMemoryQueue
from crawlers.frontier import FrontierPriorityQueue
from crawlers.options import CrawlOptions
from crawlers.settings import scrapy_settings

settings = scrapy_settings(CrawlOptions("adwatch-test", 0.0, 100, None, False))
settings |= {"ITEM_PIPELINES": {}, "DOWNLOAD_SLOTS": {"cdn.example": {"concurrency": 3}}}
crawler = Crawler(scrapy.Spider, settings)
crawler._apply_settings()
crawler.engine = ExecutionEngine(crawler, lambda _: None)
downloader = crawler.engine.downloader
queue = FrontierPriorityQueue.from_crawler(crawler, LifoMemoryQueue, "")
for i in range(4):
    queue.push(scrapy.Request(f"http://jobs.example/advert-{i}"))
queue.push(scrapy.Request("http://jobs.example/?page=2", priority=1))
for i in range(6):
    queue.push(scrapy.Request(f"http://cdn.example/{i}.jpg"))

def pull():
    pulled = []
    while (request := queue.pop()) is not None:
        downloader.active.add(request)
        pulled.append(request)
    return pulled

first = pull()
jobs = [r.url for r in first if "jobs" in r.url]
print(" ".join(jobs), sum("cdn" in r.url for r in first), len(queue))
downloader.active.discard(first[[r.url for r in first].index(jobs[0])])
print(" ".join(r.url for r in pull()), len(queue))
"""


def test_a_site_holds_one_request_beyond_those_it_downloads_and_priority_comes_first() -> None:
    words = printed_words(_PULLS)
    # jobs.example downloads one at a time: the listing page (priority 1), then the newest
    # advert, are all it holds; cdn.example downloads three at a time and holds four.
    assert words[:4] == ["http://jobs.example/?page=2", "http://jobs.example/advert-3", "4", "5"]
    # a download ends: the site's next request comes, the others still wait in the frontier
    assert words[4:] == ["http://jobs.example/advert-2", "4"]


def test_listing_pages_go_before_adverts_and_other_pages() -> None:
    spider = AdvertSpider(load_profile("demo-jobs"))
    listing = spider._listing_request("http://jobs.example/?page=2")
    other_page = spider._listing_request("http://jobs.example/help", listing=False)
    advert = spider._advert_request("http://jobs.example/advert-1")
    assert listing.priority == LISTING_PRIORITY > 0
    assert other_page.priority == advert.priority == 0

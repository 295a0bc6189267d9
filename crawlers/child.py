"""Runs one crawl process (Twisted's reactor cannot be restarted, so one crawl per process).

Invoked by the launcher as `python -m crawlers.child ORDER.json OUTCOME.json`: it crawls as
the order says, ingesting into the run the launcher opened, and writes how the crawl ended to
OUTCOME.json for the launcher, which closes the run.
"""

from __future__ import annotations

import gc
import sys
import warnings
from pathlib import Path

# Before anything else that loads Scrapy: its TLS modules make deprecated aliases whose caller is
# looked up with inspect.stack() and inspect.getmodule(), costs that grow with the depth of the
# import stack and the number of modules loaded; imported first, ~0.17 s less start-up.
import scrapy.core.downloader.handlers.http11  # noqa: F401
from scrapy import signals
from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.exceptions import ScrapyDeprecationWarning

from crawlers.address_policy import PRIVATE_TARGETS
from crawlers.handoff import CrawlOrder, CrawlOutcome
from crawlers.lifeline import tie_to_launcher
from crawlers.memory import peak_resident_mb
from crawlers.pipelines import DATABASE_FAILED, INGEST_TARGET, IngestTarget
from crawlers.settings import redis_frontier, scrapy_settings
from crawlers.spiders.adverts import AdvertSpider


def run(order: CrawlOrder) -> CrawlOutcome:
    """One crawl process; with a Redis URL it is one shard of a crawl sharing a frontier."""
    # scrapy-redis 0.9 still calls Scrapy APIs deprecated in 2.13: five warnings per shard
    # that a user can do nothing about would bury the crawl's own warnings.
    warnings.filterwarnings("ignore", category=ScrapyDeprecationWarning, module="scrapy_redis")
    profile = order.profile
    values = scrapy_settings(
        order.options,
        log_level=order.log_level,
        delay_s=profile.delay_s,
        traps=profile.traps.overrides(),
    )
    values[INGEST_TARGET] = IngestTarget(order.database_url, order.site_id, order.run_id)
    values[PRIVATE_TARGETS] = [list(target) for target in order.private_targets]
    if order.redis_url:
        values |= redis_frontier(order.redis_url)
    elif order.jobdir:
        values["JOBDIR"] = order.jobdir  # pending requests wait on disk, not in memory
    process = CrawlerProcess(values)
    crawler = process.create_crawler(AdvertSpider)
    closed: list[str] = []

    def record_reason(reason: str) -> None:
        closed.append(reason)

    # Scrapy holds signal receivers weakly: `record_reason` lives as long as this call.
    crawler.signals.connect(record_reason, signal=signals.spider_closed)
    process.crawl(
        crawler,
        profile=profile,
        known_urls=order.known_urls,
        shard=order.redis_url is not None,
    )
    _tune_collector()
    process.start()
    return _outcome(crawler, closed[0] if closed else "unknown")


def _tune_collector() -> None:
    """What the crawl process loaded to start (Scrapy, the extraction modules, the profile)
    leaves the garbage collector's scans, and young objects are collected less often: a page
    makes hundreds of short-lived objects, and with the defaults collections took ~11 % of the
    crawl process's CPU (~5 % now). Workers forked later share the frozen objects' pages."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(5_000, 20, 20)


def _outcome(crawler: Crawler, reason: str) -> CrawlOutcome:
    spider = crawler.spider
    if not isinstance(spider, AdvertSpider):
        return CrawlOutcome()  # the spider never started: reason "unknown", a failed crawl
    stats = crawler.stats
    return CrawlOutcome(
        reason=reason,
        listings_read=spider.listings_read,
        listings_unread=spider.listings_unread,
        robots_unreadable=bool(spider.robots_reported),
        database_failed=bool(stats.get_value(DATABASE_FAILED, False)) if stats else False,
        peak_memory_mb=peak_resident_mb(),
    )


def main(argv: list[str]) -> int:
    order_file, outcome_file = Path(argv[0]), Path(argv[1])
    order = CrawlOrder.model_validate_json(order_file.read_text(encoding="utf-8"))
    holder = tie_to_launcher(order)
    try:
        outcome = run(order)
    finally:
        holder.close()
    outcome_file.write_text(outcome.model_dump_json(), encoding="utf-8")
    return 0 if outcome.clean else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

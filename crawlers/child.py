"""Runs one crawl in this process (Twisted's reactor cannot be restarted, so one per process).

Invoked by `adwatch crawl` as `python -m crawlers.child PROFILE.json RUN_ID [LOG_LEVEL [REDIS]]`.
"""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path

from scrapy.crawler import CrawlerProcess
from scrapy.exceptions import ScrapyDeprecationWarning

from config.settings import get_settings
from crawlers.options import CrawlOptions
from crawlers.profiles import SiteProfile
from crawlers.settings import redis_frontier, scrapy_settings
from crawlers.spiders.adverts import AdvertSpider
from store.db import database_url


def run(
    profile: SiteProfile, run_id: int, log_level: str = "WARNING", redis_url: str | None = None
) -> int:
    """One crawl process; with `redis_url` it is one shard of a crawl sharing a Redis frontier."""
    settings = get_settings()
    # scrapy-redis 0.9 still calls Scrapy APIs deprecated in 2.13: five warnings per shard
    # that a user can do nothing about would bury the crawl's own warnings.
    warnings.filterwarnings("ignore", category=ScrapyDeprecationWarning, module="scrapy_redis")
    options = CrawlOptions.from_settings(settings)
    values = scrapy_settings(options, log_level=log_level, delay_s=profile.delay_s)
    process = CrawlerProcess(values | (redis_frontier(redis_url) if redis_url else {}))
    crawler = process.create_crawler(AdvertSpider)
    process.crawl(
        crawler,
        profile=profile,
        database_url=database_url(settings),
        run_id=run_id,
        shard=redis_url is not None,
    )
    process.start()
    spider = crawler.spider
    if not isinstance(spider, AdvertSpider):
        return 1
    # A shard that could not read a listing page makes the launcher skip removals.
    return 0 if not spider.fatal_errors and not spider.listings_unread else 1


def main(argv: list[str]) -> int:
    profile_path, run_id = Path(argv[0]), int(argv[1])
    log_level = argv[2] if len(argv) > 2 else "WARNING"
    redis_url = argv[3] if len(argv) > 3 else None
    profile = SiteProfile.model_validate(json.loads(profile_path.read_text(encoding="utf-8")))
    return run(profile, run_id, log_level, redis_url)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

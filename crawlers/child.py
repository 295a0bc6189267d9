"""Runs one crawl in this process (Twisted's reactor cannot be restarted, so one per process).

Invoked by `adwatch crawl` as `python -m crawlers.child PROFILE.json RUN_ID`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from scrapy.crawler import CrawlerProcess

from adwatch.settings import get_settings
from crawlers.profiles import SiteProfile
from crawlers.settings import scrapy_settings
from crawlers.spiders.adverts import AdvertSpider
from store.db import database_url


def run(profile: SiteProfile, run_id: int, log_level: str = "WARNING") -> int:
    settings = get_settings()
    process = CrawlerProcess(
        scrapy_settings(settings, log_level=log_level, delay_s=profile.delay_s)
    )
    crawler = process.create_crawler(AdvertSpider)
    process.crawl(crawler, profile=profile, database_url=database_url(settings), run_id=run_id)
    process.start()
    spider = crawler.spider
    return 0 if isinstance(spider, AdvertSpider) and not spider.fatal_errors else 1


def main(argv: list[str]) -> int:
    profile_path, run_id = Path(argv[0]), int(argv[1])
    log_level = argv[2] if len(argv) > 2 else "WARNING"
    profile = SiteProfile.model_validate(json.loads(profile_path.read_text(encoding="utf-8")))
    return run(profile, run_id, log_level)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

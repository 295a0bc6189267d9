"""Scrapy settings for adwatch crawls: polite, identified, bounded."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from scrapy.settings import default_settings

from crawlers.connect_policy import DOWNLOADER_MIDDLEWARES as ADDRESS_MIDDLEWARES
from crawlers.connect_policy import RESOLVER
from crawlers.extraction_pool import EXTRACTION_WORKERS
from crawlers.options import IMAGE_OPTIONS, CrawlOptions
from crawlers.page_log import LOG_FORMATTER
from crawlers.robots import DOWNLOADER_MIDDLEWARES as ROBOTS_MIDDLEWARES
from crawlers.traps import SPIDER_MIDDLEWARES as TRAP_MIDDLEWARES
from crawlers.traps import TRAP_LIMITS

MAX_PAGE_BYTES = 5 * 1024 * 1024
MEMORY_CHECK_S = 5.0  # a getrusage() call: cheap enough to catch a runaway crawl early
_REMOTE_CONTROL = "scrapy.extensions.remote_control.RemoteControl"
_DEPTH = "scrapy.spidermiddlewares.depth.DepthMiddleware"


def scrapy_settings(
    options: CrawlOptions,
    *,
    log_level: str = "WARNING",
    delay_s: float | None = None,
    traps: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Per-crawl Scrapy settings from the crawl's options (and the site's own delay and trap
    limits, its profile's [traps])."""
    delay = options.delay_s if delay_s is None else delay_s
    values: dict[str, Any] = {
        "BOT_NAME": "adwatch",
        "USER_AGENT": options.user_agent,
        "ROBOTSTXT_OBEY": True,
        # robots.txt groups name a product token, not a whole User-Agent string (RFC 9309 2.2.1)
        "ROBOTSTXT_USER_AGENT": "adwatch",
        "DOWNLOADER_MIDDLEWARES": ROBOTS_MIDDLEWARES | ADDRESS_MIDDLEWARES,
        # Every connection's addresses are checked where they are resolved (DNS rebinding).
        "TWISTED_DNS_RESOLVER": RESOLVER,
        # Stops non-page downloads and oversized pages with a reason for the run log.
        "EXTENSIONS": {
            "crawlers.cutoffs.DownloadGuard": 500,
            # the memory limit on this process's own memory, not what exec inherited
            "scrapy.extensions.memusage.MemoryUsage": None,
            "crawlers.memory.ProcessMemoryUsage": 0,
        },
        # Scrapy 2.19's remote control runs Python sent to a local HTTP port inside the crawl
        # process, which holds the database URL: never wanted here. Left out of the base list,
        # not disabled by name: Scrapy imports every extension it is told about (here aiohttp,
        # ~0.2 s at every crawl process's start).
        "EXTENSIONS_BASE": {
            path: order
            for path, order in default_settings.EXTENSIONS_BASE.items()
            if path != _REMOTE_CONTROL
        },
        # One request per site at a time; AutoThrottle backs off further when a site slows down.
        "CONCURRENT_REQUESTS": 16,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
        "AUTOTHROTTLE_ENABLED": True,
        "AUTOTHROTTLE_START_DELAY": delay,
        "AUTOTHROTTLE_MAX_DELAY": 30.0,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0,
        "DOWNLOAD_DELAY": delay,
        "DOWNLOAD_TIMEOUT": 30,
        "DOWNLOAD_MAXSIZE": MAX_PAGE_BYTES,
        "DOWNLOAD_WARNSIZE": MAX_PAGE_BYTES // 2,
        "RETRY_TIMES": 2,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,
        # Pagination chains grow one level deeper per listing page, so a depth limit would cut
        # large sites short; a page budget guards against crawler traps instead.
        "DEPTH_LIMIT": 0,
        "CLOSESPIDER_PAGECOUNT": options.max_pages,
        # Crawler traps (endless calendars, link loops, huge pages): see crawlers/traps.py.
        # No depth limit (above), so Scrapy's depth middleware would only count levels
        # nobody reads, one more layer around every page's output.
        "SPIDER_MIDDLEWARES": TRAP_MIDDLEWARES | {_DEPTH: None},
        TRAP_LIMITS: replace(options.trap_limits, **(traps or {})),
        # Past the limit the crawl stops and its run ends interrupted (crawlers/handoff.py).
        "MEMUSAGE_ENABLED": True,
        "MEMUSAGE_LIMIT_MB": options.max_memory_mb,
        "MEMUSAGE_CHECK_INTERVAL_SECONDS": MEMORY_CHECK_S,
        "ITEM_PIPELINES": {"crawlers.pipelines.StorePipeline": 300},
        # Scrapy starts this many tasks for every response's output (100 by default: ~1 ms
        # of the reactor's time a page); a page yields one advert or a few dozen links.
        "CONCURRENT_ITEMS": 4,
        # With JOBDIR, requests wait on disk; this queue stores them without searching the
        # spider for each callback's name (crawlers/frontier.py).
        "SCHEDULER_DISK_QUEUE": "crawlers.frontier.FrontierDiskQueue",
        # Requests wait in the frontier, where priorities count, until their site has room.
        "SCHEDULER_PRIORITY_QUEUE": "crawlers.frontier.FrontierPriorityQueue",
        "LOG_LEVEL": log_level,
        "LOG_FORMATTER": LOG_FORMATTER,  # per-page DEBUG lines built only at DEBUG
        EXTRACTION_WORKERS: options.extraction_workers,
        IMAGE_OPTIONS: options.images,
    }
    return values | _http_cache(options.http_cache_dir)


def _http_cache(directory: Path | None) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if directory is not None:
        # Replays earlier responses from disk, e.g. to re-run extraction without re-fetching.
        values |= {
            "HTTPCACHE_ENABLED": True,
            "HTTPCACHE_DIR": str(directory),
            "HTTPCACHE_IGNORE_HTTP_CODES": [500, 502, 503, 504],
        }
    return values


def redis_keys(spider_name: str) -> tuple[str, str]:
    """The shared frontier's Redis keys for one site: request queue and seen-request filter."""
    return f"adwatch:{spider_name}:requests", f"adwatch:{spider_name}:dupefilter"


def redis_frontier(redis_url: str) -> dict[str, Any]:
    """scrapy-redis: several crawl processes of one site share one request queue and one
    duplicate filter in Redis. The keys persist until the launcher clears them, so a process
    that finishes early cannot wipe the filter under the others."""
    return {
        "SCHEDULER": "scrapy_redis.scheduler.Scheduler",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_QUEUE_KEY": "adwatch:%(spider)s:requests",
        "SCHEDULER_DUPEFILTER_KEY": "adwatch:%(spider)s:dupefilter",
        "SCHEDULER_PERSIST": True,
        "SCHEDULER_IDLE_BEFORE_CLOSE": 2,
        "REDIS_URL": redis_url,
    }

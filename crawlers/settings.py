"""Scrapy settings for adwatch crawls: polite, identified, bounded."""

from __future__ import annotations

from typing import Any

from adwatch.settings import Settings

MAX_PAGE_BYTES = 5 * 1024 * 1024


def scrapy_settings(
    settings: Settings, *, log_level: str = "WARNING", delay_s: float | None = None
) -> dict[str, Any]:
    """Per-crawl Scrapy settings derived from adwatch's settings (and the site's own delay)."""
    delay = settings.crawler_delay_s if delay_s is None else delay_s
    values: dict[str, Any] = {
        "BOT_NAME": "adwatch",
        "USER_AGENT": settings.user_agent,
        "ROBOTSTXT_OBEY": True,
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
        "DEPTH_LIMIT": 50,
        "ITEM_PIPELINES": {"crawlers.pipelines.StorePipeline": 300},
        "LOG_LEVEL": log_level,
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
    }
    if settings.crawler_http_cache:
        # Replays earlier responses from disk, e.g. to re-run extraction without re-fetching.
        values |= {
            "HTTPCACHE_ENABLED": True,
            "HTTPCACHE_DIR": str(settings.data_dir / "httpcache"),
            "HTTPCACHE_IGNORE_HTTP_CODES": [500, 502, 503, 504],
        }
    return values

"""The Redis frontier of a sharded crawl: one very large site crawled by several processes that
share one request queue and duplicate filter (scrapy-redis).

Each shard obeys the same politeness settings, so N shards mean up to N requests to the site at
once: use this only for sites that can take it. The launcher owns the run; it clears the
frontier before the shards start and after they have all ended.
"""

from __future__ import annotations

from config.errors import AdwatchError
from crawlers.profiles import SiteProfile
from crawlers.settings import redis_keys


def clear_frontier(redis_url: str, profile: SiteProfile) -> None:
    """Forget a site's queued and seen requests, so a new crawl starts from its start URLs."""
    try:
        import redis  # the scale extra is optional: only sharded crawls need it
    except ImportError as exc:
        raise AdwatchError(
            "sharded crawls need the scale extra: pip install 'adwatch[scale]'"
        ) from exc

    client = redis.Redis.from_url(redis_url)
    try:
        client.delete(*redis_keys(f"adverts-{profile.name}"))  # the spider's name
    finally:
        client.close()

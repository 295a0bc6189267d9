"""The Redis frontier of a sharded crawl: one very large site crawled by several processes that
share one request queue and duplicate filter (scrapy-redis).

Each shard obeys the same politeness settings, so N shards mean up to N requests to the site at
once: use this only for sites that can take it. The launcher owns the run; it checks Redis
before opening the run, clears the frontier before the shards start and after they have all
ended. Every Redis failure is an AdwatchError naming the server (never its password), so the
command line reports it as one line.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from config.errors import AdwatchError
from crawlers.profiles import SiteProfile
from crawlers.settings import redis_keys

CONNECT_TIMEOUT_S = 5.0


def _where(redis_url: str) -> str:
    parts = urlsplit(redis_url)
    return f"{parts.scheme}://{parts.hostname or 'localhost'}:{parts.port or 6379}{parts.path}"


def _with_redis(redis_url: str, action: Callable[[Any], object]) -> None:
    try:
        import redis  # the scale extra is optional: only sharded crawls need it
    except ImportError as exc:
        raise AdwatchError(
            "sharded crawls need the scale extra: pip install 'adwatch[scale]'"
        ) from exc
    try:
        client = redis.Redis.from_url(
            redis_url,
            socket_connect_timeout=CONNECT_TIMEOUT_S,
            socket_timeout=CONNECT_TIMEOUT_S,
        )
    except ValueError as exc:
        raise AdwatchError(f"invalid Redis URL for the sharded crawl: {exc}") from exc
    try:
        action(client)
    except redis.exceptions.RedisError as exc:
        raise AdwatchError(f"cannot use Redis at {_where(redis_url)}: {exc}") from exc
    finally:
        client.close()


def check_frontier(redis_url: str) -> None:
    """Fail before any run is opened when Redis is unreachable or refuses us."""
    _with_redis(redis_url, lambda client: client.ping())


def clear_frontier(redis_url: str, profile: SiteProfile) -> None:
    """Forget a site's queued and seen requests, so a new crawl starts from its start URLs."""
    keys = redis_keys(f"adverts-{profile.name}")  # the spider's name
    _with_redis(redis_url, lambda client: client.delete(*keys))

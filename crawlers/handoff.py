"""What the launcher hands a crawl process and what the process hands back, as JSON files.

The launcher owns the run: it opens it, writes one CrawlOrder for its crawl processes, and
once they have ended turns their CrawlOutcomes into the run's final status. A process that
leaves no outcome (killed, crashed) counts as failed.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from crawlers.options import CrawlOptions
from crawlers.profiles import SiteProfile


class CrawlOrder(BaseModel):
    """Everything a crawl process needs: it reads no settings and opens no run itself."""

    model_config = ConfigDict(frozen=True)

    profile: SiteProfile
    options: CrawlOptions
    database_url: str
    site_id: int
    run_id: int
    log_level: str = "WARNING"
    # With a Redis URL the process is one shard of a crawl sharing a Redis frontier.
    redis_url: str | None = None
    # The site's adverts believed online when the run opened, re-checked if not reached.
    known_urls: tuple[str, ...] = ()
    # The (host, port) pairs where private addresses may be reached: the start URLs' own when
    # private targets are allowed, else none.
    private_targets: tuple[tuple[str, int], ...] = ()
    # The run's own folder for Scrapy's on-disk request queue (JOBDIR); None with Redis.
    jobdir: str | None = None
    # The launcher's pid: a crawl process dies with it (crawlers.lifeline). None: not tied.
    launcher_pid: int | None = None


class CrawlOutcome(BaseModel):
    """How one crawl process ended, as far as the run's status is concerned."""

    model_config = ConfigDict(frozen=True)

    reason: str = "unknown"  # Scrapy's close reason: finished, shutdown, closespider_...
    listings_read: int = 0
    listings_unread: int = 0  # listing pages that failed: their adverts' absence proves nothing
    database_failed: bool = False  # something could not be stored
    # a host's robots.txt could not be read, so nothing there was fetched (RFC 9309)
    robots_unreadable: bool = False
    peak_memory_mb: int = 0  # the process's peak resident memory

    @property
    def clean(self) -> bool:
        return self.reason == "finished" and not self.database_failed

    @property
    def stopped(self) -> bool:
        """Stopped on purpose before the end: Ctrl-C, the page budget or the memory limit."""
        return self.reason in ("shutdown", MEMORY_EXCEEDED) or self.reason.startswith("closespider")


#: Scrapy's close reason when its MemoryUsage extension stops a crawl at MEMUSAGE_LIMIT_MB
MEMORY_EXCEEDED = "memusage_exceeded"


def stop_messages(outcomes: Sequence[CrawlOutcome | None], options: CrawlOptions) -> list[str]:
    """Why the crawl stopped early, for the run's error log: once each, however many shards
    hit the same limit."""
    messages: list[str] = []
    for outcome in outcomes:
        message = _stop_message(outcome.reason, options) if outcome else None
        if message and message not in messages:
            messages.append(message)
    return messages


def _stop_message(reason: str, options: CrawlOptions) -> str | None:
    if reason == MEMORY_EXCEEDED:
        return f"stopped: memory use over {options.max_memory_mb} MB"
    if reason == "closespider_pagecount":
        return f"stopped: page budget of {options.max_pages} pages reached"
    if reason.startswith("closespider"):
        return f"stopped: {reason}"
    return None


def run_status(outcomes: Sequence[CrawlOutcome | None]) -> str:
    """How a crawl ended, over all its processes. Only a "finished" crawl read every listing
    page, so only it may count the adverts it did not see as missing: a site outage must not
    look like mass takedowns."""
    ended = [outcome for outcome in outcomes if outcome is not None]
    if not ended or len(ended) < len(outcomes):
        return "failed"  # a process died without saying how its crawl went
    if any(outcome.robots_unreadable for outcome in ended):
        return "failed"  # a whole host was left out, whatever the others gave
    if all(outcome.clean for outcome in ended):
        if not sum(outcome.listings_read for outcome in ended):
            return "failed"  # down, forbidden by robots.txt, or the start URL is gone
        unread = sum(outcome.listings_unread for outcome in ended)
        return "interrupted" if unread else "finished"
    if all(outcome.clean or outcome.stopped for outcome in ended):
        return "interrupted"
    return "failed"

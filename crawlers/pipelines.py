"""The store pipeline: batches advert pages into PostgreSQL and keeps the crawl run's books.

Writes survive a database restart: a failed batch stays buffered and is retried after
reconnecting, and ingest is idempotent, so nothing stored is lost or duplicated.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

import psycopg
from scrapy import signals

from crawlers.items import AdvertPage, GonePage, PageError
from store import adverts, crawl_runs, sites
from store.adverts import AdvertSnapshot, EntityRecord
from store.db import UNREACHABLE, retry_while_unreachable

log = logging.getLogger(__name__)
T = TypeVar("T")

BATCH_SIZE = 100
BATCH_SECONDS = 2.0


def to_snapshot(page: AdvertPage, site_id: int) -> AdvertSnapshot:
    f = page.fields
    return AdvertSnapshot(
        canonical_url=page.canonical_url,
        url=page.url,
        kind=f.kind,
        title=f.title,
        body=f.body,
        raw_body=page.raw_body,
        fetched_at=page.fetched_at,
        http_status=page.http_status,
        content_type=page.content_type,
        site_id=site_id,
        language=f.language,
        posted_at=f.posted_at,
        location=f.location,
        pay=f.pay,
        employer=f.employer,
        licence_number=f.licence_number,
        entities=tuple(EntityRecord(e.kind, e.value, e.raw, e.start, e.end) for e in f.entities),
    )


def run_status(reason: str, spider: Any, database_failed: bool) -> str:
    """How a crawl ended. Only a "finished" crawl read every listing page, so only it may count
    the adverts it did not see as missing: a site outage must not look like mass takedowns."""
    if reason == "finished" and not spider.fatal_errors and not database_failed:
        if not spider.listings_read:
            return "failed"  # down, forbidden by robots.txt, or the start URL is gone
        return "interrupted" if spider.listings_unread else "finished"
    stopped = reason == "shutdown" or reason.startswith("closespider")  # Ctrl-C, page budget
    return "interrupted" if stopped else "failed"


class StorePipeline:
    @classmethod
    def from_crawler(cls, crawler: Any) -> StorePipeline:
        pipeline = cls(crawler)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.conn: psycopg.Connection[Any] | None = None
        self.buffer: list[AdvertPage] = []
        self.last_flush = time.monotonic()
        self.pages_reported = 0
        self.database_failed = False

    @property
    def spider(self) -> Any:
        return self.crawler.spider

    # -- database access with reconnect ------------------------------------------------------
    def _db(self, action: Callable[[psycopg.Connection[Any]], T]) -> T:
        try:
            return retry_while_unreachable(
                lambda: self._on_connection(action), float(self.spider.db_retry_seconds)
            )
        except UNREACHABLE:
            self.database_failed = True
            raise

    def _on_connection(self, action: Callable[[psycopg.Connection[Any]], T]) -> T:
        """One try on the kept connection; a broken one is dropped so the next try reconnects."""
        try:
            if self.conn is None or self.conn.closed:
                self.conn = psycopg.connect(self.spider.database_url, connect_timeout=5)
            return action(self.conn)
        except psycopg.OperationalError:
            self._drop_connection()
            raise

    def _drop_connection(self) -> None:
        if self.conn is not None:
            with contextlib.suppress(psycopg.Error):
                self.conn.close()
        self.conn = None

    # -- scrapy hooks -------------------------------------------------------------------------
    def open_spider(self) -> None:
        profile = self.spider.profile
        self.started = datetime.now(UTC)
        site = self._db(
            lambda c: sites.upsert_site(
                c,
                profile.name,
                profile.kind,
                profile.start_urls[0],
                profile.model_dump(mode="json"),
                profile.schedule,
            )
        )
        self.site_id = site.id
        if self.spider.run_id is None:
            self.spider.run_id = self._db(lambda c: crawl_runs.start_run(c, site.id)).id
        self.run_id: int = self.spider.run_id

    def process_item(self, item: Any) -> Any:
        if isinstance(item, AdvertPage):
            self.buffer.append(item)
            if len(self.buffer) >= BATCH_SIZE or time.monotonic() - self.last_flush > BATCH_SECONDS:
                self.flush()
        elif isinstance(item, GonePage):
            self._record_gone(item)
        elif isinstance(item, PageError):
            self._db(lambda c: crawl_runs.log_error(c, self.run_id, item.url, item.message))
        return item

    def _record_gone(self, item: GonePage) -> None:
        reason = f"HTTP {item.http_status}"
        removed = self._db(
            lambda c: adverts.mark_removed(c, item.canonical_url, reason, item.fetched_at)
        )
        if removed is not None:
            self._db(lambda c: crawl_runs.add_counts(c, self.run_id, adverts_removed=1))

    def flush(self) -> None:
        self.last_flush = time.monotonic()
        pages = int(self.crawler.stats.get_value("response_received_count", 0))
        batch = [to_snapshot(page, self.site_id) for page in self.buffer]
        results = self._db(lambda c: adverts.ingest_many(c, batch)) if batch else []
        self.buffer.clear()
        counts = {"pages": pages - self.pages_reported}
        for outcome in ("new", "updated", "unchanged"):
            counts[f"adverts_{outcome}"] = sum(1 for r in results if r.outcome == outcome)
        self._db(lambda c: crawl_runs.add_counts(c, self.run_id, **counts))
        self.pages_reported = pages

    def close_spider(self) -> None:
        try:
            self.flush()
        except psycopg.Error:
            log.exception("final batch could not be stored")
            self.spider.fatal_errors += 1

    def spider_closed(self, spider: Any, reason: str) -> None:
        """Runs after close_spider, when Scrapy knows why the crawl ended."""
        status = run_status(reason, spider, self.database_failed)
        complete = status == "finished"
        try:
            if spider.shard:
                return  # the launcher closes a sharded run once every shard has ended
            if complete:
                self._mark_missing()
            if not self.database_failed:
                self._db(lambda c: crawl_runs.finish_run(c, self.run_id, status))
        finally:
            self._drop_connection()

    def _mark_missing(self) -> None:
        threshold = int(self.spider.profile.remove_after_missing_runs)
        removed = self._db(
            lambda c: adverts.record_missing_from_run(
                c, self.site_id, self.started, threshold, datetime.now(UTC)
            )
        )
        if removed:
            self._db(lambda c: crawl_runs.add_counts(c, self.run_id, adverts_removed=len(removed)))

"""The store pipeline: batches advert pages into PostgreSQL and counts them in the crawl run.

It only ingests, into the site and run the launcher gives it (IngestTarget); opening and
closing the run, and counting adverts missing from it, are the launcher's. Writes survive a
database restart: a failed batch stays buffered and is retried after reconnecting, and ingest
is idempotent, so nothing stored is lost or duplicated.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import psycopg

from crawlers.items import AdvertPage, GonePage, PageError
from crawlers.options import IMAGE_OPTIONS, ImageOptions
from crawlers.spiders.images import IMAGE_RESPONSES
from store import adverts, crawl_runs, images
from store.adverts import AdvertSnapshot, EntityRecord
from store.db import UNREACHABLE, retry_while_unreachable
from store.images import CapturedImage

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


@dataclass(frozen=True)
class IngestTarget:
    """Where the pipeline stores a crawl: the launcher registered the site and opened the run."""

    database_url: str
    site_id: int
    run_id: int
    retry_s: float = 120.0  # how long a write waits out a database restart before failing


#: the Scrapy setting that hands the pipeline its IngestTarget
INGEST_TARGET = "ADWATCH_INGEST_TARGET"
#: the Scrapy stat the pipeline sets when something could not be stored
DATABASE_FAILED = "adwatch/database_failed"


class StorePipeline:
    @classmethod
    def from_crawler(cls, crawler: Any) -> StorePipeline:
        target = crawler.settings.get(INGEST_TARGET)
        if not isinstance(target, IngestTarget):
            raise TypeError(f"the store pipeline needs the {INGEST_TARGET} setting")
        return cls(crawler, target)

    def __init__(self, crawler: Any, target: IngestTarget) -> None:
        self.crawler = crawler
        self.target = target
        self.conn: psycopg.Connection[Any] | None = None
        self.buffer: list[AdvertPage] = []
        # images wait for the flush that stores their adverts (the advert comes first)
        self.images: list[CapturedImage] = []
        options = crawler.settings.get(IMAGE_OPTIONS)
        self.min_quality = options.min_quality if isinstance(options, ImageOptions) else 50
        self.last_flush = time.monotonic()
        self.pages_reported = 0

    # -- database access with reconnect ------------------------------------------------------
    def _db(self, action: Callable[[psycopg.Connection[Any]], T]) -> T:
        try:
            return retry_while_unreachable(lambda: self._on_connection(action), self.target.retry_s)
        except UNREACHABLE:
            self._database_failed()
            raise

    def _database_failed(self) -> None:
        """Tell the crawl process: the run cannot end "finished" when something was not stored."""
        self.crawler.stats.set_value(DATABASE_FAILED, True)

    def _on_connection(self, action: Callable[[psycopg.Connection[Any]], T]) -> T:
        """One try on the kept connection; a broken one is dropped so the next try reconnects."""
        try:
            if self.conn is None or self.conn.closed:
                self.conn = psycopg.connect(self.target.database_url, connect_timeout=5)
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
    def process_item(self, item: Any) -> Any:
        if isinstance(item, AdvertPage):
            self.buffer.append(item)
            if len(self.buffer) >= BATCH_SIZE or time.monotonic() - self.last_flush > BATCH_SECONDS:
                self.flush()
        elif isinstance(item, CapturedImage):
            self.images.append(item)
            if len(self.images) >= BATCH_SIZE or time.monotonic() - self.last_flush > BATCH_SECONDS:
                self.flush()
        elif isinstance(item, GonePage):
            self._record_gone(item)
        elif isinstance(item, PageError):
            self._db(lambda c: crawl_runs.log_error(c, self.target.run_id, item.url, item.message))
        return item

    def _record_gone(self, item: GonePage) -> None:
        reason = f"HTTP {item.http_status}"
        removed = self._db(
            lambda c: adverts.mark_removed(c, item.canonical_url, reason, item.fetched_at)
        )
        if removed is not None:
            self._db(lambda c: crawl_runs.add_counts(c, self.target.run_id, adverts_removed=1))

    def flush(self) -> None:
        self.last_flush = time.monotonic()
        stats = self.crawler.stats
        # advert images are no pages: the run counts pages as before images were fetched
        pages = int(stats.get_value("response_received_count", 0)) - int(
            stats.get_value(IMAGE_RESPONSES, 0)
        )
        batch = [to_snapshot(page, self.target.site_id) for page in self.buffer]
        results = self._db(lambda c: adverts.ingest_many(c, batch)) if batch else []
        self.buffer.clear()
        self._store_images()
        counts = {"pages": pages - self.pages_reported}
        for outcome in ("new", "updated", "unchanged"):
            counts[f"adverts_{outcome}"] = sum(1 for r in results if r.outcome == outcome)
        self._db(lambda c: crawl_runs.add_counts(c, self.target.run_id, **counts))
        self.pages_reported = pages

    def _store_images(self) -> None:
        captured, self.images = self.images, []
        if not captured:
            return
        try:
            stored = self._db(
                lambda c: images.store_captures(c, captured, min_quality=self.min_quality)
            )
        except BaseException:
            self.images = captured + self.images  # kept for the next flush, as adverts are
            raise
        for url in stored.unknown_adverts:  # its ingest failed: nothing to show them on
            log.warning("images of %s not stored: the advert is not stored", url)

    def close_spider(self) -> None:
        try:
            self.flush()
        except psycopg.Error:
            log.exception("final batch could not be stored")
            self._database_failed()
        finally:
            self._drop_connection()

"""The store pipeline: batches advert pages into PostgreSQL and counts them in the crawl run.

It only ingests, into the site and run the launcher gives it (IngestTarget); opening and
closing the run, and counting adverts missing from it, are the launcher's. The writes run on
a database thread of their own, in order (crawlers/store_writer.py), so the reactor never
waits for PostgreSQL. Writes survive a database restart: a failed batch stays with the thread
and is retried with the next one after reconnecting, and ingest is idempotent, so nothing
stored is lost or duplicated; meanwhile at most a few batches queue up before the crawl waits.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Coroutine
from dataclasses import dataclass, field
from typing import Any

from crawlers.items import AdvertPage, GonePage, PageError
from crawlers.options import IMAGE_OPTIONS, ImageOptions
from crawlers.spiders.images import IMAGE_RESPONSES
from crawlers.store_writer import Database, StoreWriter
from store import adverts, crawl_runs, images
from store.adverts import AdvertSnapshot, EntityRecord
from store.images import CapturedImage

log = logging.getLogger(__name__)

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
        evidence=page.evidence,
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


@dataclass
class _Unstored:
    """What the database thread holds until a write succeeds: a failed batch's pages, images
    and counts go again with the next batch (ingest is idempotent)."""

    pages: list[AdvertPage] = field(default_factory=list)
    images: list[CapturedImage] = field(default_factory=list)
    pages_fetched: int = 0
    counts: dict[str, int] = field(default_factory=dict)


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
        database = Database(target.database_url, target.retry_s, self._database_failed)
        self.writer = StoreWriter(database)
        # reactor side: items waiting for the next batch
        self.buffer: list[AdvertPage] = []
        # images wait for the flush that stores their adverts (the advert comes first)
        self.images: list[CapturedImage] = []
        self.unstored = _Unstored()  # database thread side
        options = crawler.settings.get(IMAGE_OPTIONS)
        self.min_quality = options.min_quality if isinstance(options, ImageOptions) else 50
        self.last_flush = time.monotonic()
        self.pages_reported = 0

    def _database_failed(self) -> None:
        """Tell the crawl process: the run cannot end "finished" when something was not stored."""
        self.crawler.stats.set_value(DATABASE_FAILED, True)

    # -- scrapy hooks (on the reactor) --------------------------------------------------------
    def process_item(self, item: Any) -> Any:
        if self.writer.full:  # the database thread is behind: this response waits
            return self._when_room(item)
        return self._take(item)

    async def _when_room(self, item: Any) -> Any:
        await self.writer.room()
        return self._take(item)

    def _take(self, item: Any) -> Any:
        if isinstance(item, AdvertPage):
            self.buffer.append(item)
            self._flush_when_due(len(self.buffer))
        elif isinstance(item, CapturedImage):
            self.images.append(item)
            self._flush_when_due(len(self.images))
        elif isinstance(item, GonePage):
            self.writer.submit(lambda db: self._record_gone(db, item))
        elif isinstance(item, PageError):
            run_id = self.target.run_id
            self.writer.submit(
                lambda db: db(lambda c: crawl_runs.log_error(c, run_id, item.url, item.message))
            )
        return item

    def _flush_when_due(self, size: int) -> None:
        if size >= BATCH_SIZE or time.monotonic() - self.last_flush > BATCH_SECONDS:
            self.flush()

    def flush(self) -> None:
        """Hand the buffered pages and images, and the pages fetched since, to the thread."""
        self.last_flush = time.monotonic()
        stats = self.crawler.stats
        # advert images are no pages: the run counts pages as before images were fetched
        pages = int(stats.get_value("response_received_count", 0)) - int(
            stats.get_value(IMAGE_RESPONSES, 0)
        )
        batch, self.buffer = self.buffer, []
        captured, self.images = self.images, []
        fetched, self.pages_reported = pages - self.pages_reported, pages
        self.writer.submit(lambda db: self._store_batch(db, batch, captured, fetched))

    def close_spider(self) -> Coroutine[Any, Any, None]:
        self.flush()
        return self.writer.close()  # waits for the last batch

    # -- on the database thread ---------------------------------------------------------------
    def _record_gone(self, db: Database, item: GonePage) -> None:
        reason = f"HTTP {item.http_status}"
        removed = db(lambda c: adverts.mark_removed(c, item.canonical_url, reason, item.fetched_at))
        if removed is not None:
            db(lambda c: crawl_runs.add_counts(c, self.target.run_id, adverts_removed=1))

    def _store_batch(
        self, db: Database, pages: list[AdvertPage], captured: list[CapturedImage], fetched: int
    ) -> None:
        unstored = self.unstored
        unstored.pages.extend(pages)
        unstored.images.extend(captured)
        unstored.pages_fetched += fetched
        if unstored.pages:
            snapshots = [to_snapshot(page, self.target.site_id) for page in unstored.pages]
            results = db(lambda c: adverts.ingest_many(c, snapshots))
            unstored.pages = []
            for outcome in ("new", "updated", "unchanged"):
                key = f"adverts_{outcome}"
                added = sum(1 for r in results if r.outcome == outcome)
                unstored.counts[key] = unstored.counts.get(key, 0) + added
        self._store_images(db)
        counts = unstored.counts | {"pages": unstored.pages_fetched}
        db(lambda c: crawl_runs.add_counts(c, self.target.run_id, **counts))
        unstored.counts, unstored.pages_fetched = {}, 0

    def _store_images(self, db: Database) -> None:
        captured, self.unstored.images = self.unstored.images, []
        if not captured:
            return
        try:
            stored = db(lambda c: images.store_captures(c, captured, min_quality=self.min_quality))
        except BaseException:
            self.unstored.images = captured + self.unstored.images  # kept, as adverts are
            raise
        for url in stored.unknown_adverts:  # its ingest failed: nothing to show them on
            log.warning("images of %s not stored: the advert is not stored", url)

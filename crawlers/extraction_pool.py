"""Advert extraction in worker processes, so the crawl process's reactor keeps downloading.

Extraction is pure CPU work (~3-4 ms a page); in a thread it competes with the reactor for the
GIL. Here it runs in worker processes started once per crawl process: they have the
extraction modules loaded, get only picklable data (body bytes, content type, URL; the site
profile once, at start) and send back AdvertFields. A page whose extraction raises, or whose
worker dies, becomes an ExtractionFailed for that page, and a dead worker is replaced:
hostile pages must not stop the crawl.

The reactor talks to each worker over a pipe it watches itself (loop.add_reader), with no
helper thread: concurrent.futures.ProcessPoolExecutor keeps two threads in the crawl process
(its manager and its queue feeder), and handing the GIL back and forth with them cost the
reactor ~3 ms a page, more than the extraction it moved away.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from scrapy import signals

from crawlers.extract.fields import AdvertFields
from crawlers.extract.profile_model import SiteProfile
from crawlers.extraction_worker import (
    ExtractedPage,
    Failure,
    Job,
    PageJob,
    receive_message,
    send_message,
    serve,
    warm_up,
)
from crawlers.options import usable_cores

log = logging.getLogger(__name__)

#: the Scrapy setting with the number of workers (0: one per core, less one)
EXTRACTION_WORKERS = "ADWATCH_EXTRACTION_WORKERS"
#: pages sent to a worker before it answers: enough that it need not wait for the reactor
#: between pages, few enough to sit in its pipe's buffer (a send of a page the pipe cannot
#: take waits for the worker). Pages beyond this wait in Scrapy's scraper, whose
#: SCRAPER_SLOT_MAX_ACTIVE_SIZE bounds memory: past it, Scrapy stops downloading.
PAGES_IN_FLIGHT = 4

#: extract(body, content_type, url, profile): the advert on a page, or None
Extractor = Callable[[bytes, str | None, str, SiteProfile], AdvertFields | None]
#: what a worker sends back for a page
Answer = Any  # a page's AdvertFields or None, a Job's result, or a Failure


class ExtractionFailed(Exception):
    """Extraction of one page raised (in its worker) or its worker process died."""


class _WorkerDied(Exception):
    pass


def default_workers() -> int:
    """One worker per core this process may use, less one for the reactor; at least one."""
    return max(1, usable_cores() - 1)


def extract_advert(
    body: bytes, content_type: str | None, url: str, profile: SiteProfile
) -> AdvertFields | None:
    """The advert on one fetched page (runs in a worker)."""
    # imported where it runs: the worker, forked after the crawl process imported them
    from crawlers.extract.decoding import decode_body  # (already loaded: no cost)
    from crawlers.extract.profile_extract import extract_with_profile  # (idem)

    return extract_with_profile(decode_body(body, content_type), url, profile)


@dataclass
class _Worker:
    """One worker process, the crawl process's end of its pipe, and the pages it was sent
    (answered in order)."""

    process: Any  # multiprocessing's forked Process
    conn: Connection
    waiting: deque[asyncio.Future[Answer]]
    loop: asyncio.AbstractEventLoop | None = None  # the event loop reading its answers


class ExtractionPool:
    """Worker processes extracting one site's adverts with `extract` (a module-level function).

    Workers are forked from the crawl process: they start in milliseconds with the extraction
    modules and language models already loaded (shared, copy-on-write), where "spawn" costs
    each worker about a second of CPU re-importing Scrapy and the models. The crawl process
    forks them before its first request, with no other thread running and no database
    connection open; a replacement forks mid-crawl, when resolver threads and the store
    pipeline's database thread exist (the worker uses neither their locks nor the connection).
    """

    def __init__(
        self, profile: SiteProfile, workers: int = 0, extract: Extractor = extract_advert
    ) -> None:
        self.profile = profile
        self.workers = workers if workers > 0 else default_workers()
        self.extract_function = extract
        self._pool: list[_Worker] = []
        self._slots: asyncio.Semaphore | None = None
        self.replaced = 0  # workers replaced after dying

    @classmethod
    def for_crawl(cls, crawler: Any, profile: SiteProfile) -> ExtractionPool:
        """The crawl process's pool: started with the spider, shut down when it closes."""
        pool = cls(profile, crawler.settings.getint(EXTRACTION_WORKERS))
        crawler.signals.connect(pool.start, signal=signals.spider_opened)
        crawler.signals.connect(pool.shutdown, signal=signals.spider_closed)
        return pool

    def start(self) -> None:
        """Start the workers; several share the language models loaded before forking them,
        a single one loads them itself while the crawl process fetches its first pages."""
        if not self._pool:
            if self.workers > 1:
                warm_up()
            self._pool = [self._spawn() for _ in range(self.workers)]

    def _spawn(self) -> _Worker:
        context = multiprocessing.get_context("fork")
        ours, theirs = context.Pipe()
        args = (theirs, self.profile, self.extract_function, os.getpid())
        process = context.Process(target=serve, args=args, daemon=True)
        process.start()
        theirs.close()
        return _Worker(process, ours, deque())

    async def extract(self, body: bytes, content_type: str | None, url: str) -> AdvertFields | None:
        """The advert on a page, or None; ExtractionFailed when extraction raised or its worker
        died twice (a page in flight when another page killed a worker is tried again)."""
        page = await self.extract_page(body, content_type, url)
        return page.fields

    async def extract_page(self, body: bytes, content_type: str | None, url: str) -> ExtractedPage:
        """The advert on a page, the page's canonical URL and its bytes' hash and gzip, all
        worked out in a worker (canonicalising and compressing cost the reactor ~0.25 ms a
        page); raises as extract."""
        answer: ExtractedPage = await self._send((body, content_type, url))
        return answer

    async def run(self, job: Job | PageJob) -> Any:
        """A job's result, computed in a worker; ExtractionFailed as for a page."""
        return await self._send(job)

    async def _send(self, message: tuple[bytes, str | None, str] | Job | PageJob) -> Any:
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.workers * PAGES_IN_FLIGHT)
        async with self._slots:
            try:
                result = await self._attempt(message)
            except _WorkerDied:
                try:
                    result = await self._attempt(message)
                except _WorkerDied:
                    raise ExtractionFailed("the extraction worker process died") from None
        if isinstance(result, Failure):
            raise ExtractionFailed(result.message)
        return result

    async def _attempt(self, message: tuple[bytes, str | None, str] | Job | PageJob) -> Answer:
        self.start()
        worker = min(self._pool, key=lambda w: len(w.waiting))
        self._watch(worker)
        answer: asyncio.Future[Answer] = asyncio.get_running_loop().create_future()
        try:
            send_message(worker.conn, message)
        except OSError:  # its pipe is closed: the worker is gone
            self._replace(worker)
            raise _WorkerDied from None
        worker.waiting.append(answer)
        return await answer

    def _watch(self, worker: _Worker) -> None:
        if worker.loop is None:
            worker.loop = asyncio.get_running_loop()
            worker.loop.add_reader(worker.conn.fileno(), self._on_answer, worker)

    def _on_answer(self, worker: _Worker) -> None:
        try:
            result = receive_message(worker.conn)
        except (EOFError, OSError):  # the worker died
            self._replace(worker)
            return
        answer = worker.waiting.popleft()
        if not answer.done():
            answer.set_result(result)

    def _replace(self, dead: _Worker) -> None:
        """A new worker for a dead one; the pages it had are failed (and tried again)."""
        if dead not in self._pool:
            return
        log.warning("an extraction worker died; starting a new one")
        self._pool[self._pool.index(dead)] = self._spawn()
        self._stop(dead)
        self.replaced += 1

    def _stop(self, worker: _Worker) -> None:
        if worker.loop is not None and not worker.loop.is_closed():
            worker.loop.remove_reader(worker.conn.fileno())
        with contextlib.suppress(OSError):  # a dead worker's pipe is closed
            send_message(worker.conn, None)  # the worker's signal to exit
        worker.conn.close()
        worker.process.join(5)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        while worker.waiting:
            answer = worker.waiting.popleft()
            if not answer.done():
                answer.set_exception(_WorkerDied())

    def worker_pids(self) -> list[int]:
        """The workers' process ids (for checks that none outlives the crawl)."""
        return [w.process.pid for w in self._pool]

    def shutdown(self) -> None:
        """Stop the workers and wait for them: none may outlive the crawl process."""
        pool, self._pool = self._pool, []
        for worker in pool:
            self._stop(worker)

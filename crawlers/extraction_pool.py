"""Advert extraction in worker processes, so the crawl process's reactor keeps downloading.

Extraction is pure CPU work (~4 ms a page); in a thread it competes with the reactor for the
GIL. Here it runs in a process pool created once per crawl process: workers import the
extraction modules once, get only picklable data (body bytes, content type, URL; the site
profile once, at start) and send back AdvertFields. A page whose extraction raises, or whose
worker dies, becomes an ExtractionFailed for that page, and a dead pool is replaced: hostile
pages must not stop the crawl.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from scrapy import signals

from crawlers.extract.fields import AdvertFields
from crawlers.extract.profile_model import SiteProfile

log = logging.getLogger(__name__)

#: pages handed to the pool per worker before parse callbacks wait: enough queued work to
#: keep a worker busy while the reactor is held up (a batch written to the database takes
#: tens of milliseconds). Memory stays bounded: a waiting response still counts towards
#: Scrapy's SCRAPER_SLOT_MAX_ACTIVE_SIZE, beyond which it stops downloading.
PAGES_PER_WORKER = 16
#: the Scrapy setting with the number of workers (0: one per core, less one)
EXTRACTION_WORKERS = "ADWATCH_EXTRACTION_WORKERS"
#: how often a worker checks that the crawl process is still there
PARENT_CHECK_S = 1.0

#: extract(body, content_type, url, profile): the advert on a page, or None
Extractor = Callable[[bytes, str | None, str, SiteProfile], AdvertFields | None]


class ExtractionFailed(Exception):
    """Extraction of one page raised (in its worker) or its worker process died."""


def default_workers() -> int:
    """One worker per core this process may use, less one for the reactor; at least one."""
    return max(1, len(os.sched_getaffinity(0)) - 1)


def extract_advert(
    body: bytes, content_type: str | None, url: str, profile: SiteProfile
) -> AdvertFields | None:
    """The advert on one fetched page (runs in a worker)."""
    from crawlers.extract.decoding import decode_body
    from crawlers.extract.profile_extract import extract_with_profile

    return extract_with_profile(decode_body(body, content_type), url, profile)


@dataclass(frozen=True)
class _Failure:
    """An exception raised in a worker, as text: any exception pickles back this way."""

    message: str


# -- in the worker process -----------------------------------------------------------------
_worker_profile: SiteProfile | None = None
_worker_extract: Extractor = extract_advert


def _start_worker(profile: SiteProfile, extract: Extractor, parent_pid: int) -> None:
    global _worker_profile, _worker_extract
    _worker_profile, _worker_extract = profile, extract
    # Forked from the crawl process: drop its signal handling (a signal here must not wake
    # its event loop). Ctrl-C reaches the whole process group: the crawl process shuts the
    # pool down itself.
    signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent_pid,), daemon=True).start()


def _warm_up() -> None:
    """Load the language models before forking, once for every worker."""
    from crawlers.extract.language import detect_language

    detect_language("warm up the language detector with an ordinary sentence")


def _exit_with_parent(parent_pid: int) -> None:
    """A crawl process killed outright (SIGKILL) cannot stop its workers: they notice that
    they were re-parented and exit, instead of waiting forever for work."""
    while os.getppid() == parent_pid:
        time.sleep(PARENT_CHECK_S)
    os._exit(1)


def _ready() -> None:
    """A no-op task: submitting one per worker starts them all."""


def _extract_in_worker(
    body: bytes, content_type: str | None, url: str
) -> AdvertFields | _Failure | None:
    assert _worker_profile is not None, "worker not started by ExtractionPool"
    try:
        return _worker_extract(body, content_type, url, _worker_profile)
    except Exception as exc:  # hostile pages: reported for this page, the worker carries on
        return _Failure(f"{type(exc).__name__}: {exc}")


# -- in the crawl process ------------------------------------------------------------------
class ExtractionPool:
    """Worker processes extracting one site's adverts with `extract` (a module-level function).

    Workers are forked from the crawl process: they start in milliseconds with the extraction
    modules and language models already loaded (shared, copy-on-write), where "spawn" costs
    each worker about a second of CPU re-importing Scrapy and the models. The crawl process
    forks before its first request, with no other thread running and no database connection
    open; a replacement pool forks mid-crawl, when only idle resolver threads exist.
    """

    def __init__(
        self, profile: SiteProfile, workers: int = 0, extract: Extractor = extract_advert
    ) -> None:
        self.profile = profile
        self.workers = workers if workers > 0 else default_workers()
        self.extract_function = extract
        self._executor: ProcessPoolExecutor | None = None
        self._slots: asyncio.Semaphore | None = None
        self.replaced = 0  # pools replaced after a worker died

    @classmethod
    def for_crawl(cls, crawler: Any, profile: SiteProfile) -> ExtractionPool:
        """The crawl process's pool: started with the spider, shut down when it closes."""
        pool = cls(profile, crawler.settings.getint(EXTRACTION_WORKERS))
        crawler.signals.connect(pool.start, signal=signals.spider_opened)
        crawler.signals.connect(pool.shutdown, signal=signals.spider_closed)
        return pool

    def start(self) -> None:
        """Start the workers (they warm up while the first pages download)."""
        if self._executor is None:
            _warm_up()
            self._executor = ProcessPoolExecutor(
                self.workers,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_start_worker,
                initargs=(self.profile, self.extract_function, os.getpid()),
            )
            self._executor.submit(_ready)  # forks every worker now, not on the first page

    async def extract(self, body: bytes, content_type: str | None, url: str) -> AdvertFields | None:
        """The advert on a page, or None; ExtractionFailed when extraction raised or its worker
        died twice (a page in flight when another page killed a worker is tried again)."""
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.workers * PAGES_PER_WORKER)
        async with self._slots:
            for attempt in (1, 2):
                executor = self._running()
                try:
                    future = executor.submit(_extract_in_worker, body, content_type, url)
                    result = await asyncio.wrap_future(future)
                except BrokenProcessPool:
                    self._replace(executor)
                    if attempt == 2:
                        raise ExtractionFailed("the extraction worker process died") from None
                    continue
                if isinstance(result, _Failure):
                    raise ExtractionFailed(result.message)
                return result
        raise AssertionError("unreachable")  # pragma: no cover

    def _running(self) -> ProcessPoolExecutor:
        self.start()
        assert self._executor is not None
        return self._executor

    def _replace(self, broken: ProcessPoolExecutor) -> None:
        """A new pool for a dead one, once however many of its pages noticed."""
        if self._executor is not broken:
            return
        log.warning("an extraction worker died; starting a new pool")
        broken.shutdown(wait=False, cancel_futures=True)
        self._executor = None
        self.replaced += 1
        self.start()

    def worker_pids(self) -> list[int]:
        """The live workers' process ids (for checks that none outlives the crawl)."""
        processes = getattr(self._executor, "_processes", None) or {}
        return [p.pid for p in processes.values() if p.pid is not None]

    def shutdown(self) -> None:
        """Stop the workers and wait for them: none may outlive the crawl process."""
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)

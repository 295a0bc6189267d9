"""The store pipeline's database thread: writes run in order, off the reactor, with back-pressure.

A 100-page batch takes ~45 ms of PostgreSQL round trips; on the reactor that was 45 ms without
downloads and an inflated latency for AutoThrottle. Here one thread owns one connection and
runs the pipeline's writes one after another, in the order they were handed over (a page's
error after its advert, images after their adverts). While PostgreSQL restarts the thread
waits it out (retry_while_unreachable) and the crawl goes on downloading until MAX_PENDING
writes are queued: then `room()` makes the pipeline wait, so Scrapy's scraper fills up and
stops downloading, instead of buffering pages without bound.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import queue
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import psycopg

from store.db import UNREACHABLE, retry_while_unreachable

log = logging.getLogger(__name__)
T = TypeVar("T")

#: writes handed over and not yet done before the pipeline waits (a batch is ~100 pages)
MAX_PENDING = 4

#: a write, run on the database thread; `db` runs one database action with reconnects
Write = Callable[["Database"], None]


class Database:
    """The database thread's connection: one action at a time, reconnecting after a restart."""

    def __init__(self, url: str, retry_s: float, on_failed: Callable[[], None]) -> None:
        self.url = url
        self.retry_s = retry_s
        self.on_failed = on_failed
        self.conn: psycopg.Connection[Any] | None = None

    def __call__(self, action: Callable[[psycopg.Connection[Any]], T]) -> T:
        try:
            return retry_while_unreachable(lambda: self._on_connection(action), self.retry_s)
        except UNREACHABLE:
            self.on_failed()
            raise

    def _on_connection(self, action: Callable[[psycopg.Connection[Any]], T]) -> T:
        """One try on the kept connection; a broken one is dropped so the next try reconnects."""
        try:
            if self.conn is None or self.conn.closed:
                self.conn = psycopg.connect(self.url, connect_timeout=5)
            return action(self.conn)
        except psycopg.OperationalError:
            self.close()
            raise

    def close(self) -> None:
        if self.conn is not None:
            with contextlib.suppress(psycopg.Error):
                self.conn.close()
        self.conn = None


class StoreWriter:
    """Runs writes on its own thread, in order. `submit`, `room` and `close` are called on the
    reactor; the thread starts with the first write (after the extraction workers forked)."""

    def __init__(self, database: Database, max_pending: int = MAX_PENDING) -> None:
        self.database = database
        self.max_pending = max_pending
        self.pending = 0  # writes submitted and not yet done (reactor side)
        self._writes: queue.SimpleQueue[Write | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._room: list[asyncio.Future[None]] = []
        self._closed: asyncio.Future[None] | None = None

    @property
    def full(self) -> bool:
        return self.pending >= self.max_pending

    def submit(self, write: Write) -> None:
        if self._thread is None:
            self._loop = asyncio.get_running_loop()
            self._thread = threading.Thread(target=self._run, name="adwatch-store", daemon=True)
            self._thread.start()
        self.pending += 1
        self._writes.put(write)

    async def room(self) -> None:
        """Wait until fewer than max_pending writes are queued (the back-pressure)."""
        while self.full:
            waiter = asyncio.get_running_loop().create_future()
            self._room.append(waiter)
            await waiter

    async def close(self) -> None:
        """Wait for every write handed over, then stop the thread and its connection."""
        if self._thread is None:
            return
        self._closed = asyncio.get_running_loop().create_future()
        self._writes.put(None)
        await self._closed
        self._thread.join()

    # -- on the database thread ---------------------------------------------------------------
    def _run(self) -> None:
        assert self._loop is not None
        while (write := self._writes.get()) is not None:
            try:
                write(self.database)
            except Exception:  # logged; what the write kept is retried with the next one
                log.exception("a store write failed")
            self._loop.call_soon_threadsafe(self._done)
        self.database.close()
        self._loop.call_soon_threadsafe(self._finished)

    # -- back on the reactor ------------------------------------------------------------------
    def _done(self) -> None:
        self.pending -= 1
        waiting, self._room = self._room, []
        for waiter in waiting:
            if not waiter.done():
                waiter.set_result(None)

    def _finished(self) -> None:
        if self._closed is not None and not self._closed.done():
            self._closed.set_result(None)

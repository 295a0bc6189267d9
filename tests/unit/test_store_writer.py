"""The store pipeline's database thread: writes in order, off the event loop, back-pressure
when it falls behind, and close waiting for the last write."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable

import pytest

from crawlers.store_writer import Database, StoreWriter


def writer(max_pending: int = 4) -> StoreWriter:
    # No write here touches PostgreSQL: these tests are about the thread, not the database.
    return StoreWriter(Database("postgresql://unused", 1.0, lambda: None), max_pending)


def test_writes_run_in_order_on_one_thread_that_is_not_the_loops() -> None:
    done: list[tuple[int, str]] = []

    def write(n: int) -> Callable[[Database], None]:
        return lambda db: done.append((n, threading.current_thread().name))

    async def crawl() -> None:
        store = writer()
        for n in range(20):
            store.submit(write(n))
        await store.close()

    asyncio.run(crawl())
    assert [n for n, _ in done] == list(range(20))
    assert {name for _, name in done} == {"adwatch-store"}


def test_a_writer_behind_makes_the_pipeline_wait_until_there_is_room() -> None:
    release = threading.Event()
    order: list[str] = []

    def hangs(db: Database) -> None:  # PostgreSQL restarting, say
        release.wait(30)

    async def crawl() -> None:
        store = writer(max_pending=2)
        store.submit(hangs)
        store.submit(lambda db: order.append("second write"))
        assert store.full
        waiting = asyncio.ensure_future(store.room())
        await asyncio.sleep(0.2)
        assert not waiting.done()  # the spider is paused, nothing is buffered meanwhile
        release.set()
        await waiting
        order.append("room")
        await store.close()

    asyncio.run(crawl())
    assert sorted(order) == ["room", "second write"]  # close waited for the second write


def test_close_waits_for_the_last_write_and_a_failed_write_does_not_stop_the_others(
    caplog: pytest.LogCaptureFixture,
) -> None:
    done: list[int] = []

    def fails(db: Database) -> None:
        raise RuntimeError("a write that fails")

    async def crawl() -> None:
        store = writer()
        store.submit(lambda db: done.append(1))
        store.submit(fails)
        store.submit(lambda db: done.append(3))
        await store.close()
        assert store.pending == 0

    asyncio.run(crawl())
    assert done == [1, 3]
    assert "a store write failed" in caplog.text


def test_close_without_writes_returns_at_once() -> None:
    asyncio.run(writer().close())

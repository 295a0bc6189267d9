"""The crawl's frontier: requests wait here, in priority order, until their site has room;
long crawls keep it on disk (JOBDIR) without Scrapy's per-request method search.

Scrapy's disk queue stores each request as `Request.to_dict(spider=...)`, which names the
callback and errback by walking every attribute of the spider (`inspect.getmembers`) twice per
request: ~0.4 ms of the reactor's time a page, more than parsing a listing. This queue names
them from the bound method itself, checked against the spider, and falls back to Scrapy's way
for anything else; the file format is Scrapy's (a pickled dict), so a paused crawl resumes.

The newest MEMORY_TOP requests of a crawl stay in memory on top of the disk stack: pickling
each request to disk and rebuilding it on the way out cost the reactor ~0.15 ms a request, and
most requests are fetched soon after they are found. Memory stays bounded (~33 MB), order is
the disk queue's own (LIFO), and closing writes the memory top to disk in order.
"""

from __future__ import annotations

import weakref
from collections import Counter, deque
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from scrapy import Request
from scrapy.pqueues import DownloaderAwarePriorityQueue, DownloaderInterface
from scrapy.squeues import PickleLifoDiskQueue

#: requests a crawl keeps in memory above its disk frontier (~3 KB each: ~33 MB)
MEMORY_TOP = 10_000
#: requests a download slot may hold beyond those it is downloading: the next one, ready
#: the moment a download ends
SLOT_LOOKAHEAD = 1


class FrontierPriorityQueue(DownloaderAwarePriorityQueue):
    """Scrapy's default priority queue, but a request stays in it until its download slot
    (its site) has room: Scrapy otherwise moves up to CONCURRENT_REQUESTS requests into a
    site's first-in first-out slot queue, and with one request per site at a time a
    priority request (the next listing page) waited behind 15 adverts, ~35 ms, at every
    step of a pagination chain. When every slot is full, `pop` gives nothing; Scrapy asks
    again as each download ends (and on its heartbeat)."""

    def __init__(self, crawler: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(crawler, *args, **kwargs)
        # Scrapy's queue pops from the slot its downloader interface ranks first, and from
        # none when it ranks none: ranking only the slots with room is the whole change.
        self._downloader_interface = _SlotsWithRoom(crawler)


class _SlotsWithRoom(DownloaderInterface):
    def stats(self, possible_slots: Iterable[str]) -> list[tuple[int, str]]:
        """The slots that have room, each with the requests it holds. Counted over the whole
        downloader, not the slots' own sets: a request spends a turn of the event loop in the
        (async) downloader middlewares before it reaches its slot, and Scrapy pulls requests
        in a loop within one turn."""
        downloader = self.downloader
        held = Counter(downloader.get_slot_key(request) for request in downloader.active)
        return [
            (held[key], key)
            for key in possible_slots
            if held[key] < _slot_concurrency(downloader, key) + SLOT_LOOKAHEAD
        ]


def _slot_concurrency(downloader: Any, key: str) -> int:
    """How many requests the download slot `key` downloads at once (as Scrapy sizes a slot it
    has yet to make)."""
    slot = downloader.slots.get(key)
    if slot is not None:
        return int(slot.concurrency)
    default = downloader.ip_concurrency or downloader.domain_concurrency
    return int(downloader.per_slot_settings.get(key, {}).get("concurrency", default))


class FrontierDiskQueue(PickleLifoDiskQueue):  # type: ignore[misc,valid-type]
    """Scrapy's pickled LIFO disk queue (its default), with callbacks named cheaply."""

    spider: Any

    def __init__(self, crawler: Any, key: str) -> None:
        # The disk file is made on the first request that goes to disk: Scrapy makes a queue
        # whenever a site's queue was drained and removes it when drained again, which at
        # each request meant creating a folder and a file and deleting both.
        self.spider = crawler.spider
        self._crawler, self._key, self._on_disk = crawler, key, False
        self.top: deque[Request] = deque()  # the newest requests, oldest first
        self.budget = _BUDGETS.setdefault(crawler, MemoryBudget())
        if Path(key).exists():  # a paused crawl's queue: resumed from disk
            self._open_disk()

    def _open_disk(self) -> None:
        if not self._on_disk:
            super().__init__(self._crawler, self._key)
            self._on_disk = True

    def push(self, request: Request) -> None:
        names = self._names(request)
        if names is None:
            self._open_disk()
            super().push(request)  # a callable that is no method of the spider: Scrapy's way
        elif self.budget.take():
            self.top.append(request)
        elif self.top:  # memory full: this queue's oldest in memory goes to disk instead
            oldest = self.top.popleft()
            if not self._spilled(oldest):  # unpicklable: kept in memory, as Scrapy would
                self.top.appendleft(oldest)
            self.top.append(request)
        else:
            self._to_disk(request)  # a ValueError: Scrapy's scheduler keeps it in memory

    def pop(self) -> Request | None:
        if self.top:
            self.budget.release()
            return self.top.pop()
        if not self._on_disk:
            return None
        request: Request | None = super().pop()
        return request

    def peek(self) -> Request | None:
        if self.top:
            return self.top[-1]
        if not self._on_disk:
            return None
        request: Request | None = super().peek()
        return request

    def __len__(self) -> int:
        return (int(super().__len__()) if self._on_disk else 0) + len(self.top)

    def close(self) -> None:
        while self.top:  # oldest first: the disk stack keeps the order
            self.budget.release()
            self._spilled(self.top.popleft())  # unpicklable: lost, as Scrapy's memory queue
        if self._on_disk:
            super().close()

    def _spilled(self, request: Request) -> bool:
        try:
            self._to_disk(request)
        except ValueError:  # Scrapy's wording for a request that cannot be pickled
            return False
        return True

    def _names(self, request: Request) -> tuple[str, str] | None:
        callback = _spider_method_name(self.spider, request.callback)
        errback = _spider_method_name(self.spider, request.errback)
        return None if callback is None or errback is None else (callback, errback)

    def _to_disk(self, request: Request) -> None:
        self._open_disk()
        names = self._names(request)
        assert names is not None, "only requests named by their spider methods are kept"
        callback, errback = names
        fields: dict[str, Any] = {
            "url": request.url,
            "callback": callback or None,
            "errback": errback or None,
            "headers": dict(request.headers),
        }
        for attribute in request.attributes:
            fields.setdefault(attribute, getattr(request, attribute))
        if type(request) is not Request:
            fields["_class"] = f"{type(request).__module__}.{type(request).__name__}"
        # the serialising queue under Scrapy's request queue: pickles the dict to disk
        super(PickleLifoDiskQueue, self).push(fields)  # type: ignore[misc]


class MemoryBudget:
    """Requests one crawl keeps in memory, over all its queues (one per priority)."""

    def __init__(self, size: int = MEMORY_TOP) -> None:
        self.size = self.free = size

    def take(self) -> bool:
        if self.free <= 0:
            return False
        self.free -= 1
        return True

    def release(self) -> None:
        self.free = min(self.free + 1, self.size)  # an unpicklable request kept over budget


#: the memory budget of each crawl (one crawler per crawl process; tests make several)
_BUDGETS: weakref.WeakKeyDictionary[Any, MemoryBudget] = weakref.WeakKeyDictionary()


def _spider_method_name(spider: Any, method: Callable[..., Any] | None) -> str | None:
    """The name of the spider's method `method` is; "" for no callback; None when it is some
    other callable."""
    if method is None:
        return ""
    function = getattr(method, "__func__", None)
    name = getattr(function, "__name__", None)
    if getattr(method, "__self__", None) is not spider or not isinstance(name, str):
        return None
    own = getattr(spider, name, None)
    return name if getattr(own, "__func__", None) is function else None

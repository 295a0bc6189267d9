"""The on-disk frontier (JOBDIR) of long crawls, without Scrapy's per-request method search.

Scrapy's disk queue stores each request as `Request.to_dict(spider=...)`, which names the
callback and errback by walking every attribute of the spider (`inspect.getmembers`) twice per
request: ~0.4 ms of the reactor's time a page, more than parsing a listing. This queue names
them from the bound method itself, checked against the spider, and falls back to Scrapy's way
for anything else; the file format is Scrapy's (a pickled dict), so a paused crawl resumes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from scrapy import Request
from scrapy.squeues import PickleLifoDiskQueue


class FrontierDiskQueue(PickleLifoDiskQueue):  # type: ignore[misc,valid-type]
    """Scrapy's pickled LIFO disk queue (its default), with callbacks named cheaply."""

    spider: Any

    def push(self, request: Request) -> None:
        callback = _spider_method_name(self.spider, request.callback)
        errback = _spider_method_name(self.spider, request.errback)
        if callback is None or errback is None:
            super().push(request)  # a callable that is no method of the spider: Scrapy's way
            return
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

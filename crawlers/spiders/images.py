"""Advert images in the spider: requests for an advert's image URLs, their answers checked and
hashed off the reactor, one CapturedImage item per advert showing each kept image.

Each distinct image URL is fetched once per run, however many adverts show it: the first
advert's request goes out, later adverts wait for its answer or take the one already known.
Image requests are ordinary Scrapy requests, so the crawl's politeness (one request per site
at a time, its delay, AutoThrottle), robots.txt and its address policy (every connection and
redirect hop) apply to them as to pages; the download guard (crawlers/cutoffs.py) stops what
is no accepted image type or too large before its body is read. What an image is and its
hashes are worked out in the extraction workers (crawlers/image_check.py), which also keep its
bytes, so the reactor only moves bytes.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import scrapy
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError

from crawlers.cutoffs import IMAGE_MAX_BYTES, failure_message
from crawlers.extraction_pool import ExtractionFailed, ExtractionPool
from crawlers.extraction_worker import Job
from crawlers.image_check import Rejected, capture_image
from crawlers.items import CapturedImage, ImageRecord, PageError
from crawlers.options import IMAGE_OPTIONS, ImageOptions
from crawlers.robots import RobotsForbidden, RobotsUnreadable

log = logging.getLogger(__name__)

#: request meta key: the image URL as the advert gave it (before redirects)
IMAGE_URL = "adwatch_image_url"
#: request meta key: [advert URL, position] of the advert that asked first. A shard of a
#: sharded crawl may answer another shard's request, without that shard's waiting adverts.
IMAGE_FIRST = "adwatch_image_first"
#: Scrapy stat: image answers, which the run's page count leaves out
IMAGE_RESPONSES = "adwatch/image_responses"


@dataclass(frozen=True)
class _Shown:
    advert_url: str  # canonical URL of the advert
    position: int


@dataclass
class ImageCapture:
    """One run's image book-keeping: adverts waiting for each URL, and each URL's outcome."""

    options: ImageOptions
    waiting: dict[str, list[_Shown]] = field(default_factory=dict)
    outcomes: dict[str, tuple[ImageRecord, datetime] | None] = field(default_factory=dict)

    @classmethod
    def for_crawl(cls, crawler: Any) -> ImageCapture | None:
        options = crawler.settings.get(IMAGE_OPTIONS)
        if not isinstance(options, ImageOptions) or options.directory is None:
            return None
        return cls(options) if options.per_advert > 0 else None

    def items(self, url: str, shown: Sequence[_Shown]) -> Iterator[CapturedImage]:
        outcome = self.outcomes.get(url)
        if outcome is None:
            return
        record, fetched_at = outcome
        for one in shown:
            yield CapturedImage(one.advert_url, url, one.position, fetched_at, record)

    def settle(
        self, url: str, outcome: tuple[ImageRecord, datetime] | None, first: Any = None
    ) -> list[_Shown]:
        """Record a URL's outcome; the adverts that were waiting for it (here, or the first
        one the request names when it was another process's)."""
        self.outcomes[url] = outcome
        waiting = self.waiting.pop(url, None)
        if waiting is not None:
            return waiting
        if isinstance(first, list | tuple) and len(first) == 2:
            return [_Shown(str(first[0]), int(first[1]))]
        return []


class ImageSpiderMixin:
    """The image half of the advert spider."""

    image_capture: ImageCapture | None = None
    extraction: ExtractionPool | None

    def image_requests(self, advert_url: str, urls: Sequence[str]) -> Iterator[Any]:
        """Requests for an advert's images not yet asked for, and items for those known."""
        capture = self.image_capture
        if capture is None:
            return
        for position, url in enumerate(urls[: capture.options.per_advert]):
            shown = _Shown(advert_url, position)
            if url in capture.outcomes:
                yield from capture.items(url, [shown])
            elif url in capture.waiting:
                capture.waiting[url].append(shown)
            else:
                capture.waiting[url] = [shown]
                yield self._image_request(url, shown, capture.options.max_bytes)

    def _image_request(self, url: str, first: _Shown, max_bytes: int) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback=self.parse_image,
            errback=self.on_image_error,
            # distinct URLs are ours to track: Scrapy's filter would drop a second spelling
            # of one image silently, and the adverts waiting for it with it
            dont_filter=True,
            meta={
                IMAGE_URL: url,
                IMAGE_FIRST: [first.advert_url, first.position],
                IMAGE_MAX_BYTES: max_bytes,
                "download_maxsize": max_bytes,
                # photos often sit on another host (a CDN): the offsite filter is for links to
                # follow; the address policy still judges every host and hop
                "allow_offsite": True,
            },
        )

    async def parse_image(self, response: Response) -> list[Any]:
        """The photo's items (a list, as the advert spider's callbacks return: see parse_advert)."""
        capture = self.image_capture
        url = str(response.meta.get(IMAGE_URL, response.url))
        self._count_image_response()
        if capture is None or capture.options.directory is None:
            return []
        value = response.headers.get(b"Content-Type")
        content_type = value.decode("latin-1") if value else None
        job = Job(capture_image, (response.body, content_type, capture.options.directory))
        try:
            result = await self.extraction.run(job) if self.extraction else job.function(*job.args)
        except ExtractionFailed as exc:
            result = Rejected(f"could not be checked: {exc}")
        if isinstance(result, Rejected):
            return [self._image_failed(url, f"image skipped: {result.reason}")]
        shown = capture.settle(url, (result, datetime.now(UTC)), response.meta.get(IMAGE_FIRST))
        return list(capture.items(url, shown))

    def on_image_error(self, failure: Any) -> Iterator[Any]:
        request = getattr(failure, "request", None)
        url = str(request.meta.get(IMAGE_URL, request.url)) if request is not None else "?"
        if failure.check(RobotsForbidden, RobotsUnreadable):  # robots.txt: a quiet skip
            log.debug("image %s not fetched: %s", url, failure.getErrorMessage())
            if self.image_capture is not None:
                self.image_capture.settle(url, None)
            return
        if failure.check(HttpError):
            self._count_image_response()
        message = failure_message(failure, request)
        if not message.startswith("image "):
            message = f"image not fetched: {message}"
        yield self._image_failed(url, message)

    def _count_image_response(self) -> None:
        stats = getattr(getattr(self, "crawler", None), "stats", None)
        if stats is not None:
            stats.inc_value(IMAGE_RESPONSES)

    def _image_failed(self, url: str, message: str) -> PageError:
        """A refused or failed image: no advert gets it; one run-log line says why."""
        if self.image_capture is not None:
            self.image_capture.settle(url, None)
        log.info("%s: %s", url, message)
        return PageError(url, message[:1000])

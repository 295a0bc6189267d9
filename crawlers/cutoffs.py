"""Why a page was cut off or could not be fetched, in words an operator reads in the run log.

Scrapy's own limits fail requests with messages that are empty (a download cancelled over the
size limit while streaming) or that only its log holds (a gzip bomb, an offsite redirect). The
download guard stops the downloads adwatch does not want itself, so it knows why: it notes the
reason in the request's meta, where the spider's errback finds it.

- not a web page: a PDF, image or archive behind a link is stopped at its headers, before the
  body is read (adverts are HTML; sitemaps may be XML or gzip);
- over the page size limit: counted as bytes arrive, so a page without Content-Length is cut at
  the limit with its reason, not by Scrapy's silent cancel;
- an advert's image (request meta IMAGE_MAX_BYTES): only JPEG, PNG, GIF or WebP (an SVG is
  XML: refused), within the image size limit, stopped at its headers when Content-Length
  already says it is too large.
"""

from __future__ import annotations

import re
from typing import Any, Self

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import StopDownload
from scrapy.http import Request
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawlers.address_policy import AddressRefused

#: request meta key: why adwatch stopped this download (read by the spider's errback)
CUT_OFF = "adwatch_cut_off"
#: request meta key: the download may be an XML or gzip file (a sitemap), not only a web page
ANY_TEXT_OR_ARCHIVE = "adwatch_sitemap"
_BYTES = "adwatch_bytes_received"
#: request meta key: the download is an advert's image, of at most this many bytes
IMAGE_MAX_BYTES = "adwatch_image_max_bytes"
#: media types an image download may have (what crawlers/image_check.py decodes)
IMAGE_TYPES = ("image/jpeg", "image/png", "image/gif", "image/webp")

WEB_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")
SITEMAP_TYPES = (
    *WEB_PAGE_TYPES,
    "text/xml",
    "application/xml",
    "application/gzip",
    "application/x-gzip",
    "application/octet-stream",
)

# What Twisted's connection errors mean, for those whose message says nothing readable.
PLAIN_REASONS = {
    "ResponseNeverReceived": "the server closed the connection without answering",
    "ResponseFailed": "the connection broke off during the answer",
    "ConnectionLost": "the connection broke off during the answer",
    "ConnectionRefusedError": "connection refused",
    "ConnectionDone": "the server closed the connection without answering",
    "DNSLookupError": "host name not found",
    "TCPTimedOutError": "connection timed out",
    "CancelledError": "download cancelled",
    "DownloadCancelledError": "download cancelled",
    "StopDownload": "download stopped",
}


# How Twisted prints the failures a download error wraps: the first one says what happened.
_WRAPPED_FAILURE = re.compile(
    r"<twisted\.python\.failure\.Failure [\w.]*?(?P<name>\w+): (?P<message>[^>]*)>"
)


def media_type(content_type: bytes | None) -> str:
    """The media type of a Content-Type header, lower case, without parameters."""
    if not content_type:
        return ""
    return content_type.decode("latin-1").split(";", 1)[0].strip().lower()


class DownloadGuard:
    """Stops downloads that are not web pages, or that grow over the page size limit."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        guard = cls(crawler.settings.getint("DOWNLOAD_MAXSIZE"))
        crawler.signals.connect(guard.on_headers, signal=signals.headers_received)
        crawler.signals.connect(guard.on_bytes, signal=signals.bytes_received)
        return guard

    def on_headers(self, headers: Any, body_length: int, request: Request, **_: Any) -> None:
        if request.meta.get("dont_obey_robotstxt"):
            return  # robots.txt: its own rules (crawlers/robots.py)
        kind = media_type(headers.get(b"Content-Type"))
        if IMAGE_MAX_BYTES in request.meta:
            if b"Location" not in headers:  # a redirect: its target's answer is checked
                self._check_image(kind, body_length, request)
            return
        allowed = SITEMAP_TYPES if request.meta.get(ANY_TEXT_OR_ARCHIVE) else WEB_PAGE_TYPES
        if kind not in allowed:
            # Twisted's UNKNOWN_LENGTH is a string: compared with 0 it raised, and the
            # signal's error handler swallowed the stop, so a file without Content-Length ran on
            known = isinstance(body_length, int) and body_length > 0
            size = f", {body_length:,} bytes" if known else ""
            self._stop(request, f"skipped: not a web page ({kind}{size})")

    def _check_image(self, kind: str, body_length: object, request: Request) -> None:
        if kind not in IMAGE_TYPES:
            self._stop(request, f"image skipped: not an accepted image type ({kind or 'none'})")
        limit = int(request.meta[IMAGE_MAX_BYTES])
        # Twisted gives a string (UNKNOWN_LENGTH) when no Content-Length came: on_bytes counts
        if limit and isinstance(body_length, int) and body_length > limit:
            self._stop(request, f"image skipped: {body_length:,} bytes, over the {limit:,} limit")

    def on_bytes(self, data: bytes, request: Request, **_: Any) -> None:
        received = request.meta.get(_BYTES, 0) + len(data)
        request.meta[_BYTES] = received
        image_limit = request.meta.get(IMAGE_MAX_BYTES)
        if image_limit is not None:
            if image_limit and received > image_limit:
                self._stop(request, f"image skipped: over the {int(image_limit):,} bytes limit")
        elif self.max_bytes and received > self.max_bytes:
            limit = self.max_bytes / (1024 * 1024)
            self._stop(request, f"cut off: the page is over the {limit:g} MiB size limit")

    @staticmethod
    def _stop(request: Request, reason: str) -> None:
        request.meta[CUT_OFF] = reason
        raise StopDownload(fail=True)


def describe_failure(failure: Failure, request: Request | None) -> str:
    """One readable line on why a request failed, for the run's error log."""
    if request is not None and CUT_OFF in request.meta:
        return str(request.meta[CUT_OFF])
    name = failure.type.__name__ if failure.type is not None else "Error"
    message = failure.getErrorMessage().strip()
    if "during decompression" in message:
        return f"cut off: a compressed answer inflates past the page size limit ({message})"
    wrapped = _WRAPPED_FAILURE.search(message)
    if wrapped is not None:  # "[<twisted.python.failure.Failure …ConnectionDone: …>]"
        name, message = wrapped["name"], wrapped["message"]
    plain = PLAIN_REASONS.get(name)
    if plain is not None and (not message or wrapped is not None):
        return f"{name}: {plain}"
    return f"{name}: {message}" if message else name


def failure_message(failure: Any, request: Request | None) -> str:  # a Twisted Failure
    """The run-log line for a failed request: the refusal, the HTTP status or the reason."""
    if failure.check(AddressRefused):  # its message says what and why
        return str(failure.getErrorMessage())[:1000]
    status = failure.value.response.status if failure.check(HttpError) else None
    message = f"HTTP {status}" if status else describe_failure(failure, request)
    return message[:1000]

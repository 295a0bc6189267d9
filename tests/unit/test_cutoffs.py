"""Failure reasons as the run log shows them: readable, never empty."""

from __future__ import annotations

import pytest
from scrapy.exceptions import IgnoreRequest, StopDownload
from scrapy.http import Headers, Request
from twisted.internet.defer import CancelledError
from twisted.internet.error import DNSLookupError, TimeoutError
from twisted.python.failure import Failure

from crawlers.cutoffs import CUT_OFF, IMAGE_MAX_BYTES, DownloadGuard, describe_failure, media_type
from crawlers.settings import MAX_PAGE_BYTES


def failure(exc: Exception) -> Failure:
    try:
        raise exc
    except Exception:
        return Failure()  # type: ignore[no-untyped-call]  # Twisted is untyped here


def test_a_reason_noted_by_the_guard_wins() -> None:
    request = Request("http://jobs.example.org/x", meta={CUT_OFF: "skipped: not a web page"})
    assert describe_failure(failure(CancelledError()), request) == "skipped: not a web page"


def test_empty_messages_get_words() -> None:
    request = Request("http://jobs.example.org/x")
    assert describe_failure(failure(CancelledError()), request) == (
        "CancelledError: download cancelled"
    )
    assert describe_failure(failure(DNSLookupError()), request) == (
        "DNSLookupError: DNS lookup failed."
    )


def test_a_message_that_says_something_is_kept() -> None:
    message = "Getting http://jobs.example.org/x took longer than 30 s."
    timeout = failure(TimeoutError(message))  # type: ignore[no-untyped-call]
    assert describe_failure(timeout, None) == (
        "TimeoutError: User timeout caused connection failure: "
        "Getting http://jobs.example.org/x took longer than 30 s.."
    )


def test_a_decompression_bomb_is_called_a_cut_off() -> None:
    message = (
        "Ignored response <200 http://jobs.example.org/b> because its body (10 B compressed, "
        "6000000 B decompressed so far) exceeded DOWNLOAD_MAXSIZE (5242880 B) during decompression."
    )
    described = describe_failure(failure(IgnoreRequest(message)), None)
    assert described.startswith("cut off: a compressed answer inflates past the page size limit")


def test_media_type_ignores_parameters_and_case() -> None:
    assert media_type(b"Text/HTML; charset=UTF-8") == "text/html"
    assert media_type(None) == ""


UNKNOWN_LENGTH = "twisted.web.iweb.UNKNOWN_LENGTH"  # what Twisted gives without Content-Length


def headers_stop(
    guard: DownloadGuard, content_type: bytes, length: object, request: Request
) -> str:
    with pytest.raises(StopDownload):
        guard.on_headers(Headers({b"Content-Type": content_type}), length, request)  # type: ignore[arg-type]
    return str(request.meta[CUT_OFF])


def test_a_file_without_content_length_is_stopped_at_its_headers() -> None:
    guard = DownloadGuard(MAX_PAGE_BYTES)
    page = Request("http://jobs.example.org/brochure")
    assert headers_stop(guard, b"application/pdf", UNKNOWN_LENGTH, page) == (
        "skipped: not a web page (application/pdf)"
    )


def test_images_are_judged_by_their_own_types_and_limit() -> None:
    guard = DownloadGuard(MAX_PAGE_BYTES)

    def image(url: str) -> Request:
        return Request(url, meta={IMAGE_MAX_BYTES: 1000})

    assert headers_stop(guard, b"image/svg+xml", 10, image("http://x/a.svg")) == (
        "image skipped: not an accepted image type (image/svg+xml)"
    )
    assert headers_stop(guard, b"image/png", 1001, image("http://x/b.png")) == (
        "image skipped: 1,001 bytes, over the 1,000 limit"
    )
    fine = image("http://x/c.png")
    guard.on_headers(Headers({b"Content-Type": b"image/png"}), UNKNOWN_LENGTH, fine)  # type: ignore[arg-type]
    guard.on_bytes(b"x" * 1000, fine)
    with pytest.raises(StopDownload):
        guard.on_bytes(b"x", fine)
    assert fine.meta[CUT_OFF] == "image skipped: over the 1,000 bytes limit"
    redirect = image("http://x/d.png")
    guard.on_headers(Headers({b"Location": b"/e.png"}), 0, redirect)
    assert CUT_OFF not in redirect.meta  # a redirect's target is judged when it answers

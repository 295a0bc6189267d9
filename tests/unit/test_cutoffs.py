"""Failure reasons as the run log shows them: readable, never empty."""

from __future__ import annotations

from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request
from twisted.internet.defer import CancelledError
from twisted.internet.error import DNSLookupError, TimeoutError
from twisted.python.failure import Failure

from crawlers.cutoffs import CUT_OFF, describe_failure, media_type


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

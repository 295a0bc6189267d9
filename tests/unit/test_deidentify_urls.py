"""share.deid.urls: names and ages out of partner-facing advert URLs; host and id kept."""

from __future__ import annotations

import re

import pytest

from share.deid import match_regex, redact_url

ESCORT = "https://escorts.example.org/ads/sophie-19-new-in-town-4411"


def test_name_and_age_in_slug_are_replaced() -> None:
    assert redact_url(ESCORT) == "https://escorts.example.org/ads/[NAME]-[AGE]-new-in-town-4411"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://ads.example.org/ro/anunt/ionut_si_ana/77",
            "https://ads.example.org/ro/anunt/[NAME]_si_[NAME]/77",
        ),
        (
            "https://ads.example.org/profile?name=natasha&id=9",
            "https://ads.example.org/profile?name=[NAME]&id=9",
        ),
        (
            "https://ads.example.org/%D0%BC%D0%B0%D1%80%D0%B8%D0%BD%D0%B0-23",
            "https://ads.example.org/[NAME]-[AGE]",
        ),
        ("https://user:pw@ads.example.org/x#frag", "https://ads.example.org/x"),
    ],
)
def test_redactions(url: str, expected: str) -> None:
    assert redact_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "https://jobs-demo.example.org/ad/1",
        "https://jobs.example.org/hope-cleaning-services-12",
        "https://jobs.example.org/vacancy/2024-05-waitress-rome",
    ],
)
def test_urls_without_names_stay(url: str) -> None:
    assert redact_url(url) == url and match_regex(url) is None


def test_word_names_in_slugs_go_only_beside_an_age() -> None:
    assert redact_url("https://x.example.org/rose-22-4") == "https://x.example.org/[NAME]-[AGE]-4"
    assert (
        redact_url("https://x.example.org/rose-garden-4") == "https://x.example.org/rose-garden-4"
    )


def test_match_regex_matches_the_original_without_the_name() -> None:
    regex = match_regex(ESCORT)
    assert regex is not None and "sophie" not in regex and "19" not in regex
    assert re.fullmatch(regex, ESCORT)
    assert re.fullmatch(regex, "https://escorts.example.org/ads/anna-22-new-in-town-4411")
    assert not re.fullmatch(regex, "https://escorts.example.org/ads/anna-22-new-in-town-5000")

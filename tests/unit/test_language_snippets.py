"""Accuracy of detect_language on the labelled short snippets (language_snippets.py).

Measured when written: 63/65 correct, no confidently wrong answer (the two misses are
short texts without a profile language, answered None); the previous detector, with
every unserved code counted as "other", got 48/65 with 11 confidently wrong.
"""

from __future__ import annotations

import pytest

from crawlers.extract.language import SERVED, detect_language
from crawlers.extract.translit import translit_russian_score
from tests.unit.language_snippets import ALL, ENGLISH, ROMANIAN, TRANSLIT_RU, Snippet


def _results(snippets: list[Snippet]) -> list[tuple[str | None, str | None]]:
    return [(detect_language(text, fallback=fb), expected) for text, fb, expected in snippets]


def test_snippet_set_is_big_enough() -> None:
    assert len(ALL) >= 60


def test_accuracy() -> None:
    results = _results(ALL)
    correct = sum(got == expected for got, expected in results)
    assert correct / len(results) >= 0.95


def test_never_confidently_wrong() -> None:
    wrong = [(got, exp) for got, exp in _results(ALL) if got is not None and got != exp]
    assert wrong == []


def test_answers_are_served_other_or_none() -> None:
    assert {got for got, _ in _results(ALL)} <= {*SERVED, "other", None}


@pytest.mark.parametrize(("text", "fallback", "expected"), TRANSLIT_RU)
def test_transliterated_russian(text: str, fallback: str | None, expected: str) -> None:
    assert detect_language(text, fallback=fallback) == expected


@pytest.mark.parametrize("text", [t for t, _, _ in ENGLISH + ROMANIAN])
def test_latin_adverts_have_no_translit_cues(text: str) -> None:
    assert translit_russian_score(text) < 0.15


def test_suggestive_translit_is_uncertain() -> None:
    # Two cue words in seven: neither clearly Russian nor clearly anything else.
    text = "Rabota in hotel, zarplata good, call Maria today"
    assert 0.15 <= translit_russian_score(text) < 0.3
    assert detect_language(text, fallback="en") is None


def test_translit_score_needs_three_words() -> None:
    assert translit_russian_score("rabota zhile") == 0.0

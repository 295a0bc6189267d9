"""Contact recall and precision on a labelled snippet set (en, ro, ru, uk).

``tests/fixtures/contact_snippets.json`` holds obfuscated contacts the crawler met or
is expected to meet, and hard negatives (hours, prices, register numbers, prose with
"at"). All contacts are fictional: +373 600 00 1xx, +40 700 000 1xx, 555-01xx,
@example.org and made-up handles.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TypedDict

from crawlers.extract.entities import extract_entities

_SNIPPETS = Path(__file__).parent.parent / "fixtures" / "contact_snippets.json"
_CONTACT_KINDS = frozenset({"phone", "email", "handle"})


class _Snippet(TypedDict):
    lang: str
    text: str
    contacts: list[str]


def _snippets() -> list[_Snippet]:
    data: list[_Snippet] = json.loads(_SNIPPETS.read_text(encoding="utf-8"))
    return data


def _found(text: str) -> set[str]:
    found = set()
    for e in extract_entities(text):
        assert text[e.start : e.end] == e.raw, e  # spans point at the original text
        if e.kind in _CONTACT_KINDS:
            found.add(f"{e.kind}:{e.value}")
    return found


def test_the_set_is_big_enough_and_covers_four_languages() -> None:
    snippets = _snippets()
    assert len(snippets) >= 80
    assert {s["lang"] for s in snippets} == {"en", "ro", "ru", "uk"}
    assert sum(1 for s in snippets if not s["contacts"]) >= 25


def test_contact_recall_and_precision() -> None:
    expected_total = hits = predicted_total = 0
    misses: list[tuple[str, str]] = []
    false: list[tuple[str, str]] = []
    for snippet in _snippets():
        expected = set(snippet["contacts"])
        found = _found(snippet["text"])
        expected_total += len(expected)
        predicted_total += len(found)
        hits += len(expected & found)
        misses += [(snippet["text"], c) for c in sorted(expected - found)]
        false += [(snippet["text"], c) for c in sorted(found - expected)]
    recall = hits / expected_total
    precision = hits / predicted_total if predicted_total else 1.0
    assert precision == 1.0, false
    assert recall >= 0.97, (recall, misses)

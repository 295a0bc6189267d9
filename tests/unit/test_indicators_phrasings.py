"""Broader ro / ru / uk / en phrasings (object-first word order, verb stems, soft cues).

Each case is a sentence NOT copied from the labelled samples; the span asserted is
``text[hit.start:hit.end]`` of the expected indicator.
"""

from __future__ import annotations

import pytest

from classifier.indicators import match_indicators
from classifier.indicators.coverage import Counts, Sample

CASES: list[tuple[str, str, str, str, str]] = [
    # (language, kind, text, indicator, expected span)
    ("ro", "job", "Biletul de avion îl achităm noi.", "travel_paid", "Biletul de avion îl achităm"),
    (
        "ro",
        "job",
        "Pasapoartele se pastreaza la birou.",
        "documents_held",
        "Pasapoartele se pastreaza la birou",
    ),
    (
        "ro",
        "job",
        "Vei locui împreună cu colegii.",
        "accommodation_by_employer",
        "Vei locui împreună cu",
    ),
    ("ro", "escort", "E în vizită în Iași o săptămână.", "new_in_town", "E în vizită în"),
    (
        "ro",
        "bridal",
        "Pleci repede spre o viață nouă.",
        "marriage_abroad_fast",
        "Pleci repede spre o viață nouă",
    ),
    ("ro", "escort", "Întrebați despre programul ei.", "third_person_voice", "programul ei"),
    (
        "ru",
        "job",
        "Билеты на автобус оплачиваем сами.",
        "travel_paid",
        "Билеты на автобус оплачиваем",
    ),
    (
        "ru",
        "job",
        "Телефоны во время работы сдаются.",
        "restricted_movement",
        "Телефоны во время работы сдаются",
    ),
    (
        "ru",
        "job",
        "Паспорт хранится у координатора.",
        "documents_held",
        "Паспорт хранится у координатора",
    ),
    ("ru", "escort", "Всегда на связи, в любой час.", "available_24_7", "в любой час"),
    ("ru", "job", "Без всякого опыта, 2000 евро.", "high_pay_no_experience", "Без всякого опыта"),
    ("uk", "job", "Квитки на літак оплачуємо ми.", "travel_paid", "Квитки на літак оплачуємо"),
    ("uk", "job", "Сам не виходить з території.", "restricted_movement", "не виходить"),
    (
        "uk",
        "bridal",
        "Залиште нам паспорт на час оформлення.",
        "agency_keeps_documents",
        "Залиште нам паспорт",
    ),
    (
        "uk",
        "job",
        "Надішліть два фото на повний зріст.",
        "send_photos",
        "Надішліть два фото на повний зріст",
    ),
    (
        "en",
        "job",
        "The journey can be arranged for you.",
        "travel_paid",
        "The journey can be arranged",
    ),
    (
        "en",
        "bridal",
        "Photos are important for your profile.",
        "send_photos",
        "Photos are important",
    ),
]


@pytest.mark.parametrize(("language", "kind", "text", "indicator", "span"), CASES)
def test_phrasing_fires_with_span(
    language: str, kind: str, text: str, indicator: str, span: str
) -> None:
    hits = [h for h in match_indicators(text, kind, language) if h.indicator_id == indicator]
    assert hits, f"{indicator} missing in {text!r}"
    assert any(text[h.start : h.end] == span for h in hits), [h.text for h in hits]


@pytest.mark.parametrize(
    ("language", "kind", "text", "indicator"),
    [
        ("ro", "job", "Nu păstrăm actele nimănui.", "documents_held"),
        ("ru", "job", "Мы никогда не оставляем себе паспорт.", "documents_held"),
        ("uk", "job", "Паспорт завжди у вас, ми його не тримаємо.", "documents_held"),
        ("ro", "job", "Taxă de înregistrare: 0 lei.", "recruitment_fee"),
    ],
)
def test_negated_phrasing_does_not_fire(
    language: str, kind: str, text: str, indicator: str
) -> None:
    assert indicator not in {h.indicator_id for h in match_indicators(text, kind, language)}


def test_coverage_counts_recall_and_false_hits() -> None:
    counts = Counts()
    counts.add(Sample("a", "job", "ro", "x", frozenset({"urgency", "travel_paid"})), {"urgency"})
    counts.add(Sample("b", "job", "ro", "y", frozenset()), {"travel_paid"})
    assert counts.recall("ro", "urgency") == 1.0
    assert counts.recall("ro", "travel_paid") == 0.0
    assert counts.false["ro", "travel_paid"] == 1
    assert counts.recall("all") == 0.5

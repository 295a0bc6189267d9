"""share.depersonalise with share.deid: what a research export record keeps."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from share.depersonalise import sample, scrub


@dataclass(frozen=True)
class _Row:
    """The fields of store.labels.LabelRow that `sample` reads."""

    sample_id: str = "adwatch-advert-1"
    kind: str = "escort"
    language: str | None = "en"
    title: str = "Sophie, 19, new in town"
    text: str = (
        "Hi, I'm Sophie from Chișinău. Book at escorts-london.co.uk/sophie or call "
        "+373 600 00 123. Kisses, Sophie"
    )
    label: int = 1
    indicators: tuple[str, ...] = ()
    split: str = "train"
    source: str = "upload"
    entities: list[dict[str, Any]] = field(default_factory=list)
    provenance: dict[str, Any] = field(
        default_factory=lambda: {
            "url": "https://escorts.example.org/ads/sophie-19-new-in-town-4411",
            "canonical_url": "https://escorts.example.org/ads/sophie-19",
            "source_link": "https://escorts.example.org/ads/sophie-19",
            "page_href": "escorts.example.org/ads/sophie-19",
            "note": "seen on escorts.example.org, posted by Sophie",
            "decision_id": 7,
        }
    )


def test_sample_has_no_names_ages_cities_or_urls() -> None:
    record = sample(_Row())
    dumped = json.dumps(record, ensure_ascii=False)
    for secret in ("Sophie", "sophie", "19", "Chișinău", "example.org", "co.uk", "600 00 123"):
        assert secret not in dumped, secret
    assert record["title"] == "[NAME], 18–24, new in town"
    assert "[Moldova]" in record["text"] and "[PHONE]" in record["text"]
    assert set(record["provenance"]) == {"note", "decision_id", "source"}
    assert record["provenance"]["decision_id"] == 7


def test_scrub_keeps_contacts_scrubbing_and_adds_names() -> None:
    text = "Write to ana@example.org or @ana_jobs, Ana will answer."
    assert scrub(text) == "Write to [EMAIL] or [HANDLE], [NAME] will answer."
    assert scrub("Earn 3000 EUR, no experience") == "Earn 3000 EUR, no experience"

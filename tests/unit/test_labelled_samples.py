"""Checks on the committed synthetic labelled adverts (labelled_samples/samples.jsonl)."""

from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.unit.sample_ethics import problems

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "labelled_samples"
SAMPLES = FOLDER / "samples.jsonl"

KINDS = ("job", "bridal", "escort")
LANGUAGES = ("en", "ro", "ru", "uk")
# Indicator id -> advert kinds it applies to (from the shared indicator id list).
RISK_KINDS: dict[str, set[str]] = {
    "high_pay_no_experience": {"job", "escort"},
    "travel_paid": {"job", "bridal", "escort"},
    "accommodation_by_employer": {"job"},
    "debt_repaid_from_wages": {"job", "escort"},
    "documents_held": {"job", "bridal", "escort"},
    "recruitment_fee": {"job", "bridal"},
    "vague_employer": {"job"},
    "contract_on_arrival": {"job"},
    "messenger_only_contact": {"job", "bridal", "escort"},
    "young_women_only": {"job", "bridal", "escort"},
    "send_photos": {"job", "bridal"},
    "urgency": {"job", "bridal", "escort"},
    "third_person_voice": {"escort"},
    "multiple_workers_one_contact": {"job", "escort"},
    "new_in_town": {"escort"},
    "available_24_7": {"escort"},
    "restricted_movement": {"job", "escort"},
    "marriage_abroad_fast": {"bridal"},
    "agency_pays_travel": {"bridal"},
    "agency_keeps_documents": {"bridal"},
    "unlicensed_agency": {"job", "bridal"},
    "wages_cut_for_costs": {"job", "escort"},
    "ethnicity_emphasis": {"escort"},
    "youth_emphasis": {"escort"},
}
MITIGATING_KINDS: dict[str, set[str]] = {
    "named_employer_registration": {"job", "bridal"},
    "written_contract_before_departure": {"job"},
    "realistic_wage": {"job"},
    "transparent_deductions": {"job"},
    "independent_adult": {"escort", "bridal"},
    "registered_agency_office": {"bridal", "job"},
}
KNOWN = {**RISK_KINDS, **MITIGATING_KINDS}

FIELDS = [
    "id",
    "kind",
    "language",
    "title",
    "text",
    "label",
    "indicators",
    "hard",
    "split",
    "provenance",
]
PROVENANCE = [
    "source",
    "generator",
    "generator_version",
    "seed",
    "created",
    "author",
    "voice",
    "template",
    "recipe",
]
VOICES = ("first_person", "third_person", "agency")
# Kinds whose adverts come in more than one voice (job adverts are all employer/agency).
MIXED_VOICE_KINDS = ("bridal", "escort")
ID_RE = re.compile(r"^ls-(job|bridal|escort)-(en|ro|ru|uk)-(\d{4})$")


def load() -> list[dict[str, Any]]:
    with SAMPLES.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.fixture(scope="module")
def samples() -> list[dict[str, Any]]:
    return load()


def test_schema_of_every_line(samples: list[dict[str, Any]]) -> None:
    for s in samples:
        assert list(s) == FIELDS, s.get("id")
        match = ID_RE.match(s["id"])
        assert match, s["id"]
        assert (match.group(1), match.group(2)) == (s["kind"], s["language"])
        assert s["kind"] in KINDS and s["language"] in LANGUAGES
        assert isinstance(s["title"], str) and s["title"].strip()
        assert isinstance(s["text"], str) and len(s["text"]) >= 40
        assert s["label"] in (0, 1) and type(s["label"]) is int
        assert isinstance(s["hard"], bool)
        assert s["split"] in ("train", "test")
        assert isinstance(s["indicators"], list)
        assert len(set(s["indicators"])) == len(s["indicators"])
        prov = s["provenance"]
        assert list(prov) == PROVENANCE
        assert prov["source"] == "synthetic"
        assert prov["generator"] == "labelled_samples/generate.py"
        assert prov["generator_version"] == "2"
        assert isinstance(prov["seed"], int) and type(prov["seed"]) is int
        assert prov["created"] == "2026-11-23"
        assert isinstance(prov["author"], str) and prov["author"]
        assert prov["voice"] in VOICES, s["id"]
        assert "{" not in s["text"] and "}" not in s["text"], s["id"]


def test_ids_and_texts_unique(samples: list[dict[str, Any]]) -> None:
    ids = [s["id"] for s in samples]
    assert len(ids) == len(set(ids))
    texts = [s["text"].casefold() for s in samples]
    assert len(texts) == len(set(texts))


def test_counts_and_balance(samples: list[dict[str, Any]]) -> None:
    assert len(samples) >= 2400
    for kind in KINDS:
        for lang in LANGUAGES:
            cell = [s for s in samples if s["kind"] == kind and s["language"] == lang]
            assert len(cell) >= 180, (kind, lang, len(cell))
            share = sum(s["label"] for s in cell) / len(cell)
            assert 0.4 <= share <= 0.6, (kind, lang, share)


def test_hard_share(samples: list[dict[str, Any]]) -> None:
    assert sum(s["hard"] for s in samples) / len(samples) >= 0.3
    for label in (0, 1):
        assert any(s["hard"] and s["label"] == label for s in samples)


def test_indicator_tags_known_and_fit_kind(samples: list[dict[str, Any]]) -> None:
    for s in samples:
        for tag in s["indicators"]:
            assert tag in KNOWN, (s["id"], tag)
            assert s["kind"] in KNOWN[tag], (s["id"], tag)


def test_labels_follow_indicator_combinations(samples: list[dict[str, Any]]) -> None:
    """One indicator never makes a positive; hard negatives carry cues and context."""
    for s in samples:
        risk = [t for t in s["indicators"] if t in RISK_KINDS]
        mitigating = [t for t in s["indicators"] if t in MITIGATING_KINDS]
        if s["label"] == 1:
            assert len(risk) >= 2, s["id"]
            if not s["hard"]:
                assert len(risk) >= 3 and not mitigating, s["id"]
        elif s["hard"]:
            assert risk and mitigating, s["id"]
        else:
            assert not risk, s["id"]


def _cell(samples: list[dict[str, Any]], kind: str, lang: str) -> list[dict[str, Any]]:
    return [s for s in samples if s["kind"] == kind and s["language"] == lang]


def test_voice_does_not_predict_label(samples: list[dict[str, Any]]) -> None:
    """In every bridal and escort cell both labels occur in each voice, hard and easy."""
    for kind in MIXED_VOICE_KINDS:
        for lang in LANGUAGES:
            cell = _cell(samples, kind, lang)
            first = [s for s in cell if s["provenance"]["voice"] == "first_person"]
            others = [s for s in cell if s["provenance"]["voice"] != "first_person"]
            for group in (first, others):
                labels = Counter(s["label"] for s in group)
                assert min(labels[0], labels[1]) >= 5, (kind, lang, labels)
                assert {s["hard"] for s in group if s["label"] == 1} == {True, False}


def test_voice_matches_indicators(samples: list[dict[str, Any]]) -> None:
    """Voice and its tags agree; a first-person positive is never tagged independent."""
    for s in samples:
        voice, tags = s["provenance"]["voice"], set(s["indicators"])
        if s["kind"] == "job":
            assert voice == "agency", s["id"]
        if voice == "third_person":
            assert s["kind"] == "escort" and "third_person_voice" in tags, s["id"]
        if s["label"] == 1:
            assert "independent_adult" not in tags, s["id"]
        elif voice != "first_person":
            assert "third_person_voice" not in tags or "independent_adult" in tags, s["id"]


def test_only_fictional_contacts_and_adults(samples: list[dict[str, Any]]) -> None:
    assert problems(samples) == []


def test_test_split_about_twenty_percent(samples: list[dict[str, Any]]) -> None:
    share = sum(s["split"] == "test" for s in samples) / len(samples)
    assert 0.18 <= share <= 0.22
    strata = Counter((s["kind"], s["language"], s["label"]) for s in samples)
    tests = Counter((s["kind"], s["language"], s["label"]) for s in samples if s["split"] == "test")
    for key, total in strata.items():
        assert 0.15 <= tests[key] / total <= 0.25, key


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "adwatch_labelled_samples_generate", FOLDER / "generate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generator_reproduces_file_byte_for_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The generator is a script: its helper modules sit beside it, not in a package.
    monkeypatch.syspath_prepend(str(FOLDER))
    out = tmp_path / "samples.jsonl"
    assert _generator().main(["--out", str(out)]) == 0
    assert out.read_bytes() == SAMPLES.read_bytes()

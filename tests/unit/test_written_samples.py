"""Checks on the hand-written adverts: the independent evaluation set and the training
supplement (labelled_samples/independent/, labelled_samples/written/)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from classifier.indicators import load_taxonomy
from classifier.samples import load_samples
from tests.unit.sample_ethics import problems

FOLDER = Path(__file__).resolve().parents[2] / "labelled_samples"
INDEPENDENT = {"validation": FOLDER / "independent/validation.jsonl",
               "test": FOLDER / "independent/test.jsonl"}  # fmt: skip
WRITTEN = FOLDER / "written/training_authors.jsonl"
KINDS = ("job", "bridal", "escort")
LANGUAGES = ("en", "ro", "ru", "uk")


def rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def everything() -> dict[str, list[dict[str, Any]]]:
    return {"validation": rows(INDEPENDENT["validation"]), "test": rows(INDEPENDENT["test"]),
            "written": rows(WRITTEN)}  # fmt: skip


def test_every_file_loads_with_the_sample_schema() -> None:
    for path in [*INDEPENDENT.values(), WRITTEN]:
        samples = load_samples([path])
        assert all(s.provenance["source"] in ("independent", "written") for s in samples)


def test_independent_set_size_mix_and_split(everything: dict[str, list[dict[str, Any]]]) -> None:
    both = everything["validation"] + everything["test"]
    assert len(both) >= 600 and len(everything["test"]) >= 300
    assert sum(r["hard"] for r in both) / len(both) >= 0.35
    for half in ("validation", "test"):
        members = everything[half]
        assert {r["split"] for r in members} == {half}
        cells = Counter((r["kind"], r["language"], r["label"]) for r in members)
        for kind in KINDS:
            for lang in LANGUAGES:
                assert cells[kind, lang, 0] >= 5 and cells[kind, lang, 1] >= 5, (half, kind, lang)


def test_halves_come_from_different_authors(everything: dict[str, list[dict[str, Any]]]) -> None:
    authors = {h: {r["provenance"]["author"] for r in everything[h]} for h in everything}
    assert not authors["validation"] & authors["test"]
    assert not (authors["validation"] | authors["test"]) & authors["written"]
    assert len(authors["validation"]) >= 4 and len(authors["test"]) >= 4


def test_ids_unique_and_provenance_recorded(everything: dict[str, list[dict[str, Any]]]) -> None:
    all_rows = [r for members in everything.values() for r in members]
    assert len({r["id"] for r in all_rows}) == len(all_rows)
    for r in all_rows:
        prov = r["provenance"]
        assert prov["author"] and prov["created"] and prov["voice"] and prov["note"], r["id"]
        assert (FOLDER.parent / prov["brief"]).is_file(), r["id"]


def test_indicator_tags_are_taxonomy_ids_for_the_kind(
    everything: dict[str, list[dict[str, Any]]],
) -> None:
    taxonomy = load_taxonomy().indicators
    for members in everything.values():
        for r in members:
            for tag in r["indicators"]:
                assert tag in taxonomy and r["kind"] in taxonomy[tag].kinds, (r["id"], tag)


def test_only_fictional_contacts_and_adults(everything: dict[str, list[dict[str, Any]]]) -> None:
    for members in everything.values():
        assert problems(members) == []

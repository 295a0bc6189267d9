"""The planted-names set (tests/fixtures/deid_names) is what its README says: 200 fictional
adverts whose annotations occur verbatim, adults only, fictional contacts only."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

SET = Path(__file__).resolve().parents[1] / "fixtures" / "deid_names" / "adverts.jsonl"
FICTIONAL_PHONE = re.compile(r"\+373 600 00 \d{3}|\+40 700 000 \d{3}|555-01\d\d")


def records() -> list[dict[str, Any]]:
    return [json.loads(line) for line in SET.read_text(encoding="utf-8").splitlines()]


def test_two_hundred_records_fifty_per_language_with_unique_ids() -> None:
    rows = records()
    assert len({r["id"] for r in rows}) == len(rows) == 200
    for language in ("en", "ro", "ru", "uk"):
        assert sum(r["language"] == language for r in rows) == 50


def test_every_annotation_occurs_verbatim() -> None:
    for r in records():
        text = r["title"] + "\n" + r["text"]
        for key in ("names", "ages", "cities", "non_names"):
            missing = [v for v in r[key] if not v or v not in text]
            assert not missing, (r["id"], key, missing)


def test_adults_only_and_fictional_contacts_only() -> None:
    for r in records():
        text = r["title"] + "\n" + r["text"]
        assert all(int(n) >= 18 for age in r["ages"] for n in re.findall(r"\d+", age)), r["id"]
        for phone in re.findall(r"\+\d[\d ]{6,}\d|(?<!\d)\d{3}-\d{4}(?!\d)", text):
            assert FICTIONAL_PHONE.fullmatch(phone), (r["id"], phone)
        for domain in re.findall(r"[\w.+-]+@([\w.-]+)", text):
            assert domain.rstrip(".") == "example.org", (r["id"], domain)

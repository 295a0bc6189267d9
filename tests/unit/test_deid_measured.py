"""De-identification measured on adverts it was not written against (tests/fixtures/deid_names:
200 adverts in English, Romanian, Russian and Ukrainian by an independent author, with every
person name, age and city marked, and the name-like words that must stay).

Measured before any change was made for it: 189 of 200 names removed (0.945). The misses led
to general rules (forms of address, the person to ask for, names joined by "and", a name
against a phone number, "X from <place>", ages after dashes and after "lady"/"девушка"); the
set has informed those rules since, so it is no longer blind: a fresh set would tell more.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from share.deid import deidentify

SET = Path(__file__).resolve().parents[1] / "fixtures" / "deid_names" / "adverts.jsonl"


@cache
def records() -> tuple[dict[str, Any], ...]:
    lines = SET.read_text(encoding="utf-8").splitlines()
    return tuple(json.loads(line) for line in lines)


def shared(record: dict[str, Any]) -> str:
    return deidentify(record["title"]) + "\n" + deidentify(record["text"])


def occurrences(word: str, text: str) -> int:
    return len(re.findall(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text))


def name_left(record: dict[str, Any], name: str) -> bool:
    """Whether any word of the name is still there (outside the words that must stay)."""
    out = shared(record)
    for kept in record["non_names"]:
        out = out.replace(kept, " ")
    return any(occurrences(word, out) for word in re.split(r"[\s\-]+", name) if word)


def test_at_least_98_percent_of_names_are_removed() -> None:
    pairs = [(r, name) for r in records() for name in r["names"]]
    left = [(r["id"], name) for r, name in pairs if name_left(r, name)]
    assert 1 - len(left) / len(pairs) >= 0.98, left


def test_name_like_ordinary_words_mostly_stay() -> None:
    kept = [(r, word) for r in records() for word in r["non_names"]]
    lost = [(r["id"], word) for r, word in kept if word not in shared(r)]
    assert 1 - len(lost) / len(kept) >= 0.9, lost


BANDS = re.compile(r"18–24|25–34|35–44|45\+|under 18")


def test_a_persons_single_age_becomes_a_band() -> None:
    """Single ages ("24", "23 года"); ranges and minimums ("18-45", "18+": an advert's
    requirement, no one's age) stay as written."""
    ages = [(r, a) for r in records() for a in r["ages"] if re.fullmatch(r"\d\d(?![\d+])\D*", a)]
    kept = [
        (r["id"], a)
        for r, a in ages
        if occurrences(a, BANDS.sub("[AGE]", shared(r)))
        >= occurrences(a, r["title"] + "\n" + r["text"])
    ]
    assert 1 - len(kept) / len(ages) >= 0.9, kept

"""Number words ("zero", "şase", "п'ять") that obfuscated phone numbers spell digits with,
and a regex alternation of them that the engine scans quickly."""

from __future__ import annotations

import re

__all__ = ["APOS", "NUMBER_WORDS", "any_case", "word_alternation"]

APOS = "['’ʼ`]"
NUMBER_WORDS: dict[str, int] = {
    # English
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    # Romanian
    "unu": 1,
    "una": 1,
    "doi": 2,
    "două": 2,
    "doua": 2,
    "trei": 3,
    "patru": 4,
    "cinci": 5,
    "șase": 6,
    "şase": 6,
    "sase": 6,
    "șapte": 7,
    "şapte": 7,
    "sapte": 7,
    "opt": 8,
    "nouă": 9,
    "noua": 9,
    # Russian
    "ноль": 0,
    "нуль": 0,
    "один": 1,
    "одна": 1,
    "два": 2,
    "две": 2,
    "три": 3,
    "четыре": 4,
    "пять": 5,
    "шесть": 6,
    "семь": 7,
    "восемь": 8,
    "девять": 9,
    # Ukrainian (п'ять and дев'ять are matched with any apostrophe, see below)
    "дві": 2,
    "чотири": 4,
    "шість": 6,
    "сім": 7,
    "вісім": 8,
}
# What the regex engine also takes for these letters when it ignores case (its case-fix table;
# test_extract_entities checks the classes below against it).
_CASE_EXTRAS = {"s": "ſ", "о": "ᲂ", "д": "ᲁ", "т": "ᲄᲅ", "с": "ᲃ", "в": "ᲀ"}


def any_case(letter: str) -> str:
    """A class of the characters that ``(?i:letter)`` matches, for a number word's first
    letter: a plain class lets the engine pass over an alternative on its first character."""
    return f"[{letter}{letter.upper()}{_CASE_EXTRAS.get(letter, '')}]"


def word_alternation() -> str:
    """Number words ignoring case, longest first, grouped by first letter (order kept within a
    group): the engine tries alternatives in turn, and at a word start only one group can
    match (no character is two of the first letters, ignoring case)."""
    words = sorted(NUMBER_WORDS, key=len, reverse=True)
    parts = [re.escape(w) for w in words]
    parts.insert(0, f"дев{APOS}ять")
    parts.insert(0, f"п{APOS}ять")
    by_first: dict[str, list[str]] = {}
    for part in parts:
        by_first.setdefault(part[0], []).append(part[1:])
    groups = (f"{any_case(first)}(?i:{'|'.join(rests)})" for first, rests in by_first.items())
    return "|".join(groups)

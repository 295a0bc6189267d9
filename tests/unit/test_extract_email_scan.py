"""The obfuscated e-mail scan tried only at each "@" gives what scanning the whole text gives."""

from __future__ import annotations

import random
import re

from crawlers.extract import emails


def _whole_text_matches(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in emails._OBF_EMAIL_RE.finditer(text)]


def _generated_texts() -> list[str]:
    """Texts made of the pieces the scan's edges are about: local parts of every length, the
    characters that match a-z when case is ignored, spaces and brackets before "@", dot words."""
    rng = random.Random(9)
    parts = ["olga", "o.lga", "\u212a", "\u017f", "\u0130", "\u0131", "_", "-", "+", "%", ".",
             " ", "  ", "\n", "(", "[", "<", "{", ")", "]", "@", " @ ", "( @ )", "example",
             "mail", " . ", "org", "ru", " dot ", "punct", "x" * 70, "é", "1"]  # fmt: skip
    return ["".join(rng.choice(parts) for _ in range(rng.randint(1, 14))) for _ in range(4000)]


def test_scan_at_each_at_sign_matches_the_whole_text_scan() -> None:
    texts = [
        *_generated_texts(),
        "write to olga @ mail . ru or (call)",
        "anna.k ( @ ) example dot org",
        "a@b@example.org",
        "name_x@example.org",
        "see " + "y" * 65 + "@example.org",
        "see " + "y" * 66 + "@example.org",
    ]
    with_matches = 0
    for text in texts:
        if emails._AT_WORD_CUE_RE.search(text) is not None:
            continue  # an at-word: the whole text is scanned anyway
        found = [m.span() for m in emails._obfuscated_candidates(text)]
        assert found == _whole_text_matches(text), text
        with_matches += bool(found)
    assert with_matches > 30  # the comparison saw addresses, not only misses


def test_local_part_characters_in_any_case_are_those_the_pattern_takes() -> None:
    ignoring_case = re.compile(r"(?i)[A-Za-z0-9._%+\-]")
    taken = {chr(c) for c in range(0x10000) if ignoring_case.fullmatch(chr(c))}
    assert taken == emails._LOCAL_CHARS_ANY_CASE

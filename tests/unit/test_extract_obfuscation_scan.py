"""The obfuscated-number run scan's quick start test keeps every run the plain one finds."""

from __future__ import annotations

import random
import re

from crawlers.extract import phone_obfuscation as obf


def test_runs_are_those_of_the_scan_without_the_no_letter_before_test() -> None:
    pattern = obf._OBF_RUN_RE.pattern
    rest = pattern[pattern.index("(?:(?P<plus>") :]
    plain = re.compile(rf"(?=[{obf._first_chars()}\d])" + rest)
    rng = random.Random(4)
    parts = ["zero", "six", "şase", "шесть", "O7OO", "l23", "+", "plus", "плюс", "surplus", " ",
             "\n", "-", "/", "🔥", "06", "0", "5five5", "⓪", "Iași", "ПЛЮС", "."]  # fmt: skip
    texts = ["".join(rng.choice(parts) for _ in range(rng.randint(1, 16))) for _ in range(3000)]
    runs = 0
    for text in texts:
        expected = [(m.span(), m.group("plus")) for m in plain.finditer(text)]
        assert [(m.span(), m.group("plus")) for m in obf._OBF_RUN_RE.finditer(text)] == expected
        runs += len(expected)
    assert runs > 1000

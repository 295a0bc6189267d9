"""De-obfuscation of phone numbers: number words, look-alike letters, odd separators.

"O7OO OOO l23", "zero six zero zero ...", "0600🔥00🔥129": every result carries a span
into the ORIGINAL text. Plain figures are left to :mod:`crawlers.extract.phones`.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneNumberType

from crawlers.extract.entity_spans import Found, SpanSet
from crawlers.extract.number_words import APOS, NUMBER_WORDS, word_alternation
from crawlers.extract.phones import e164, is_money

__all__ = ["obfuscated_phones"]

_ALLOWED_OBFUSCATED_TYPES = frozenset(
    {
        PhoneNumberType.MOBILE,
        PhoneNumberType.FIXED_LINE,
        PhoneNumberType.FIXED_LINE_OR_MOBILE,
        PhoneNumberType.VOIP,
        PhoneNumberType.PERSONAL_NUMBER,
        PhoneNumberType.UAN,
    }
)

_LETTER_DIGITS: dict[str, int] = {
    "O": 0,
    "o": 0,
    "О": 0,
    "о": 0,
    "Ο": 0,
    "ο": 0,  # Latin, Cyrillic, Greek O
    "l": 1,
    "I": 1,
}
_WORDS = word_alternation()
_LETTERS = "".join(_LETTER_DIGITS)
# Circled, superscript and subscript digits: not decimal digits to the regex engine,
# but unicodedata knows their value ("⓪⑥⓪⓪", "⁰⁶⁰⁰").
_ODD_DIGITS = "\u24ea\u2460-\u2468\u2070\u00b9\u00b2\u00b3\u2074-\u2079\u2080-\u2089"
_ATOM = rf"(?:{_WORDS}|\d|[{_LETTERS}{_ODD_DIGITS}])"
_NOT_LETTER_BEFORE = r"(?<![^\W\d_])"
_NOT_LETTER_AFTER = r"(?![^\W\d_])"
_GROUP = rf"{_NOT_LETTER_BEFORE}{_ATOM}{{1,24}}{_NOT_LETTER_AFTER}"
_EMOJI = "\u2190-\u21ff\u2300-\u23ff\u2500-\u27bf\u2900-\u2bff\ufe0f\u20e3\u200b-\u200d\u2060"
_EMOJI_ASTRAL = "\U0001f000-\U0001faff"
_SEP_CHARS = rf"\s.,;:\-‐-―/\\_*~·•|()\[\]'\"{_EMOJI}{_EMOJI_ASTRAL}"
_SEP = rf"[{_SEP_CHARS}]{{1,6}}"
_PLUS = r"(?:\+|(?i:plus|плюс)(?![^\W\d_]))"


def _first_chars() -> str:
    """Characters a run can start with (a cheap guard in front of the big pattern)."""
    chars = set("+0123456789") | set(_LETTER_DIGITS) | {"p", "P", "п", "П", "д", "Д"}
    chars |= {"\u24ea", "\u2070", "\u00b9", "\u00b2", "\u00b3"}
    chars |= {chr(c) for c in [*range(0x2460, 0x2469), *range(0x2074, 0x207A)]}
    chars |= {chr(c) for c in range(0x2080, 0x208A)}
    for word in NUMBER_WORDS:
        chars |= {word[0].lower(), word[0].upper()}
    return "".join(sorted(re.escape(c) for c in chars))


# A run starts at "+" or a plus word, or at a group's first atom, which has no letter before it:
# asking that first fails most positions (inside words) at once, a quarter of the scan's time.
_OBF_RUN_RE = re.compile(
    rf"(?:(?=[+pPпП])|{_NOT_LETTER_BEFORE}(?=[{_first_chars()}\d]))"
    rf"(?:(?P<plus>{_PLUS})[\s]{{0,2}})?(?P<run>{_GROUP}(?:{_SEP}{_GROUP})*)"
)
_GROUP_RE = re.compile(_GROUP)
_ATOM_TOKEN_RE = re.compile(rf"{_WORDS}|\d|[{_LETTERS}{_ODD_DIGITS}]")
# Ordinary punctuation between figures (any dash); "/" counts as odd: "06/00/00/128".
_PLAIN_SEP_RE = re.compile(r"[\s.\-‐-―−():,;]*")
# ASCII figures on one line; fullwidth digits and line breaks are obfuscation.
_PLAIN_RUN_RE = re.compile(r"[0-9 \t\u00a0.\-‐-―−():,;]+")
_SPACED_SINGLES_RE = re.compile(r"(?<!\d)\d(?:[\s.\-‐-―−/():,;]{1,6}\d(?!\d)){2,}")

_MAX_GROUPS = 40


def _atom_digit(token: str) -> int:
    if token in _LETTER_DIGITS:
        return _LETTER_DIGITS[token]
    if len(token) == 1 and token.isdigit():
        return unicodedata.digit(token)
    # casefold, not lower: the pattern matches case variants ("ſix", "ᲅри") that lower keeps
    key = re.sub(APOS, "", token.casefold())
    if key in NUMBER_WORDS:
        return NUMBER_WORDS[key]
    return {"пять": 5, "девять": 9}[key]


@dataclass(frozen=True)
class _Group:
    digits: str
    start: int
    end: int
    spelled: int  # digits written as number words or look-alike letters
    mixed: bool  # real digits and spelled ones in one group: "6OO", "5five5", "l23"


def _parse_digits(digits: str, plus: bool, regions: Sequence[str]) -> str | None:
    candidates: list[tuple[str, str | None]] = []
    if plus:
        candidates.append(("+" + digits, None))
    else:
        candidates.extend((digits, region) for region in regions)
        if len(digits) >= 10:
            candidates.append(("+" + digits, None))
    for number_text, region in candidates:
        try:
            number = phonenumbers.parse(number_text, region)
        except phonenumbers.NumberParseException:
            continue
        if (
            phonenumbers.is_valid_number(number)
            and phonenumbers.number_type(number) in _ALLOWED_OBFUSCATED_TYPES
        ):
            return e164(number)
    return None


def obfuscated_phones(text: str, regions: Sequence[str], taken: SpanSet) -> list[Found]:
    """De-obfuscation pass: number words, O/l for 0/1, digits split by odd separators.

    Spans already in ``taken`` are skipped; every phone found is added to it.
    """
    scan = _RunScanner(text, regions, taken)
    found: list[Found] = []
    for run in _OBF_RUN_RE.finditer(text):
        found.extend(scan.phones_in_run(run))
    return found


def _is_ascii_digit(token: str) -> bool:
    return len(token) == 1 and "0" <= token <= "9"


def _run_groups(run: re.Match[str]) -> list[_Group]:
    """The digit groups of a run (at most _MAX_GROUPS), spans in the original text."""
    run_start = run.start("run")
    groups: list[_Group] = []
    for g in _GROUP_RE.finditer(run.group("run")):
        tokens = _ATOM_TOKEN_RE.findall(g.group())
        digits = "".join(str(_atom_digit(t)) for t in tokens)
        spelled = sum(1 for t in tokens if not _is_ascii_digit(t))
        mixed = 0 < spelled < len(tokens)
        groups.append(_Group(digits, run_start + g.start(), run_start + g.end(), spelled, mixed))
        if len(groups) >= _MAX_GROUPS:
            break
    return groups


class _RunScanner:
    """Phones in obfuscated runs of one text; parse results are cached per text."""

    def __init__(self, text: str, regions: Sequence[str], taken: SpanSet) -> None:
        self.text = text
        self.regions = regions
        self.taken = taken
        self._parsed: dict[tuple[str, bool], str | None] = {}

    def phones_in_run(self, run: re.Match[str]) -> list[Found]:
        """Greedy left to right: at each group, the longest valid number starting there."""
        run_text = run.group("run")
        if len(run_text) < 7:
            return []  # fewer than 7 atoms
        if _PLAIN_RUN_RE.fullmatch(run_text) and not _SPACED_SINGLES_RE.search(run_text):
            return []  # ordinary figures: PhoneNumberMatcher's job
        groups = _run_groups(run)
        if sum(len(g.digits) for g in groups) < 7:
            return []
        found: list[Found] = []
        i = 0
        while i < len(groups):
            longest = self._longest_phone_from(run, groups, i)
            if longest is None:
                i += 1
                continue
            phone, last = longest
            found.append(phone)
            self.taken.add(phone.start, phone.end)
            i = last + 1
        return found

    def _longest_phone_from(
        self, run: re.Match[str], groups: Sequence[_Group], i: int
    ) -> tuple[Found, int] | None:
        """The longest phone made of groups[i..j] and that j, or None."""
        plus = run.group("plus") is not None and i == 0
        for j in range(len(groups) - 1, i - 1, -1):
            sub = groups[i : j + 1]
            digits = "".join(g.digits for g in sub)
            if len(digits) < 7:
                return None
            if len(digits) > 15 or not _is_obfuscated(self.text, sub, plus):
                continue
            start = run.start() if plus else sub[0].start
            end = sub[-1].end
            if self.taken.overlaps(start, end) or is_money(self.text, start, end):
                continue
            value = self._parse(digits, plus)
            if value is not None:
                return Found("phone", value, start, end), j
        return None

    def _parse(self, digits: str, plus: bool) -> str | None:
        key = (digits, plus)
        if key not in self._parsed:
            self._parsed[key] = _parse_digits(digits, plus, self.regions)
        return self._parsed[key]


def _is_obfuscated(text: str, groups: Sequence[_Group], plus: bool) -> bool:
    """Whether digit groups look deliberately obfuscated.

    Plain digit groups with ordinary separators are left to PhoneNumberMatcher, and
    prose that mixes number words with figures ("two 1200 1500", "25 I 30000") is not
    a phone number. Accepted: a group mixing digits with spelled ones ("6OO", "5five5",
    "l23"); mostly spelled digits with short figures ("zero six zero zero, 0 0 1 2 3");
    figures split by one odd symbol or emoji throughout; digits spaced out one by one;
    a number broken across lines that starts with "+" or "0".
    """
    if any(g.mixed for g in groups):
        return True
    total = sum(len(g.digits) for g in groups)
    spelled = sum(g.spelled for g in groups)
    if spelled:
        short_figures = all(len(g.digits) <= 4 for g in groups if not g.spelled)
        # "+373 six zero zero 00 123": a few spelled digits among short figures.
        return short_figures and (spelled * 2 >= total or spelled >= 2)
    seps = [text[a.end : b.start] for a, b in itertools.pairwise(groups)]
    if any("\n" in sep for sep in seps) and (plus or groups[0].digits.startswith("0")):
        return True
    # One odd separator used throughout: "0600🔥00🔥129", "06/00/00/128", keycap emoji.
    seps = [sep.strip() for sep in seps]
    odd = {sep for sep in seps if sep and not _PLAIN_SEP_RE.fullmatch(sep)}
    if len(odd) == 1 and all(sep in odd for sep in seps if sep):
        return True
    singles = sum(1 for g in groups if len(g.digits) == 1)
    return len(groups) >= 5 and singles * 10 >= len(groups) * 6  # "0 6 0 0 0 0 1 2 3"

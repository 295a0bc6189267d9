"""Indicator patterns, one data module per language (en, ro, ru, uk).

Each language module defines ``PATTERNS: dict[str, tuple[str, ...]]``: indicator id ->
regular expressions (stdlib :mod:`re` syntax) over the NORMALISED text produced by
:mod:`classifier.indicators.normalise` (casefolded, diacritics stripped, homoglyphs
mapped, emoji dropped, spaced letters joined, repeated letters squeezed to one).

Authors write ordinary spelling: :func:`expand` replaces the macros below and then
:func:`~classifier.indicators.normalise.normalise_pattern` folds the pattern the same
way the text is folded ("passport" becomes "pasport", "ș" becomes "s", "ё" becomes "е").

Macros (case-sensitive, expanded before compiling):

``<g1>`` .. ``<g9>``
    separators (spaces, commas, dashes) and up to N words, each followed by
    separators, never crossing a sentence end and never skipping a negation word:
    "passport<g3>kept by" matches "passport will be kept by" but not "passport is
    never kept by".
``<money>``
    an amount with a currency sign or word, before or after ("3 000 EUR", "€1,500",
    "15000 руб", "500 лей", "2000 грн").
``<~word>``
    ``word`` or any one-letter typo of it (deletion, transposition, substitution);
    only for long keywords, sparingly.

Every pattern must be safe against catastrophic backtracking: use the bounded macros
or bounded character classes like ``[^.!?\\n]{0,60}?`` instead of nested ``+``/``*``.

A language module may also define ``EXCLUDE: dict[str, tuple[str, ...]]``: indicator id ->
patterns that, found anywhere in the SENTENCE of a hit, cancel it.  That is how a pattern
reads its context without growing unreadable: "accommodation is available" is housing, but
not in a sentence about applicants with disabilities; "deductions for transport" are a cost
cut from pay, but not "pre-tax deductions" in a benefits list.
"""

from __future__ import annotations

import importlib
import re
from functools import cache

from classifier.indicators.normalise import normalise, normalise_pattern

__all__ = [
    "LANGUAGES",
    "NEGATION",
    "compile_source",
    "expand",
    "raw_exclusions",
    "raw_patterns",
    "typo_variants",
]

LANGUAGES: tuple[str, ...] = ("en", "ro", "ru", "uk")

# Negation cues, all languages (word-bounded, so scripts do not collide). "no" followed by
# a number is the abbreviation of "number" ("licence no. 12"), not a negation.
NEGATION = (
    r"(?:no(?!\.?\s?[#№]?\s?\d)|not|never|without|none|nor|nobody|cannot|can't|don't|dont"
    r"|doesn't|didn't|won't|isn't|aren't|wasn't|mustn't|shouldn't"
    r"|nu|fara|niciodata|nici|niciun|nicio|niciunul|niciodat"
    r"|не|нет|без|никогда|никаких|никакой|никакие|никакого|никакая|ни"
    r"|немає|нема|ніколи|жодн\w*|ніяк\w*|ні)\b"
)

_GAP_SEP = r"[^\w.!?;:\n]+"
_GAP_WORD = r"(?:(?!{neg})\w+[^\w.!?;:\n]+)"
_AMOUNT = r"\d+(?:[.,' ]\d+){0,3}"
_CURRENCY = (
    r"(?:€|\$|£|₽|₴|eur(?:o|os)?\b|gbp\b|usd\b|dollars?\b|dolari\b|pounds?\b|lire\b|lei\b|ron\b|mdl\b|chf\b"
    r"|pln\b|руб\w*|р\b|грн\b|гривен\w*|гривн\w*|гривень\b|евро\b|євро\b|долл\w*|дол\w*|у\.?\s?е\b"
    r"|лей\b|леев\b)"
)
_MONEY = (
    rf"(?:(?:€|\$|£|₽|₴)\s?{_AMOUNT}"
    rf"|{_AMOUNT}\s?(?:k\s?|тыс\.?\s?|тис\.?\s?|de\s)?{_CURRENCY})"
)

_GAP_RE = re.compile(r"<g([1-9])>")
_TYPO_RE = re.compile(r"<~(\w+)>")
_LETTER = r"[^\W\d_]"


def typo_variants(word: str) -> str:
    """A non-capturing alternation of ``word`` and its one-edit typos (normalised)."""
    w = normalise(word)
    variants: list[str] = [re.escape(w)]
    if len(w) >= 6:
        for i in range(len(w)):
            variants.append(re.escape(w[:i] + w[i + 1 :]))  # deletion
            if i >= 2:  # substitution, not in the first two letters (keeps a literal prefix)
                variants.append(re.escape(w[:i]) + _LETTER + re.escape(w[i + 1 :]))
        for i in range(len(w) - 1):
            if w[i] != w[i + 1]:
                swapped = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
                variants.append(re.escape(swapped))  # transposition
    seen: dict[str, None] = dict.fromkeys(variants)
    return "(?:" + "|".join(seen) + ")"


def expand(pattern: str) -> str:
    """Replace the macros of a pattern (see the module docstring)."""
    neg = normalise_pattern(NEGATION)
    gap_word = _GAP_WORD.format(neg=neg)
    out = _GAP_RE.sub(lambda m: f"{_GAP_SEP}{gap_word}{{0,{m.group(1)}}}", pattern)
    out = out.replace("<money>", _MONEY)
    return _TYPO_RE.sub(lambda m: typo_variants(m.group(1)), out)


def compile_source(pattern: str) -> str:
    """The final regular expression source for one authored pattern."""
    return normalise_pattern(expand(pattern))


@cache
def raw_patterns(language: str) -> dict[str, tuple[str, ...]]:
    """The authored patterns of one language: indicator id -> patterns."""
    if language not in LANGUAGES:
        raise ValueError(f"no patterns for language {language!r}; known: {', '.join(LANGUAGES)}")
    module = importlib.import_module(f"{__name__}.{language}")
    table: dict[str, tuple[str, ...]] = module.PATTERNS
    return table


@cache
def raw_exclusions(language: str) -> dict[str, tuple[str, ...]]:
    """The authored context exclusions of one language: indicator id -> patterns."""
    raw_patterns(language)  # validates the language
    module = importlib.import_module(f"{__name__}.{language}")
    table: dict[str, tuple[str, ...]] = getattr(module, "EXCLUDE", {})
    return table

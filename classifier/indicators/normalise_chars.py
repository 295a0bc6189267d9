"""Step 1 of indicator normalisation: what each single character becomes.

Unicode compatibility decomposition (NFKD), casefold, diacritics stripped (Cyrillic й
and Ukrainian ї kept), dashes and quotes unified, format characters dropped, emoji
and other symbols turned into a space, any newline-like character into "\\n".
See :mod:`classifier.indicators.normalise` for the whole pipeline.
"""

from __future__ import annotations

import unicodedata

__all__ = ["normalise_char"]

# Characters kept as they are (after lower-casing): distinct letters whose
# decomposition would wrongly strip a meaningful mark, and the numero sign (its
# NFKD form "No" would make Cyrillic text look Latin).
_PRESERVE: dict[str, str] = {
    "й": "й",
    "Й": "й",
    "ї": "ї",
    "Ї": "ї",
    "№": "№",
}

_NEWLINES = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")

_PUNCT_MAP: dict[str, str] = {
    # dashes and minus signs
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\ufe63": "-",
    "\uff0d": "-",
    # single quotes and apostrophes (Ukrainian words use an apostrophe: слов'янка)
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u02bc": "'",
    "\u02b9": "'",
    "\u0060": "'",
    "\u00b4": "'",
    "\u2032": "'",
    # double quotes and guillemets
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2039": '"',
    "\u203a": '"',
    "\u2033": '"',
}

_SYMBOL_CATEGORIES = frozenset({"So", "Sk", "Co", "Cs", "Cn"})
_MARK_CATEGORIES = frozenset({"Mn", "Mc", "Me"})

_char_cache: dict[str, str] = {}


def normalise_char(c: str) -> str:
    """Normalise ONE character; the result may be empty or longer than one char."""
    cached = _char_cache.get(c)
    if cached is not None:
        return cached
    result = _normalise_char_uncached(c)
    if len(_char_cache) < 200_000:
        _char_cache[c] = result
    return result


def _normalise_char_uncached(c: str) -> str:
    if c in _PRESERVE:
        return _PRESERVE[c]
    if c in _NEWLINES:
        return "\n"
    if c.isspace():
        return " "
    cat = unicodedata.category(c)
    if cat in ("Cf", "Cc"):
        return ""  # zero-width space/joiners, soft hyphen, BOM, bidi marks, controls
    if c in _PUNCT_MAP:
        return _PUNCT_MAP[c]
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", c).casefold())
    return "".join(_fold_decomposed(ch) for ch in decomposed)


def _fold_decomposed(ch: str) -> str:
    """One character of a decomposed, casefolded character: marks and controls go."""
    if ch in _PRESERVE:
        return _PRESERVE[ch]
    ch_cat = unicodedata.category(ch)
    if ch_cat in _MARK_CATEGORIES:
        return ""  # diacritics, variation selectors, keycap enclosures
    if ch_cat in ("Cf", "Cc"):
        return ""
    if ch.isspace():
        return " "
    if ch in _PUNCT_MAP:
        return _PUNCT_MAP[ch]
    if ch_cat in _SYMBOL_CATEGORIES:
        return " "  # emoji, pictographs, flags: act as word separators
    return ch.lower()

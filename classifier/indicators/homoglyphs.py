"""Step 3 of indicator normalisation: homoglyphs mapped to the script of their word.

Latin "a o e p c x y k m t h b i" inside a Cyrillic word become Cyrillic and vice
versa; Greek look-alikes follow the word too. A word made only of ambiguous letters
follows its neighbouring words (Latin "c" between Russian words becomes "с").
See :mod:`classifier.indicators.normalise` for the whole pipeline.
"""

from __future__ import annotations

import re

__all__ = ["map_homoglyphs"]

_LAT2CYR: dict[str, str] = {
    "a": "а",
    "b": "в",
    "c": "с",
    "e": "е",
    "h": "н",
    "i": "і",
    "k": "к",
    "m": "м",
    "o": "о",
    "p": "р",
    "t": "т",
    "x": "х",
    "y": "у",
}
_CYR2LAT: dict[str, str] = {v: k for k, v in _LAT2CYR.items()}
_CYR2LAT.update({"ѕ": "s", "ј": "j", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l"})
# Greek letters seen in spam: map to whichever script the word uses.
_GREEK2LAT: dict[str, str] = {
    "α": "a",
    "β": "b",
    "ε": "e",
    "η": "n",
    "ι": "i",
    "κ": "k",
    "μ": "m",
    "ν": "v",
    "ο": "o",
    "ρ": "p",
    "τ": "t",
    "υ": "u",
    "χ": "x",
    "γ": "y",
}
_GREEK2CYR: dict[str, str] = {
    "α": "а",
    "β": "в",
    "ε": "е",
    "κ": "к",
    "μ": "м",
    "ο": "о",
    "ρ": "р",
    "τ": "т",
    "χ": "х",
    "γ": "у",
    "ι": "і",
}

_TO_CYR: dict[str, str] = {**_LAT2CYR, **_GREEK2CYR}
_TO_LAT: dict[str, str] = {**_CYR2LAT, **_GREEK2LAT}

_LATIN_RE = re.compile(r"[a-z]")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_GREEK_RE = re.compile(r"[\u0370-\u03ff]")
_WORD_RE = re.compile(r"[^\W\d_]+")


def _word_scripts(word: str) -> tuple[int, int, bool, bool]:
    """(strong latin count, strong cyrillic count, has latin-ish, has cyrillic-ish)."""
    strong_l = strong_c = 0
    has_l = has_c = False
    for ch in word:
        if "a" <= ch <= "z":
            has_l = True
            if ch not in _LAT2CYR:
                strong_l += 1
        elif "\u0400" <= ch <= "\u04ff":
            has_c = True
            if ch not in _CYR2LAT:
                strong_c += 1
    return strong_l, strong_c, has_l, has_c


def map_homoglyphs(s: str) -> str:
    """Map homoglyphs to the script of their word; returns a string of equal length."""
    has_cyr = _CYRILLIC_RE.search(s) is not None
    has_greek = _GREEK_RE.search(s) is not None
    if not has_greek and not (has_cyr and _LATIN_RE.search(s) is not None):
        return s  # a single script: nothing can be mixed up
    words = [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(s)]
    infos = [_word_scripts(w) for _, _, w in words]
    # Script of each word from its strong letters ('' when it has none).
    strong = ["L" if sl > sc else "C" if sc > sl else "" for sl, sc, _, _ in infos]
    total_l = sum(info[0] for info in infos)
    total_c = sum(info[1] for info in infos)
    doc_script = "L" if total_l >= total_c else "C"
    # Nearest strong script before and after each word.
    prev_script = _nearest_before(strong)
    next_script = _nearest_before(strong[::-1])[::-1]

    chars = list(s)
    changed = False
    for i, (start, end, word) in enumerate(words):
        _, _, has_l, has_c = infos[i]
        target = strong[i] or _weak_word_script(
            prev_script[i], next_script[i], has_l, has_c, doc_script
        )
        if target == "L" and not has_c and not any(ch in _GREEK2LAT for ch in word):
            continue
        if target == "C" and not has_l and not any(ch in _GREEK2CYR for ch in word):
            continue
        table = _TO_LAT if target == "L" else _TO_CYR
        for j in range(start, end):
            rep = table.get(chars[j])
            if rep is not None:
                chars[j] = rep
                changed = True
    return "".join(chars) if changed else s


def _nearest_before(strong: list[str]) -> list[str]:
    """For each word, the script of the nearest word before it that has one ('' if none)."""
    nearest: list[str] = []
    last = ""
    for script in strong:
        nearest.append(last)
        if script:
            last = script
    return nearest


def _weak_word_script(prev: str, after: str, has_l: bool, has_c: bool, doc_script: str) -> str:
    """No strong letter decides: follow the neighbours, else the word's letters, else
    the document."""
    target = (prev if prev == after else "") if prev and after else (prev or after)
    if target:
        return target
    if has_l and has_c:
        return doc_script
    if has_l:
        return "L"
    if has_c:
        return "C"
    return doc_script

"""Cue score for Russian written in Latin letters ("Rabota v Germanii, zhile besplatno").

Statistical detectors call such text Romanian or "something Slavic"; a few spelling
habits of Russian transliteration (zh, kh, shch, ya/yu, -tsya, -ogo) and the common
words of recruitment adverts separate it from English and Romanian, which have
almost none of them.
"""

from __future__ import annotations

import re

__all__ = ["translit_russian_score"]

_WORD_RE = re.compile(r"[a-z']+")
# Russian words adverts use, as word beginnings (cases and suffixes vary).
_STEMS = (
    "rabot", "zarplat", "zhil", "besplat", "devushk", "devochk", "trebu", "oplat", "dorog",
    "vyezd", "srochn", "opyt", "kvartir", "pitani", "nedel", "mesyat", "mesyac", "zhensh",
    "muzhch", "proezd", "nuzhn", "ishch", "ishem", "ischem", "priglash", "vakansi", "khorosh",
    "horosh", "ochen", "zvoni", "pishi", "obrash", "usloviya", "grafik", "tolko", "mozhno",
    "zhd", "priezd", "krasiv", "molod", "podrob", "zarabot", "deneg", "dengi", "bilet",
    "prozhiv", "rabochi", "nyan", "sidel", "ofitsiant", "uborsh", "pomosh", "zhenat",
    "znakom", "svoboden", "svobodn", "nachal", "bystr", "legk", "lyog", "vizu", "viza",
)  # fmt: skip
# Short function words: Russian, and not English, Romanian or Polish words.
_WORDS = frozenset((
    "v", "vo", "dlya", "ili", "eto", "chto", "kak", "kto", "gde", "uzhe", "eshche", "esche",
    "bez", "iz", "ot", "na", "po", "mne", "nas", "my", "vy", "ona", "oni", "tebya", "menya",
    "vse", "vsem", "net",
))  # fmt: skip


def _by_first_two_letters(stems: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    grouped: dict[str, tuple[str, ...]] = {}
    for stem in stems:
        grouped[stem[:2]] = (*grouped.get(stem[:2], ()), stem)
    return grouped


# The stems by their first two letters: a word is compared with the few that share them, not all.
_STEMS_BY_START = _by_first_two_letters(_STEMS)
_FRAGMENT_RE = re.compile(r"zh|kh|shch|sch|ya|yu|yo|tsya|ogo\b|ykh\b|yi\b|iy\b|aya\b|oye\b|nye\b")


def translit_russian_score(text: str) -> float:
    """Share (0..1) of the Latin words in ``text`` that look like transliterated Russian;
    0.0 when there are fewer than three words."""
    words = _WORD_RE.findall(text.lower())
    if len(words) < 3:
        return 0.0
    hits = 0
    for word in words:
        stems = _STEMS_BY_START.get(word[:2])
        if (
            word in _WORDS
            or (stems is not None and word.startswith(stems))
            or (len(word) > 3 and _FRAGMENT_RE.search(word))
        ):
            hits += 1
    return hits / len(words)

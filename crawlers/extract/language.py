"""Language identification for advert text (lingua, restricted to a fixed set)."""

from __future__ import annotations

import functools
import re

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

__all__ = ["LANGUAGES", "MIN_CONFIDENCE", "MIN_LETTERS", "detect_language"]

#: The languages adverts are expected in; anything else is forced onto one of these
#: with low confidence and usually comes back as None.
LANGUAGES: tuple[Language, ...] = (
    Language.ENGLISH,
    Language.ROMANIAN,
    Language.RUSSIAN,
    Language.UKRAINIAN,
    Language.GERMAN,
    Language.ITALIAN,
    Language.SPANISH,
    Language.FRENCH,
    Language.POLISH,
    Language.TURKISH,
    Language.BULGARIAN,
)
MIN_CONFIDENCE = 0.5
#: Texts with fewer letters than this are too short to call.
MIN_LETTERS = 12
#: Only the first characters are looked at (speed; adverts rarely switch language).
MAX_CHARS = 3000

_LETTER_RE = re.compile(r"[^\W\d_]")
# Letters only Ukrainian uses among the configured Cyrillic languages, and letters
# Ukrainian does not have at all.
_UK_ONLY_RE = re.compile(r"[іїєґІЇЄҐ]")
_NOT_UK_RE = re.compile(r"[ыэъёЫЭЪЁ]")


@functools.cache
def _detector() -> LanguageDetector:
    """Built once per process: loading the models is the expensive part."""
    return LanguageDetectorBuilder.from_languages(*LANGUAGES).with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code (``"en"``, ``"ro"``, ``"uk"`` ...) of ``text``, or None when the
    text is too short or the best guess has confidence below :data:`MIN_CONFIDENCE`."""
    sample = text[:MAX_CHARS]
    letters = _LETTER_RE.findall(sample)
    if len(letters) < MIN_LETTERS:
        return None
    values = _detector().compute_language_confidence_values(sample)
    if not values:
        return None
    best = values[0]
    language = best.language
    confidence = best.value
    # Russian/Ukrainian tie-breaker on script evidence lingua may underweight in
    # low-accuracy mode: Ukrainian-only letters and no Russian-only ones.
    if (
        language in (Language.RUSSIAN, Language.BULGARIAN)
        and _UK_ONLY_RE.search(sample)
        and not _NOT_UK_RE.search(sample)
    ):
        uk = next((v.value for v in values if v.language is Language.UKRAINIAN), 0.0)
        if uk > 0.0 or len(_UK_ONLY_RE.findall(sample)) >= 2:
            return "uk"
    if confidence < MIN_CONFIDENCE:
        return None
    return language.iso_code_639_1.name.lower()

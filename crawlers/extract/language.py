"""Language identification for advert text: one of the served languages, "other", or None.

adwatch serves en, ro, ru and uk (the classifier has patterns for those). lingua is
asked about those plus confusable neighbours, so that a Bulgarian or Polish advert
wins as its own language and maps to :data:`OTHER` instead of being forced onto
Russian or Romanian. Script cues settle what statistics get wrong on short text
(Ukrainian-only letters, Russian-only letters, Serbian/Macedonian letters), and
transliterated Russian ("rabota v Germanii, zhile besplatno") is recognised by a cue
score, because lingua calls it Romanian. When the evidence is weak the caller's
fallback (the site profile's language) is returned, or None.
"""

from __future__ import annotations

import functools
import re

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from crawlers.extract.translit import translit_russian_score

__all__ = [
    "LANGUAGES",
    "MIN_CONFIDENCE",
    "MIN_LETTERS",
    "OTHER",
    "SERVED",
    "detect_language",
    "language_models",
    "letter_counts",
]

#: The languages adwatch serves (classifier patterns exist for these).
SERVED: tuple[str, ...] = ("en", "ro", "ru", "uk")
#: Returned for text confidently in a language adwatch does not serve.
OTHER = "other"
_SERVED_LINGUA = (Language.ENGLISH, Language.ROMANIAN, Language.RUSSIAN, Language.UKRAINIAN)
#: Served languages plus neighbours they are confused with; a neighbour's win is "other".
LANGUAGES: tuple[Language, ...] = (
    *_SERVED_LINGUA,
    Language.BULGARIAN,
    Language.MACEDONIAN,
    Language.SERBIAN,
    Language.BELARUSIAN,
    Language.POLISH,
    Language.ITALIAN,
    Language.SPANISH,
    Language.FRENCH,
    Language.GERMAN,
    Language.PORTUGUESE,
    Language.TURKISH,
)
#: lingua's relative confidence (values sum to 1) the best language needs.
MIN_CONFIDENCE = 0.5
#: A neighbour must be this sure to override the caller's fallback with "other".
MIN_OTHER_CONFIDENCE = 0.8
#: Texts with fewer letters than this are too short for statistics: only script cues
#: or the fallback decide.
MIN_LETTERS = 20
#: Transliterated-Russian cue score (share of words with cues) that settles "ru", and
#: the lower score at which the text is too ambiguous to call.
TRANSLIT_SURE = 0.3
TRANSLIT_UNSURE = 0.15
#: Only the first characters are looked at: lingua's time grows with the text (1.2 ms for
#: 3,000 characters, 0.24 ms for 500), and adverts rarely switch language. Against 3,000:
#: the same calls on the 4,128 labelled samples; on 1,886 real English job adverts (median
#: 4,500 characters) 1 fewer right (1,816 against 1,817).
MAX_CHARS = 500
#: lingua reads fewer still (its time about halves again): the script cues and
#: letter counts above keep all MAX_CHARS, so a Russian advert opening with an English title
#: stays Cyrillic. Against 500: the same calls on the 4,128 labelled samples and 400 demo
#: adverts; on the 1,886 real English job adverts 3 more right (1,819 against 1,816), none fewer.
LINGUA_CHARS = 250

# English function words. Text with at most three letters outside a-z (a place or company name:
# "Wrocław", "Iași") in which they are an eighth of the words is English without asking lingua
# (job adverts list duties, so their share is lower than in prose): that was lingua's answer,
# with any fallback, on all 3,355 such texts among 4,128 labelled samples (generated and
# independently written), 1,886 real job adverts, the test snippets and 2,000 demo adverts.
# The other Latin-script languages lingua is asked about share few of these words ("an", "are",
# "to", "will") and most use more letters beyond a-z.
_ENGLISH_WORDS = frozenset((
    "the", "and", "of", "to", "for", "with", "you", "your", "we", "our", "is", "are", "will",
    "be", "this", "that", "have", "from", "at", "or", "an", "by", "it", "they", "their", "who",
    "can", "all", "not", "has",
))  # fmt: skip
_LETTER_BEYOND_A_Z_RE = re.compile(r"[^\W\d_a-zA-Z]")
_EN_FOREIGN_LETTERS = 3
# Romanian function and advert words. Text whose letters beyond a-z are all Romanian's, with
# two of the letters only Romanian has among lingua's languages (ă ș ț, ş/ţ with a cedilla), in
# which these words are an eighth of the words and outnumber English ones twice, is Romanian
# without asking lingua: lingua said so, with any fallback, on all 950 such texts of the same
# sets. Romanian without diacritics still goes to lingua (Italian and Spanish share its words).
_ROMANIAN_WORDS = frozenset((
    "și", "şi", "în", "de", "la", "cu", "pentru", "pe", "din", "care", "să", "se", "nu", "un",
    "o", "este", "sunt", "mai", "sau", "ce", "al", "ai", "lui", "prin", "după", "fără", "oferim",
    "căutăm", "angajăm", "salariu", "lucru", "muncă", "cazare",
))  # fmt: skip
_ROMANIAN_ONLY_RE = re.compile(r"[ăĂșȘțȚţŢ]")
_LETTER_BEYOND_ROMANIAN_RE = re.compile(r"[^\W\d_a-zA-ZăĂâÂîÎșȘşŞțȚţŢ]")
_WORD_RE = re.compile(r"[^\W\d_]+")

# Letters are counted, not listed: every character is either a letter ([^\W\d_]) or one of
# these, and the Cyrillic block's letters are all of it but U+0482-U+0489 (a sign and marks).
# Runs, not single characters: a word is one match instead of one per letter (40 % faster).
_NOT_LETTER_RE = re.compile(r"[\W\d_]+")
_CYRILLIC_LETTER_RE = re.compile(r"[\u0400-\u0481\u048a-\u04ff]+")
_UK_ONLY_RE = re.compile(r"[іїєґІЇЄҐ]")
# Russian has these, Ukrainian and Bulgarian do not (Belarusian is caught by ў first);
# a word-final soft sign is Russian too, Bulgarian never ends a word with it.
_RU_CUE_RE = re.compile(r"[ыэёЫЭЁ]|[ьЬ]\b")
# Letters Russian has and Ukrainian does not.
_RU_ONLY_RE = re.compile(r"[ыэёъЫЭЁЪ]")
# Bulgarian uses ъ as a vowel; Russian only as a separator before е ё ю я.
_BG_CUE_RE = re.compile(r"[ъЪ](?![еёюяЕЁЮЯ])|ьо")
_NEIGHBOUR_CYR_RE = re.compile(r"[ўЎјЈљЉњЊћЋђЂџЏѓЃќЌѕЅ]")


@functools.cache
def language_models() -> LanguageDetector:
    """Built once per process: loading the models is the expensive part."""
    return LanguageDetectorBuilder.from_languages(*LANGUAGES).with_low_accuracy_mode().build()


def _code(language: Language) -> str:
    return language.iso_code_639_1.name.lower()


def _cyrillic_cue(sample: str) -> str | None:
    """What the letters alone say about Cyrillic text, or None if they do not settle it."""
    if _NEIGHBOUR_CYR_RE.search(sample):
        return OTHER  # Belarusian ў, Serbian/Macedonian ј љ њ ћ ђ џ ѓ ќ ѕ
    uk = len(_UK_ONLY_RE.findall(sample))
    ru = len(_RU_CUE_RE.findall(sample))
    bg = len(_BG_CUE_RE.findall(sample))
    if uk and not ru:
        return "uk"
    # A word-final soft sign is Ukrainian too ("робить"): two Ukrainian-only letters and none of
    # the letters only Russian has settle it (lingua's answer, with any fallback, on all 943 such
    # texts of the labelled, real, snippet and demo sets that used to reach it).
    if uk >= 2 and not _RU_ONLY_RE.search(sample):
        return "uk"
    if ru and not uk and ru > bg:
        return "ru"
    if bg >= 2 and not ru and not uk:
        return OTHER
    return None


def _from_lingua(sample: str, fallback: str | None) -> str | None:
    values = language_models().compute_language_confidence_values(sample[:LINGUA_CHARS])
    if not values:
        return fallback
    best = values[0]
    if best.language in _SERVED_LINGUA:
        return _code(best.language) if best.value >= MIN_CONFIDENCE else fallback
    # A neighbour won: "other" only when it is clearly ahead, else trust the profile.
    needed = MIN_OTHER_CONFIDENCE if fallback else MIN_CONFIDENCE
    return OTHER if best.value >= needed else fallback


@functools.lru_cache(maxsize=1)
def _words(sample: str) -> tuple[tuple[str, ...], int]:
    """The sample's lower-case words and how many are English function words: split once for
    the English and the Romanian test of one text."""
    words = tuple(_WORD_RE.findall(sample.lower()))
    return words, sum(1 for word in words if word in _ENGLISH_WORDS)


def _plainly_english(sample: str) -> bool:
    if len(_LETTER_BEYOND_A_Z_RE.findall(sample)) > _EN_FOREIGN_LETTERS:
        return False
    words, hits = _words(sample)
    return hits >= 5 and hits * 8 >= len(words)


def _plainly_romanian(sample: str) -> bool:
    if len(_ROMANIAN_ONLY_RE.findall(sample)) < 2 or _LETTER_BEYOND_ROMANIAN_RE.search(sample):
        return False
    words, english = _words(sample)
    hits = sum(1 for word in words if word in _ROMANIAN_WORDS)
    return hits >= 5 and hits * 8 >= len(words) and hits > 2 * english


def letter_counts(text: str) -> tuple[int, int]:
    """(letters, Cyrillic letters) in text: a text is in Cyrillic when they are half or more."""
    letters = len(text) - sum(map(len, _NOT_LETTER_RE.findall(text)))
    if text.isascii():
        return letters, 0
    return letters, sum(map(len, _CYRILLIC_LETTER_RE.findall(text)))


def detect_language(text: str, fallback: str | None = None) -> str | None:
    """``"en"``, ``"ro"``, ``"ru"``, ``"uk"``, :data:`OTHER`, or - when the text does
    not settle it - ``fallback`` (the site profile's language; None if it has none).

    Transliterated Russian comes back as ``"ru"`` when its cues are clear and as None
    (uncertain, whatever the fallback) when they are only suggestive.
    """
    sample = text[:MAX_CHARS]
    letters, cyrillic = letter_counts(sample)
    if not letters:
        return fallback
    if cyrillic * 2 >= letters:
        cue = _cyrillic_cue(sample)
        if cue is not None:
            return cue
        return fallback if letters < MIN_LETTERS else _from_lingua(sample, fallback)
    translit = translit_russian_score(sample)
    if translit >= TRANSLIT_SURE:
        return "ru"
    if translit >= TRANSLIT_UNSURE:
        return None
    if letters < MIN_LETTERS:
        return fallback
    if _plainly_english(sample):
        return "en"
    if _plainly_romanian(sample):
        return "ro"
    return _from_lingua(sample, fallback)

"""The first-name and surname lexicon: data files in share/deid/data, spelled every way.

Cyrillic names are matched as written, in their case forms ("Марину", "с Мариной",
Ukrainian vocative "Марино") and in the Latin transliterations adverts use ("Nastya",
"Nastia", "Nastja"); Latin names are matched without diacritics ("Ionut" for "Ionuț").
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from share.deid import words

_CYRILLIC = re.compile(r"[а-яёіїєґ]")
_VOWELS = "аеёиоуыэюяіїє"

# One or more Latin spellings per Cyrillic letter (BGN, Ukrainian national, ISO-like and
# the French/German/Romanian-style spellings seen in adverts).
_TRANSLIT: dict[str, tuple[str, ...]] = {
    "а": ("a",), "б": ("b",), "в": ("v",), "г": ("g", "h", "gh"), "ґ": ("g",), "д": ("d",),
    "е": ("e",), "ё": ("yo", "e", "io"), "є": ("ye", "ie", "e"), "ж": ("zh", "j"),
    "з": ("z",), "и": ("i", "y"), "і": ("i",), "ї": ("yi", "i", "ji"), "й": ("y", "i", "j", ""),
    "к": ("k", "c"), "л": ("l",), "м": ("m",), "н": ("n",), "о": ("o",), "п": ("p",),
    "р": ("r",), "с": ("s",), "т": ("t",), "у": ("u",), "ф": ("f",), "х": ("kh", "h"),
    "ц": ("ts", "c", "tz", "t"), "ч": ("ch", "ci", "c"), "ш": ("sh", "s"),
    "щ": ("shch", "sch", "sc"), "ъ": ("",),
    "ы": ("y",), "ь": ("",), "э": ("e",), "ю": ("yu", "iu", "ju"), "я": ("ya", "ia", "ja", "a"),
    "'": ("",),
}  # fmt: skip
_MAX_SPELLINGS = 256

# Case endings added to a Cyrillic name by its last letter (Russian and Ukrainian).
_ENDINGS: tuple[tuple[str, int, tuple[str, ...]], ...] = (
    ("ия", 1, ("и", "ю", "ей", "ею", "і", "єю", "є")),
    ("ія", 1, ("ї", "ю", "єю", "є")),
    ("а", 1, ("ы", "и", "е", "у", "ой", "ою", "о", "і")),
    ("я", 1, ("и", "е", "ю", "ей", "ею", "і", "є", "ьо")),
    ("й", 1, ("я", "ю", "ем", "е", "ї", "єм")),
    ("ь", 1, ("я", "ю", "ем", "е", "и", "ью", "і", "ею")),
    ("о", 1, ("а", "у", "ом", "і", "ові", "е")),
)
_CONSONANT_ENDINGS = ("а", "у", "ом", "е", "ові", "ем", "ом", "у")


# Latin letters that look Cyrillic, as written inside Cyrillic words to dodge filters.
_LOOKALIKES = str.maketrans("aeopcxyikmthb", "аеорсхуікмтнв")


def fold(word: str) -> str:
    """The form every lookup uses: lower case, ё as е, no diacritics on Latin letters,
    Latin look-alikes inside a Cyrillic word read as Cyrillic ("Мaрина")."""
    lowered = word.lower().replace("ё", "е").replace("’", "'").replace("ʼ", "'")
    if _CYRILLIC.search(lowered) and re.search(r"[a-z]", lowered):
        lowered = lowered.translate(_LOOKALIKES)
    decomposed = unicodedata.normalize("NFD", lowered)
    kept: list[str] = []
    for char in decomposed:
        if unicodedata.combining(char) and kept and kept[-1].isascii():
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept)).replace("ё", "е")


def is_cyrillic(word: str) -> bool:
    return bool(_CYRILLIC.search(word.lower()))


def transliterations(word: str) -> set[str]:
    """Latin spellings of a Cyrillic word (folded), at most _MAX_SPELLINGS."""
    options = []
    for index, char in enumerate(word.lower()):
        choices = _TRANSLIT.get(char, (char,))
        previous = word[index - 1].lower() if index else ""
        if char == "е" and (not previous or previous in _VOWELS + "ьъ"):
            choices = ("e", "ye")
        if char == "я" and previous not in "иіь":  # "a" only as in Мария → Maria
            choices = ("ya", "ia", "ja", "ea")
        options.append(choices)
    spellings = {"".join(p) for p in itertools.islice(itertools.product(*options), 4096)}
    spellings |= {s.replace("ks", "x") for s in spellings if "ks" in s}
    return set(sorted(spellings, key=len)[:_MAX_SPELLINGS])


def case_forms(name: str) -> set[str]:
    """A Cyrillic name in its Russian and Ukrainian case forms (folded)."""
    name = fold(name)
    forms = {name}
    for suffix, cut, endings in _ENDINGS:
        if name.endswith(suffix):
            forms |= {name[: len(name) - cut] + ending for ending in endings}
            return forms
    if name[-1:] not in _VOWELS:
        forms |= {name + ending for ending in _CONSONANT_ENDINGS}
    return forms


@dataclass(frozen=True)
class Lexicon:
    first_names: frozenset[str]  # every spelling and case form, folded
    surnames: frozenset[str]
    word_names: frozenset[str]  # spellings of names that are also ordinary words
    place_names: frozenset[str]  # spellings of names that are also places or months


def _read(filename: str) -> list[str]:
    text = resources.files("share.deid").joinpath("data", filename).read_text(encoding="utf-8")
    return [w for line in text.splitlines() if not line.startswith("#") for w in line.split()]


def diminutives(name: str) -> set[str]:
    """Affectionate forms of a Russian or Ukrainian name in -а/-я (folded): "Настя" →
    "Настенька", "Настюша", "Настька"; "Оксана" → "Оксанка", "Оксаночка"."""
    name = fold(name)
    if not is_cyrillic(name) or name[-1:] not in "ая" or len(name) < 3:
        return set()
    stem = name[:-1]
    forms = {stem + ("ька" if name.endswith("я") else "ка"), stem + "очка", stem + "ечка"}
    if len(name) <= 5:
        forms |= {stem + ending for ending in ("енька", "юша", "юшка", "уля", "уся", "юня")}
    return forms


def latin_forms(name: str) -> set[str]:
    """A Latin-script name and its Romanian genitive-dative ("Maria" → "Mariei")."""
    name = fold(name)
    return {name, name[:-1] + "ei"} if name.endswith("a") and len(name) > 2 else {name}


def _cyrillic_bases(name: str) -> set[str]:
    """A Cyrillic name as written, without its apostrophe, and in Ukrainian і-spelling."""
    folded = fold(name)
    bases = {folded, folded.replace("'", "")}
    if "и" in folded and not re.search(r"[іїє]", folded):  # Кира → Кіра, Ирина → Ірина
        bases |= {folded.replace("и", "і"), folded.replace("и", "і", 1)}
    return bases


def _spellings(name: str) -> set[str]:
    if not is_cyrillic(name):
        return latin_forms(name)
    bases = _cyrillic_bases(name) | diminutives(name)
    forms = set().union(*(case_forms(base) for base in bases))
    return forms | set().union(*(transliterations(base) for base in bases))


def _ambiguous(base_words: frozenset[str], names: list[str]) -> frozenset[str]:
    """Forms, in the same script, of names that are also words: "Вера" and "веру" but not
    "Vera"; "Roman" is listed itself where the Latin spelling is a word too."""
    found: set[str] = set(base_words)
    for name in names:
        if fold(name) in base_words:  # case forms only: "Светка" is no word though "света" is
            if is_cyrillic(name):
                found |= set().union(*(case_forms(b) for b in _cyrillic_bases(name)))
            else:
                found |= latin_forms(name)
    return frozenset(found - words.NEVER_NAMES)


@cache
def lexicon() -> Lexicon:
    names = _read("faker_first_names.txt") + _read("added_first_names.txt")
    first: set[str] = set()
    for name in names:
        first |= {s for s in _spellings(name) if len(s) >= 3 or is_cyrillic(s)}
    surnames = {fold(s) for s in _read("faker_surnames.txt") + _read("added_surnames.txt")}
    return Lexicon(
        first_names=frozenset(first - words.NEVER_NAMES),
        surnames=frozenset(surnames - words.NEVER_NAMES),
        word_names=_ambiguous(words.WORD_NAMES, names),
        place_names=_ambiguous(words.PLACE_OR_MONTH_NAMES, names),
    )

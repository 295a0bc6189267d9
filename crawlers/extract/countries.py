"""Countries as JobPostings name them: an ISO code, a Country object or a name in any language.

The posting's country says which numbering plan a local phone number follows (a French
"07 00 00 00 12" is not a Romanian number) and, for a title too short to tell, which of the
languages adwatch serves the advert is likely in. Names are looked up in the country names
phonenumbers already carries (from java.util.Locale, in about 180 languages).
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path
from typing import Any

import phonenumbers

from crawlers.extract.language import letter_counts

__all__ = ["country_code", "country_language"]

# The served languages spoken in a country, in the order a short text falls back to them;
# a text in the other script (Cyrillic vs Latin) takes the first language written in it.
_COUNTRY_LANGUAGES = {
    "RU": ("ru",),
    "BY": ("ru",),
    "KZ": ("ru",),
    "UA": ("uk", "ru"),
    "MD": ("ro", "ru"),
    "RO": ("ro",),
    "GB": ("en",),
    "IE": ("en",),
    "US": ("en",),
    "CA": ("en",),
    "AU": ("en",),
    "NZ": ("en",),
}
_CYRILLIC_LANGUAGES = frozenset({"ru", "uk"})


def _locale_data() -> dict[str, dict[str, str]]:
    """phonenumbers' country names, read from their own module file: importing the module
    runs its package, phonenumbers.geodata, which loads all the geocoding data (~0.35 s in
    every crawl process for a table of a few milliseconds)."""
    path = Path(phonenumbers.__file__).parent / "geodata" / "locale.py"
    # its package's name: the module's own `from ..util import u` resolves against it
    spec = importlib.util.spec_from_file_location("phonenumbers.geodata.locale", path)
    if spec is None or spec.loader is None:  # pragma: no cover - the file ships with the wheel
        raise ImportError(f"cannot read {path}")
    module: Any = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return dict(module.LOCALE_DATA)


@cache
def _codes_by_name() -> dict[str, str]:
    names: dict[str, str] = {}
    for code, by_language in _locale_data().items():
        default = by_language.get("aa", "")
        for name in by_language.values():
            name = default if name.startswith("*") else name
            names.setdefault(name.casefold(), code)
    return names


def country_code(value: str | None) -> str | None:
    """The ISO 3166 code for "FR", "fr", "France", "Frankreich" or "Франция"; None if unknown."""
    if not value:
        return None
    text = value.strip()
    if len(text) == 2 and text.upper() in phonenumbers.SUPPORTED_REGIONS:
        return text.upper()
    return _codes_by_name().get(text.casefold())


def country_language(country: str | None, text: str) -> str | None:
    """The served language of `country` written in `text`'s script, or None."""
    languages = _COUNTRY_LANGUAGES.get(country or "", ())
    if not languages:
        return None  # before counting letters: the whole text's count costs more than the rest
    letters, cyrillic_letters = letter_counts(text)
    if not letters:
        return None
    cyrillic = cyrillic_letters * 2 >= letters
    matching = [lang for lang in languages if (lang in _CYRILLIC_LANGUAGES) == cyrillic]
    return matching[0] if matching else None

"""De-identification of advert text: the people in adverts must not be named outside adwatch.

`deidentify` replaces person names with [NAME], ages with bands ("18–24") and known cities
with their country ("[Moldova]"); `redact_url` does the same for names and ages in URLs.
Contacts (phones, e-mails, handles, URLs) are share.depersonalise's job, done before this.
"""

from __future__ import annotations

import unicodedata

from share.deid.ages import age_band, generalise_ages
from share.deid.names import name_spans, replace_names
from share.deid.places import generalise_places
from share.deid.urls import match_regex, redact_url

__all__ = [
    "age_band",
    "deidentify",
    "generalise_ages",
    "generalise_places",
    "match_regex",
    "name_spans",
    "redact_url",
]


def deidentify(text: str, language: str | None = None) -> str:
    """Text with names, ages and cities generalised. `language` (en, ro, ru, uk) is accepted
    for callers that know it; the rules work on all four at once, since adverts mix them."""
    del language  # names cross languages ("Natalia" in a Russian advert): no per-language rules
    text = unicodedata.normalize("NFC", text)
    return generalise_ages(replace_names(generalise_places(text)))

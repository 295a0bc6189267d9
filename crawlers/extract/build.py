"""Assembling :class:`AdvertFields`, shared by the profile and the structured paths."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from crawlers.extract.countries import country_language
from crawlers.extract.dates import parse_datetime
from crawlers.extract.entities import (
    DEFAULT_REGION_HINTS,
    extract_entities,
    normalise_region_hints,
)
from crawlers.extract.fields import AdvertFields
from crawlers.extract.language import detect_language
from crawlers.extract.text import normalise_whitespace, single_line

__all__ = ["build_fields", "entity_text"]

#: Upper bound on stored title length (characters).
MAX_TITLE_CHARS = 1000


def entity_text(title: str, body: str, contact_text: str = "") -> str:
    """The text entity spans index: ``title + "\\n" + body + "\\n" + contact``."""
    return f"{title}\n{body}\n{contact_text}"


def _optional(value: str | None) -> str | None:
    if value is None:
        return None
    cleaned = single_line(value)
    return cleaned or None


def build_fields(
    title: str,
    body: str,
    kind: str,
    *,
    posted_at: datetime | str | None = None,
    location: str | None = None,
    pay: str | None = None,
    employer: str | None = None,
    licence_number: str | None = None,
    contact_text: str = "",
    region_hints: Sequence[str] = DEFAULT_REGION_HINTS,
    body_is_summary: bool = False,
    language_fallback: str | None = None,
    country: str | None = None,
) -> AdvertFields:
    """Normalise the raw values and run language detection and entity extraction.

    ``title``, ``body`` and ``contact_text`` are plain text (already HTML-stripped).
    The title and the short fields become single lines; the body keeps one newline
    between blocks. Language is detected on title + body; entities are extracted from
    ``title + "\\n" + body + "\\n" + contact_text`` (spans index that string) with the
    region hints given first and MD, RO, UA, RU after them. A ``body_is_summary``
    body was built from labelled fields (English labels), so only the title tells
    the language. ``language_fallback`` (the site profile's language) is the language
    when the text does not settle it; without one, ``country`` (the job's ISO country, from
    its posting) picks it among the served languages spoken there, in the text's script.
    """
    clean_title = single_line(title)[:MAX_TITLE_CHARS]
    clean_body = normalise_whitespace(body)
    clean_contact = normalise_whitespace(contact_text)
    posted = posted_at if isinstance(posted_at, datetime) else parse_datetime(posted_at)
    if posted is not None:
        posted = parse_datetime(posted)  # make it timezone-aware
    regions = normalise_region_hints(region_hints, DEFAULT_REGION_HINTS)
    language_text = clean_title if body_is_summary else f"{clean_title}\n{clean_body}"
    fallback = language_fallback or country_language(country, language_text)
    language = detect_language(language_text, fallback=fallback)
    entities = extract_entities(entity_text(clean_title, clean_body, clean_contact), regions)
    return AdvertFields(
        title=clean_title,
        body=clean_body,
        kind=kind,
        posted_at=posted,
        location=_optional(location),
        pay=_optional(pay),
        employer=_optional(employer),
        licence_number=_optional(licence_number),
        language=language,
        entities=entities,
    )

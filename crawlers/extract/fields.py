"""Dataclasses describing one extracted advert (see the crawl contracts)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

EntityKind = Literal["phone", "email", "handle", "url"]

__all__ = ["AdvertFields", "Entity", "EntityKind"]


@dataclass(frozen=True)
class Entity:
    """A contact entity found in advert text.

    ``start``/``end`` are character offsets into the text it was found in; for an
    advert that text is ``title + "\\n" + body + "\\n" + contact``.
    """

    kind: EntityKind
    value: str  # normalised: E.164 phone, lower-case e-mail, "network:id" handle, canonical URL
    raw: str  # as written in the text (text[start:end])
    start: int
    end: int


@dataclass(frozen=True)
class AdvertFields:
    """The fields extracted from one advert page."""

    title: str
    body: str  # HTML stripped, whitespace normalised (see html_to_text)
    kind: str  # job | bridal | escort
    posted_at: datetime | None  # timezone-aware (UTC if none given)
    location: str | None
    pay: str | None
    employer: str | None
    licence_number: str | None
    language: str | None  # en, ro, ru, uk, "other", or None when unsure
    entities: tuple[Entity, ...]
    # absolute image URLs shown with the advert, page order, de-duplicated (crawlers/extract/images)
    images: tuple[str, ...] = ()

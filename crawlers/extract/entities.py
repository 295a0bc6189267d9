"""Contact entities in advert text: phones, e-mails, messenger handles and URLs.

Every :class:`~crawlers.extract.fields.Entity` carries a span into the ORIGINAL text
(``text[e.start:e.end] == e.raw``), also for obfuscated phone numbers ("O7OO OOO l23",
"zero six zero zero ...") and e-mails ("name at example dot org").

This module combines the finders: :mod:`.phones` (ordinary figures),
:mod:`.phone_obfuscation`, :mod:`.emails` and :mod:`.handles` (messenger handles, URLs).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

import phonenumbers

from crawlers.extract.emails import find_emails
from crawlers.extract.entity_spans import Found, SpanSet
from crawlers.extract.fields import Entity
from crawlers.extract.handles import (
    find_urls,
    link_numbers,
    link_spans,
    messenger_phone_handles,
    telegram_names,
)
from crawlers.extract.phone_obfuscation import obfuscated_phones
from crawlers.extract.phones import DATE_RE, REGISTRY_RE, is_money, standard_phones

__all__ = ["DEFAULT_REGION_HINTS", "extract_entities", "normalise_region_hints"]

DEFAULT_REGION_HINTS: tuple[str, ...] = ("MD", "RO", "UA", "RU")

_KIND_ORDER: dict[str, int] = {"phone": 0, "email": 1, "handle": 2, "url": 3}


def normalise_region_hints(*hint_lists: Iterable[str | None]) -> tuple[str, ...]:
    """Upper-case, de-duplicate (first wins) and keep only regions phonenumbers knows."""
    # Three calls a page, with the same few hints on every page of a site: worked out once.
    return _normalised(tuple(hint for hints in hint_lists for hint in hints))


@functools.lru_cache(maxsize=256)
def _normalised(hints: tuple[str | None, ...]) -> tuple[str, ...]:
    seen: list[str] = []
    for hint in hints:
        if not hint:
            continue
        region = hint.strip().upper()
        if region == "UK":
            region = "GB"
        if region in phonenumbers.SUPPORTED_REGIONS and region not in seen:
            seen.append(region)
    return tuple(seen)


def extract_entities(
    text: str, region_hints: Sequence[str] = DEFAULT_REGION_HINTS
) -> tuple[Entity, ...]:
    """Phones, e-mails, messenger handles and URLs in ``text``.

    Values are normalised per the contract (E.164 phones, lower-case e-mails,
    ``network:id`` handles, canonical URLs). Spans index ``text`` itself. Entities are
    de-duplicated by (kind, value), keeping the first span, and returned in text order.
    """
    if not text:
        return ()
    regions = normalise_region_hints(region_hints, DEFAULT_REGION_HINTS)

    urls = find_urls(text)
    emails = find_emails(text)
    link_handles, link_phones = link_numbers(text)
    # Numbers inside URLs and e-mail addresses are not phone numbers, except the ones
    # messenger links carry (already collected above).
    blocked_spans = [(u.start, u.end) for u in urls]
    blocked_spans += link_spans(text)
    blocked_spans += [(e.start, e.end) for e in emails]

    phones = _phones(text, regions, blocked_spans) + link_phones
    handles = (
        link_handles
        + telegram_names(text)
        + messenger_phone_handles(
            text, phones, SpanSet(blocked_spans + [(h.start, h.end) for h in link_handles])
        )
    )
    return _deduplicated(text, [*phones, *emails, *handles, *urls])


def _phones(text: str, regions: Sequence[str], blocked_spans: list[tuple[int, int]]) -> list[Found]:
    """Ordinary phone numbers, then obfuscated ones where no other entity or date is."""
    blocked = SpanSet(blocked_spans)
    date_spans = [(m.start(), m.end()) for m in DATE_RE.finditer(text)]
    date_spans += [(m.start(), m.end()) for m in REGISTRY_RE.finditer(text)]
    dates = SpanSet(date_spans)
    phones = [
        p
        for p in standard_phones(text, regions)
        if not blocked.overlaps(p.start, p.end)
        and not dates.overlaps(p.start, p.end)
        and not is_money(text, p.start, p.end)
    ]
    taken = SpanSet([(p.start, p.end) for p in phones] + blocked_spans + date_spans)
    return phones + obfuscated_phones(text, regions, taken)


def _deduplicated(text: str, found: Iterable[Found]) -> tuple[Entity, ...]:
    """Entities in text order, the first span of each (kind, value) only."""
    everything = sorted(found, key=lambda f: (f.start, _KIND_ORDER[f.kind], -f.end))
    seen: set[tuple[str, str]] = set()
    result: list[Entity] = []
    for f in everything:
        key = (f.kind, f.value)
        if key in seen:
            continue
        seen.add(key)
        result.append(Entity(f.kind, f.value, text[f.start : f.end], f.start, f.end))
    return tuple(result)

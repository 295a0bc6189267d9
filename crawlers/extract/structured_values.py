"""Mapping a schema.org JobPosting object to plain-text advert values.

schema.org values come in many shapes (text, numbers, Things with a name, lists,
nested PostalAddress / MonetaryAmount objects); everything here turns them into the
display strings :func:`~crawlers.extract.build.build_fields` expects, without raising.
"""

from __future__ import annotations

import html as html_lib
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, TypedDict
from urllib.parse import urljoin

from crawlers.extract.countries import country_code
from crawlers.extract.dates import parse_datetime
from crawlers.extract.structured_summary import posting_summary
from crawlers.extract.text import html_to_text, single_line

__all__ = ["JobPostingValues", "job_posting_values"]


class JobPostingValues(TypedDict):
    """Plain-text values of a JobPosting before normalisation (see build_fields)."""

    title: str
    body: str  # the description as text; "" when the posting has none
    summary: str  # readable text built from the other fields; built only when body is ""
    posted_at: datetime | None
    location: str | None
    pay: str | None
    employer: str | None
    licence_number: str | None
    contact_text: str
    country: str | None  # ISO code of the (first) job location or applicant location


def _text(value: object) -> str | None:
    """A display string for a schema.org value (text, number, Thing with a name)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float):
        return _number(value)
    if isinstance(value, Mapping):
        for key in ("name", "@value", "value", "text"):
            if key in value:
                found = _text(value[key])
                if found:
                    return found
        return None
    if isinstance(value, list):
        parts = [t for t in (_text(v) for v in value) if t]
        return ", ".join(dict.fromkeys(parts)) or None
    return None


def _number(value: object) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:g}"
    if isinstance(value, str):
        s = value.strip()
        try:
            number = float(s)
        except ValueError:
            return s or None
        return str(int(number)) if number.is_integer() and "e" not in s.lower() else s
    return _text(value)


def _as_list(value: object) -> list[object]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _plain(value: object) -> str:
    """Text of a value that may contain HTML (or HTML escaped once more)."""
    raw = _text(value) or ""
    if "<" not in raw and "&lt;" in raw:
        raw = html_lib.unescape(raw)
    return html_to_text(raw)


def _title(value: object) -> str:
    """A title is a plain string: entities are decoded, but text that looks like markup
    ("<script>" in a title string) stays literal text; escaping is the UI's job."""
    return single_line(html_lib.unescape(_text(value) or ""))


def _address_text(address: Mapping[str, Any]) -> str | None:
    """Address as "City, Region, Country": the region is kept next to the city because boards
    often give a small town whose region is what a reader (or analyst) recognises."""
    parts = [
        _text(address.get(key)) for key in ("addressLocality", "addressRegion", "addressCountry")
    ]
    seen = dict.fromkeys(p for p in parts if p)  # region repeating the city is dropped
    return ", ".join(seen) or _text(address.get("name"))


def _location(posting: Mapping[str, Any]) -> str | None:
    places: list[str] = []
    for place in _as_list(posting.get("jobLocation")):
        if isinstance(place, str):
            places.append(place)
            continue
        if not isinstance(place, Mapping):
            continue
        text: str | None = None
        for address in _as_list(place.get("address")):
            if isinstance(address, str):
                text = address
            elif isinstance(address, Mapping):
                text = _address_text(address)
            if text:
                break
        if not text:
            text = _text(place.get("name"))
        if text:
            places.append(single_line(text))
    if not places:
        location_type = " ".join(str(t) for t in _as_list(posting.get("jobLocationType")))
        if "telecommute" in location_type.lower():
            where = ", ".join(_applicant_locations(posting))
            return f"Remote ({where})" if where else "Remote"
        return None
    return "; ".join(dict.fromkeys(places))


def _applicant_locations(posting: Mapping[str, Any]) -> list[str]:
    """Where a remote job's applicants must live (Country / State objects or names)."""
    names = (_text(area) for area in _as_list(posting.get("applicantLocationRequirements")))
    return list(dict.fromkeys(name for name in names if name))


def _country(posting: Mapping[str, Any]) -> str | None:
    """The ISO code of the first job location's country, else of the applicants' country."""
    for place in _as_list(posting.get("jobLocation")):
        addresses = _as_list(place.get("address")) if isinstance(place, Mapping) else []
        for address in addresses:
            if isinstance(address, Mapping):
                code = country_code(_text(address.get("addressCountry")))
                if code:
                    return code
    for name in _applicant_locations(posting):
        code = country_code(name)
        if code:
            return code
    return None


def _salary(value: object, currency: str | None = None) -> str | None:
    """A MonetaryAmount as "1200-1500 EUR/MONTH"; ``currency`` is the posting's
    top-level ``salaryCurrency``, used when the amount does not name its own."""
    if value is None:
        return None
    if isinstance(value, list):
        return _join_salaries(value, currency)
    if not isinstance(value, Mapping):
        return _with_currency(_number(value), currency)
    amount_value = value.get("value")
    nested = amount_value if isinstance(amount_value, Mapping) else {}
    # Boards put the currency on the MonetaryAmount, on the QuantitativeValue inside
    # it, or only at the top of the posting: every position is read, innermost last.
    currency = (
        _text(value.get("currency"))
        or _text(value.get("salaryCurrency"))
        or _text(nested.get("currency"))
        or currency
    )
    unit = _text(nested.get("unitText")) or _text(value.get("unitText"))
    if nested:
        single, low, high = nested.get("value"), nested.get("minValue"), nested.get("maxValue")
    else:
        single, low, high = amount_value, value.get("minValue"), value.get("maxValue")
    lo, hi, one = _number(low), _number(high), _number(single)
    amount = f"{lo}-{hi}" if lo and hi and lo != hi else one or lo or hi or ""
    if not amount:
        return None
    text = f"{amount} {currency}" if currency else amount
    return f"{text}/{unit}" if unit else text


def _with_currency(amount: str | None, currency: str | None) -> str | None:
    """A bare salary ("27500", "14,50 pro Stunde") with the posting's salaryCurrency, unless
    it already names a currency ("£11.80 - £12.50 per hour")."""
    if not amount or not currency or currency in amount:
        return amount
    if any(unicodedata.category(ch) == "Sc" for ch in amount):
        return amount
    return f"{amount} {currency}"


def _join_salaries(values: Iterable[object], currency: str | None) -> str | None:
    parts = [s for s in (_salary(v, currency) for v in values) if s]
    return "; ".join(parts) or None


_LICENCE_KEYS = ("licence", "license", "licenseNumber", "licenceNumber")


def _licence(posting: Mapping[str, Any]) -> str | None:
    """Only explicit licence fields: ``identifier`` is the board's own id for the
    posting, and storing it as a licence number would make the classifier's agency
    register check see an unknown licence on almost every advert."""
    organisation = posting.get("hiringOrganization")
    sources: list[object] = []
    for key in _LICENCE_KEYS:
        sources.append(posting.get(key))
        if isinstance(organisation, Mapping):
            sources.append(organisation.get(key))
    for source in sources:
        for item in _as_list(source):
            if isinstance(item, Mapping):
                found = _text(item.get("value")) or _text(item.get("name"))
            else:
                found = _number(item)
            if found:
                return found
    return None


_CONTACT_KEYS = ("email", "telephone", "faxNumber", "url", "sameAs")


def _contact_text(posting: Mapping[str, Any], page_url: str) -> str:
    lines: list[str] = []

    def add(thing: object) -> None:
        if not isinstance(thing, Mapping):
            return
        for key in _CONTACT_KEYS:
            for item in _as_list(thing.get(key)):
                text = _text(item)
                if text and key in ("url", "sameAs") and page_url:
                    text = urljoin(page_url, text)
                if text:
                    lines.append(text)
        for point in _as_list(thing.get("contactPoint")):
            add(point)

    add(posting.get("hiringOrganization"))
    for contact in _as_list(posting.get("applicationContact")):
        add(contact)
    return "\n".join(dict.fromkeys(lines))


def job_posting_values(posting: Mapping[str, Any], page_url: str = "") -> JobPostingValues:
    """Plain values of a JobPosting (before whitespace normalisation / entities);
    relative contact URLs are resolved against ``page_url``."""
    title = _title(posting.get("title")) or _title(posting.get("name"))
    location = _location(posting)
    currency = _text(posting.get("salaryCurrency"))
    pay = _salary(posting.get("baseSalary"), currency) or _salary(
        posting.get("estimatedSalary"), currency
    )
    employer = _text(posting.get("hiringOrganization"))
    body = _plain(posting.get("description"))
    return JobPostingValues(
        title=title,
        body=body,
        summary="" if body else posting_summary(posting, employer, location, pay),
        posted_at=parse_datetime(posting.get("datePosted")),
        location=location,
        pay=pay,
        employer=employer,
        licence_number=_licence(posting),
        contact_text=_contact_text(posting, page_url),
        country=_country(posting),
    )

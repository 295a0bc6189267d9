"""schema.org JobPosting extraction (JSON-LD and microdata) and mapping to AdvertFields."""

from __future__ import annotations

import html as html_lib
import json
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any, TypedDict
from urllib.parse import urljoin

from crawlers.extract.build import build_fields
from crawlers.extract.dates import parse_datetime
from crawlers.extract.entities import DEFAULT_REGION_HINTS
from crawlers.extract.fields import AdvertFields
from crawlers.extract.text import html_to_text, parse_html, single_line

__all__ = [
    "JobPostingValues",
    "extract_job_postings",
    "job_posting_to_fields",
    "job_posting_values",
    "job_postings_from_tree",
]

logger = logging.getLogger(__name__)

_SCHEMA_PREFIXES = ("http://schema.org/", "https://schema.org/", "schema:", "schema.org/")
_MAX_DEPTH = 16
_TRAILING_COMMA_RE = re.compile(r",\s*([}\]])")
_WRAPPER_RE = re.compile(r"^\s*(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)|(?:-->|//\s*\]\]>|\]\]>)\s*$")


class JobPostingValues(TypedDict):
    """Plain-text values of a JobPosting before normalisation (see build_fields)."""

    title: str
    body: str
    posted_at: datetime | None
    location: str | None
    pay: str | None
    employer: str | None
    licence_number: str | None
    contact_text: str


# --------------------------------------------------------------------------- finding


def _load_json_ld(raw: str) -> Any:
    """json.loads with the usual real-world breakage repaired; raises ValueError."""
    text = _WRAPPER_RE.sub("", raw.strip()).strip()
    try:
        return json.loads(text)
    except ValueError:
        pass
    try:
        return json.loads(text, strict=False)  # raw newlines/tabs inside strings
    except ValueError:
        pass
    return json.loads(_TRAILING_COMMA_RE.sub(r"\1", text), strict=False)


def _types(item: Mapping[str, Any]) -> list[str]:
    raw = item.get("@type", item.get("type"))
    values = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
    out: list[str] = []
    for value in values:
        if not isinstance(value, str):
            continue
        name = value.strip()
        for prefix in _SCHEMA_PREFIXES:
            if name.lower().startswith(prefix):
                name = name[len(prefix) :]
                break
        out.append(name.lower())
    return out


def _is_job_posting(item: Mapping[str, Any]) -> bool:
    return "jobposting" in _types(item)


def _collect(node: Any, out: list[dict[str, object]], depth: int = 0) -> None:
    """Walk JSON-LD (``@graph``, lists, nested objects) collecting JobPosting objects."""
    if depth > _MAX_DEPTH:
        return
    if isinstance(node, list):
        for item in node:
            _collect(item, out, depth + 1)
    elif isinstance(node, dict):
        if _is_job_posting(node):
            out.append(node)
            return
        for value in node.values():
            if isinstance(value, dict | list):
                _collect(value, out, depth + 1)


def job_postings_from_tree(
    root: Any, url: str, *, microdata: bool = True
) -> list[dict[str, object]]:
    """JobPostings from an already parsed lxml document (see extract_job_postings)."""
    postings: list[dict[str, object]] = []
    for script in root.iter("script"):
        script_type = (script.get("type") or "").split(";", 1)[0].strip().lower()
        if script_type != "application/ld+json":
            continue
        raw = script.text or ""
        if not raw.strip():
            continue
        try:
            data = _load_json_ld(raw)
        except ValueError as exc:
            logger.warning("skipping broken JSON-LD block on %s: %s", url, exc)
            continue
        _collect(data, postings)
    if microdata:
        import extruct  # slow to import (rdflib, bs4, ...): only when a page has microdata

        try:
            extracted = extruct.extract(
                root, base_url=url, syntaxes=["microdata"], uniform=True, errors="log"
            )
        except Exception as exc:  # extruct raises assorted errors on odd markup
            logger.warning("microdata extraction failed on %s: %s", url, exc)
        else:
            _collect(extracted.get("microdata", []), postings)
    return postings


def extract_job_postings(html: str, url: str) -> list[dict[str, object]]:
    """schema.org JobPosting objects on a page, JSON-LD first, then microdata.

    JSON-LD ``@graph`` containers, top-level lists and nested objects are flattened;
    ``@type`` may be a string or a list, with or without the schema.org prefix. A broken
    JSON-LD block is skipped with a logged warning; this function does not raise.
    """
    root = parse_html(html)
    if root is None:
        return []
    return job_postings_from_tree(root, url, microdata="itemscope" in html.lower())


# --------------------------------------------------------------------------- mapping


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


def _location(posting: Mapping[str, Any]) -> str | None:
    places: list[str] = []
    for place in _as_list(posting.get("jobLocation")):
        if isinstance(place, str):
            places.append(place)
            continue
        if not isinstance(place, Mapping):
            continue
        address = place.get("address")
        text: str | None = None
        if isinstance(address, str):
            text = address
        elif isinstance(address, Mapping):
            city = _text(address.get("addressLocality")) or _text(address.get("addressRegion"))
            country = _text(address.get("addressCountry"))
            text = ", ".join(p for p in (city, country) if p) or _text(address.get("name"))
        if not text:
            text = _text(place.get("name"))
        if text:
            places.append(single_line(text))
    if not places:
        location_type = " ".join(str(t) for t in _as_list(posting.get("jobLocationType")))
        if "telecommute" in location_type.lower():
            return "Remote"
        return None
    return "; ".join(dict.fromkeys(places))


def _salary(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        return _number(value) if not isinstance(value, list) else _join_salaries(value)
    currency = _text(value.get("currency")) or _text(value.get("salaryCurrency"))
    amount_value = value.get("value")
    unit = _text(value.get("unitText"))
    single: object = None
    low: object = None
    high: object = None
    if isinstance(amount_value, Mapping):
        single = amount_value.get("value")
        low = amount_value.get("minValue")
        high = amount_value.get("maxValue")
        unit = _text(amount_value.get("unitText")) or unit
    else:
        single = amount_value
        low = value.get("minValue")
        high = value.get("maxValue")
    lo, hi, one = _number(low), _number(high), _number(single)
    amount = f"{lo}-{hi}" if lo and hi and lo != hi else one or lo or hi or ""
    if not amount:
        return None
    text = f"{amount} {currency}" if currency else amount
    return f"{text}/{unit}" if unit else text


def _join_salaries(values: Iterable[object]) -> str | None:
    parts = [s for s in (_salary(v) for v in values) if s]
    return "; ".join(parts) or None


def _licence(posting: Mapping[str, Any]) -> str | None:
    organisation = posting.get("hiringOrganization")
    sources: list[object] = []
    for key in ("licence", "license", "licenseNumber", "licenceNumber"):
        sources.append(posting.get(key))
        if isinstance(organisation, Mapping):
            sources.append(organisation.get(key))
    sources.append(posting.get("identifier"))
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
    return JobPostingValues(
        title=title,
        body=_plain(posting.get("description")),
        posted_at=parse_datetime(posting.get("datePosted")),
        location=_location(posting),
        pay=_salary(posting.get("baseSalary")) or _salary(posting.get("estimatedSalary")),
        employer=_text(posting.get("hiringOrganization")),
        licence_number=_licence(posting),
        contact_text=_contact_text(posting, page_url),
    )


def job_posting_to_fields(
    posting: Mapping[str, Any],
    page_url: str,
    kind: str = "job",
    region_hints: Sequence[str] = DEFAULT_REGION_HINTS,
) -> AdvertFields:
    """Map a JobPosting to AdvertFields (title, description as text, datePosted,
    jobLocation "City, Country", baseSalary "1200-1500 EUR/MONTH", hiringOrganization,
    identifier/licence) with language and entities (title + description + the
    organisation's / application contact's e-mail, telephone, url, sameAs)."""
    values = job_posting_values(posting, page_url)
    return build_fields(kind=kind, region_hints=region_hints, **values)

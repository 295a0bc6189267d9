"""schema.org JobPosting extraction (JSON-LD and microdata) and mapping to AdvertFields.

Finding JobPosting objects on a page is done here; turning one into plain values is
:mod:`crawlers.extract.structured_values` (its public names are re-exported here).
"""

from __future__ import annotations

import functools
import json
import logging
import re
from collections.abc import Callable, Mapping
from typing import Any

from crawlers.extract.build import build_fields
from crawlers.extract.entities import DEFAULT_REGION_HINTS, normalise_region_hints
from crawlers.extract.fields import AdvertFields
from crawlers.extract.json_repair import repair_json
from crawlers.extract.structured_values import JobPostingValues, job_posting_values
from crawlers.extract.text import parse_html

__all__ = [
    "JobPostingValues",
    "extract_job_postings",
    "first_job_posting",
    "job_posting_to_fields",
    "job_posting_values",
    "job_postings_from_tree",
    "json_ld_blocks",
    "json_ld_reader",
]

logger = logging.getLogger(__name__)

_SCHEMA_PREFIXES = ("http://schema.org/", "https://schema.org/", "schema:", "schema.org/")
_MAX_DEPTH = 16
_TRAILING_COMMA_RE = re.compile(r",\s*([}\]])")
_WRAPPER_RE = re.compile(r"^\s*(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)|(?:-->|//\s*\]\]>|\]\]>)\s*$")


def load_json_ld(raw: str) -> Any:
    """json.loads with the usual real-world breakage repaired; raises ValueError."""
    text = raw.strip()
    # Each wrapper has "<!" (at the start) or "-->" / "]]>" (at the end): most blocks have
    # none, and the substitution alone cost five times json.loads on them.
    if "<!" in text or "-->" in text or "]]>" in text:
        text = _WRAPPER_RE.sub("", text)
    text = text.strip()
    try:
        return json.loads(text)
    except ValueError:
        pass
    try:
        return json.loads(text, strict=False)  # raw newlines/tabs inside strings
    except ValueError:
        pass
    without_commas = _TRAILING_COMMA_RE.sub(r"\1", text)
    try:
        return json.loads(without_commas, strict=False)
    except ValueError:
        pass
    return json.loads(repair_json(without_commas), strict=False)  # stray inner quotes


def schema_types(item: Mapping[str, Any]) -> list[str]:
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
    return "jobposting" in schema_types(item)


def _collect(
    node: Any,
    out: list[dict[str, object]],
    depth: int = 0,
    listed: list[dict[str, object]] | None = None,
) -> None:
    """Walk JSON-LD (``@graph``, lists, nested objects) collecting JobPosting objects; those
    inside an ItemList ("similar jobs") go to `listed`, after the page's own."""
    if depth > _MAX_DEPTH:
        return
    if isinstance(node, list):
        for item in node:
            _collect(item, out, depth + 1, listed)
    elif isinstance(node, dict):
        if _is_job_posting(node):
            out.append(node)
            return
        if listed is not None and "itemlist" in schema_types(node):
            out = listed  # below an ItemList, postings are the listed ones
        for value in node.values():
            if isinstance(value, dict | list):
                _collect(value, out, depth + 1, listed)


def job_postings_from_tree(
    root: Any, url: str, *, microdata: bool = True
) -> list[dict[str, object]]:
    """JobPostings from an already parsed lxml document (see extract_job_postings): the page's
    own first, then those its ItemLists list."""
    return _postings(root, url, microdata, first_only=False)


def first_job_posting(
    root: Any, url: str, *, microdata: bool | Callable[[], bool] = True
) -> dict[str, object] | None:
    """job_postings_from_tree's first posting, or None; microdata is read only when JSON-LD
    holds no posting of the page's own (extruct costs more than the JSON-LD). `microdata` may
    be a function saying whether to read it, asked only then (most pages do not need asking)."""
    postings = _postings(root, url, microdata, first_only=True)
    return postings[0] if postings else None


def _postings(
    root: Any, url: str, microdata: bool | Callable[[], bool], *, first_only: bool
) -> list[dict[str, object]]:
    own: list[dict[str, object]] = []
    listed: list[dict[str, object]] = []
    for data in json_ld_blocks(root, url):
        _collect(data, own, listed=listed)
    if first_only and own:
        return own + listed
    if microdata() if callable(microdata) else microdata:
        _collect(microdata_items(root, url), own, listed=listed)
    return own + listed


_JSON_LD_TYPE = "application/ld+json"


def json_ld_blocks(root: Any, url: str) -> list[Any]:
    """The page's JSON-LD data: read by extruct's JSON-LD reader (as microdata is), and where it
    cannot read a block, every block through load_json_ld's repairs; broken ones are skipped
    with a logged warning."""
    scripts = [script for script in root.iter("script") if _is_json_ld(script)]
    if not scripts:
        return []
    # extruct finds only type="application/ld+json" as written; "application/ld+json;
    # charset=utf-8" or another case would be missed, so such a page is read by the repairs.
    if all(script.get("type") == _JSON_LD_TYPE for script in scripts):
        try:
            return list(json_ld_reader().extract_items(root, base_url=url))
        except ValueError:  # one block it cannot read fails the page's every block
            pass
    return _repaired_blocks(scripts, url)


def _is_json_ld(script: Any) -> bool:
    script_type = (script.get("type") or "").split(";", 1)[0].strip().lower()
    return script_type == _JSON_LD_TYPE and bool((script.text or "").strip())


def _repaired_blocks(scripts: list[Any], url: str) -> list[Any]:
    """Each block read with load_json_ld: raw newlines and tabs, trailing commas, stray quotes
    and comment wrappers repaired (extruct's reader repairs only comment lines)."""
    blocks: list[Any] = []
    for script in scripts:
        try:
            blocks.append(load_json_ld(script.text))
        except ValueError as exc:
            logger.warning("skipping broken JSON-LD block on %s: %s", url, exc)
    return blocks


@functools.cache
def json_ld_reader() -> Any:
    """extruct's JSON-LD reader, made once per process."""
    from extruct.jsonld import JsonLdExtractor  # slow to import (rdflib, bs4): on first use

    return JsonLdExtractor()


def microdata_items(root: Any, url: str) -> list[Any]:
    """The page's microdata items (extruct, uniform: schema.org-style dicts); [] on failure."""
    import extruct  # slow to import (rdflib, bs4, ...): only when a page has microdata

    try:
        extracted = extruct.extract(
            root, base_url=url, syntaxes=["microdata"], uniform=True, errors="log"
        )
    except Exception as exc:  # extruct raises assorted errors on odd markup
        logger.warning("microdata extraction failed on %s: %s", url, exc)
        return []
    items = extracted.get("microdata", [])
    return items if isinstance(items, list) else []


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


def job_posting_to_fields(
    posting: Mapping[str, Any],
    page_url: str,
    kind: str = "job",
    site_country: str | None = None,
) -> AdvertFields:
    """Map a JobPosting to AdvertFields (title, description as text, datePosted,
    jobLocation "City, Region, Country", baseSalary "1200-1500 EUR/MONTH",
    hiringOrganization, explicit licence fields) with language and entities (title +
    body + the organisation's / application contact's e-mail, telephone, url, sameAs).
    A posting without a description gets a body built from its other fields. Phone numbers
    written without a country code are read in the site's country first, then the job's."""
    values = job_posting_values(posting, page_url)
    return build_fields(
        values["title"],
        values["body"] or values["summary"],
        kind,
        posted_at=values["posted_at"],
        location=values["location"],
        pay=values["pay"],
        employer=values["employer"],
        licence_number=values["licence_number"],
        contact_text=values["contact_text"],
        region_hints=normalise_region_hints(
            [site_country, values["country"]], DEFAULT_REGION_HINTS
        ),
        body_is_summary=not values["body"],
        country=values["country"],
    )

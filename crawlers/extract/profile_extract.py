"""Extraction driven by a site profile: advert fields and listing-page links.

Pure: pages come in as text, :class:`~crawlers.extract.fields.AdvertFields` come out.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from crawlers.extract.build import build_fields
from crawlers.extract.dates import parse_datetime
from crawlers.extract.entities import DEFAULT_REGION_HINTS, normalise_region_hints
from crawlers.extract.fields import AdvertFields
from crawlers.extract.images import MAX_IMAGE_URLS, posting_image_urls, select_images
from crawlers.extract.page_contacts import page_contact_text
from crawlers.extract.profile_model import FieldSelectors, SiteProfile
from crawlers.extract.selectors import select_contact_text, select_links, select_text
from crawlers.extract.structured import first_job_posting, job_posting_values
from crawlers.extract.structured_values import JobPostingValues
from crawlers.extract.text import parse_html

__all__ = ["extract_with_profile", "listing_links", "region_hints_for"]


def region_hints_for(profile: SiteProfile) -> tuple[str, ...]:
    """The profile's country first, then MD, RO, UA, RU."""
    return normalise_region_hints([profile.country], DEFAULT_REGION_HINTS)


@dataclass
class _PageValues:
    """Raw advert values from a page; title and body may still be missing."""

    title: str | None
    body: str | None
    posted_at: datetime | None
    location: str | None
    pay: str | None
    employer: str | None
    licence_number: str | None
    contact_text: str
    body_is_summary: bool = False  # body built from a JobPosting's other fields
    country: str | None = None  # the posting's ISO country
    images: list[str] = field(default_factory=list)  # absolute image URLs


def extract_with_profile(html: str, url: str, profile: SiteProfile) -> AdvertFields | None:
    """The advert on a page, or None when it has no title or body.

    With ``structured = true`` a schema.org JobPosting on the page is used first and
    the field selectors fill what it lacks; contact text from both is scanned.
    Language detection and entity extraction (title + body + contact, region hints
    = profile.country + defaults; profile.language where the text does not settle the
    language) are applied through build_fields.
    """
    root = parse_html(html)
    if root is None:
        return None
    found = None
    if profile.structured:
        found = first_job_posting(root, url, microdata=lambda: "itemscope" in html.lower())
    posting = job_posting_values(found, url) if found is not None else None
    values = _selected_values(root, url, profile.fields, _given(posting))
    if found is not None and posting is not None:
        selected_images = values.images
        values = _with_posting(values, posting)
        values.images = _merged(posting_image_urls(found, url), selected_images)
        values.contact_text = _with_page_contacts(root, values)
    if not values.title or not values.body:
        return None
    fields = build_fields(
        values.title,
        values.body,
        profile.kind,
        posted_at=values.posted_at,
        location=values.location,
        pay=values.pay,
        employer=values.employer,
        licence_number=values.licence_number,
        contact_text=values.contact_text,
        # The site's country before the job's: recruiters abroad give their own numbers.
        region_hints=normalise_region_hints(
            [profile.country, values.country], DEFAULT_REGION_HINTS
        ),
        body_is_summary=values.body_is_summary,
        language_fallback=profile.language,
        country=values.country,
    )
    return replace(fields, images=tuple(values.images)) if values.images else fields


def _merged(first: list[str], then: list[str]) -> list[str]:
    return list(dict.fromkeys(first + then))[:MAX_IMAGE_URLS]


_POSTING_FIRST = ("title", "body", "posted_at", "location", "pay", "employer", "licence_number")


def _given(posting: JobPostingValues | None) -> frozenset[str]:
    """The fields a posting gives: their selectors' values would be thrown away."""
    if posting is None:
        return frozenset()
    return frozenset(name for name in _POSTING_FIRST if posting[name])  # type: ignore[literal-required]


def _selected_values(
    root: Any, url: str, sel: FieldSelectors, given: frozenset[str] = frozenset()
) -> _PageValues:
    """The selectors' values, but for the fields in `given` (left None)."""

    def text(name: str, selector: str | None) -> str | None:
        return None if name in given else select_text(root, selector)

    posted_raw = text("posted_at", sel.posted)
    return _PageValues(
        title=text("title", sel.title),
        body=text("body", sel.body),
        posted_at=parse_datetime(posted_raw) if posted_raw else None,
        location=text("location", sel.location),
        pay=text("pay", sel.pay),
        employer=text("employer", sel.employer),
        licence_number=text("licence_number", sel.licence),
        contact_text=select_contact_text(root, sel.contact, url) or "",
        images=select_images(root, sel.images, url),
    )


def _with_posting(selected: _PageValues, posting: JobPostingValues) -> _PageValues:
    """JobPosting values first, selector values where the posting has none."""
    contacts = (posting["contact_text"], selected.contact_text)
    body = posting["body"] or selected.body
    return _PageValues(
        title=posting["title"] or selected.title,
        # The page's own body text beats one built from the posting's other fields.
        body=body or posting["summary"],
        posted_at=posting["posted_at"] or selected.posted_at,
        location=posting["location"] or selected.location,
        pay=posting["pay"] or selected.pay,
        employer=posting["employer"] or selected.employer,
        licence_number=posting["licence_number"] or selected.licence_number,
        contact_text="\n".join(c for c in contacts if c),
        body_is_summary=not body,
        country=posting["country"],
    )


def _with_page_contacts(root: Any, values: _PageValues) -> str:
    """The posting's contacts plus those the page prints beside the posting."""
    known = "\n".join(v for v in (values.title, values.body, values.contact_text) if v)
    extra = page_contact_text(root, known)
    return "\n".join(c for c in (values.contact_text, extra) if c)


def listing_links(html: str, url: str, profile: SiteProfile) -> tuple[list[str], list[str]]:
    """(absolute advert links, absolute next-page links) on a listing page."""
    root = parse_html(html)
    if root is None:
        return [], []
    return (
        select_links(root, profile.links.advert, url),
        select_links(root, profile.links.next_page, url),
    )

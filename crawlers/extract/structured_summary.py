"""A readable advert body for a JobPosting that has no ``description``.

Many boards (and nearly every search-result snippet) publish a JobPosting with a
title, employer, place, pay and an application contact but no description. Such a
posting is still an advert worth keeping, so a body is built from those fields. The
labels are plain English for reviewers; such a body is flagged so that the language
is detected on the title alone (see build_fields).
"""

from __future__ import annotations

import html as html_lib
from collections.abc import Mapping
from typing import Any

from crawlers.extract.text import html_to_text, single_line

__all__ = ["posting_summary"]

# schema.org text properties that real postings fill instead of a description.
_TEXT_KEYS = (
    ("responsibilities", "Responsibilities"),
    ("qualifications", "Qualifications"),
    ("skills", "Skills"),
    ("experienceRequirements", "Experience"),
    ("educationRequirements", "Education"),
    ("jobBenefits", "Benefits"),
    ("incentiveCompensation", "Incentives"),
    ("workHours", "Working hours"),
)


def _strings(value: object) -> list[str]:
    """Text of a string, a Thing with a name, or a list of them (HTML stripped)."""
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    if isinstance(value, Mapping):
        value = value.get("name") or value.get("description")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return [str(value)]
    if not isinstance(value, str) or not value.strip():
        return []
    raw = html_lib.unescape(value) if "<" not in value and "&lt;" in value else value
    text = html_to_text(raw)
    return [text] if text else []


def _line(label: str, value: object) -> str | None:
    parts = list(dict.fromkeys(_strings(value)))
    return f"{label}: {'; '.join(parts)}" if parts else None


def posting_summary(
    posting: Mapping[str, Any], employer: str | None, location: str | None, pay: str | None
) -> str:
    """Lines "Label: value" for the posting's fields other than title and contacts
    (contacts are scanned from the contact text, so repeating them would only
    duplicate entity spans); "" when there is nothing to say."""
    lines = [
        _line("Employer", employer),
        _line("Location", location),
        _line("Pay", pay),
        _line("Employment type", posting.get("employmentType")),
        _line("Category", posting.get("occupationalCategory")),
        _line("Industry", posting.get("industry")),
    ]
    lines.extend(_line(label, posting.get(key)) for key, label in _TEXT_KEYS)
    if posting.get("directApply") is True:
        lines.append("Direct apply on the site")
    return "\n".join(single_line(line) for line in lines if line)

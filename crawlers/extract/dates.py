"""Lenient date parsing for advert "posted" fields and schema.org datePosted."""

from __future__ import annotations

import email.utils
import re
from datetime import UTC, date, datetime, time

__all__ = ["parse_datetime"]

_DMY_RE = re.compile(
    r"(?<!\d)(?P<d>\d{1,2})[./\-](?P<m>\d{1,2})[./\-](?P<y>\d{4})"
    r"(?:[ T,]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?(?!\d)"
)
_ISO_DATE_RE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def _aware(value: datetime) -> datetime:
    """Naive -> UTC; aware -> converted to UTC."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def parse_datetime(value: object) -> datetime | None:
    """A timezone-aware datetime from an ISO 8601 string ("2024-05-01",
    "2024-05-01T10:00:00Z", "...+03:00"), "01.05.2024 10:30" (day first), an RFC 2822
    date, or a date/datetime object. Naive values are taken as UTC and aware ones are
    converted to UTC. None if unparseable.
    """
    if isinstance(value, datetime):
        return _aware(value)
    if isinstance(value, date):
        return datetime.combine(value, time(0, 0), tzinfo=UTC)
    if not isinstance(value, str):
        return None
    s = value.strip()
    if not s or len(s) > 100:
        return None
    return _parse_text(s)


def _parse_text(s: str) -> datetime | None:
    """ISO 8601, then RFC 2822, then a day-first or ISO date anywhere in ``s``."""
    iso = s[:-1] + "+00:00" if s.endswith(("Z", "z")) else s
    try:
        return _aware(datetime.fromisoformat(iso))
    except ValueError:
        pass
    try:
        parsed = email.utils.parsedate_to_datetime(s)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is not None:
        return _aware(parsed)
    match = _DMY_RE.search(s)
    if match:
        return _from_day_first(match)
    match = _ISO_DATE_RE.search(s)
    if match:
        try:
            return datetime(int(match[1]), int(match[2]), int(match[3]), tzinfo=UTC)
        except ValueError:
            return None
    return None


def _from_day_first(match: re.Match[str]) -> datetime | None:
    """Day-first "01.05.2024 10:30" as UTC; None for an impossible date or time."""
    try:
        return datetime(
            int(match["y"]),
            int(match["m"]),
            int(match["d"]),
            int(match["H"] or 0),
            int(match["M"] or 0),
            int(match["S"] or 0),
            tzinfo=UTC,
        )
    except ValueError:
        return None

"""The site profile model (crawlers/sites/NAME.toml) and its validation.

Selectors are compiled when a profile is validated, so a typo fails at load time,
not in the middle of a crawl. Loading profiles from files is :mod:`crawlers.profiles`.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal
from urllib.parse import urlsplit

import phonenumbers
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from crawlers.extract.selectors import SelectorSyntaxError, compile_selector

__all__ = [
    "DEFAULT_SCHEDULE",
    "NAME_RE",
    "FieldSelectors",
    "LinkSelectors",
    "SelectorStr",
    "SiteProfile",
    "validate_cron",
]

DEFAULT_SCHEDULE = "0 */6 * * *"
NAME_RE = re.compile(r"^[a-z0-9-]+$")


def _check_selector(value: str) -> str:
    if not value.strip():
        raise ValueError("selector must not be empty")
    try:
        compile_selector(value)
    except SelectorSyntaxError as exc:
        raise ValueError(str(exc)) from exc
    return value.strip()


SelectorStr = Annotated[str, AfterValidator(_check_selector)]

_CRON_FIELDS: tuple[tuple[str, int, int, dict[str, int]], ...] = (
    ("minute", 0, 59, {}),
    ("hour", 0, 23, {}),
    ("day of month", 1, 31, {}),
    (
        "month",
        1,
        12,
        {
            m: i + 1
            for i, m in enumerate(
                ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
            )
        },
    ),
    (
        "day of week",
        0,
        7,
        {d: i for i, d in enumerate(["sun", "mon", "tue", "wed", "thu", "fri", "sat"])},
    ),
)
_CRON_PART_RE = re.compile(r"^(?P<range>\*|[a-z0-9]+(?:-[a-z0-9]+)?)(?:/(?P<step>\d+))?$")


def _cron_value(token: str, name: str, low: int, high: int, names: dict[str, int]) -> int:
    if token.isdigit():
        value = int(token)
    elif token in names:
        value = names[token]
    else:
        raise ValueError(f"{name}: {token!r} is not a number")
    if not low <= value <= high:
        raise ValueError(f"{name}: {value} is outside {low}-{high}")
    return value


def validate_cron(expression: str) -> str:
    """Check a 5-field cron expression (minute hour day-of-month month day-of-week)."""
    fields = expression.split()
    if len(fields) != 5:
        raise ValueError(
            "schedule must be a cron expression with 5 fields "
            f"(minute hour day-of-month month day-of-week), got {len(fields)}: {expression!r}"
        )
    for field, (name, low, high, names) in zip(fields, _CRON_FIELDS, strict=True):
        for part in field.lower().split(","):
            match = _CRON_PART_RE.match(part)
            if not match:
                raise ValueError(f"schedule {name} field: invalid part {part!r}")
            step = match.group("step")
            if step is not None and int(step) == 0:
                raise ValueError(f"schedule {name} field: step must be > 0 in {part!r}")
            spec = match.group("range")
            if spec == "*":
                continue
            first, _, last = spec.partition("-")
            start = _cron_value(first, f"schedule {name} field", low, high, names)
            if last:
                end = _cron_value(last, f"schedule {name} field", low, high, names)
                if end < start:
                    raise ValueError(f"schedule {name} field: range {part!r} is reversed")
    return " ".join(fields)


class LinkSelectors(BaseModel):
    """``[links]``: advert links on listing pages and pagination links (a structured
    profile may have none: it then relies on sitemaps / the start pages)."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    advert: SelectorStr | None = None  # required unless the profile is structured
    next_page: SelectorStr | None = None


class FieldSelectors(BaseModel):
    """``[fields]``: selectors on the advert page (title and body required unless
    the profile is ``structured``)."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    title: SelectorStr | None = None
    body: SelectorStr | None = None
    posted: SelectorStr | None = None
    location: SelectorStr | None = None
    pay: SelectorStr | None = None
    employer: SelectorStr | None = None
    licence: SelectorStr | None = None
    contact: SelectorStr | None = None
    # the advert's photos: img elements (src/srcset) or strings ("css:img::attr(src)")
    images: SelectorStr | None = None


class TrapSettings(BaseModel):
    """``[traps]``: this site's own limits on what a crawl follows (crawlers.options.TrapLimits;
    a key left out keeps the deployment's default), e.g. a board whose listing takes more
    than 5,000 values of one query parameter."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    max_url_length: int | None = Field(default=None, ge=100, le=100_000)
    max_path_segments: int | None = Field(default=None, ge=2, le=1000)
    max_path_repeats: int | None = Field(default=None, ge=2, le=1000)
    max_values_per_parameter: int | None = Field(default=None, ge=10, le=10_000_000)
    max_queries_per_path: int | None = Field(default=None, ge=10, le=10_000_000)
    max_links_per_page: int | None = Field(default=None, ge=10, le=1_000_000)
    near_duplicate_bits: int | None = Field(default=None, ge=0, le=16)
    max_near_duplicates: int | None = Field(default=None, ge=1, le=1_000_000)
    near_duplicate_share: float | None = Field(default=None, gt=0, le=1)

    def overrides(self) -> dict[str, int | float]:
        return {k: v for k, v in self.model_dump().items() if v is not None}


class SiteProfile(BaseModel):
    """One site profile; mirrors ``crawlers/sites/NAME.toml``."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    name: str = Field(min_length=1, max_length=64)
    kind: Literal["job", "bridal", "escort"]
    country: str | None = None
    # The language the site's adverts are in, used when the text itself is too short
    # or ambiguous to tell (None: such adverts get no language).
    language: Literal["en", "ro", "ru", "uk"] | None = None
    start_urls: list[str] = Field(min_length=1)
    schedule: str = DEFAULT_SCHEDULE
    remove_after_missing_runs: int = Field(default=2, ge=1)
    # Seconds between requests to this site (None: the deployment's ADWATCH_CRAWLER_DELAY_S).
    delay_s: float | None = Field(default=None, ge=0, le=120)
    structured: bool = False
    allow_private: bool = False
    links: LinkSelectors = LinkSelectors()
    fields: FieldSelectors = FieldSelectors()
    traps: TrapSettings = TrapSettings()

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not NAME_RE.fullmatch(value):
            raise ValueError(f"name {value!r} must match [a-z0-9-]+")
        return value

    @field_validator("country")
    @classmethod
    def _country(cls, value: str | None) -> str | None:
        if value is None:
            return None
        region = value.strip().upper()
        if region not in phonenumbers.SUPPORTED_REGIONS:
            raise ValueError(f"country {value!r} is not an ISO 3166 region code (e.g. 'MD')")
        return region

    @field_validator("language", mode="before")
    @classmethod
    def _language(cls, value: object) -> object:
        # "RO" or " ro " in a profile means ro; anything else fails the Literal check.
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("start_urls")
    @classmethod
    def _start_urls(cls, value: list[str]) -> list[str]:
        cleaned: list[str] = []
        for index, url in enumerate(value):
            url = url.strip()
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ValueError(f"start_urls[{index}] {url!r} is not an absolute http(s) URL")
            cleaned.append(url)
        return cleaned

    @field_validator("schedule")
    @classmethod
    def _schedule(cls, value: str) -> str:
        return validate_cron(value)

    @model_validator(mode="after")
    def _consistency(self) -> SiteProfile:
        if not self.structured:
            missing = [f"fields.{k}" for k in ("title", "body") if getattr(self.fields, k) is None]
            if self.links.advert is None:
                missing.insert(0, "links.advert")
            if missing:
                raise ValueError(f"{' and '.join(missing)} required unless structured = true")
        return self

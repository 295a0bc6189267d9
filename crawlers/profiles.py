"""Site profiles (crawlers/sites/NAME.toml) and extraction driven by them.

A profile names the start pages, the selectors for advert links / pagination and the
selectors for each advert field (see the crawl contracts). Everything here is pure:
pages come in as text, :class:`~crawlers.extract.fields.AdvertFields` come out.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

import phonenumbers
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from crawlers.extract.build import build_fields
from crawlers.extract.dates import parse_datetime
from crawlers.extract.entities import DEFAULT_REGION_HINTS, normalise_region_hints
from crawlers.extract.fields import AdvertFields
from crawlers.extract.selectors import (
    SelectorSyntaxError,
    compile_selector,
    select_contact_text,
    select_links,
    select_text,
)
from crawlers.extract.structured import job_posting_values, job_postings_from_tree
from crawlers.extract.text import parse_html

__all__ = [
    "DEFAULT_SCHEDULE",
    "FieldSelectors",
    "LinkSelectors",
    "ProfileError",
    "SiteProfile",
    "build_fields",
    "extract_with_profile",
    "list_profiles",
    "listing_links",
    "load_profile",
    "region_hints_for",
    "sites_dir",
]

DEFAULT_SCHEDULE = "0 */6 * * *"
NAME_RE = re.compile(r"^[a-z0-9-]+$")


class ProfileError(ValueError):
    """A site profile that cannot be found, read or validated."""


# --------------------------------------------------------------------------- validation


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


class SiteProfile(BaseModel):
    """One site profile; mirrors ``crawlers/sites/NAME.toml``."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    name: str = Field(min_length=1, max_length=64)
    kind: Literal["job", "bridal", "escort"]
    country: str | None = None
    start_urls: list[str] = Field(min_length=1)
    schedule: str = DEFAULT_SCHEDULE
    remove_after_missing_runs: int = Field(default=2, ge=1)
    # Seconds between requests to this site (None: the deployment's ADWATCH_CRAWLER_DELAY_S).
    delay_s: float | None = Field(default=None, ge=0, le=120)
    structured: bool = False
    allow_private: bool = False
    links: LinkSelectors = LinkSelectors()
    fields: FieldSelectors = FieldSelectors()

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


# --------------------------------------------------------------------------- loading


def sites_dir() -> Path:
    """The packaged ``crawlers/sites/`` folder."""
    return Path(__file__).resolve().parent / "sites"


def _format_errors(source: str, exc: ValidationError) -> str:
    messages: list[str] = []
    for error in exc.errors():
        loc = ".".join(str(part) for part in error["loc"])
        message = error["msg"].removeprefix("Value error, ")
        if error["type"] == "extra_forbidden":
            message = "unknown key"
        elif error["type"] == "missing":
            message = "required key is missing"
        messages.append(f"{loc}: {message}" if loc else message)
    return f"{source}: invalid site profile: " + "; ".join(messages)


def _load_file(path: Path) -> SiteProfile:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ProfileError(f"{path}: cannot read site profile: {exc.strerror or exc}") from exc
    try:
        data: dict[str, Any] = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ProfileError(f"{path}: site profile is not UTF-8: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{path}: invalid TOML: {exc}") from exc
    try:
        return SiteProfile.model_validate(data)
    except ValidationError as exc:
        raise ProfileError(_format_errors(str(path), exc)) from exc


def _check_name_matches(path: Path, profile: SiteProfile) -> None:
    if profile.name != path.stem:
        raise ProfileError(
            f"{path}: name = {profile.name!r} does not match the file name {path.stem!r}"
        )


def load_profile(name_or_path: str) -> SiteProfile:
    """Load a profile by bare name (``crawlers/sites/NAME.toml``) or from a file path.

    Raises ProfileError naming the file and the offending key.
    """
    value = name_or_path.strip()
    looks_like_path = value.endswith(".toml") or "/" in value or "\\" in value
    if looks_like_path:
        return _load_file(Path(value).expanduser())
    if not NAME_RE.fullmatch(value):
        raise ProfileError(f"{value!r} is neither a profile name ([a-z0-9-]+) nor a .toml path")
    path = sites_dir() / f"{value}.toml"
    if not path.is_file():
        available = ", ".join(sorted(p.stem for p in sites_dir().glob("*.toml"))) or "none"
        raise ProfileError(
            f"no site profile named {value!r} ({path} does not exist; available: {available})"
        )
    profile = _load_file(path)
    _check_name_matches(path, profile)
    return profile


def list_profiles(directory: Path | str | None = None) -> list[SiteProfile]:
    """Every profile in ``directory`` (default: the packaged sites folder), by name.

    An invalid file raises ProfileError (a broken profile should not go unnoticed).
    """
    folder = Path(directory) if directory is not None else sites_dir()
    if not folder.is_dir():
        return []
    profiles: list[SiteProfile] = []
    for path in sorted(folder.glob("*.toml")):
        profile = _load_file(path)
        _check_name_matches(path, profile)
        profiles.append(profile)
    return sorted(profiles, key=lambda p: p.name)


# --------------------------------------------------------------------------- extraction


def region_hints_for(profile: SiteProfile) -> tuple[str, ...]:
    """The profile's country first, then MD, RO, UA, RU."""
    return normalise_region_hints([profile.country], DEFAULT_REGION_HINTS)


def extract_with_profile(html: str, url: str, profile: SiteProfile) -> AdvertFields | None:
    """The advert on a page, or None when it has no title or body.

    With ``structured = true`` a schema.org JobPosting on the page is used first and
    the field selectors fill what it lacks; contact text from both is scanned.
    Language detection and entity extraction (title + body + contact, region hints
    = profile.country + defaults) are applied through build_fields.
    """
    root = parse_html(html)
    if root is None:
        return None
    sel = profile.fields
    title = select_text(root, sel.title)
    body = select_text(root, sel.body)
    posted_raw = select_text(root, sel.posted)
    location = select_text(root, sel.location)
    pay = select_text(root, sel.pay)
    employer = select_text(root, sel.employer)
    licence = select_text(root, sel.licence)
    contact = select_contact_text(root, sel.contact, url) or ""
    posted = parse_datetime(posted_raw) if posted_raw else None

    if profile.structured:
        postings = job_postings_from_tree(root, url, microdata="itemscope" in html.lower())
        if postings:
            values = job_posting_values(postings[0], url)
            title = values["title"] or title
            body = values["body"] or body
            posted = values["posted_at"] or posted
            location = values["location"] or location
            pay = values["pay"] or pay
            employer = values["employer"] or employer
            licence = values["licence_number"] or licence
            contact = "\n".join(c for c in (values["contact_text"], contact) if c)

    if not title or not body:
        return None
    return build_fields(
        title,
        body,
        profile.kind,
        posted_at=posted,
        location=location,
        pay=pay,
        employer=employer,
        licence_number=licence,
        contact_text=contact,
        region_hints=region_hints_for(profile),
    )


def listing_links(html: str, url: str, profile: SiteProfile) -> tuple[list[str], list[str]]:
    """(absolute advert links, absolute next-page links) on a listing page."""
    root = parse_html(html)
    if root is None:
        return [], []
    return (
        select_links(root, profile.links.advert, url),
        select_links(root, profile.links.next_page, url),
    )

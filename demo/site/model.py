"""The demo world's data: sites, adverts and rounds.

Pages are rendered from this data on request (see render.py) and the answer key is
derived from it (see answer_builder.py), so the two cannot drift apart: both read the
same :class:`Advert`. The answer-key classes are re-exported here for older imports.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from demo.site.answer_key import AnswerKey, ExpectedAdvert, ImageUse, SiteKey
from demo.site.contacts import Contact
from demo.site.images.photo import AdvertImage

__all__ = [
    "DEFAULT_PORTS",
    "PROFILE_NAMES",
    "ROUNDS",
    "SITE_KINDS",
    "SITE_NAMES",
    "Advert",
    "AnswerKey",
    "Block",
    "Content",
    "DemoWorld",
    "ExpectedAdvert",
    "ImageUse",
    "Salary",
    "SiteData",
    "SiteKey",
    "blocks_text",
]

SITE_NAMES: tuple[str, ...] = ("jobs", "bridal", "escort")
SITE_KINDS: Mapping[str, str] = {"jobs": "job", "bridal": "bridal", "escort": "escort"}
PROFILE_NAMES: Mapping[str, str] = {
    "jobs": "demo-jobs",
    "bridal": "demo-bridal",
    "escort": "demo-escort",
}
DEFAULT_PORTS: Mapping[str, int] = {"jobs": 8801, "bridal": 8802, "escort": 8803}
ROUNDS: tuple[int, ...] = (1, 2)

#: A paragraph, or a bullet list (one string per item).
Block = str | tuple[str, ...]


def blocks_text(blocks: tuple[Block, ...]) -> str:
    """The html_to_text form of rendered blocks: one line per paragraph / list item."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, str):
            lines.append(block)
        else:
            lines.extend(block)
    return "\n".join(lines)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def site_base(base_urls: Mapping[str, str], name: str) -> str:
    """The origin of site ``name`` without a trailing slash."""
    try:
        return base_urls[name].rstrip("/")
    except KeyError:
        raise KeyError(f"base_urls has no entry for site {name!r}") from None


@dataclass(frozen=True)
class Salary:
    """Pay as schema.org MonetaryAmount: ``unit`` is HOUR, WEEK or MONTH."""

    currency: str
    min: float | None
    max: float | None
    unit: str

    def display(self) -> str:
        """As shown on the page: "1800-2200 EUR/MONTH", "13.5 EUR/HOUR", "3000 EUR/MONTH"."""
        low, high = self.min, self.max
        if low is not None and high is not None and low != high:
            amount = f"{_number(low)}-{_number(high)}"
        else:
            value = low if low is not None else high
            if value is None:
                raise ValueError("a salary needs an amount")
            amount = _number(value)
        return f"{amount} {self.currency}/{self.unit}"

    def to_dict(self) -> dict[str, Any]:
        return {"currency": self.currency, "min": self.min, "max": self.max, "unit": self.unit}


@dataclass(frozen=True)
class Content:
    """What an advert says in one round (an edit between rounds replaces it)."""

    title: str
    blocks: tuple[Block, ...]
    contact_lines: tuple[str, ...]
    contacts: tuple[Contact, ...]
    pay: str | None
    salary: Salary | None
    updated: datetime

    @property
    def body(self) -> str:
        return blocks_text(self.blocks)

    @property
    def contact(self) -> str:
        return "\n".join(self.contact_lines)

    @property
    def entities(self) -> frozenset[tuple[str, str]]:
        found: set[tuple[str, str]] = set()
        for contact in self.contacts:
            found |= contact.entities()
        return frozenset(found)

    @property
    def fingerprint(self) -> str:
        """sha256 of title, body and contact with whitespace collapsed."""
        text = "\n".join(" ".join(s.split()) for s in (self.title, self.body, self.contact))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Advert:
    """One advert of one site, across rounds."""

    site: str
    id: int
    path: str
    kind: str
    language: str
    subtype: str
    content: Content
    posted: datetime
    #: the page's machine-readable date ("2025-03-14" or "2025-03-14T18:05:00+02:00")
    posted_attr: str
    location: str | None
    country: str | None
    employer: str | None
    licence_number: str | None
    risky: bool
    risk_cues: tuple[str, ...]
    mitigating: tuple[str, ...]
    name: str | None = None
    age: int | None = None
    city: str | None = None
    template: str | None = None
    #: jobs: jsonld | graph | microdata | broken-jsonld; other sites: html
    fmt: str = "html"
    charset: str = "utf-8"
    first_round: int = 1
    revised: Content | None = None
    revised_round: int | None = None
    gone_round: int | None = None
    missing_round: int | None = None
    unlisted_round: int | None = None
    tags: tuple[str, ...] = ()
    #: free-form page facts (bridal/escort side tables), label -> value
    facts: tuple[tuple[str, str], ...] = ()
    #: pictures on the advert page: the first is the main photo; a scale-2 copy of it
    #: goes into its srcset
    images: tuple[AdvertImage, ...] = ()

    def content_at(self, round_no: int) -> Content:
        if (
            self.revised is not None
            and self.revised_round is not None
            and (round_no >= self.revised_round)
        ):
            return self.revised
        return self.content

    def status_at(self, round_no: int) -> int:
        """HTTP status of the advert page in a round (200, 404 or 410)."""
        if round_no < self.first_round:
            return 404
        if self.gone_round is not None and round_no >= self.gone_round:
            return 410
        if self.missing_round is not None and round_no >= self.missing_round:
            return 404
        return 200

    def listed_at(self, round_no: int) -> bool:
        if self.status_at(round_no) != 200:
            return False
        return self.unlisted_round is None or round_no < self.unlisted_round


@dataclass
class SiteData:
    """One demo site: its adverts and the odd links it carries."""

    name: str
    kind: str
    profile: str
    brand: str
    start_path: str
    page_size: int
    adverts: tuple[Advert, ...]
    #: adverts under a robots-disallowed area (never to be fetched)
    private: tuple[Advert, ...] = ()
    #: robots.txt Disallow prefixes
    robots_disallow: tuple[str, ...] = ()
    #: linked paths that robots.txt disallows (private adverts included)
    disallowed_links: tuple[str, ...] = ()
    #: linked paths that answer 404
    dead_links: tuple[str, ...] = ()
    #: extra links to adverts with tracking parameters or a fragment
    duplicate_links: tuple[str, ...] = ()
    has_sitemap: bool = False
    cities: tuple[str, ...] = ()
    _by_path: dict[str, Advert] = field(default_factory=dict, repr=False, compare=False)
    _listed: dict[tuple[int, str | None], tuple[Advert, ...]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _media: dict[str, AdvertImage] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for advert in (*self.adverts, *self.private):
            if advert.path in self._by_path:
                raise ValueError(f"duplicate advert path {advert.path}")
            self._by_path[advert.path] = advert
            for image in advert.images:
                self._media[image.path] = image

    def media_at(self, path: str) -> AdvertImage | None:
        """The picture served at ``path`` (every advert's, whatever its status)."""
        return self._media.get(path)

    def advert_at(self, path: str) -> Advert | None:
        return self._by_path.get(path)

    def listed(self, round_no: int, city: str | None = None) -> tuple[Advert, ...]:
        """Adverts on the listing pages in a round, newest first (optionally one city)."""
        key = (round_no, city)
        cached = self._listed.get(key)
        if cached is None:
            chosen = [
                a
                for a in self.adverts
                if a.listed_at(round_no) and (city is None or a.city == city)
            ]
            chosen.sort(key=lambda a: (a.posted, a.id), reverse=True)
            cached = tuple(chosen)
            self._listed[key] = cached
        return cached


@dataclass
class DemoWorld:
    """Three synthetic sites over two rounds; see :func:`generate_world`."""

    seed: int
    sites: dict[str, SiteData]
    round_times: dict[int, datetime]
    rounds: tuple[int, ...] = ROUNDS

    def site(self, name: str) -> SiteData:
        return self.sites[name]

    def check_round(self, round_no: int) -> None:
        if round_no not in self.rounds:
            raise ValueError(f"round must be one of {self.rounds}, not {round_no!r}")

    def start_urls(self, base_urls: Mapping[str, str]) -> dict[str, str]:
        """The listing page each profile starts from, per site."""
        return {name: site_base(base_urls, name) + s.start_path for name, s in self.sites.items()}

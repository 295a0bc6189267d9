"""The demo world's data (sites, adverts, rounds) and the answer key derived from it.

Pages are rendered from this data on request (see render.py), so the answer key and
the served pages cannot drift apart: both read the same :class:`Advert`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from crawlers.demo_site.contacts import Contact

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

    def __post_init__(self) -> None:
        for advert in (*self.adverts, *self.private):
            if advert.path in self._by_path:
                raise ValueError(f"duplicate advert path {advert.path}")
            self._by_path[advert.path] = advert

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
        return {name: _base(base_urls, name) + s.start_path for name, s in self.sites.items()}

    def answer_key(self, round_no: int, base_urls: Mapping[str, str]) -> AnswerKey:
        """What a correct crawl of every site in ``round_no`` finds."""
        self.check_round(round_no)
        keys: dict[str, SiteKey] = {}
        for name, site in self.sites.items():
            keys[name] = _site_key(self, site, round_no, _base(base_urls, name))
        by_contact: dict[str, list[str]] = {}
        templates: dict[str, list[str]] = {}
        for site_key in keys.values():
            for advert in site_key.adverts:
                for kind, value in sorted(advert.entities):
                    by_contact.setdefault(f"{kind}:{value}", []).append(advert.url)
                if advert.template:
                    templates.setdefault(advert.template, []).append(advert.url)
        return AnswerKey(
            seed=self.seed,
            round=round_no,
            sites=keys,
            shared_contacts={k: tuple(v) for k, v in sorted(by_contact.items()) if len(v) > 1},
            templates={k: tuple(v) for k, v in sorted(templates.items())},
        )


def _base(base_urls: Mapping[str, str], name: str) -> str:
    try:
        return base_urls[name].rstrip("/")
    except KeyError:
        raise KeyError(f"base_urls has no entry for site {name!r}") from None


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).isoformat()


def _site_key(world: DemoWorld, site: SiteData, round_no: int, base: str) -> SiteKey:
    def url(path: str) -> str:
        return base + path

    expected = tuple(
        _expected(a, round_no, base) for a in sorted(site.listed(round_no), key=lambda a: a.id)
    )
    gone, not_found, unlisted, changed, added = [], [], [], [], []
    previous = round_no - 1
    for a in site.adverts:
        if previous >= 1:
            was_listed = a.listed_at(previous)
            if was_listed and a.status_at(round_no) == 410:
                gone.append(url(a.path))
            elif was_listed and a.status_at(round_no) == 404:
                not_found.append(url(a.path))
            elif was_listed and not a.listed_at(round_no):
                unlisted.append(url(a.path))
            if a.listed_at(round_no) and a.revised_round == round_no:
                changed.append(url(a.path))
        if a.first_round == round_no and round_no > 1:
            added.append(url(a.path))
    return SiteKey(
        site=site.name,
        profile=site.profile,
        kind=site.kind,
        base_url=base,
        start_url=url(site.start_path),
        sitemap_url=url("/sitemap.xml") if site.has_sitemap else None,
        adverts=expected,
        expected_count=len(expected),
        removed=tuple(sorted(gone + not_found + unlisted)),
        gone=tuple(gone),
        not_found=tuple(not_found),
        unlisted=tuple(unlisted),
        changed=tuple(changed),
        added=tuple(added),
        disallowed=tuple(url(p) for p in site.disallowed_links),
        robots_disallow=site.robots_disallow,
        dead_links=tuple(url(p) for p in site.dead_links),
        duplicate_links=tuple(url(p) for p in site.duplicate_links),
    )


def _expected(a: Advert, round_no: int, base: str) -> ExpectedAdvert:
    content = a.content_at(round_no)
    return ExpectedAdvert(
        url=base + a.path,
        site=a.site,
        kind=a.kind,
        title=content.title,
        body=content.body,
        contact=content.contact,
        posted_at=_iso(a.posted),
        location=a.location,
        pay=content.pay,
        salary=content.salary.to_dict() if content.salary else None,
        employer=a.employer,
        licence_number=a.licence_number,
        language=a.language,
        entities=content.entities,
        risky=a.risky,
        risk_cues=a.risk_cues,
        mitigating=a.mitigating,
        template=a.template,
        name=a.name,
        age=a.age,
        format=a.fmt,
        charset=a.charset,
        last_modified=_iso(content.updated),
        fingerprint=content.fingerprint,
        obfuscated=tuple(sorted(c.display for c in content.contacts if c.obfuscated)),
    )


# --------------------------------------------------------------------------- answer key


@dataclass(frozen=True)
class ExpectedAdvert:
    """One advert as a correct crawl extracts it (see the crawl contracts).

    ``body`` and ``contact`` follow html_to_text (one line per block); compare them
    with whitespace collapsed. ``entities`` are (kind, normalised value) pairs found in
    ``title + "\\n" + body + "\\n" + contact``; a number labelled WhatsApp/Viber/Signal
    gives both the phone and the handle.
    """

    url: str
    site: str
    kind: str
    title: str
    body: str
    contact: str
    posted_at: str
    location: str | None
    pay: str | None
    salary: dict[str, Any] | None
    employer: str | None
    licence_number: str | None
    language: str
    entities: frozenset[tuple[str, str]]
    risky: bool
    risk_cues: tuple[str, ...]
    mitigating: tuple[str, ...]
    template: str | None
    name: str | None
    age: int | None
    format: str
    charset: str
    last_modified: str
    fingerprint: str
    obfuscated: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        data = {f: getattr(self, f) for f in self.__dataclass_fields__}
        data["entities"] = [list(e) for e in sorted(self.entities)]
        for name in ("risk_cues", "mitigating", "obfuscated"):
            data[name] = list(data[name])
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ExpectedAdvert:
        values = dict(data)
        values["entities"] = frozenset((k, v) for k, v in data["entities"])
        for name in ("risk_cues", "mitigating", "obfuscated"):
            values[name] = tuple(data[name])
        return cls(**values)


@dataclass(frozen=True)
class SiteKey:
    """Everything one site should yield in one round."""

    site: str
    profile: str
    kind: str
    base_url: str
    start_url: str
    sitemap_url: str | None
    #: adverts reachable from the listing pages this round, by id
    adverts: tuple[ExpectedAdvert, ...]
    expected_count: int
    #: gone + not_found + unlisted (sorted)
    removed: tuple[str, ...]
    #: listed last round, 410 Gone now
    gone: tuple[str, ...]
    #: listed last round, 404 now
    not_found: tuple[str, ...]
    #: listed last round, missing from the listing now but still 200 when fetched
    unlisted: tuple[str, ...]
    #: text edited this round (new fingerprint)
    changed: tuple[str, ...]
    #: first listed this round
    added: tuple[str, ...]
    #: linked URLs that robots.txt disallows: a crawler must never fetch them
    disallowed: tuple[str, ...]
    robots_disallow: tuple[str, ...]
    #: linked URLs that answer 404 (not adverts)
    dead_links: tuple[str, ...]
    #: extra links to listed adverts with tracking parameters or a fragment
    duplicate_links: tuple[str, ...]

    def urls(self) -> frozenset[str]:
        return frozenset(a.url for a in self.adverts)

    def advert(self, url: str) -> ExpectedAdvert:
        for a in self.adverts:
            if a.url == url:
                return a
        raise KeyError(url)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            if name == "adverts":
                value = [a.to_dict() for a in value]
            elif isinstance(value, tuple):
                value = list(value)
            data[name] = value
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SiteKey:
        values: dict[str, Any] = {}
        for name, value in data.items():
            if name == "adverts":
                values[name] = tuple(ExpectedAdvert.from_dict(a) for a in value)
            elif isinstance(value, list):
                values[name] = tuple(value)
            else:
                values[name] = value
        return cls(**values)


@dataclass(frozen=True)
class AnswerKey:
    """The expected result of crawling the demo world in one round."""

    seed: int
    round: int
    sites: Mapping[str, SiteKey]
    #: "kind:value" -> URLs (this round) carrying that entity, for entities on 2+ adverts
    shared_contacts: Mapping[str, tuple[str, ...]]
    #: template id -> URLs of the near-duplicate adverts written from it
    templates: Mapping[str, tuple[str, ...]]

    @property
    def expected_total(self) -> int:
        return sum(s.expected_count for s in self.sites.values())

    def adverts(self) -> Iterator[ExpectedAdvert]:
        for site in self.sites.values():
            yield from site.adverts

    def advert(self, url: str) -> ExpectedAdvert:
        for site in self.sites.values():
            for a in site.adverts:
                if a.url == url:
                    return a
        raise KeyError(url)

    def to_dict(self) -> dict[str, Any]:
        return {
            "seed": self.seed,
            "round": self.round,
            "expected_total": self.expected_total,
            "sites": {name: s.to_dict() for name, s in self.sites.items()},
            "shared_contacts": {k: list(v) for k, v in self.shared_contacts.items()},
            "templates": {k: list(v) for k, v in self.templates.items()},
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AnswerKey:
        return cls(
            seed=data["seed"],
            round=data["round"],
            sites={n: SiteKey.from_dict(s) for n, s in data["sites"].items()},
            shared_contacts={k: tuple(v) for k, v in data["shared_contacts"].items()},
            templates={k: tuple(v) for k, v in data["templates"].items()},
        )

    @classmethod
    def from_json(cls, text: str) -> AnswerKey:
        return cls.from_dict(json.loads(text))

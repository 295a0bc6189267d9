"""The answer key: what a correct crawl of the demo world finds in one round.

Plain frozen data with a JSON round trip; :mod:`answer_builder` derives it from a
:class:`~demo.site.model.DemoWorld`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["AnswerKey", "ExpectedAdvert", "ImageUse", "SiteKey"]


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
    #: absolute URLs of the pictures on the page: the main photo (``<img src>``, and the
    #: JSON-LD ``image`` of a job advert), then any srcset copy
    images: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = {f: getattr(self, f) for f in self.__dataclass_fields__}
        data["entities"] = [list(e) for e in sorted(self.entities)]
        for name in _TUPLES:
            data[name] = list(data[name])
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ExpectedAdvert:
        values = dict(data)
        values["entities"] = frozenset((k, v) for k, v in data["entities"])
        for name in _TUPLES:
            values[name] = tuple(data.get(name, ()))
        return cls(**values)


_TUPLES = ("risk_cues", "mitigating", "obfuscated", "images")


@dataclass(frozen=True)
class ImageUse:
    """One copy of a shared photo: the advert showing it, its URL and how it was edited.

    ``edit`` is original, resize, crop, reencode, watermark or mirror (a srcset's
    double-size original counts as a resize).
    """

    advert: str
    image: str
    site: str
    edit: str

    def to_dict(self) -> dict[str, str]:
        return {"advert": self.advert, "image": self.image, "site": self.site, "edit": self.edit}

    @classmethod
    def from_dict(cls, data: Mapping[str, str]) -> ImageUse:
        return cls(data["advert"], data["image"], data["site"], data["edit"])


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
    #: photo id -> every copy of that photo on this round's adverts, for photos on 2+
    #: adverts; the first copy is the original the others were edited from
    image_groups: Mapping[str, tuple[ImageUse, ...]] = field(default_factory=dict)

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

    def image_clusters(self) -> dict[str, frozenset[str]]:
        """photo id -> the advert URLs that image linking should put in one cluster."""
        return {k: frozenset(u.advert for u in v) for k, v in self.image_groups.items()}

    def image_pairs(self) -> list[tuple[ImageUse, ImageUse]]:
        """(original, copy) for every copy of a shared photo on another advert."""
        pairs: list[tuple[ImageUse, ImageUse]] = []
        for uses in self.image_groups.values():
            first = uses[0]
            pairs.extend((first, use) for use in uses[1:] if use.advert != first.advert)
        return pairs

    def to_dict(self) -> dict[str, Any]:
        return {
            "seed": self.seed,
            "round": self.round,
            "expected_total": self.expected_total,
            "sites": {name: s.to_dict() for name, s in self.sites.items()},
            "shared_contacts": {k: list(v) for k, v in self.shared_contacts.items()},
            "templates": {k: list(v) for k, v in self.templates.items()},
            "image_groups": {k: [u.to_dict() for u in v] for k, v in self.image_groups.items()},
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
            image_groups={
                k: tuple(ImageUse.from_dict(u) for u in v)
                for k, v in data.get("image_groups", {}).items()
            },
        )

    @classmethod
    def from_json(cls, text: str) -> AnswerKey:
        return cls.from_dict(json.loads(text))

"""Derive the answer key of one round from the demo world.

Reads only the world's data (the same :class:`Advert` the pages are rendered from),
so whatever a page shows, the answer key says.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from demo.site.answer_key import AnswerKey, ExpectedAdvert, ImageUse, SiteKey
from demo.site.model import Advert, DemoWorld, SiteData, site_base

__all__ = ["build_answer_key", "site_base"]


def build_answer_key(world: DemoWorld, round_no: int, base_urls: Mapping[str, str]) -> AnswerKey:
    """What a correct crawl of every site in ``round_no`` finds."""
    world.check_round(round_no)
    keys: dict[str, SiteKey] = {}
    for name, site in world.sites.items():
        keys[name] = _site_key(site, round_no, site_base(base_urls, name))
    shared_contacts, templates = _cross_site_links(keys)
    return AnswerKey(
        seed=world.seed,
        round=round_no,
        sites=keys,
        shared_contacts=shared_contacts,
        templates=templates,
        image_groups=_image_groups(world, round_no, base_urls),
    )


def _image_groups(
    world: DemoWorld, round_no: int, base_urls: Mapping[str, str]
) -> dict[str, tuple[ImageUse, ...]]:
    """photo id -> its copies on this round's listed adverts, for photos on 2+ adverts.

    Originals come first (the builder gives every group one), then sites in world order.
    """
    uses: dict[str, list[ImageUse]] = {}
    for name, site in world.sites.items():
        base = site_base(base_urls, name)
        for advert in sorted(site.listed(round_no), key=lambda a: a.id):
            for image in advert.images:
                use = ImageUse(base + advert.path, base + image.path, name, image.kind)
                uses.setdefault(image.photo, []).append(use)
    groups: dict[str, tuple[ImageUse, ...]] = {}
    for photo, found in sorted(uses.items()):
        if len({u.advert for u in found}) > 1:
            found.sort(key=lambda u: u.edit != "original")  # stable: keeps site order
            groups[photo] = tuple(found)
    return groups


def _cross_site_links(
    keys: Mapping[str, SiteKey],
) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """(entities on 2+ adverts -> URLs, template id -> URLs), both sorted by key."""
    by_contact: dict[str, list[str]] = {}
    templates: dict[str, list[str]] = {}
    for site_key in keys.values():
        for advert in site_key.adverts:
            for kind, value in sorted(advert.entities):
                by_contact.setdefault(f"{kind}:{value}", []).append(advert.url)
            if advert.template:
                templates.setdefault(advert.template, []).append(advert.url)
    shared = {k: tuple(v) for k, v in sorted(by_contact.items()) if len(v) > 1}
    return shared, {k: tuple(v) for k, v in sorted(templates.items())}


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).isoformat()


@dataclass
class _RoundChanges:
    """URLs that changed state since the previous round, in advert order."""

    gone: list[str] = field(default_factory=list)
    not_found: list[str] = field(default_factory=list)
    unlisted: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)


def _round_changes(site: SiteData, round_no: int, base: str) -> _RoundChanges:
    changes = _RoundChanges()
    previous = round_no - 1
    for a in site.adverts:
        url = base + a.path
        if previous >= 1:
            was_listed = a.listed_at(previous)
            if was_listed and a.status_at(round_no) == 410:
                changes.gone.append(url)
            elif was_listed and a.status_at(round_no) == 404:
                changes.not_found.append(url)
            elif was_listed and not a.listed_at(round_no):
                changes.unlisted.append(url)
            if a.listed_at(round_no) and a.revised_round == round_no:
                changes.changed.append(url)
        if a.first_round == round_no and round_no > 1:
            changes.added.append(url)
    return changes


def _site_key(site: SiteData, round_no: int, base: str) -> SiteKey:
    def urls(paths: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(base + p for p in paths)

    expected = tuple(
        _expected(a, round_no, base) for a in sorted(site.listed(round_no), key=lambda a: a.id)
    )
    changes = _round_changes(site, round_no, base)
    return SiteKey(
        site=site.name,
        profile=site.profile,
        kind=site.kind,
        base_url=base,
        start_url=base + site.start_path,
        sitemap_url=base + "/sitemap.xml" if site.has_sitemap else None,
        adverts=expected,
        expected_count=len(expected),
        removed=tuple(sorted(changes.gone + changes.not_found + changes.unlisted)),
        gone=tuple(changes.gone),
        not_found=tuple(changes.not_found),
        unlisted=tuple(changes.unlisted),
        changed=tuple(changes.changed),
        added=tuple(changes.added),
        disallowed=urls(site.disallowed_links),
        robots_disallow=site.robots_disallow,
        dead_links=urls(site.dead_links),
        duplicate_links=urls(site.duplicate_links),
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
        images=tuple(base + image.path for image in a.images),
    )

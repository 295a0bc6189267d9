"""What a bridal profile says: written by the woman herself, by a licensed agency, or by
a risky "agency" promising a fast marriage abroad."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from demo.site.builders.common import BuildContext, fill
from demo.site.builders.text import block_lines, contact_blocks
from demo.site.contacts import Contact, email, inline, messenger, phone, telegram
from demo.site.content import BRIDAL_AGENCIES, RISKY_BRIDAL_AGENCIES, LanguagePack
from demo.site.model import Block

__all__ = ["ProfileText", "agency_profile", "risky_profile", "self_profile"]

_BRIDAL_CUES = (
    "young_women_only",
    "send_photos",
    "agency_pays_travel",
    "agency_keeps_documents",
    "recruitment_fee",
    "urgency",
)


@dataclass
class ProfileText:
    """What one kind of profile says, and who is behind it."""

    blocks: list[Block]
    found: list[Contact]
    contact_lines: tuple[str, ...]
    cues: list[str] = field(default_factory=list)
    mitigating: list[str] = field(default_factory=list)
    employer: str | None = None
    licence: str | None = None


def _own_contacts(
    ctx: BuildContext, rng: random.Random, slug: str, advert_id: int
) -> list[Contact]:
    """A woman's own e-mail and/or phone, sometimes a Telegram name."""
    found: list[Contact] = []
    if rng.random() < 0.75:
        found.append(email(f"{slug}.{advert_id}", rng.choice(["example.org", "example.net"])))
    if not found or rng.random() < 0.5:
        number = ctx.phones.take(rng.choice(["MD", "RO"]))
        found.append(phone(number, rng.choice(["intl", "national"])))
    if rng.random() < 0.2:
        found.append(telegram(ctx.handle(slug)))
    return found


def self_profile(
    ctx: BuildContext,
    rng: random.Random,
    pack: LanguagePack,
    values: dict[str, object],
    about: list[str],
    contacts: Sequence[Contact] | None,
    slug: str,
    advert_id: int,
) -> ProfileText:
    blocks: list[Block] = [fill(rng.choice(pack.bridal_intros), **values)]
    blocks.append(" ".join(about))
    blocks.append(rng.choice(pack.bridal_wishes))
    found = _own_contacts(ctx, rng, slug, advert_id) if contacts is None else list(contacts)
    lines = block_lines(contact_blocks(rng.choice(pack.bridal_contact), found, dict(pack.labels)))
    return ProfileText(blocks, found, lines, mitigating=["independent_adult"])


def agency_profile(
    ctx: BuildContext,
    rng: random.Random,
    pack: LanguagePack,
    values: dict[str, object],
    about: list[str],
    contacts: Sequence[Contact] | None,
) -> ProfileText:
    agency = rng.choice(BRIDAL_AGENCIES)
    values.update(agency=agency.name, licence=agency.licence, address=agency.address)
    mitigating = ["named_employer_registration", "registered_agency_office"]
    blocks: list[Block] = [fill(rng.choice(pack.bridal_agency_intros), **values)]
    blocks.append(" ".join(about))
    blocks.append(rng.choice(pack.bridal_wishes))
    blocks += [fill(rng.choice(pack.bridal_mitigating[m]), **values) for m in mitigating]

    def make_agency() -> tuple[Contact, ...]:
        country = "RO" if agency.slug == "inimiunite" else "MD"
        return (phone(ctx.phones.take(country), "intl"), email(f"office.{agency.slug}"))

    found = (
        list(contacts)
        if contacts is not None
        else list(ctx.actor(f"bridal-agency:{agency.slug}", make_agency))
    )
    template = pack.bridal_agency_contact[0]
    lines = block_lines(contact_blocks(template, found, dict(pack.labels)))
    return ProfileText(blocks, found, lines, [], mitigating, agency.name, agency.licence)


def _risky_contacts(
    ctx: BuildContext, rng: random.Random, agency_name: str, cues: list[str]
) -> list[Contact]:
    """The agency's phone and Viber; sometimes only the Viber (messenger-only cue)."""

    def make_risky() -> tuple[Contact, ...]:
        number = ctx.phones.take(rng.choice(["MD", "RO"]))
        return (phone(number, "intl"), messenger("viber", number, "intl"))

    found = list(ctx.actor(f"bridal-risky:{agency_name}", make_risky))
    if rng.random() < 0.35:
        cues.append("messenger_only_contact")
        found = [found[1]]
    return found


def _risky_cues(rng: random.Random) -> list[str]:
    cues = [
        "marriage_abroad_fast",
        *rng.sample(_BRIDAL_CUES, rng.randint(2, 4)),
        "unlicensed_agency",
    ]
    if "agency_pays_travel" in cues:
        cues.append("travel_paid")
    if "agency_keeps_documents" in cues:
        cues.append("documents_held")
    return cues


def risky_profile(
    ctx: BuildContext,
    rng: random.Random,
    pack: LanguagePack,
    values: dict[str, object],
    about: list[str],
    contacts: Sequence[Contact] | None,
    agency_name: str | None,
) -> ProfileText:
    labels = dict(pack.labels)
    agency_name = agency_name or rng.choice(RISKY_BRIDAL_AGENCIES)
    values["agency"] = agency_name
    cues = _risky_cues(rng)
    found = _risky_contacts(ctx, rng, agency_name, cues) if contacts is None else list(contacts)
    if "messenger_only_contact" in cues:
        values["messenger"] = inline(found[0], labels)
    blocks: list[Block] = [fill(rng.choice(pack.bridal_risky_intros), **values), about[0]]
    said = [c for c in cues if c not in ("unlicensed_agency", "travel_paid", "documents_held")]
    rng.shuffle(said)
    blocks.append(" ".join(fill(rng.choice(pack.bridal_cues[c]), **values) for c in said))
    lines = block_lines(contact_blocks(pack.bridal_risky_contact[0], found, labels))
    return ProfileText(blocks, found, lines, cues, [], agency_name, None)

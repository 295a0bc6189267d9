"""What an escort advert says: an independent adult, a managed advert (third person, one
contact for many workers) or a recruitment advert, maybe cross-posted from the job board."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from demo.site.builders.common import PACKS, BuildContext, Template, fill
from demo.site.builders.risky_job import recruiter, risky_job
from demo.site.builders.text import block_lines, contact_blocks
from demo.site.contacts import Contact, email, inline, messenger, phone, telegram, url
from demo.site.content import CITY_COUNTRY, LanguagePack
from demo.site.model import Block

__all__ = ["EscortText", "cross_posted", "independent_text", "managed_text", "recruit_text"]

_ESCORT_MANAGED_CUES = (
    "new_in_town",
    "available_24_7",
    "youth_emphasis",
    "ethnicity_emphasis",
    "multiple_workers_one_contact",
    "urgency",
    "restricted_movement",
)
_ESCORT_RECRUIT_CUES = (
    "travel_paid",
    "debt_repaid_from_wages",
    "documents_held",
    "wages_cut_for_costs",
    "young_women_only",
    "urgency",
)


@dataclass
class EscortText:
    """What one kind of escort advert says, and its cues."""

    title: str
    blocks: list[Block]
    found: list[Contact]
    contact_lines: tuple[str, ...] = ()
    cues: list[str] = field(default_factory=list)
    mitigating: list[str] = field(default_factory=list)
    pay: str | None = None
    template: str | None = None


def cross_posted(
    ctx: BuildContext, rng: random.Random, template: Template, contacts: Sequence[Contact] | None
) -> EscortText:
    """The job board's recruitment text, cross-posted here."""
    text = risky_job(ctx, rng, PACKS[template.lang], template=template, contacts=contacts)
    return EscortText(text.title, text.blocks, text.contacts, cues=text.cues, template=template.id)


def _independent_contacts(
    ctx: BuildContext, rng: random.Random, slug: str, advert_id: int
) -> list[Contact]:
    found: list[Contact] = [phone(ctx.phones.take(rng.choice(["MD", "RO", "US"])), "intl")]
    extra = rng.random()
    if extra < 0.3:
        found.append(telegram(ctx.handle(slug)))
    elif extra < 0.55:
        found.append(email(f"{slug}.{advert_id}", "example.net"))
    elif extra < 0.7:
        target = f"https://{slug}{advert_id}.example.net/about"
        found.append(url(target, target))
    return found


def independent_text(
    ctx: BuildContext,
    rng: random.Random,
    pack: LanguagePack,
    values: dict[str, object],
    contacts: Sequence[Contact] | None,
    slug: str,
    advert_id: int,
) -> EscortText:
    title = fill(rng.choice(pack.escort_titles), **values)
    blocks: list[Block] = [fill(rng.choice(pack.escort_intros), **values)]
    blocks.append(" ".join(rng.sample(pack.escort_about, rng.randint(2, 3))))
    blocks.append(" ".join(rng.sample(pack.escort_terms, rng.randint(1, 2))))
    found = _independent_contacts(ctx, rng, slug, advert_id) if contacts is None else list(contacts)
    lines = block_lines(contact_blocks(pack.escort_contact[0], found, dict(pack.labels)))
    pay = f"{rng.choice([100, 120, 150, 200])} EUR/hour"
    return EscortText(title, blocks, found, lines, [], ["independent_adult"], pay)


def _manager_contacts(
    ctx: BuildContext, rng: random.Random, managers: int, cues: list[str]
) -> list[Contact]:
    """One of a few managers' phones (and messenger); sometimes only the messenger."""
    key = f"escort-manager:{rng.randrange(managers)}"

    def make() -> tuple[Contact, ...]:
        number = ctx.phones.take(rng.choice(["MD", "RO"]))
        extra = rng.choice(["viber", "whatsapp", "telegram", "none"])
        if extra == "telegram":
            return (phone(number, "national"), telegram(ctx.handle("vip_girls")))
        if extra == "none":
            return (phone(number, "national"),)
        return (phone(number, "national"), messenger(extra, number, "intl"))

    found = list(ctx.actor(key, make))
    if len(found) > 1 and rng.random() < 0.3:
        cues.append("messenger_only_contact")
        found = [found[1]]
    return found


def managed_text(
    ctx: BuildContext,
    rng: random.Random,
    pack: LanguagePack,
    values: dict[str, object],
    contacts: Sequence[Contact] | None,
    managers: int,
) -> EscortText:
    labels = dict(pack.labels)
    cues = ["third_person_voice", *rng.sample(_ESCORT_MANAGED_CUES, rng.randint(3, 5))]
    found = _manager_contacts(ctx, rng, managers, cues) if contacts is None else list(contacts)
    if "messenger_only_contact" in cues:
        values["messenger"] = inline(found[0], labels)
    title = fill(rng.choice(pack.escort_managed_titles), **values)
    if found[0].kind == "phone" and not found[0].obfuscated and rng.random() < 0.3:
        title = f"{title} ☎ {found[0].display}"
    blocks: list[Block] = [fill(rng.choice(pack.escort_managed_intros), **values)]
    said = [c for c in cues if c != "third_person_voice"]
    rng.shuffle(said)
    blocks.append(" ".join(fill(rng.choice(pack.escort_cues[c]), **values) for c in said))
    blocks.append(fill(rng.choice(pack.escort_cues["third_person_voice"]), **values))
    lines = block_lines(contact_blocks(pack.escort_managed_contact[0], found, labels))
    pay = f"{rng.choice([80, 100, 120])} EUR/hour"
    return EscortText(title, blocks, found, lines, cues, [], pay)


def recruit_text(
    ctx: BuildContext,
    rng: random.Random,
    pack: LanguagePack,
    values: dict[str, object],
    contacts: Sequence[Contact] | None,
) -> EscortText:
    labels = dict(pack.labels)
    dest = rng.choice(("istanbul", "dubai", "telaviv", "milan", "berlin"))
    nation = pack.countries[CITY_COUNTRY[dest]]
    amount = rng.choice([800, 1000, 1200, 1500])
    values.update(country=nation.name, in_country=nation.within, amount=amount)
    cues = ["high_pay_no_experience", *rng.sample(_ESCORT_RECRUIT_CUES, rng.randint(3, 5))]
    found = (
        list(contacts) if contacts is not None else list(recruiter(ctx, rng, 3, "escort-recruiter"))
    )
    if rng.random() < 0.3 and contacts is None:
        cues.append("messenger_only_contact")
        found = [found[1]]
    if "messenger_only_contact" in cues:
        values["messenger"] = inline(found[0], labels)
    title = fill(rng.choice(pack.escort_recruit_titles), **values)
    blocks: list[Block] = [fill(rng.choice(pack.escort_recruit_intros), **values)]
    blocks.append(tuple(fill(rng.choice(pack.escort_cues[c]), **values) for c in cues))
    lines = block_lines(contact_blocks(pack.escort_recruit_contact[0], found, labels))
    return EscortText(title, blocks, found, lines, cues, [])

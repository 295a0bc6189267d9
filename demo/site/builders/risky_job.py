"""The text of a risky job advert: recruitment-risk cues, a recruiter's phone and
messenger, often no named employer. Templated adverts (near-duplicates) take the
template's cues and the first option of every pool instead of random ones."""

from __future__ import annotations

import random
from collections.abc import Sequence

from demo.site.builders.common import BuildContext, Template, fill
from demo.site.builders.job_text import JobText
from demo.site.builders.text import contact_blocks
from demo.site.contacts import Contact, inline, messenger, phone, telegram
from demo.site.content import (
    CITY_COUNTRY,
    RISKY_DESTINATIONS,
    RISKY_JOB_AGENCIES,
    LanguagePack,
    Place,
    Role,
)
from demo.site.model import Block, Salary

__all__ = ["recruiter", "risky_job"]

_JOB_CORE = (
    "documents_held",
    "debt_repaid_from_wages",
    "recruitment_fee",
    "contract_on_arrival",
    "restricted_movement",
    "wages_cut_for_costs",
)
_JOB_LURES = ("high_pay_no_experience", "travel_paid", "accommodation_by_employer", "urgency")


def recruiter(
    ctx: BuildContext, rng: random.Random, pool_size: int, prefix: str
) -> tuple[Contact, ...]:
    """A risky recruiter: a phone and a messenger; recruiters post several adverts."""
    key = f"{prefix}:{rng.randrange(pool_size)}"

    def make() -> tuple[Contact, ...]:
        number = ctx.phones.take(rng.choice(["MD", "MD", "RO"]))
        style = rng.choice(["intl", "national", "intl"])
        kind = rng.choice(["telegram", "whatsapp", "viber"])
        if kind == "telegram":
            chat = telegram(ctx.handle(rng.choice(["eurojob", "workabroad", "jobinfo", "rabota"])))
        else:
            chat = messenger(kind, number, rng.choice(["intl", "compact"]))
        return (phone(number, style), chat)

    return ctx.actor(key, make)


def _random_role_and_cues(rng: random.Random, pack: LanguagePack) -> tuple[str, list[str]]:
    role_id = rng.choice(list(pack.risky_roles) + list(pack.roles))
    cues = rng.sample(_JOB_CORE, rng.randint(2, 3)) + rng.sample(_JOB_LURES, rng.randint(1, 2))
    if role_id in pack.risky_roles and rng.random() < 0.8:
        cues.append("young_women_only")
        if rng.random() < 0.6:
            cues.append("send_photos")
    if rng.random() < 0.3:
        cues.append("messenger_only_contact")
    return role_id, cues


def _role_and_cues(
    rng: random.Random, pack: LanguagePack, template: Template | None
) -> tuple[str, Role, list[str]]:
    """(role id, role, cues): the template's, or drawn at random."""
    if template is not None:
        role_id, cues = template.role, list(template.cues)
    else:
        role_id, cues = _random_role_and_cues(rng, pack)
    return role_id, pack.risky_roles.get(role_id) or pack.roles[role_id], cues


def _contacts(
    ctx: BuildContext,
    rng: random.Random,
    given: Sequence[Contact] | None,
    pool_size: int,
    cues: list[str],
    values: dict[str, object],
    labels: dict[str, str],
) -> list[Contact]:
    """The given contacts or a recruiter's; only the messenger for messenger-only adverts."""
    if given is None:
        given = recruiter(ctx, rng, pool_size, "job-recruiter")
    contacts = list(given)
    chat = next((c for c in contacts if c.kind != "phone" and c.kind != "email"), None)
    if "messenger_only_contact" in cues:
        if chat is None:
            chat = telegram(ctx.handle("jobchat"))
        contacts = [chat]
        values["messenger"] = inline(chat, labels)
    return contacts


def _cue_sentences(
    rng: random.Random,
    pack: LanguagePack,
    template: Template | None,
    cues: list[str],
    values: dict[str, object],
) -> list[str]:
    """One sentence per cue; random adverts lead with the lures, the rest shuffled."""
    ordered = [c for c in cues if c != "unlicensed_agency"]
    if template is None:
        lures = [c for c in ordered if c in _JOB_LURES]
        rest = [c for c in ordered if c not in _JOB_LURES]
        rng.shuffle(rest)
        ordered = lures + rest

    def pick(options: tuple[str, ...]) -> str:
        return options[0] if template is not None else rng.choice(options)

    return [fill(pick(pack.job_cues[c]), **values) for c in ordered]


def _blocks(
    rng: random.Random,
    pack: LanguagePack,
    template: Template | None,
    role: Role,
    cues: list[str],
    values: dict[str, object],
) -> list[Block]:
    """Intro, maybe the duties, then the cue sentences as a list or paragraphs."""
    intro = pack.job_risky_intros[template.intro] if template else rng.choice(pack.job_risky_intros)
    blocks: list[Block] = [fill(intro, **values)]
    if template is None and rng.random() < 0.5:
        blocks.append(role.duties)
    sentences = _cue_sentences(rng, pack, template, cues, values)
    if template is None and rng.random() < 0.5:
        blocks.append(tuple(sentences))
    else:
        blocks.append(" ".join(sentences[:3]))
        if sentences[3:]:
            blocks.append(" ".join(sentences[3:]))
    return blocks


def _apply_blocks(
    rng: random.Random,
    pack: LanguagePack,
    template: Template | None,
    cues: list[str],
    contacts: list[Contact],
    labels: dict[str, str],
) -> tuple[Block, ...]:
    if "messenger_only_contact" in cues:  # the messenger is named in a cue sentence
        return ()
    apply_t = pack.job_risky_apply[template.apply] if template else rng.choice(pack.job_risky_apply)
    return contact_blocks(apply_t, contacts, labels)


def _values(
    rng: random.Random, role: Role, place: Place, nation: Place, amount: int
) -> dict[str, object]:
    return {
        "role": role.title,
        "country": nation.name,
        "in_country": nation.within,
        "city": place.name,
        "in_city": place.within,
        "amount": amount,
        "fee": rng.choice([150, 200, 250, 300, 350]),
    }


def _agency(rng: random.Random, template: Template | None, cues: list[str]) -> str | None:
    """A named (unlicensed) agency or none; adds the matching cue."""
    agency = rng.choice(RISKY_JOB_AGENCIES) if rng.random() < 0.55 and template is None else None
    if agency is None and template is None:
        cues.append("vague_employer")
    if agency is not None:
        cues.append("unlicensed_agency")
    return agency


def risky_job(
    ctx: BuildContext,
    rng: random.Random,
    pack: LanguagePack,
    *,
    template: Template | None = None,
    contacts: Sequence[Contact] | None = None,
    pool_size: int = 8,
) -> JobText:
    """A risky job advert; ``contacts`` pins the poster (for cross-site links)."""
    labels = dict(pack.labels)
    dest = rng.choice(RISKY_DESTINATIONS)
    role_id, role, cues = _role_and_cues(rng, pack, template)
    place, nation = pack.cities[dest], pack.countries[CITY_COUNTRY[dest]]
    amount = rng.choice([2500, 3000, 3500, 4000, 4500, 5000])
    values = _values(rng, role, place, nation, amount)
    agency = _agency(rng, template, cues)
    found = _contacts(ctx, rng, contacts, pool_size, cues, values, labels)
    blocks = _blocks(rng, pack, template, role, cues, values)
    blocks += _apply_blocks(rng, pack, template, cues, found, labels)
    blocks += [f"— {agency}"] if agency is not None else []
    title_t = (
        pack.job_risky_titles[template.title] if template else rng.choice(pack.job_risky_titles)
    )
    has_city = template is not None or rng.random() < 0.7
    return JobText(
        title=fill(title_t, **values),
        blocks=blocks,
        contacts=found,
        location=f"{place.name}, {nation.name}" if has_city else nation.name,
        country=CITY_COUNTRY[dest],
        city=dest if has_city else None,
        role=role_id,
        employer=agency,
        licence=None,
        salary=Salary("EUR", None, amount, "MONTH") if "high_pay_no_experience" in cues else None,
        risky=True,
        cues=cues,
        mitigating=[],
        template=template.id if template else None,
    )

"""The text of a sound job advert (a named employer, realistic pay, a contract) and the
:class:`JobText` every job advert is written into before it becomes an :class:`Advert`."""

from __future__ import annotations

import random
from dataclasses import dataclass

from demo.site.builders.common import BuildContext, fill
from demo.site.builders.text import contact_blocks, money, wage_ranges
from demo.site.contacts import Contact, email, phone, url
from demo.site.content import (
    CITY_COUNTRY,
    EMPLOYERS,
    JOB_AGENCIES,
    LanguagePack,
    LicensedAgency,
    Role,
)
from demo.site.model import Block, Salary

__all__ = ["JobText", "benign_job"]


@dataclass
class JobText:
    """A job advert's text and facts, still editable (special roles patch it)."""

    title: str
    blocks: list[Block]
    contacts: list[Contact]
    location: str | None
    country: str
    city: str | None
    role: str
    employer: str | None
    licence: str | None
    salary: Salary | None
    risky: bool
    cues: list[str]
    mitigating: list[str]
    template: str | None = None


def _employer_contacts(
    ctx: BuildContext, rng: random.Random, key: str, slug: str
) -> tuple[Contact, ...]:
    def make() -> tuple[Contact, ...]:
        found: list[Contact] = [
            email(f"jobs.{slug}", style=rng.choice(["plain", "plain", "upper"]))
        ]
        if rng.random() < 0.6:
            number = ctx.phones.take(rng.choice(["MD", "RO", "US"]))
            style = (
                rng.choice(["intl", "intl", "national", "dashed"])
                if number.country != "US"
                else "paren"
            )
            found.append(phone(number, style))
        return tuple(found)

    return ctx.actor(key, make)


def _pay(rng: random.Random, pack: LanguagePack, values: dict[str, object]) -> Salary:
    """An hourly or monthly wage; also sets the wage, hours and rent placeholders."""
    labels = dict(pack.labels)
    if rng.random() < 0.6:
        wage = rng.choice([11.5, 12, 12.5, 13, 13.5, 14, 15, 16.5])
        salary = Salary("EUR", wage, wage, "HOUR")
        values["wage"] = f"{money(wage, pack.code)} EUR/{labels['hour']}"
    else:
        low, high = rng.choice(wage_ranges())
        salary = Salary("EUR", low, high, "MONTH")
        values["wage"] = f"{low}–{high} EUR/{labels['month']}"
    values["hours"] = rng.choice([36, 38, 40])
    values["rent"] = f"{rng.choice([180, 220, 250, 300])} EUR/{labels['month']}"
    return salary


def _mitigating(
    rng: random.Random, agency: LicensedAgency | None, values: dict[str, object]
) -> list[str]:
    mitigating = ["named_employer_registration"]
    if agency is not None:
        values.update(agency=agency.name, licence=agency.licence, address=agency.address)
        mitigating.append("registered_agency_office")
    if rng.random() < 0.85:
        mitigating.append("realistic_wage")
    if agency is not None or rng.random() < 0.5:
        mitigating.append("written_contract_before_departure")
    if rng.random() < 0.4:
        mitigating.append("transparent_deductions")
    return mitigating


def _body(
    rng: random.Random,
    pack: LanguagePack,
    role: Role,
    values: dict[str, object],
    mitigating: list[str],
) -> tuple[list[Block], list[str]]:
    """(blocks, cues): intro, duties, mitigating facts, maybe one hard-negative cue."""
    blocks: list[Block] = [fill(rng.choice(pack.job_intros), **values), role.duties]
    blocks += [fill(rng.choice(pack.job_mitigating[m]), **values) for m in mitigating]
    cues: list[str] = []
    if rng.random() < 0.2:  # hard negative: one risk-looking phrase in a sound advert
        cue = rng.choice(["travel_paid", "accommodation_by_employer", "urgency"])
        cues.append(cue)
        blocks.append(fill(pack.job_cues[cue][0], **values))
    neutral = rng.sample(pack.job_neutral, rng.randint(1, 2))
    blocks.append(tuple(neutral) if len(neutral) > 1 and rng.random() < 0.5 else " ".join(neutral))
    return blocks, cues


def _how_to_apply(
    ctx: BuildContext, rng: random.Random, pack: LanguagePack, poster: str, careers_path: str
) -> tuple[list[Contact], list[Block]]:
    """(contacts, blocks): the poster's contacts, sometimes with a careers-page link."""
    contacts = list(_employer_contacts(ctx, rng, f"job-employer:{poster}", poster))
    blocks = list(contact_blocks(rng.choice(pack.job_apply), contacts, dict(pack.labels)))
    if rng.random() < 0.25:
        target = f"https://careers.example.org/{careers_path}"
        link = url(f"{target}?utm_source=workboard&utm_medium=job", target)
        contacts.append(link)
        blocks.append(fill(rng.choice(pack.job_web), url=link.display))
    return contacts, blocks


def benign_job(ctx: BuildContext, rng: random.Random, pack: LanguagePack) -> JobText:
    """A sound job advert from a named employer, sometimes through a licensed agency."""
    employer = rng.choice(EMPLOYERS)
    city = rng.choice(employer.cities)
    role_id = rng.choice(employer.roles)
    country = CITY_COUNTRY[city]
    agency = rng.choice(JOB_AGENCIES) if rng.random() < 0.35 else None
    place, nation = pack.cities[city], pack.countries[country]
    values: dict[str, object] = {
        "employer": employer.name,
        "reg": employer.reg,
        "role": pack.roles[role_id].title,
        "city": place.name,
        "in_city": place.within,
        "country": nation.name,
        "in_country": nation.within,
    }
    salary = _pay(rng, pack, values)
    mitigating = _mitigating(rng, agency, values)
    blocks, cues = _body(rng, pack, pack.roles[role_id], values, mitigating)
    poster = agency.slug if agency else employer.slug
    careers_path = f"{employer.slug}/{role_id}-{city}"
    contacts, apply_blocks = _how_to_apply(ctx, rng, pack, poster, careers_path)
    title = fill(rng.choice(pack.job_titles), **values)
    return JobText(
        title=title,
        blocks=blocks + apply_blocks,
        contacts=contacts,
        location=f"{place.name}, {nation.name}",
        country=country,
        city=city,
        role=role_id,
        employer=employer.name,
        licence=agency.licence if agency else None,
        salary=salary if rng.random() < 0.9 else None,
        risky=False,
        cues=cues,
        mitigating=mitigating,
    )

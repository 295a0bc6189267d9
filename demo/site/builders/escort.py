"""The escort directory (City Companions): independent adults, managed adverts (third
person, one contact for many workers) and recruitment adverts, some cross-posted from
the job board."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from demo.site.builders.common import (
    ANNA_PHONE,
    EET,
    EUROWORK_TG,
    PACKS,
    RECRUITER_MD,
    RECRUITER_RO,
    ROUND_TIMES,
    SHARED_MD,
    TEMPLATES,
    BuildContext,
    Template,
    random_posted,
    special_slots,
    weighted_choice,
)
from demo.site.builders.escort_text import (
    EscortText,
    cross_posted,
    independent_text,
    managed_text,
    recruit_text,
)
from demo.site.builders.text import localise, ro_style, round_two_change
from demo.site.contacts import Contact, email, messenger, phone, telegram
from demo.site.content import CITY_COUNTRY, ESCORT_CITIES
from demo.site.model import PROFILE_NAMES, Advert, Content, SiteData

__all__ = ["build_escort"]

_ESCORT_CITY_BY_LANG = {
    "ro": ("chisinau", "bucharest", "iasi"),
    "ru": ("chisinau", "odesa", "kyiv"),
    "uk": ("kyiv", "odesa"),
    "en": ESCORT_CITIES,
}
_SPECIAL_ROLES = (
    "viber_md",
    "letters_ro",
    "words_md",
    "t1_a",
    "t1_b",
    "t2",
    "anna_1",
    "anna_2",
    "gone",
    "missing",
    "unlisted",
    "changed",
)


@dataclass(frozen=True)
class _Who:
    """The person an advert is about (none for recruitment adverts)."""

    name: str | None
    age: int | None
    slug: str


def _escort_lang(rng: random.Random) -> str:
    return weighted_choice(rng, {"ro": 0.35, "en": 0.25, "ru": 0.25, "uk": 0.15})


def _escort_time(posted: datetime) -> datetime:
    return posted.replace(second=0, microsecond=0)


def _escort_wrap(
    advert_id: int,
    lang: str,
    subtype: str,
    posted: datetime,
    city: str,
    location: str,
    text: EscortText,
    who: _Who,
) -> Advert:
    moment = _escort_time(posted)
    content = Content(
        title=text.title,
        blocks=tuple(text.blocks),
        contact_lines=text.contact_lines,
        contacts=tuple(dict.fromkeys(text.found)),
        pay=text.pay,
        salary=None,
        updated=moment,
    )
    return Advert(
        site="escort",
        id=advert_id,
        path=f"/ad/{advert_id}-{city}-{who.slug}.html",
        kind="escort",
        language=lang,
        subtype=subtype,
        content=content,
        posted=moment,
        posted_attr=moment.astimezone(EET).isoformat(),
        location=location,
        country=CITY_COUNTRY[city],
        employer=None,
        licence_number=None,
        risky=subtype != "independent",
        risk_cues=tuple(text.cues),
        mitigating=tuple(text.mitigating),
        name=who.name,
        age=who.age,
        city=city,
        template=text.template,
    )


@dataclass
class _SlotPlan:
    """How one advert slot is written: drawn at random, or pinned by its special role."""

    lang: str
    subtype: str
    city: str | None = None
    contacts: list[Contact] | None = None
    template: Template | None = None
    name_slug: tuple[str, str] | None = None
    fixed_age: int | None = None


def _escort_advert(
    ctx: BuildContext,
    rng: random.Random,
    plan: _SlotPlan,
    *,
    advert_id: int,
    posted: datetime,
    city: str,
    managers: int,
) -> Advert:
    pack = PACKS[plan.lang]
    place = pack.cities[city]
    name, slug = plan.name_slug or rng.choice(pack.names)
    age = rng.randint(19, 24) if plan.subtype == "managed" else rng.randint(23, 38)
    if plan.fixed_age is not None:
        age = plan.fixed_age
    values: dict[str, object] = {
        "name": name,
        "age": age,
        "years": pack.years(age),
        "city": place.name,
        "in_city": place.within,
    }
    subtype, contacts = plan.subtype, plan.contacts
    if plan.template is not None:
        subtype, text = "recruit", cross_posted(ctx, rng, plan.template, contacts)
    elif subtype == "independent":
        text = independent_text(ctx, rng, pack, values, contacts, slug, advert_id)
    elif subtype == "managed":
        text = managed_text(ctx, rng, pack, values, contacts, managers)
    else:
        text = recruit_text(ctx, rng, pack, values, contacts)
    who = _Who(name, age, slug) if subtype != "recruit" else _Who(None, None, "work-abroad")
    return _escort_wrap(advert_id, plan.lang, subtype, posted, city, place.name, text, who)


def _slot_plan(role: str | None, lang: str, subtype: str) -> _SlotPlan:
    """The pinned language, subtype and contacts of a cross-site-link role."""
    if role == "viber_md":
        return _SlotPlan("ru", "managed", contacts=[messenger("viber", RECRUITER_MD, "intl")])
    if role == "letters_ro":
        return _SlotPlan("en", "managed", contacts=[phone(RECRUITER_RO, obfuscation="letters")])
    if role == "words_md":
        return _SlotPlan("en", "managed", contacts=[phone(SHARED_MD, obfuscation="words")])
    if role == "t1_a":
        contacts = [telegram(EUROWORK_TG), phone(RECRUITER_RO, "national")]
        return _SlotPlan("en", "recruit", contacts=contacts, template=TEMPLATES["T1"])
    if role == "t1_b":
        contacts = [messenger("whatsapp", RECRUITER_RO, "intl")]
        return _SlotPlan("en", "recruit", contacts=contacts, template=TEMPLATES["T1"])
    if role == "t2":
        contacts = [phone(RECRUITER_MD, "dashed")]
        return _SlotPlan("ru", "recruit", contacts=contacts, template=TEMPLATES["T2"])
    if role in ("anna_1", "anna_2"):  # the touring independent companion, in two cities
        style = "at-dot" if role == "anna_1" else "plain"
        return _SlotPlan(
            "en",
            "independent",
            city="chisinau" if role == "anna_1" else "bucharest",
            contacts=[phone(ANNA_PHONE, "paren"), email("anna", style=style)],
            name_slug=("Anna", "anna"),
            fixed_age=29,
        )
    return _SlotPlan(lang, subtype)


def _slot_advert(
    ctx: BuildContext, rng: random.Random, i: int, n: int, role: str | None, managers: int
) -> Advert:
    """Advert ``i``; ``i == n`` is round 2's new advert."""
    lang = _escort_lang(rng)
    subtype = weighted_choice(rng, {"independent": 0.4, "managed": 0.45, "recruit": 0.15})
    if i == n:
        posted = ROUND_TIMES[2] - timedelta(hours=rng.randint(2, 30))
    else:
        posted = random_posted(rng, ROUND_TIMES[1] - timedelta(hours=1), days=20)
    plan = _slot_plan(role, lang, subtype)
    city = plan.city or rng.choice(_ESCORT_CITY_BY_LANG[plan.lang])
    advert = _escort_advert(
        ctx, rng, plan, advert_id=7001 + i, posted=posted, city=city, managers=managers
    )
    advert = replace(advert, first_round=2) if i == n else round_two_change(advert, role, rng)
    return localise(advert, ro_style(rng))


def build_escort(ctx: BuildContext, n: int) -> SiteData:
    """The city directory with ``n`` round-1 adverts (plus one new in round 2)."""
    rng = ctx.rng("escort")
    slot = special_slots(rng, n, _SPECIAL_ROLES)
    role_of = {v: k for k, v in slot.items()}
    managers = max(3, n // 10)
    adverts = [_slot_advert(ctx, rng, i, n, role_of.get(i), managers) for i in range(n + 1)]
    return SiteData(
        name="escort",
        kind="escort",
        profile=PROFILE_NAMES["escort"],
        brand="City Companions",
        start_path="/",
        page_size=6,
        adverts=tuple(adverts),
        robots_disallow=("/search", "/account/"),
        disallowed_links=("/search?q=", "/account/login"),
        cities=ESCORT_CITIES,
    )

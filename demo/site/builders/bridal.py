"""The marriage agency (Hearts of the East): profiles written by the women themselves,
by licensed agencies, or by risky "agencies" promising a fast marriage abroad."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from demo.site.builders.bridal_text import (
    ProfileText,
    agency_profile,
    risky_profile,
    self_profile,
)
from demo.site.builders.common import (
    BRIDES_CLUB,
    BRIDES_CLUB_AGENCY,
    PACKS,
    RECRUITER_MD,
    RECRUITER_RO,
    ROUND_TIMES,
    BuildContext,
    date_only,
    random_posted,
    special_slots,
    weighted_choice,
)
from demo.site.builders.text import localise, ro_style, round_two_change
from demo.site.contacts import Contact, email, phone
from demo.site.content import (
    BRIDAL_CITIES,
    CITY_COUNTRY,
)
from demo.site.model import PROFILE_NAMES, Advert, Content, SiteData

__all__ = ["build_bridal"]

_BRIDAL_CITY_BY_LANG = {
    "ro": ("chisinau", "balti", "iasi", "bucharest", "cluj"),
    "ru": ("chisinau", "balti", "odesa", "kyiv"),
    "uk": ("kyiv", "odesa", "lviv"),
    "en": BRIDAL_CITIES,
}
_SPECIAL_ROLES = (
    "link_md",
    "club_1",
    "club_2",
    "link_ro",
    "gone",
    "missing",
    "unlisted",
    "changed",
)


def _bridal_lang(rng: random.Random) -> str:
    return weighted_choice(rng, {"ro": 0.3, "ru": 0.35, "uk": 0.25, "en": 0.1})


def _age(rng: random.Random, subtype: str) -> int:
    if subtype == "risky":
        return rng.randint(19, 25)
    if subtype == "agency":
        return rng.randint(22, 40)
    return rng.randint(24, 45)


@dataclass(frozen=True)
class _Person:
    name: str
    age: int
    city: str
    location: str


def _profile_advert(
    advert_id: int,
    lang: str,
    subtype: str,
    posted: datetime,
    person: _Person,
    text: ProfileText,
    height: int,
) -> Advert:
    content = Content(
        title=f"{person.name}, {person.age}",
        blocks=tuple(text.blocks),
        contact_lines=text.contact_lines,
        contacts=tuple(dict.fromkeys(text.found)),
        pay=None,
        salary=None,
        updated=posted,
    )
    return Advert(
        site="bridal",
        id=advert_id,
        path=f"/brides/profile-{advert_id}.html",
        kind="bridal",
        language=lang,
        subtype=subtype,
        content=content,
        posted=posted,
        posted_attr=posted.date().isoformat(),
        location=person.location,
        country=CITY_COUNTRY[person.city],
        employer=text.employer,
        licence_number=text.licence,
        risky=subtype == "risky",
        risk_cues=tuple(text.cues),
        mitigating=tuple(text.mitigating),
        name=person.name,
        age=person.age,
        city=person.city,
        facts=(("Height", f"{height} cm"),),
    )


def _bridal_advert(
    ctx: BuildContext,
    rng: random.Random,
    *,
    advert_id: int,
    lang: str,
    subtype: str,
    posted: datetime,
    contacts: Sequence[Contact] | None = None,
    agency_name: str | None = None,
) -> Advert:
    pack = PACKS[lang]
    city = rng.choice(_BRIDAL_CITY_BY_LANG[lang])
    place = pack.cities[city]
    name, slug = rng.choice(pack.names)
    age = _age(rng, subtype)
    values: dict[str, object] = {
        "name": name,
        "age": age,
        "years": pack.years(age),
        "city": place.name,
        "in_city": place.within,
        "fee": rng.choice([100, 150, 200, 300]),
    }
    # the "daughter of 7" line (index 5) only for women of 30 and over
    pool = [s for k, s in enumerate(pack.bridal_about) if k != 5 or age >= 30]
    about = rng.sample(pool, rng.randint(2, 3))
    text: ProfileText
    if subtype == "self":
        text = self_profile(ctx, rng, pack, values, about, contacts, slug, advert_id)
    elif subtype == "agency":
        text = agency_profile(ctx, rng, pack, values, about, contacts)
    else:
        text = risky_profile(ctx, rng, pack, values, about, contacts, agency_name)
    height = rng.randint(156, 178)
    person = _Person(name, age, city, place.name)
    return _profile_advert(advert_id, lang, subtype, posted, person, text, height)


def _role_overrides(
    role: str | None, lang: str, subtype: str
) -> tuple[str, str, list[Contact] | None, str | None]:
    """(lang, subtype, contacts, agency name) of a cross-site-link role."""
    if role == "link_md":
        return "ru", "risky", [phone(RECRUITER_MD, "intl2")], None
    if role in ("club_1", "club_2"):
        style = "plain" if role == "club_1" else "paren-at"
        return lang, "risky", [email(BRIDES_CLUB, style=style)], BRIDES_CLUB_AGENCY
    if role == "link_ro":
        return "ro", "risky", [phone(RECRUITER_RO, "national")], None
    return lang, subtype, None, None


def _slot_advert(ctx: BuildContext, rng: random.Random, i: int, n: int, role: str | None) -> Advert:
    """Profile ``i``; ``i == n`` is round 2's new profile."""
    lang = _bridal_lang(rng)
    subtype = weighted_choice(rng, {"self": 0.45, "agency": 0.2, "risky": 0.35})
    if i == n:
        posted = date_only(ROUND_TIMES[2] - timedelta(days=1))
    else:
        posted = date_only(random_posted(rng, ROUND_TIMES[1] - timedelta(hours=5)))
    lang, subtype, contacts, agency_name = _role_overrides(role, lang, subtype)
    advert = _bridal_advert(
        ctx,
        rng,
        advert_id=301 + i,
        lang=lang,
        subtype=subtype,
        posted=posted,
        contacts=contacts,
        agency_name=agency_name,
    )
    advert = replace(advert, first_round=2) if i == n else round_two_change(advert, role, rng)
    return localise(advert, ro_style(rng))


def build_bridal(ctx: BuildContext, n: int) -> SiteData:
    """The profile catalogue with ``n`` round-1 profiles (plus one new in round 2)."""
    rng = ctx.rng("bridal")
    slot = special_slots(rng, n, _SPECIAL_ROLES)
    role_of = {v: k for k, v in slot.items()}
    adverts = [_slot_advert(ctx, rng, i, n, role_of.get(i)) for i in range(n + 1)]
    return SiteData(
        name="bridal",
        kind="bridal",
        profile=PROFILE_NAMES["bridal"],
        brand="Hearts of the East",
        start_path="/brides/",
        page_size=12,
        adverts=tuple(adverts),
        robots_disallow=("/members/",),
        disallowed_links=("/members/", "/members/favourites"),
    )

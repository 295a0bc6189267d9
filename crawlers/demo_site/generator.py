"""Deterministic generator of the demo world: three synthetic advert sites, two rounds.

``generate_world(seed=7)`` builds the same world every time for the same arguments
(every random choice comes from ``random.Random`` seeded with strings derived from
``seed``). Text is composed from the per-language pools in ``content_<lang>.py``;
pages are rendered later, on request, from the resulting :class:`DemoWorld`.

Sites:

- ``jobs`` (kind job): a job board with schema.org JobPosting as JSON-LD, JSON-LD in an
  ``@graph`` or microdata; robots.txt with a sitemap and a disallowed /private/ area;
  duplicate links, a dead link and hostile pages (script in a title, broken JSON-LD,
  a ~200 KB description, a windows-1251 page).
- ``bridal`` (kind bridal): a marriage agency's profile catalogue in plain HTML.
- ``escort`` (kind escort): a city directory with table listings and contact boxes.

Every site also changes in round 2: one advert answers 410, one 404, one drops off the
listing (still 200 when fetched), one is edited and one is new.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, timezone

import phonenumbers

from crawlers.demo_site import content_en, content_ro, content_ru, content_uk
from crawlers.demo_site.contacts import (
    Contact,
    PhoneNumber,
    email,
    inline,
    line,
    messenger,
    phone,
    telegram,
    url,
)
from crawlers.demo_site.content import (
    BRIDAL_AGENCIES,
    BRIDAL_CITIES,
    CITY_COUNTRY,
    EMPLOYERS,
    ESCORT_CITIES,
    JOB_AGENCIES,
    RISKY_BRIDAL_AGENCIES,
    RISKY_DESTINATIONS,
    RISKY_JOB_AGENCIES,
    LanguagePack,
)
from crawlers.demo_site.model import (
    PROFILE_NAMES,
    Advert,
    Block,
    Content,
    DemoWorld,
    Salary,
    SiteData,
)

__all__ = ["MIN_ADVERTS", "PACKS", "ROUND_TIMES", "generate_world"]

PACKS: dict[str, LanguagePack] = {
    "en": content_en.PACK,
    "ro": content_ro.PACK,
    "ru": content_ru.PACK,
    "uk": content_uk.PACK,
}

ROUND_TIMES: dict[int, datetime] = {
    1: datetime(2025, 3, 20, 9, 0, tzinfo=UTC),
    2: datetime(2025, 3, 27, 9, 0, tzinfo=UTC),
}
#: local time of the escort directory (Chișinău / Bucharest / Kyiv in winter)
EET = timezone(timedelta(hours=2))

#: smallest size per site (the special adverts need room)
MIN_ADVERTS: dict[str, int] = {"jobs": 16, "bridal": 12, "escort": 14}

SCRIPT_TITLE = "<script>alert(1)</script>"
BIG_BODY_CHARS = 200_000

# Contacts reserved for the cross-site links (never handed out at random).
RECRUITER_MD = PhoneNumber("MD", 777)  # jobs x2, bridal, escort x2 (one as Viber)
RECRUITER_RO = PhoneNumber("RO", 123)  # jobs, bridal, escort ("O7OO OOO l23", WhatsApp)
SHARED_MD = PhoneNumber("MD", 123)  # jobs; escort spells it out ("zero six zero ...")
ANNA_PHONE = PhoneNumber("US", 47)  # the touring independent companion
RESERVED = frozenset({RECRUITER_MD, RECRUITER_RO, SHARED_MD, ANNA_PHONE})
EUROWORK_TG = "eurowork_demo"
BRIDES_CLUB = "brides.club"
BRIDES_CLUB_AGENCY = "Slavic Brides Club"


@dataclass(frozen=True)
class Template:
    """A text reused almost verbatim by several adverts (for near-duplicate linking)."""

    id: str
    lang: str
    role: str
    intro: int
    title: int
    cues: tuple[str, ...]
    apply: int


TEMPLATES: dict[str, Template] = {
    "T1": Template(
        "T1",
        "en",
        "hostess",
        intro=0,
        title=0,
        cues=(
            "young_women_only",
            "high_pay_no_experience",
            "travel_paid",
            "accommodation_by_employer",
            "debt_repaid_from_wages",
            "documents_held",
        ),
        apply=0,
    ),
    "T2": Template(
        "T2",
        "ru",
        "bar",
        intro=1,
        title=1,
        cues=(
            "young_women_only",
            "high_pay_no_experience",
            "travel_paid",
            "contract_on_arrival",
            "documents_held",
            "wages_cut_for_costs",
            "urgency",
        ),
        apply=0,
    ),
}


# =========================================================================== helpers


def _ro_variant(text: str, style: str) -> str:
    """Romanian as often typed: ``cedilla`` (ş ţ) or ``plain`` (no diacritics)."""
    if style == "comma":
        return text
    if style == "cedilla":
        return text.translate(str.maketrans("șȘțȚ", "şŞţŢ"))
    return text.translate(str.maketrans("ăĂâÂîÎșȘțȚşŞţŢ", "aAaAiIsStTsStT"))


def _money(amount: float, lang: str) -> str:
    text = f"{amount:.2f}" if not float(amount).is_integer() else str(int(amount))
    return text if lang == "en" else text.replace(".", ",")


@functools.cache
def _wage_ranges() -> tuple[tuple[int, int], ...]:
    """Monthly wage ranges whose text ("2100–2400") no phone matcher reads as a number."""
    safe: list[tuple[int, int]] = []
    for low in (1700, 1800, 1900, 2000, 2100, 2200):
        for high in (low + 200, low + 300, low + 400):
            text = f"Pay: {low}–{high} EUR/month, {low}-{high} EUR/MONTH"
            if not any(
                phonenumbers.PhoneNumberMatcher(text, region).has_next()
                for region in ("MD", "RO", "UA", "RU", "US")
            ):
                safe.append((low, high))
    return tuple(safe)


def _fmt(template: str, **values: object) -> str:
    return template.format_map(values)


class _Phones:
    """Hands out fictional numbers, each once, in a seeded order (then wraps round)."""

    def __init__(self, rng: random.Random) -> None:
        self._pools: dict[str, list[PhoneNumber]] = {}
        self._next: dict[str, int] = {}
        for country, size in (("MD", 1000), ("RO", 1000), ("US", 100)):
            pool = [PhoneNumber(country, k) for k in range(size)]
            pool = [p for p in pool if p not in RESERVED]
            rng.shuffle(pool)
            self._pools[country] = pool
            self._next[country] = 0

    def take(self, country: str) -> PhoneNumber:
        pool = self._pools[country]
        index = self._next[country]
        self._next[country] = index + 1
        return pool[index % len(pool)]


@dataclass
class _Ctx:
    seed: int
    phones: _Phones
    actors: dict[str, tuple[Contact, ...]]
    handle_no: int = 0

    def rng(self, name: str) -> random.Random:
        return random.Random(f"adwatch-demo:{self.seed}:{name}")

    def actor(self, key: str, make: Callable[[], tuple[Contact, ...]]) -> tuple[Contact, ...]:
        """The same contacts every time the same actor (employer, manager...) posts."""
        found = self.actors.get(key)
        if found is None:
            found = make()
            self.actors[key] = found
        return found

    def handle(self, word: str) -> str:
        self.handle_no += 1
        return f"{word}{self.handle_no}_demo"


def _weighted(rng: random.Random, weights: dict[str, float]) -> str:
    names = list(weights)
    return rng.choices(names, weights=[weights[n] for n in names])[0]


def _contact_blocks(
    template: str, contacts: Sequence[Contact], labels: dict[str, str]
) -> tuple[Block, ...]:
    """A sentence listing the contacts; with a messenger among several contacts, one
    labelled contact per line instead (so no label sits next to another's number)."""
    has_messenger = any(c.kind in ("telegram", "whatsapp", "viber", "signal") for c in contacts)
    if len(contacts) == 1 or not has_messenger:
        return (_fmt(template, contacts=", ".join(inline(c, labels) for c in contacts)),)
    lead = template.split("{contacts}")[0].rstrip()
    return (lead, tuple(line(c, labels) for c in contacts))


def _block_lines(blocks: Sequence[Block]) -> tuple[str, ...]:
    out: list[str] = []
    for b in blocks:
        out.extend([b] if isinstance(b, str) else b)
    return tuple(out)


def _map_blocks(blocks: Sequence[Block], f: Callable[[str], str]) -> tuple[Block, ...]:
    return tuple(f(b) if isinstance(b, str) else tuple(f(x) for x in b) for b in blocks)


def _localise(advert: Advert, style: str) -> Advert:
    """Apply a Romanian spelling style to everything the advert shows."""
    if advert.language != "ro" or style == "comma":
        return advert

    def f(s: str) -> str:
        return _ro_variant(s, style)

    def content(c: Content) -> Content:
        return replace(
            c,
            title=f(c.title),
            blocks=_map_blocks(c.blocks, f),
            contact_lines=tuple(f(x) for x in c.contact_lines),
        )

    return replace(
        advert,
        content=content(advert.content),
        revised=content(advert.revised) if advert.revised else None,
        location=f(advert.location) if advert.location else None,
        tags=(*advert.tags, f"ro-{style}"),
    )


def _ro_style(rng: random.Random) -> str:
    return _weighted(rng, {"comma": 0.6, "cedilla": 0.15, "plain": 0.25})


def _posted(rng: random.Random, newest: datetime, days: int = 40) -> datetime:
    return newest - timedelta(days=rng.randint(0, days), minutes=rng.randint(60, 24 * 60))


def _date_only(moment: datetime) -> datetime:
    return datetime(moment.year, moment.month, moment.day, tzinfo=UTC)


def _slots(rng: random.Random, n: int, names: Sequence[str]) -> dict[str, int]:
    """Distinct advert indices for the special roles."""
    picked = rng.sample(range(n), len(names))
    return dict(zip(names, picked, strict=True))


def _revise(advert: Advert, round_no: int, rng: random.Random) -> Advert:
    pack = PACKS[advert.language]
    note = rng.choice(pack.update_notes[advert.kind])
    old = advert.content
    updated = ROUND_TIMES[round_no] - timedelta(days=2, hours=rng.randint(1, 20))
    revised = replace(old, blocks=(note, *old.blocks), updated=updated)
    return replace(advert, revised=revised, revised_round=round_no)


# =========================================================================== jobs


@dataclass
class _JobText:
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


def _job_contacts_benign(ctx: _Ctx, rng: random.Random, key: str, slug: str) -> tuple[Contact, ...]:
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


def _recruiter(ctx: _Ctx, rng: random.Random, pool_size: int, prefix: str) -> tuple[Contact, ...]:
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


def _benign_job(ctx: _Ctx, rng: random.Random, pack: LanguagePack) -> _JobText:
    employer = rng.choice(EMPLOYERS)
    city = rng.choice(employer.cities)
    role_id = rng.choice(employer.roles)
    role = pack.roles[role_id]
    country = CITY_COUNTRY[city]
    agency = rng.choice(JOB_AGENCIES) if rng.random() < 0.35 else None
    labels = dict(pack.labels)
    place = pack.cities[city]
    nation = pack.countries[country]
    values: dict[str, object] = {
        "employer": employer.name,
        "reg": employer.reg,
        "role": role.title,
        "city": place.name,
        "in_city": place.within,
        "country": nation.name,
        "in_country": nation.within,
    }
    hourly = rng.random() < 0.6
    if hourly:
        wage = rng.choice([11.5, 12, 12.5, 13, 13.5, 14, 15, 16.5])
        salary = Salary("EUR", wage, wage, "HOUR")
        values["wage"] = f"{_money(wage, pack.code)} EUR/{labels['hour']}"
    else:
        low, high = rng.choice(_wage_ranges())
        salary = Salary("EUR", low, high, "MONTH")
        values["wage"] = f"{low}–{high} EUR/{labels['month']}"
    values["hours"] = rng.choice([36, 38, 40])
    values["rent"] = f"{rng.choice([180, 220, 250, 300])} EUR/{labels['month']}"

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

    blocks: list[Block] = [_fmt(rng.choice(pack.job_intros), **values), role.duties]
    blocks += [_fmt(rng.choice(pack.job_mitigating[m]), **values) for m in mitigating]
    cues: list[str] = []
    if rng.random() < 0.2:  # hard negative: one risk-looking phrase in a sound advert
        cue = rng.choice(["travel_paid", "accommodation_by_employer", "urgency"])
        cues.append(cue)
        blocks.append(_fmt(pack.job_cues[cue][0], **values))
    neutral = rng.sample(pack.job_neutral, rng.randint(1, 2))
    blocks.append(tuple(neutral) if len(neutral) > 1 and rng.random() < 0.5 else " ".join(neutral))

    poster = agency.slug if agency else employer.slug
    contacts = list(_job_contacts_benign(ctx, rng, f"job-employer:{poster}", poster))
    blocks += _contact_blocks(rng.choice(pack.job_apply), contacts, labels)
    if rng.random() < 0.25:
        target = f"https://careers.example.org/{employer.slug}/{role_id}-{city}"
        link = url(f"{target}?utm_source=workboard&utm_medium=job", target)
        contacts.append(link)
        blocks.append(_fmt(rng.choice(pack.job_web), url=link.display))
    title = _fmt(rng.choice(pack.job_titles), **values)
    return _JobText(
        title=title,
        blocks=blocks,
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


_JOB_CORE = (
    "documents_held",
    "debt_repaid_from_wages",
    "recruitment_fee",
    "contract_on_arrival",
    "restricted_movement",
    "wages_cut_for_costs",
)
_JOB_LURES = ("high_pay_no_experience", "travel_paid", "accommodation_by_employer", "urgency")


def _risky_job(
    ctx: _Ctx,
    rng: random.Random,
    pack: LanguagePack,
    *,
    template: Template | None = None,
    contacts: Sequence[Contact] | None = None,
    pool_size: int = 8,
) -> _JobText:
    labels = dict(pack.labels)
    dest = rng.choice(RISKY_DESTINATIONS)
    country = CITY_COUNTRY[dest]
    nation = pack.countries[country]
    place = pack.cities[dest]
    if template is not None:
        role_id = template.role
        cues = list(template.cues)
    else:
        role_id = rng.choice(list(pack.risky_roles) + list(pack.roles))
        cues = rng.sample(_JOB_CORE, rng.randint(2, 3)) + rng.sample(_JOB_LURES, rng.randint(1, 2))
        if role_id in pack.risky_roles and rng.random() < 0.8:
            cues.append("young_women_only")
            if rng.random() < 0.6:
                cues.append("send_photos")
        if rng.random() < 0.3:
            cues.append("messenger_only_contact")
    role = pack.risky_roles.get(role_id) or pack.roles[role_id]
    amount = rng.choice([2500, 3000, 3500, 4000, 4500, 5000])
    values: dict[str, object] = {
        "role": role.title,
        "country": nation.name,
        "in_country": nation.within,
        "city": place.name,
        "in_city": place.within,
        "amount": amount,
        "fee": rng.choice([150, 200, 250, 300, 350]),
    }
    agency = rng.choice(RISKY_JOB_AGENCIES) if rng.random() < 0.55 and template is None else None
    if agency is None and template is None:
        cues.append("vague_employer")
    if agency is not None:
        cues.append("unlicensed_agency")

    if contacts is None:
        contacts = _recruiter(ctx, rng, pool_size, "job-recruiter")
    contacts = list(contacts)
    chat = next((c for c in contacts if c.kind != "phone" and c.kind != "email"), None)
    if "messenger_only_contact" in cues:
        if chat is None:
            chat = telegram(ctx.handle("jobchat"))
        contacts = [chat]
        values["messenger"] = inline(chat, labels)

    def pick(options: tuple[str, ...]) -> str:
        return options[0] if template is not None else rng.choice(options)

    intro = pack.job_risky_intros[template.intro] if template else rng.choice(pack.job_risky_intros)
    blocks: list[Block] = [_fmt(intro, **values)]
    if template is None and rng.random() < 0.5:
        blocks.append(role.duties)
    ordered = [c for c in cues if c != "unlicensed_agency"]
    if template is None:
        lures = [c for c in ordered if c in _JOB_LURES]
        rest = [c for c in ordered if c not in _JOB_LURES]
        rng.shuffle(rest)
        ordered = lures + rest
    sentences = [_fmt(pick(pack.job_cues[c]), **values) for c in ordered]
    if template is None and rng.random() < 0.5:
        blocks.append(tuple(sentences))
    else:
        blocks.append(" ".join(sentences[:3]))
        if sentences[3:]:
            blocks.append(" ".join(sentences[3:]))
    if "messenger_only_contact" not in cues:
        apply_t = (
            pack.job_risky_apply[template.apply] if template else rng.choice(pack.job_risky_apply)
        )
        blocks += _contact_blocks(apply_t, contacts, labels)
    if agency is not None:
        blocks.append(f"— {agency}")

    title_t = (
        pack.job_risky_titles[template.title] if template else rng.choice(pack.job_risky_titles)
    )
    has_city = template is not None or rng.random() < 0.7
    salary = None
    if "high_pay_no_experience" in cues:
        salary = Salary("EUR", None, amount, "MONTH")
    return _JobText(
        title=_fmt(title_t, **values),
        blocks=blocks,
        contacts=contacts,
        location=f"{place.name}, {nation.name}" if has_city else nation.name,
        country=country,
        city=dest if has_city else None,
        role=role_id,
        employer=agency,
        licence=None,
        salary=salary,
        risky=True,
        cues=cues,
        mitigating=[],
        template=template.id if template else None,
    )


def _job_advert(
    text: _JobText, *, advert_id: int, lang: str, posted: datetime, fmt: str, private: bool = False
) -> Advert:
    where = text.city or text.country.lower()
    prefix = "/private/jobs" if private else "/jobs"
    pay = text.salary.display() if text.salary else None
    content = Content(
        title=text.title,
        blocks=tuple(text.blocks),
        contact_lines=(),
        contacts=tuple(dict.fromkeys(text.contacts)),
        pay=pay,
        salary=text.salary,
        updated=posted,
    )
    return Advert(
        site="jobs",
        id=advert_id,
        path=f"{prefix}/{advert_id}-{text.role}-{where}",
        kind="job",
        language=lang,
        subtype="risky" if text.risky else ("agency" if text.licence else "direct"),
        content=content,
        posted=posted,
        posted_attr=posted.date().isoformat(),
        location=text.location,
        country=text.country,
        employer=text.employer,
        licence_number=text.licence,
        risky=text.risky,
        risk_cues=tuple(text.cues),
        mitigating=tuple(text.mitigating),
        city=text.city,
        template=text.template,
        fmt=fmt,
    )


def _big_blocks(rng: random.Random) -> list[Block]:
    """About 200 KB of employment terms, in numbered sections."""
    blocks: list[Block] = []
    size = 0
    section = 0
    terms = content_en.LONG_TERMS
    while size < BIG_BODY_CHARS:
        section += 1
        clauses = [f"{section}.{i + 1} {t}" for i, t in enumerate(rng.sample(terms, 6))]
        heading = f"Section {section}: terms of employment, part {section}"
        blocks.append(heading)
        blocks.append(tuple(clauses))
        size += len(heading) + sum(len(c) + 1 for c in clauses) + 1
    return blocks


def _jobs_lang(rng: random.Random) -> str:
    return _weighted(rng, {"en": 0.35, "ro": 0.25, "ru": 0.2, "uk": 0.2})


def _build_jobs(ctx: _Ctx, n: int) -> SiteData:
    rng = ctx.rng("jobs")
    newest = ROUND_TIMES[1] - timedelta(hours=3)
    slot = _slots(
        rng,
        n,
        [
            "link_ru_1",
            "link_ru_2",
            "link_t1",
            "link_shared",
            "script",
            "broken",
            "big",
            "cp1251",
            "gone",
            "missing",
            "unlisted",
            "changed",
            "utm",
            "fragment",
        ],
    )
    role_of = {v: k for k, v in slot.items()}
    pool_size = max(4, n // 12)
    adverts: list[Advert] = []
    for i in range(n):
        role = role_of.get(i)
        lang = _jobs_lang(rng)
        risky = rng.random() < 0.4
        fmt = _weighted(rng, {"jsonld": 0.7, "graph": 0.15, "microdata": 0.15})
        posted = _date_only(_posted(rng, newest))
        text: _JobText
        if role in ("link_ru_1", "link_ru_2"):
            lang = "ru"
            style = "intl" if role == "link_ru_1" else "national"
            text = _risky_job(
                ctx,
                rng,
                PACKS[lang],
                template=TEMPLATES["T2"],
                contacts=[phone(RECRUITER_MD, style)],
            )
        elif role == "link_t1":
            lang = "en"
            chat = telegram(EUROWORK_TG, "EuroWork_Demo")
            text = _risky_job(
                ctx,
                rng,
                PACKS[lang],
                template=TEMPLATES["T1"],
                contacts=[phone(RECRUITER_RO), chat],
            )
        elif role == "link_shared":
            lang = "ro"
            text = _risky_job(ctx, rng, PACKS[lang], contacts=[phone(SHARED_MD, "intl")])
        elif role in ("script", "big"):
            lang = "en"
            fmt = "jsonld"
            text = _benign_job(ctx, rng, PACKS[lang])
        elif role == "cp1251":
            lang = "ru"
            fmt = "jsonld"
            for _ in range(50):
                text = (_risky_job if risky else _benign_job)(ctx, rng, PACKS[lang])
                if _encodes(text, "cp1251"):
                    break
            else:  # pragma: no cover - the pools are cp1251-clean
                raise RuntimeError("no windows-1251 encodable Russian advert")
        else:
            if role == "broken":
                fmt = "broken-jsonld"
            pack = PACKS[lang]
            text = (
                _risky_job(ctx, rng, pack, pool_size=pool_size)
                if risky
                else _benign_job(ctx, rng, pack)
            )
        if role == "script":
            text.title = f"{text.title} {SCRIPT_TITLE}"
        if role == "big":
            text.blocks[-1:-1] = _big_blocks(rng)
        advert = _job_advert(text, advert_id=1001 + i, lang=lang, posted=posted, fmt=fmt)
        if role == "script":
            advert = replace(advert, tags=("script-title",))
        elif role == "big":
            advert = replace(advert, tags=("big-description",))
        elif role == "cp1251":
            advert = replace(advert, charset="windows-1251", tags=("windows-1251",))
        elif role == "broken":
            advert = replace(advert, tags=("broken-jsonld",))
        elif role == "gone":
            advert = replace(advert, gone_round=2)
        elif role == "missing":
            advert = replace(advert, missing_round=2)
        elif role == "unlisted":
            advert = replace(advert, unlisted_round=2)
        elif role == "changed":
            advert = _revise(advert, 2, rng)
        adverts.append(_localise(advert, _ro_style(rng)))

    # round 2: one new advert at the top of the listing
    lang = _jobs_lang(rng)
    text = _benign_job(ctx, rng, PACKS[lang])
    new_posted = _date_only(ROUND_TIMES[2] - timedelta(days=1))
    added = _job_advert(text, advert_id=1001 + n, lang=lang, posted=new_posted, fmt="jsonld")
    adverts.append(_localise(replace(added, first_round=2), _ro_style(rng)))

    # the members-only area robots.txt disallows
    private: list[Advert] = []
    for k in range(3):
        lang = _jobs_lang(rng)
        pack = PACKS[lang]
        text = (
            _risky_job(ctx, rng, pack, pool_size=pool_size)
            if k != 1
            else _benign_job(ctx, rng, pack)
        )
        posted = _date_only(_posted(rng, newest, days=10))
        item = _job_advert(
            text, advert_id=9001 + k, lang=lang, posted=posted, fmt="jsonld", private=True
        )
        private.append(_localise(item, "comma"))

    by_role = {r: adverts[i] for r, i in slot.items()}
    dead = "/jobs/1000-night-porter-leeds"
    return SiteData(
        name="jobs",
        kind="job",
        profile=PROFILE_NAMES["jobs"],
        brand="WorkBoard",
        start_path="/jobs",
        page_size=10,
        adverts=tuple(adverts),
        private=tuple(private),
        robots_disallow=("/private/",),
        disallowed_links=("/private/", *(p.path for p in private)),
        dead_links=(dead,),
        duplicate_links=(
            by_role["utm"].path + "?utm_source=newsletter&utm_medium=email&utm_campaign=spring",
            by_role["fragment"].path + "#apply",
        ),
        has_sitemap=True,
    )


def _encodes(text: _JobText, codec: str) -> bool:
    parts = [text.title, text.location or "", text.employer or "", *_block_lines(text.blocks)]
    parts += [c.display for c in text.contacts]
    try:
        "\n".join(parts).encode(codec)
    except UnicodeEncodeError:
        return False
    return True


# =========================================================================== bridal


def _bridal_lang(rng: random.Random) -> str:
    return _weighted(rng, {"ro": 0.3, "ru": 0.35, "uk": 0.25, "en": 0.1})


_BRIDAL_CITY_BY_LANG = {
    "ro": ("chisinau", "balti", "iasi", "bucharest", "cluj"),
    "ru": ("chisinau", "balti", "odesa", "kyiv"),
    "uk": ("kyiv", "odesa", "lviv"),
    "en": BRIDAL_CITIES,
}
_BRIDAL_CUES = (
    "young_women_only",
    "send_photos",
    "agency_pays_travel",
    "agency_keeps_documents",
    "recruitment_fee",
    "urgency",
)


def _bridal_advert(
    ctx: _Ctx,
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
    labels = dict(pack.labels)
    city = rng.choice(_BRIDAL_CITY_BY_LANG[lang])
    place = pack.cities[city]
    name, slug = rng.choice(pack.names)
    if subtype == "risky":
        age = rng.randint(19, 25)
    elif subtype == "agency":
        age = rng.randint(22, 40)
    else:
        age = rng.randint(24, 45)
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
    blocks: list[Block] = []
    cues: list[str] = []
    mitigating: list[str] = []
    employer: str | None = None
    licence: str | None = None
    found: list[Contact]
    if subtype == "self":
        mitigating.append("independent_adult")
        blocks.append(_fmt(rng.choice(pack.bridal_intros), **values))
        blocks.append(" ".join(about))
        blocks.append(rng.choice(pack.bridal_wishes))
        if contacts is None:
            found = []
            if rng.random() < 0.75:
                found.append(
                    email(f"{slug}.{advert_id}", rng.choice(["example.org", "example.net"]))
                )
            if not found or rng.random() < 0.5:
                found.append(
                    phone(
                        ctx.phones.take(rng.choice(["MD", "RO"])), rng.choice(["intl", "national"])
                    )
                )
            if rng.random() < 0.2:
                found.append(telegram(ctx.handle(slug)))
        else:
            found = list(contacts)
        contact_lines = _block_lines(
            _contact_blocks(rng.choice(pack.bridal_contact), found, labels)
        )
    elif subtype == "agency":
        agency = rng.choice(BRIDAL_AGENCIES)
        employer, licence = agency.name, agency.licence
        values.update(agency=agency.name, licence=agency.licence, address=agency.address)
        mitigating += ["named_employer_registration", "registered_agency_office"]
        blocks.append(_fmt(rng.choice(pack.bridal_agency_intros), **values))
        blocks.append(" ".join(about))
        blocks.append(rng.choice(pack.bridal_wishes))
        blocks += [_fmt(rng.choice(pack.bridal_mitigating[m]), **values) for m in mitigating]

        def make_agency() -> tuple[Contact, ...]:
            country = "RO" if agency.slug == "inimiunite" else "MD"
            return (phone(ctx.phones.take(country), "intl"), email(f"office.{agency.slug}"))

        found = (
            list(contacts)
            if contacts is not None
            else list(ctx.actor(f"bridal-agency:{agency.slug}", make_agency))
        )
        contact_lines = _block_lines(_contact_blocks(pack.bridal_agency_contact[0], found, labels))
    else:
        agency_name = agency_name or rng.choice(RISKY_BRIDAL_AGENCIES)
        employer = agency_name
        values["agency"] = agency_name
        cues = [
            "marriage_abroad_fast",
            *rng.sample(_BRIDAL_CUES, rng.randint(2, 4)),
            "unlicensed_agency",
        ]
        if "agency_pays_travel" in cues:
            cues.append("travel_paid")
        if "agency_keeps_documents" in cues:
            cues.append("documents_held")
        if contacts is None:
            agency_key = f"bridal-risky:{agency_name}"

            def make_risky() -> tuple[Contact, ...]:
                number = ctx.phones.take(rng.choice(["MD", "RO"]))
                return (phone(number, "intl"), messenger("viber", number, "intl"))

            found = list(ctx.actor(agency_key, make_risky))
            if rng.random() < 0.35:
                cues.append("messenger_only_contact")
                found = [found[1]]
        else:
            found = list(contacts)
        if "messenger_only_contact" in cues:
            values["messenger"] = inline(found[0], labels)
        blocks.append(_fmt(rng.choice(pack.bridal_risky_intros), **values))
        blocks.append(about[0])
        said = [c for c in cues if c not in ("unlicensed_agency", "travel_paid", "documents_held")]
        rng.shuffle(said)
        blocks.append(" ".join(_fmt(rng.choice(pack.bridal_cues[c]), **values) for c in said))
        contact_lines = _block_lines(_contact_blocks(pack.bridal_risky_contact[0], found, labels))

    height = rng.randint(156, 178)
    content = Content(
        title=f"{name}, {age}",
        blocks=tuple(blocks),
        contact_lines=contact_lines,
        contacts=tuple(dict.fromkeys(found)),
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
        location=place.name,
        country=CITY_COUNTRY[city],
        employer=employer,
        licence_number=licence,
        risky=subtype == "risky",
        risk_cues=tuple(cues),
        mitigating=tuple(mitigating),
        name=name,
        age=age,
        city=city,
        facts=(("Height", f"{height} cm"),),
    )


def _build_bridal(ctx: _Ctx, n: int) -> SiteData:
    rng = ctx.rng("bridal")
    newest = ROUND_TIMES[1] - timedelta(hours=5)
    slot = _slots(
        rng, n, ["link_md", "club_1", "club_2", "link_ro", "gone", "missing", "unlisted", "changed"]
    )
    role_of = {v: k for k, v in slot.items()}
    adverts: list[Advert] = []
    for i in range(n + 1):
        role = role_of.get(i)
        lang = _bridal_lang(rng)
        subtype = _weighted(rng, {"self": 0.45, "agency": 0.2, "risky": 0.35})
        if i == n:  # round 2's new profile
            posted = _date_only(ROUND_TIMES[2] - timedelta(days=1))
        else:
            posted = _date_only(_posted(rng, newest))
        contacts: list[Contact] | None = None
        agency_name: str | None = None
        if role == "link_md":
            lang, subtype = "ru", "risky"
            contacts = [phone(RECRUITER_MD, "intl2")]
        elif role in ("club_1", "club_2"):
            subtype = "risky"
            style = "plain" if role == "club_1" else "paren-at"
            contacts = [email(BRIDES_CLUB, style=style)]
            agency_name = BRIDES_CLUB_AGENCY
        elif role == "link_ro":
            lang, subtype = "ro", "risky"
            contacts = [phone(RECRUITER_RO, "national")]
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
        if i == n:
            advert = replace(advert, first_round=2)
        elif role == "gone":
            advert = replace(advert, gone_round=2)
        elif role == "missing":
            advert = replace(advert, missing_round=2)
        elif role == "unlisted":
            advert = replace(advert, unlisted_round=2)
        elif role == "changed":
            advert = _revise(advert, 2, rng)
        adverts.append(_localise(advert, _ro_style(rng)))
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


# =========================================================================== escort


def _escort_lang(rng: random.Random) -> str:
    return _weighted(rng, {"ro": 0.35, "en": 0.25, "ru": 0.25, "uk": 0.15})


_ESCORT_CITY_BY_LANG = {
    "ro": ("chisinau", "bucharest", "iasi"),
    "ru": ("chisinau", "odesa", "kyiv"),
    "uk": ("kyiv", "odesa"),
    "en": ESCORT_CITIES,
}
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


def _escort_advert(
    ctx: _Ctx,
    rng: random.Random,
    *,
    advert_id: int,
    lang: str,
    subtype: str,
    posted: datetime,
    city: str,
    contacts: Sequence[Contact] | None = None,
    template: Template | None = None,
    name_slug: tuple[str, str] | None = None,
    fixed_age: int | None = None,
    managers: int = 4,
) -> Advert:
    pack = PACKS[lang]
    labels = dict(pack.labels)
    place = pack.cities[city]
    name, slug = name_slug or rng.choice(pack.names)
    age: int | None = rng.randint(19, 24) if subtype == "managed" else rng.randint(23, 38)
    if fixed_age is not None:
        age = fixed_age
    values: dict[str, object] = {
        "name": name,
        "age": age,
        "years": pack.years(age or 0),
        "city": place.name,
        "in_city": place.within,
    }
    blocks: list[Block] = []
    cues: list[str] = []
    mitigating: list[str] = []
    pay: str | None = None
    title: str
    if template is not None:
        # the job board's recruitment text, cross-posted here
        text = _risky_job(ctx, rng, PACKS[template.lang], template=template, contacts=contacts)
        content = Content(
            title=text.title,
            blocks=tuple(text.blocks),
            contact_lines=(),
            contacts=tuple(dict.fromkeys(text.contacts)),
            pay=None,
            salary=None,
            updated=_escort_time(posted),
        )
        return _escort_wrap(
            advert_id,
            lang,
            "recruit",
            content,
            posted,
            place.name,
            city,
            None,
            None,
            text.cues,
            [],
            template.id,
        )
    if subtype == "independent":
        mitigating.append("independent_adult")
        title = _fmt(rng.choice(pack.escort_titles), **values)
        blocks.append(_fmt(rng.choice(pack.escort_intros), **values))
        blocks.append(" ".join(rng.sample(pack.escort_about, rng.randint(2, 3))))
        blocks.append(" ".join(rng.sample(pack.escort_terms, rng.randint(1, 2))))
        if contacts is None:
            found: list[Contact] = [phone(ctx.phones.take(rng.choice(["MD", "RO", "US"])), "intl")]
            extra = rng.random()
            if extra < 0.3:
                found.append(telegram(ctx.handle(slug)))
            elif extra < 0.55:
                found.append(email(f"{slug}.{advert_id}", "example.net"))
            elif extra < 0.7:
                target = f"https://{slug}{advert_id}.example.net/about"
                found.append(url(target, target))
        else:
            found = list(contacts)
        contact_lines = _block_lines(_contact_blocks(pack.escort_contact[0], found, labels))
        pay = f"{rng.choice([100, 120, 150, 200])} EUR/hour"
    elif subtype == "managed":
        cues = ["third_person_voice", *rng.sample(_ESCORT_MANAGED_CUES, rng.randint(3, 5))]
        if contacts is None:
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
        else:
            found = list(contacts)
        if "messenger_only_contact" in cues:
            values["messenger"] = inline(found[0], labels)
        title = _fmt(rng.choice(pack.escort_managed_titles), **values)
        if found[0].kind == "phone" and not found[0].obfuscated and rng.random() < 0.3:
            title = f"{title} ☎ {found[0].display}"
        blocks.append(_fmt(rng.choice(pack.escort_managed_intros), **values))
        said = [c for c in cues if c != "third_person_voice"]
        rng.shuffle(said)
        blocks.append(" ".join(_fmt(rng.choice(pack.escort_cues[c]), **values) for c in said))
        blocks.append(_fmt(rng.choice(pack.escort_cues["third_person_voice"]), **values))
        contact_lines = _block_lines(_contact_blocks(pack.escort_managed_contact[0], found, labels))
        pay = f"{rng.choice([80, 100, 120])} EUR/hour"
    else:  # recruit
        age = None
        dest = rng.choice(("istanbul", "dubai", "telaviv", "milan", "berlin"))
        nation = pack.countries[CITY_COUNTRY[dest]]
        amount = rng.choice([800, 1000, 1200, 1500])
        values.update(country=nation.name, in_country=nation.within, amount=amount)
        cues = ["high_pay_no_experience", *rng.sample(_ESCORT_RECRUIT_CUES, rng.randint(3, 5))]
        found = (
            list(contacts)
            if contacts is not None
            else list(_recruiter(ctx, rng, 3, "escort-recruiter"))
        )
        if rng.random() < 0.3 and contacts is None:
            cues.append("messenger_only_contact")
            found = [found[1]]
        if "messenger_only_contact" in cues:
            values["messenger"] = inline(found[0], labels)
        title = _fmt(rng.choice(pack.escort_recruit_titles), **values)
        blocks.append(_fmt(rng.choice(pack.escort_recruit_intros), **values))
        blocks.append(tuple(_fmt(rng.choice(pack.escort_cues[c]), **values) for c in cues))
        contact_lines = _block_lines(_contact_blocks(pack.escort_recruit_contact[0], found, labels))
    content = Content(
        title=title,
        blocks=tuple(blocks),
        contact_lines=contact_lines,
        contacts=tuple(dict.fromkeys(found)),
        pay=pay,
        salary=None,
        updated=_escort_time(posted),
    )
    slug_part = slug if subtype != "recruit" else "work-abroad"
    return _escort_wrap(
        advert_id,
        lang,
        subtype,
        content,
        posted,
        place.name,
        city,
        name if subtype != "recruit" else None,
        age,
        cues,
        mitigating,
        None,
        slug_part,
    )


def _escort_time(posted: datetime) -> datetime:
    return posted.replace(second=0, microsecond=0)


def _escort_wrap(
    advert_id: int,
    lang: str,
    subtype: str,
    content: Content,
    posted: datetime,
    location: str,
    city: str,
    name: str | None,
    age: int | None,
    cues: Sequence[str],
    mitigating: Sequence[str],
    template: str | None,
    slug: str = "work-abroad",
) -> Advert:
    moment = _escort_time(posted)
    return Advert(
        site="escort",
        id=advert_id,
        path=f"/ad/{advert_id}-{city}-{slug}.html",
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
        risk_cues=tuple(cues),
        mitigating=tuple(mitigating),
        name=name,
        age=age,
        city=city,
        template=template,
    )


def _build_escort(ctx: _Ctx, n: int) -> SiteData:
    rng = ctx.rng("escort")
    newest = ROUND_TIMES[1] - timedelta(hours=1)
    slot = _slots(
        rng,
        n,
        [
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
        ],
    )
    role_of = {v: k for k, v in slot.items()}
    managers = max(3, n // 10)
    adverts: list[Advert] = []
    anna = ("Anna", "anna")
    for i in range(n + 1):
        role = role_of.get(i)
        lang = _escort_lang(rng)
        subtype = _weighted(rng, {"independent": 0.4, "managed": 0.45, "recruit": 0.15})
        city: str | None = None
        if i == n:
            posted = ROUND_TIMES[2] - timedelta(hours=rng.randint(2, 30))
        else:
            posted = _posted(rng, newest, days=20)
        contacts: list[Contact] | None = None
        template: Template | None = None
        name_slug: tuple[str, str] | None = None
        fixed_age: int | None = None
        if role == "viber_md":
            lang, subtype = "ru", "managed"
            contacts = [messenger("viber", RECRUITER_MD, "intl")]
        elif role == "letters_ro":
            lang, subtype = "en", "managed"
            contacts = [phone(RECRUITER_RO, obfuscation="letters")]
        elif role == "words_md":
            lang, subtype = "en", "managed"
            contacts = [phone(SHARED_MD, obfuscation="words")]
        elif role == "t1_a":
            lang, subtype, template = "en", "recruit", TEMPLATES["T1"]
            contacts = [telegram(EUROWORK_TG), phone(RECRUITER_RO, "national")]
        elif role == "t1_b":
            lang, subtype, template = "en", "recruit", TEMPLATES["T1"]
            contacts = [messenger("whatsapp", RECRUITER_RO, "intl")]
        elif role == "t2":
            lang, subtype, template = "ru", "recruit", TEMPLATES["T2"]
            contacts = [phone(RECRUITER_MD, "dashed")]
        elif role in ("anna_1", "anna_2"):
            lang, subtype = "en", "independent"
            style = "at-dot" if role == "anna_1" else "plain"
            contacts = [phone(ANNA_PHONE, "paren"), email("anna", style=style)]
            name_slug, fixed_age = anna, 29
            city = "chisinau" if role == "anna_1" else "bucharest"
        if city is None:
            city = rng.choice(_ESCORT_CITY_BY_LANG[lang])
        advert = _escort_advert(
            ctx,
            rng,
            advert_id=7001 + i,
            lang=lang,
            subtype=subtype,
            posted=posted,
            city=city,
            contacts=contacts,
            template=template,
            name_slug=name_slug,
            fixed_age=fixed_age,
            managers=managers,
        )
        if i == n:
            advert = replace(advert, first_round=2)
        elif role == "gone":
            advert = replace(advert, gone_round=2)
        elif role == "missing":
            advert = replace(advert, missing_round=2)
        elif role == "unlisted":
            advert = replace(advert, unlisted_round=2)
        elif role == "changed":
            advert = _revise(advert, 2, rng)
        adverts.append(_localise(advert, _ro_style(rng)))
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


# =========================================================================== entry point


def generate_world(
    seed: int = 7,
    job_adverts: int = 40,
    bridal_adverts: int = 40,
    escort_adverts: int = 40,
) -> DemoWorld:
    """The demo world for ``seed``: the same arguments always give the same world.

    Sizes count round-1 adverts per site; each site gains one advert in round 2.
    """
    sizes = {"jobs": job_adverts, "bridal": bridal_adverts, "escort": escort_adverts}
    for name, size in sizes.items():
        if size < MIN_ADVERTS[name]:
            raise ValueError(f"{name} needs at least {MIN_ADVERTS[name]} adverts, got {size}")
    ctx = _Ctx(seed=seed, phones=_Phones(random.Random(f"adwatch-demo:{seed}:phones")), actors={})
    sites = {
        "jobs": _build_jobs(ctx, job_adverts),
        "bridal": _build_bridal(ctx, bridal_adverts),
        "escort": _build_escort(ctx, escort_adverts),
    }
    return DemoWorld(seed=seed, sites=sites, round_times=dict(ROUND_TIMES))

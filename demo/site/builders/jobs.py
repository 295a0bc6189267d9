"""The job board (WorkBoard): risky and sound job adverts in four languages, JSON-LD /
``@graph`` / microdata, a robots-disallowed members area and the hostile pages (script
in a title, broken JSON-LD, a ~200 KB description, a windows-1251 page)."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta

from demo.site import content_en
from demo.site.builders.common import (
    EUROWORK_TG,
    PACKS,
    RECRUITER_MD,
    RECRUITER_RO,
    ROUND_TIMES,
    SHARED_MD,
    TEMPLATES,
    BuildContext,
    date_only,
    random_posted,
    special_slots,
    weighted_choice,
)
from demo.site.builders.job_text import JobText, benign_job
from demo.site.builders.risky_job import risky_job
from demo.site.builders.text import block_lines, localise, ro_style, round_two_change
from demo.site.contacts import phone, telegram
from demo.site.model import PROFILE_NAMES, Advert, Block, Content, SiteData

__all__ = ["build_jobs"]

SCRIPT_TITLE = "<script>alert(1)</script>"
BIG_BODY_CHARS = 200_000

#: adverts with a special part to play (cross-site links, hostile pages, round-2 changes)
_SPECIAL_ROLES = (
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
)
_ROLE_TAGS = {"script": "script-title", "big": "big-description", "broken": "broken-jsonld"}


def _job_advert(
    text: JobText, *, advert_id: int, lang: str, posted: datetime, fmt: str, private: bool = False
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
    return weighted_choice(rng, {"en": 0.35, "ro": 0.25, "ru": 0.2, "uk": 0.2})


def _encodes(text: JobText, codec: str) -> bool:
    parts = [text.title, text.location or "", text.employer or "", *block_lines(text.blocks)]
    parts += [c.display for c in text.contacts]
    try:
        "\n".join(parts).encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def _cp1251_text(ctx: BuildContext, rng: random.Random, risky: bool) -> JobText:
    """A Russian advert whose every character exists in windows-1251."""
    for _ in range(50):
        text = (risky_job if risky else benign_job)(ctx, rng, PACKS["ru"])
        if _encodes(text, "cp1251"):
            return text
    raise RuntimeError("no windows-1251 encodable Russian advert")  # pragma: no cover


def _job_text(
    ctx: BuildContext, rng: random.Random, role: str | None, lang: str, risky: bool, pool_size: int
) -> tuple[JobText, str]:
    """(text, language) of the advert playing ``role`` (None or a lifecycle role: any)."""
    if role in ("link_ru_1", "link_ru_2"):
        style = "intl" if role == "link_ru_1" else "national"
        contacts = [phone(RECRUITER_MD, style)]
        return risky_job(ctx, rng, PACKS["ru"], template=TEMPLATES["T2"], contacts=contacts), "ru"
    if role == "link_t1":
        contacts = [phone(RECRUITER_RO), telegram(EUROWORK_TG, "EuroWork_Demo")]
        return risky_job(ctx, rng, PACKS["en"], template=TEMPLATES["T1"], contacts=contacts), "en"
    if role == "link_shared":
        return risky_job(ctx, rng, PACKS["ro"], contacts=[phone(SHARED_MD, "intl")]), "ro"
    if role in ("script", "big"):
        return benign_job(ctx, rng, PACKS["en"]), "en"
    if role == "cp1251":
        return _cp1251_text(ctx, rng, risky), "ru"
    pack = PACKS[lang]
    text = risky_job(ctx, rng, pack, pool_size=pool_size) if risky else benign_job(ctx, rng, pack)
    return text, lang


def _job_format(role: str | None, drawn: str) -> str:
    if role in ("script", "big", "cp1251"):
        return "jsonld"
    return "broken-jsonld" if role == "broken" else drawn


def _mark_role(advert: Advert, role: str | None, rng: random.Random) -> Advert:
    """Tag a hostile page, or apply a round-2 lifecycle change."""
    if role == "cp1251":
        return replace(advert, charset="windows-1251", tags=("windows-1251",))
    if role in _ROLE_TAGS:
        return replace(advert, tags=(_ROLE_TAGS[role],))
    return round_two_change(advert, role, rng)


def _round_one_advert(
    ctx: BuildContext, rng: random.Random, i: int, role: str | None, pool_size: int
) -> Advert:
    newest = ROUND_TIMES[1] - timedelta(hours=3)
    lang = _jobs_lang(rng)
    risky = rng.random() < 0.4
    fmt = weighted_choice(rng, {"jsonld": 0.7, "graph": 0.15, "microdata": 0.15})
    posted = date_only(random_posted(rng, newest))
    text, lang = _job_text(ctx, rng, role, lang, risky, pool_size)
    if role == "script":
        text.title = f"{text.title} {SCRIPT_TITLE}"
    if role == "big":
        text.blocks[-1:-1] = _big_blocks(rng)
    fmt = _job_format(role, fmt)
    advert = _job_advert(text, advert_id=1001 + i, lang=lang, posted=posted, fmt=fmt)
    return localise(_mark_role(advert, role, rng), ro_style(rng))


def _round_two_advert(ctx: BuildContext, rng: random.Random, n: int) -> Advert:
    """One new advert at the top of the listing in round 2."""
    lang = _jobs_lang(rng)
    text = benign_job(ctx, rng, PACKS[lang])
    new_posted = date_only(ROUND_TIMES[2] - timedelta(days=1))
    added = _job_advert(text, advert_id=1001 + n, lang=lang, posted=new_posted, fmt="jsonld")
    return localise(replace(added, first_round=2), ro_style(rng))


def _private_adverts(ctx: BuildContext, rng: random.Random, pool_size: int) -> list[Advert]:
    """The members-only area robots.txt disallows."""
    newest = ROUND_TIMES[1] - timedelta(hours=3)
    private: list[Advert] = []
    for k in range(3):
        lang = _jobs_lang(rng)
        pack = PACKS[lang]
        text = (
            risky_job(ctx, rng, pack, pool_size=pool_size) if k != 1 else benign_job(ctx, rng, pack)
        )
        posted = date_only(random_posted(rng, newest, days=10))
        item = _job_advert(
            text, advert_id=9001 + k, lang=lang, posted=posted, fmt="jsonld", private=True
        )
        private.append(localise(item, "comma"))
    return private


def build_jobs(ctx: BuildContext, n: int) -> SiteData:
    """The job board with ``n`` round-1 adverts (plus one new in round 2)."""
    rng = ctx.rng("jobs")
    slot = special_slots(rng, n, _SPECIAL_ROLES)
    role_of = {v: k for k, v in slot.items()}
    pool_size = max(4, n // 12)
    adverts = [_round_one_advert(ctx, rng, i, role_of.get(i), pool_size) for i in range(n)]
    adverts.append(_round_two_advert(ctx, rng, n))
    private = _private_adverts(ctx, rng, pool_size)
    by_role = {r: adverts[i] for r, i in slot.items()}
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
        dead_links=("/jobs/1000-night-porter-leeds",),
        duplicate_links=(
            by_role["utm"].path + "?utm_source=newsletter&utm_medium=email&utm_campaign=spring",
            by_role["fragment"].path + "#apply",
        ),
        has_sitemap=True,
    )

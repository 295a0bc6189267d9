#!/usr/bin/env python3
"""Generate adwatch's synthetic labelled adverts: ``labelled_samples/samples.jsonl``.

Run from the repository root::

    .venv/bin/python labelled_samples/generate.py [--out PATH]

The output is deterministic: every advert is drawn from its own ``random.Random``
seeded from the master seed, the cell (kind x language) and its number, so the file
is reproduced byte for byte on any machine.  See ``README.md`` in this folder for
the datasheet and ``label_recipes.py`` for how labels follow from the cues.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import random
import re
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import compose_text as compose
import label_recipes as recipes
import recipes_companion as companion

SEED = 20261123
GENERATOR = "labelled_samples/generate.py"
GENERATOR_VERSION = "2"
CREATED = "2026-11-23"
AUTHOR = "adwatch team (synthetic)"
KINDS = ("job", "bridal", "escort")
LANGS = ("en", "ro", "ru", "uk")
# (label, hard) -> adverts per kind x language cell (220 in all).
CELL_PLAN = {(1, False): 65, (1, True): 45, (0, False): 60, (0, True): 50}
# Share of adverts, of any label, that carry one polite, reassuring filler line with no
# indicator: mild wording alone must not reveal a hard positive.
MILD_SHARE = 0.35
TEST_SHARE = 0.2
# Closings that invite a phone call contradict a messenger-only contact line.
CALL_WORDS = {
    "en": re.compile(r"\bcall|\bring\b|\bphone", re.I),
    "ro": re.compile(r"\bsun[aăei]|apel|telefon", re.I),
    "ru": re.compile(r"звон|телефон", re.I),
    "uk": re.compile(r"дзвін|дзвон|телефон", re.I),
}
DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")
DEFAULT_OUT = Path(__file__).resolve().parent / "samples.jsonl"
# Fictional employer names; the legal form comes from the country (GmbH, B.V., Ltd ...).
COMPANY_STEMS = (
    "Brightfield",
    "Nordwind",
    "Greenline",
    "Sunvale",
    "Terra Verde",
    "Westpoint",
    "Alpina",
    "Meridian",
    "Silverleaf",
    "Kestrel",
    "Marisol",
    "Eastbrook",
    "Bluewater",
    "Fieldstone",
    "Corvina",
    "Lindenhof",
    "Orion",
    "Vireo",
    "Halden",
    "Aurora",
)
# placeholder -> choices per currency family ("EUR" also covers GBP)
MONEY: dict[str, dict[str, tuple[float, ...]]] = {
    "wage_h": {
        "EUR": (11.5, 12.0, 12.5, 12.82, 13.0, 13.5, 14.0, 14.5),
        "USD": (9.0, 9.5, 10.0, 11.0, 12.0),
        "PLN": (28, 29, 30, 31, 32, 35),
    },
    "net_month": {
        "EUR": (1600, 1700, 1800, 1900, 2000, 2100, 2200),
        "USD": (1400, 1500, 1600, 1800),
        "PLN": (4500, 5000, 5500, 6000),
    },
    "hi_month": {
        "EUR": (3000, 3500, 4000, 4500, 5000, 6000),
        "USD": (3500, 4000, 5000, 6000, 8000),
        "PLN": (12000, 15000, 18000),
    },
    "hi_week": {
        "EUR": (800, 900, 1000, 1200, 1500),
        "USD": (1000, 1200, 1500, 2000),
        "PLN": (3000, 3500, 4000),
    },
    "rent": {
        "EUR": (180, 200, 220, 250, 280, 300, 350),
        "USD": (200, 250, 300),
        "PLN": (600, 700, 800, 1000),
    },
    "fee": {
        "EUR": (150, 200, 250, 300, 400, 500),
        "USD": (200, 300, 500),
        "PLN": (800, 1000, 1500),
    },
    "fee_small": {"EUR": (20, 25, 30, 40, 50), "USD": (20, 30, 50), "PLN": (100, 150, 200)},
    "advance": {
        "EUR": (300, 400, 500, 600, 800),
        "USD": (400, 500, 800),
        "PLN": (1200, 1500, 2000),
    },
}


def module(lang: str) -> ModuleType:
    """The fragment module of one language (``fragments_<lang>.py`` beside this file)."""
    return importlib.import_module(f"fragments_{lang}")


def sample_seed(kind: str, lang: str, number: int, attempt: int) -> int:
    """Per-advert seed derived from the master seed (stable across Python versions)."""
    digest = hashlib.sha256(f"{SEED}:{kind}:{lang}:{number}:{attempt}".encode()).digest()
    return int.from_bytes(digest[:4], "big")


def cue_pool(mod: ModuleType, profile: str, key: str) -> list[str]:
    """All fragments for ``key`` in the profile's groups (``.soft`` falls back to plain)."""
    pool: list[str] = []
    for group in recipes.GROUPS[profile]:
        pool.extend(mod.CUES.get(group, {}).get(key, ()))
    if not pool and key.endswith(".soft"):
        return cue_pool(mod, profile, key[: -len(".soft")])
    if not pool:
        raise KeyError(f"{mod.LANG}: no fragments for {key!r} in profile {profile!r}")
    return pool


def make_values(
    rng: random.Random, lang: str, mod: ModuleType, plan: recipes.Plan
) -> dict[str, str]:
    """Fill every placeholder a fragment may use, consistently within one advert."""
    country = rng.choice(mod.COUNTRIES)
    town = rng.choice(mod.TOWNS)
    currency = country[4] if plan.profile in {"job", "escort_recruit"} else mod.LOCAL_CURRENCY
    family = currency if currency in {"USD", "PLN"} else "EUR"
    symbol = rng.choice(mod.CURRENCY[currency])
    values = {
        "country": country[0],
        "in_country": country[1],
        "to_country": country[2],
        "from_country": country[3],
        "city": rng.choice(country[5]),
        "town": town[0],
        "in_town": town[1],
        "from_town": town[2],
        "In_town": compose.capitalise(town[1]),
        "name": rng.choice(mod.NAMES),
        "phone": compose.phone(rng, lang),
        "email": compose.email(rng),
        "tg": compose.handle(rng),
        "site": compose.site(rng),
        "company": f"{rng.choice(COMPANY_STEMS)} {country[6]}",
        "agency": rng.choice(mod.AGENCIES),
        "bagency": rng.choice(mod.MARRIAGE_AGENCIES),
        "address": rng.choice(mod.ADDRESSES),
        "reg": str(rng.randint(10000, 99999)),
        "licence": f"{rng.randint(100, 1999):04d}/{rng.randint(2016, 2025)}",
        "hours": str(rng.choice((38, 39, 40, 40, 40, 45))),
    }
    age = rng.randint(22, 46)
    values["age"], values["age_years"] = str(age), compose.years(lang, age)
    for name, choices in MONEY.items():
        values[name] = compose.amount(rng, lang, rng.choice(choices[family]), symbol)
    if plan.job >= 0:
        values["job"] = str(mod.JOBS[plan.job]["title"])
        values["Job"] = compose.capitalise(values["job"])
        need = str(mod.JOBS[plan.job].get("need", ""))
        values["need"], values["need_lc"] = need, need.lower()
    return values


class Writer:
    """Draws fragments for one advert without repeating any."""

    def __init__(
        self, rng: random.Random, mod: ModuleType, plan: recipes.Plan, values: dict[str, str]
    ) -> None:
        self.rng, self.mod, self.plan, self.values = rng, mod, plan, values
        self.used: set[str] = set()

    def pick(self, pool: Sequence[str]) -> str:
        fresh = [p for p in pool if p not in self.used] or list(pool)
        text = self.rng.choice(fresh)
        self.used.add(text)
        filled = DOUBLE_STOP.sub(".", text.format_map(self.values))
        if "{" in filled or "}" in filled:
            raise ValueError(f"unfilled placeholder in {text!r}")
        return filled

    def slot(self, name: str, n: int = 1) -> list[str]:
        slots = self.mod.SLOTS[self.plan.profile]
        pool = list(slots[name])
        # Factory, farm and building-site details only suit those job types.
        if self.plan.job >= 0 and self.mod.JOBS[self.plan.job]["site"]:
            pool += slots.get(f"{name}_site", [])
        return [self.pick(pool) for _ in range(n)]

    def cue(self, key: str) -> str:
        return self.pick(cue_pool(self.mod, self.plan.profile, key))


def compose_body(w: Writer) -> tuple[list[str], list[str], list[str]]:
    """Head, shuffled middle and tail segments of the advert."""
    rng, plan = w.rng, w.plan
    keys = list(plan.cues)
    base = {k: recipes.tags_of(k)[0] for k in keys}
    head: list[str] = []
    tail: list[str] = []
    if rng.random() < (0.75 if plan.profile == "job" else 0.9):
        head += w.slot("opening")
    middle: list[str] = []
    if plan.profile == "job":
        head.append(w.pick(w.mod.JOBS[plan.job]["desc"]))
        middle += w.slot("conditions", rng.choice((0, 1, 1, 2)))
        middle += w.slot("filler", rng.choice((0, 0, 1)))
        if not any(base[k] in ("high_pay_no_experience", "realistic_wage") for k in keys):
            middle += w.slot("pay", rng.choice((0, 1, 1)))
    elif plan.profile == "escort_recruit":
        head += w.slot("about")
        middle += w.slot("conditions", rng.choice((0, 1, 1)))
    elif plan.profile == "bridal_agency":
        middle += w.slot("about") + w.slot("conditions", rng.choice((0, 1)))
    elif plan.profile in {"bridal_personal", "bridal_fp"}:
        head += w.slot("about")
        middle += w.slot("looking")
    else:
        middle += w.slot("about")
    if "mild" in w.mod.SLOTS[plan.profile] and rng.random() < MILD_SHARE:
        middle += w.slot("mild")
    contact: list[str] = []
    for key in keys:
        text = w.cue(key)
        if base[key] == "messenger_only_contact":
            contact.append(text)
        elif base[key] == "urgency" and rng.random() < 0.6:
            (head if rng.random() < 0.5 else tail).append(text)
        else:
            middle.append(text)
    rng.shuffle(middle)
    tail += contact or w.slot("contact")
    if rng.random() < 0.55:
        closings = w.mod.SLOTS[plan.profile]["closing"]
        if contact:
            calls = CALL_WORDS[w.mod.LANG]
            closings = [c for c in closings if not calls.search(c)]
        tail.append(w.pick(closings))
    return head, middle, tail


def make_title(w: Writer) -> str:
    """A neutral title, or one that repeats a cue already present in the body."""
    cue_titles: list[str] = []
    for key in w.plan.cues:
        for group in recipes.GROUPS[w.plan.profile]:
            cue_titles.extend(w.mod.CUES.get(group, {}).get(key.split(".")[0] + ".title", ()))
    if cue_titles and w.rng.random() < 0.4:
        return w.pick(cue_titles)
    return w.pick(w.mod.TITLES[w.plan.profile])


def build(
    kind: str, lang: str, number: int, label: int, hard: bool, attempt: int
) -> dict[str, Any]:
    """One labelled advert."""
    seed = sample_seed(kind, lang, number, attempt)
    rng = random.Random(seed)
    mod = module(lang)
    if kind == "job":
        plan = recipes.plan_job(rng, label, hard, mod.JOBS)
    elif kind == "bridal":
        plan = companion.plan_bridal(rng, label, hard)
    else:
        plan = companion.plan_escort(rng, label, hard)
    w = Writer(rng, mod, plan, make_values(rng, lang, mod, plan))
    title = make_title(w)
    head, middle, tail = compose_body(w)
    bullets = plan.profile in {"job", "escort_recruit"}
    text = compose.layout(rng, head, middle, tail, bullets=bullets)
    if rng.random() < 0.3:
        text = compose.add_emoji(rng, text, kind)
    if rng.random() < 0.2:
        title = compose.add_emoji(rng, title, kind)
    if rng.random() < 0.2:
        text = compose.shout(rng, text)
    if rng.random() < 0.1:
        title = title.upper()
    for _ in range(rng.choice((0,) * 14 + (1,) * 5 + (2,))):
        text = compose.typo(rng, text)
    if lang == "ro":
        variant = compose.weighted(rng, (("comma", 5), ("cedilla", 2), ("plain", 3)))
        title = compose.romanian_variant(rng, title, variant)
        text = compose.romanian_variant(rng, text, variant)
    tags = {t for key in plan.cues for t in recipes.tags_of(key)}
    tags.update(recipes.INHERENT.get(plan.profile, ()))
    return {
        "id": f"ls-{kind}-{lang}-{number:04d}",
        "kind": kind,
        "language": lang,
        "title": title.strip(),
        "text": text.strip(),
        "label": label,
        "indicators": sorted(tags, key=recipes.ORDER.__getitem__),
        "hard": hard,
        "split": "train",
        "provenance": {
            "source": "synthetic",
            "generator": GENERATOR,
            "generator_version": GENERATOR_VERSION,
            "seed": seed,
            "created": CREATED,
            "author": AUTHOR,
            "voice": recipes.VOICE[plan.profile],
            "template": template_family(plan),
            "recipe": sorted(plan.cues),
        },
    }


def template_family(plan: recipes.Plan) -> str:
    """The fragment family an advert is built from: its profile, and for job adverts the job
    type (the same index in every language). Grouped evaluation holds whole families out."""
    if plan.job < 0:
        return plan.profile
    return f"job:{module('en').JOBS[plan.job]['title']}"


def generate() -> list[dict[str, Any]]:
    """All adverts, in id order, with the stratified train/test split assigned."""
    samples: list[dict[str, Any]] = []
    seen: set[str] = set()
    for kind in KINDS:
        for lang in LANGS:
            cells = [lh for lh, count in CELL_PLAN.items() for _ in range(count)]
            random.Random(f"{SEED}:{kind}:{lang}:plan").shuffle(cells)
            for number, (label, hard) in enumerate(cells, start=1):
                for attempt in range(50):
                    sample = build(kind, lang, number, label, hard, attempt)
                    if sample["text"].casefold() not in seen:
                        break
                seen.add(sample["text"].casefold())
                samples.append(sample)
    assign_split(samples)
    return samples


def assign_split(samples: list[dict[str, Any]]) -> None:
    """Mark TEST_SHARE of every kind x language x label stratum as test."""
    strata: dict[tuple[str, str, int], list[dict[str, Any]]] = {}
    for sample in samples:
        strata.setdefault((sample["kind"], sample["language"], sample["label"]), []).append(sample)
    for (kind, lang, label), members in sorted(strata.items()):
        order = sorted(members, key=lambda s: (s["hard"], s["id"]))
        random.Random(f"{SEED}:{kind}:{lang}:{label}:split").shuffle(order)
        # Take hard and easy adverts in proportion so the test split mirrors the cell.
        for hard_flag in (False, True):
            group = [s for s in order if s["hard"] is hard_flag]
            for sample in group[: round(len(group) * TEST_SHARE)]:
                sample["split"] = "test"


def write(samples: list[dict[str, Any]], path: Path) -> None:
    """Write one JSON object per line, UTF-8, stable field order."""
    lines = (json.dumps(s, ensure_ascii=False) + "\n" for s in samples)
    path.write_text("".join(lines), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the process exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output .jsonl path")
    args = parser.parse_args(argv)
    samples = generate()
    write(samples, args.out)
    print(f"wrote {len(samples)} samples to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

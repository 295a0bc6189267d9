"""What every site builder shares: language packs, round times, the contacts reserved
for cross-site links, the near-duplicate templates and the seeded build context.

Every random choice comes from ``random.Random`` seeded with a string derived from the
world's seed, so the same arguments always build the same world.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

from demo.site import content_en, content_ro, content_ru, content_uk
from demo.site.contacts import Contact, PhoneNumber
from demo.site.content import LanguagePack

__all__ = [
    "ANNA_PHONE",
    "BRIDES_CLUB",
    "BRIDES_CLUB_AGENCY",
    "EET",
    "EUROWORK_TG",
    "PACKS",
    "RECRUITER_MD",
    "RECRUITER_RO",
    "RESERVED",
    "ROUND_TIMES",
    "SHARED_MD",
    "TEMPLATES",
    "BuildContext",
    "PhonePool",
    "Template",
    "date_only",
    "fill",
    "random_posted",
    "special_slots",
    "weighted_choice",
]

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


def fill(template: str, **values: object) -> str:
    """A content-pool template with its placeholders filled in."""
    return template.format_map(values)


class PhonePool:
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
class BuildContext:
    """State shared by the three site builders: seed, phone pool and known actors."""

    seed: int
    phones: PhonePool
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


def weighted_choice(rng: random.Random, weights: dict[str, float]) -> str:
    names = list(weights)
    return rng.choices(names, weights=[weights[n] for n in names])[0]


def random_posted(rng: random.Random, newest: datetime, days: int = 40) -> datetime:
    """A posting time up to ``days`` days (and a few hours) before ``newest``."""
    return newest - timedelta(days=rng.randint(0, days), minutes=rng.randint(60, 24 * 60))


def date_only(moment: datetime) -> datetime:
    return datetime(moment.year, moment.month, moment.day, tzinfo=UTC)


def special_slots(rng: random.Random, n: int, names: Sequence[str]) -> dict[str, int]:
    """Distinct advert indices for the special roles."""
    picked = rng.sample(range(n), len(names))
    return dict(zip(names, picked, strict=True))

"""Shape of the per-language content pools, and the language-neutral pools.

Each ``content_<lang>.py`` module defines ``PACK``, a :class:`LanguagePack`. Template
strings use ``str.format`` placeholders; the generator fills them:

- places: ``{city}`` / ``{country}`` (nominative), ``{in_city}`` / ``{in_country}``
  ("in Berlin", "în Germania", "в Германии", "у Німеччині");
- people: ``{name}``, ``{age}`` (a bare number), ``{years}`` (age with its noun,
  declined: "27 de ani", "21 год", "22 роки");
- organisations: ``{employer}``, ``{reg}``, ``{agency}``, ``{licence}``, ``{address}``;
- money and time: ``{wage}``, ``{hours}``, ``{rent}``, ``{amount}``, ``{fee}``;
- contacts: ``{contacts}`` (an inline list) and ``{messenger}`` (one messenger contact).

Indicator ids (keys of the ``*_cues`` and ``*_mitigating`` maps) are ids of the indicator
taxonomy (``classifier/indicators/taxonomy.toml``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

__all__ = [
    "BRIDAL_AGENCIES",
    "BRIDAL_CITIES",
    "CITY_COUNTRY",
    "EMPLOYERS",
    "ESCORT_CITIES",
    "JOB_AGENCIES",
    "RISKY_BRIDAL_AGENCIES",
    "RISKY_DESTINATIONS",
    "RISKY_JOB_AGENCIES",
    "Employer",
    "LanguagePack",
    "LicensedAgency",
    "Place",
    "Role",
]


@dataclass(frozen=True)
class Role:
    """A job: its title in the language and one sentence of duties."""

    title: str
    duties: str


@dataclass(frozen=True)
class Place:
    """A place name in the nominative and the "in <place>" phrase."""

    name: str
    within: str


@dataclass(frozen=True)
class LanguagePack:
    code: str
    #: (name as written, ASCII slug)
    names: tuple[tuple[str, str], ...]
    cities: Mapping[str, Place]
    countries: Mapping[str, Place]
    #: contact labels by contact kind (phone, email, telegram, whatsapp, viber, signal, url)
    labels: Mapping[str, str]
    years: Callable[[int], str]

    # --- job adverts
    roles: Mapping[str, Role]
    risky_roles: Mapping[str, Role]
    job_titles: tuple[str, ...]
    job_intros: tuple[str, ...]
    job_mitigating: Mapping[str, tuple[str, ...]]
    job_neutral: tuple[str, ...]
    job_apply: tuple[str, ...]
    job_web: tuple[str, ...]
    job_risky_titles: tuple[str, ...]
    job_risky_intros: tuple[str, ...]
    job_cues: Mapping[str, tuple[str, ...]]
    job_risky_apply: tuple[str, ...]

    # --- bridal (marriage-agency) profiles
    bridal_intros: tuple[str, ...]
    bridal_about: tuple[str, ...]
    bridal_wishes: tuple[str, ...]
    bridal_contact: tuple[str, ...]
    bridal_agency_intros: tuple[str, ...]
    bridal_mitigating: Mapping[str, tuple[str, ...]]
    bridal_agency_contact: tuple[str, ...]
    bridal_risky_intros: tuple[str, ...]
    bridal_cues: Mapping[str, tuple[str, ...]]
    bridal_risky_contact: tuple[str, ...]

    # --- escort directory
    escort_titles: tuple[str, ...]
    escort_intros: tuple[str, ...]
    escort_about: tuple[str, ...]
    escort_terms: tuple[str, ...]
    escort_contact: tuple[str, ...]
    escort_managed_titles: tuple[str, ...]
    escort_managed_intros: tuple[str, ...]
    escort_managed_contact: tuple[str, ...]
    escort_recruit_titles: tuple[str, ...]
    escort_recruit_intros: tuple[str, ...]
    escort_recruit_contact: tuple[str, ...]
    escort_cues: Mapping[str, tuple[str, ...]]

    #: a sentence added when an advert is edited between rounds, by advert kind
    update_notes: Mapping[str, tuple[str, ...]]


# --------------------------------------------------------------------------- neutral pools

#: city id -> ISO country code
CITY_COUNTRY: Mapping[str, str] = {
    "berlin": "DE",
    "munich": "DE",
    "hamburg": "DE",
    "rotterdam": "NL",
    "amsterdam": "NL",
    "wroclaw": "PL",
    "warsaw": "PL",
    "milan": "IT",
    "rome": "IT",
    "madrid": "ES",
    "prague": "CZ",
    "leeds": "GB",
    "london": "GB",
    "istanbul": "TR",
    "dubai": "AE",
    "telaviv": "IL",
    "chisinau": "MD",
    "balti": "MD",
    "bucharest": "RO",
    "iasi": "RO",
    "cluj": "RO",
    "kyiv": "UA",
    "odesa": "UA",
    "lviv": "UA",
}

#: where risky job adverts promise work (city ids)
RISKY_DESTINATIONS: tuple[str, ...] = (
    "istanbul",
    "dubai",
    "telaviv",
    "berlin",
    "milan",
    "warsaw",
    "london",
    "madrid",
)
BRIDAL_CITIES: tuple[str, ...] = (
    "chisinau",
    "balti",
    "iasi",
    "bucharest",
    "cluj",
    "kyiv",
    "odesa",
    "lviv",
)
ESCORT_CITIES: tuple[str, ...] = ("chisinau", "bucharest", "iasi", "odesa", "kyiv")


@dataclass(frozen=True)
class Employer:
    name: str
    reg: str
    cities: tuple[str, ...]
    roles: tuple[str, ...]
    slug: str


@dataclass(frozen=True)
class LicensedAgency:
    name: str
    licence: str
    address: str
    slug: str


EMPLOYERS: tuple[Employer, ...] = (
    Employer(
        "Nordlicht Logistik GmbH",
        "HRB 48213",
        ("berlin", "hamburg"),
        ("warehouse", "driver"),
        "nordlicht",
    ),
    Employer(
        "Alpenhof Hotels GmbH",
        "HRB 77120",
        ("munich",),
        ("housekeeping", "kitchen", "waiter"),
        "alpenhof",
    ),
    Employer(
        "Van der Berg Agro B.V.", "KvK 5523", ("rotterdam",), ("picker", "warehouse"), "vdberg"
    ),
    Employer(
        "Oranje Fresh Foods B.V.",
        "KvK 6170",
        ("amsterdam", "rotterdam"),
        ("meat", "warehouse"),
        "oranjefresh",
    ),
    Employer(
        "Polmet Konstrukcje Sp. z o.o.",
        "KRS 4471",
        ("wroclaw", "warsaw"),
        ("welder", "construction"),
        "polmet",
    ),
    Employer(
        "Casa Serena Cooperativa",
        "REA MI-2290",
        ("milan", "rome"),
        ("care", "housekeeping"),
        "casaserena",
    ),
    Employer(
        "Hermanos Ruiz Construcciones S.L.",
        "CIF B-4410",
        ("madrid",),
        ("construction", "electrician"),
        "hruiz",
    ),
    Employer(
        "Vltava Textil s.r.o.", "ICO 2281", ("prague",), ("seamstress", "warehouse"), "vltava"
    ),
    Employer(
        "Pennine Care Homes Ltd", "Company no. 0841", ("leeds",), ("care", "kitchen"), "pennine"
    ),
    Employer(
        "Thames Office Services Ltd",
        "Company no. 1193",
        ("london",),
        ("cleaner", "kitchen"),
        "thames",
    ),
    Employer(
        "Baltic Road Freight GmbH",
        "HRB 52018",
        ("hamburg", "berlin"),
        ("driver", "warehouse"),
        "balticroad",
    ),
    Employer("Keller Familienhaushalt", "Reg. 3307", ("munich", "berlin"), ("nanny",), "keller"),
)

JOB_AGENCIES: tuple[LicensedAgency, ...] = (
    LicensedAgency(
        "EuroStaff Moldova SRL", "MD-AOFM 0318", "str. Ștefan cel Mare 71, Chișinău", "eurostaff"
    ),
    LicensedAgency(
        "Carpathia Recruitment SRL", "RO-ANOFM 4471/B", "Bd. Carol I 15, Iași", "carpathia"
    ),
    LicensedAgency(
        "Dnipro Work Partners LLC", "UA-MINEK 2290", "vul. Khreshchatyk 22, Kyiv", "dniprowork"
    ),
    LicensedAgency("Bridgewell Staffing Ltd", "UK-GLAA 1182", "12 Park Row, Leeds", "bridgewell"),
)

RISKY_JOB_AGENCIES: tuple[str, ...] = (
    "Euro Job Center",
    "Best Work Abroad",
    "Golden Job Group",
    "Prestige Staff International",
    "Super Jobs Europe",
    "Star Career Agency",
)

BRIDAL_AGENCIES: tuple[LicensedAgency, ...] = (
    LicensedAgency("Doina Matrimonial SRL", "MD-LIC 0412", "str. Pușkin 24, Chișinău", "doina"),
    LicensedAgency("Inimi Unite SRL", "RO-LIC 3318", "Str. Lăpușneanu 9, Iași", "inimiunite"),
    LicensedAgency("Lileya Marriage Agency", "UA-LIC 1275", "vul. Derybasivska 5, Odesa", "lileya"),
)

RISKY_BRIDAL_AGENCIES: tuple[str, ...] = (
    "Slavic Brides Club",
    "Dream Wife International",
    "Svetlana Marriage Tours",
    "Golden Rose Dating",
)

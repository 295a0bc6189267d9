"""Which cues an advert carries: the labelling recipes of the synthetic data set.

A *plan* is a profile (the advert's sub-type and voice) plus a list of cue keys.  A
cue key names a fragment pool in the language modules: ``"travel_paid"`` (explicit
wording), ``"travel_paid.soft"`` (mild wording, for hard positives), ``"send_photos.legit"``
(the cue in a legitimate setting) or a compound such as
``"accommodation_by_employer+transparent_deductions"`` whose fragments carry every
indicator joined by ``+``.  The label follows the recipe, never a single cue:

* easy positive: three to five explicit risk cues, at least two of them about control
  or deception (debt, documents, contract, fee, pay, employer, movement);
* hard positive: two or three mildly worded cues that together still point to
  third-party control, no mitigating context (job adverts may carry a realistic wage);
  about a third keep one cue in its blunt, explicit wording;
* easy negative: an ordinary advert, no risk cue, sometimes mitigating details;
* hard negative: one or two risk-looking cues inside a legitimate context (licence,
  registered employer, contract before departure, transparent deductions, in-person
  office, or an independent adult speaking for herself).

Marriage-agency and companionship recipes live in ``recipes_companion.py``.  Since
generator version 2 the voice of an advert (``VOICE``) does not decide its label:
first-person adverts can be controlled and agency adverts can be legitimate.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

RISK_IDS: tuple[str, ...] = (
    "high_pay_no_experience",
    "travel_paid",
    "accommodation_by_employer",
    "debt_repaid_from_wages",
    "documents_held",
    "recruitment_fee",
    "vague_employer",
    "contract_on_arrival",
    "messenger_only_contact",
    "young_women_only",
    "send_photos",
    "urgency",
    "third_person_voice",
    "multiple_workers_one_contact",
    "new_in_town",
    "available_24_7",
    "restricted_movement",
    "marriage_abroad_fast",
    "agency_pays_travel",
    "agency_keeps_documents",
    "unlicensed_agency",
    "wages_cut_for_costs",
    "ethnicity_emphasis",
    "youth_emphasis",
)
MITIGATING_IDS: tuple[str, ...] = (
    "named_employer_registration",
    "written_contract_before_departure",
    "realistic_wage",
    "transparent_deductions",
    "independent_adult",
    "registered_agency_office",
)
ORDER = {tag: i for i, tag in enumerate(RISK_IDS + MITIGATING_IDS)}

# Profile -> fragment groups searched for cue pools, in order.
GROUPS: dict[str, tuple[str, ...]] = {
    "job": ("job", "work", "any"),
    "escort_recruit": ("work", "any"),
    "escort_agency": ("escort", "any"),
    "escort_indep": ("indep",),
    "bridal_agency": ("bridal", "any"),
    "bridal_personal": ("personal",),
    # First-person adverts in which someone else is in control.
    "escort_fp": ("fp",),
    "bridal_fp": ("personal_fp",),
}
# Who speaks in the advert, recorded as provenance.voice.
VOICE: dict[str, str] = {
    "job": "agency",
    "escort_recruit": "agency",
    "bridal_agency": "agency",
    "escort_agency": "third_person",
    "escort_indep": "first_person",
    "escort_fp": "first_person",
    "bridal_personal": "first_person",
    "bridal_fp": "first_person",
}
# Share of hard positives that keep one cue in blunt, explicit wording, so that the
# register of the words does not reveal which adverts are hard.
BLUNT_SHARE = 0.3
# Indicators carried by the profile's voice itself.
INHERENT: dict[str, tuple[str, ...]] = {
    "escort_agency": ("third_person_voice",),
    "escort_indep": ("independent_adult",),
    "bridal_personal": ("independent_adult",),
}

JOB_STRONG = (
    "high_pay_no_experience",
    "travel_paid",
    "accommodation_by_employer",
    "debt_repaid_from_wages",
    "documents_held",
    "recruitment_fee",
    "vague_employer",
    "contract_on_arrival",
    "messenger_only_contact",
    "urgency",
    "restricted_movement",
    "unlicensed_agency",
    "wages_cut_for_costs",
    "young_women_only",
    "send_photos",
    "multiple_workers_one_contact",
)
JOB_CORE = (
    "documents_held",
    "debt_repaid_from_wages",
    "recruitment_fee",
    "contract_on_arrival",
    "restricted_movement",
    "wages_cut_for_costs",
    "high_pay_no_experience",
    "vague_employer",
    "unlicensed_agency",
)
FEMALE_ONLY = ("young_women_only", "send_photos", "multiple_workers_one_contact")
JOB_MITS = (
    "realistic_wage",
    "named_employer_registration",
    "written_contract_before_departure",
    "registered_agency_office",
)
JOB_HARD_POS: tuple[tuple[str, ...], ...] = (
    ("vague_employer", "travel_paid", "documents_held"),
    ("vague_employer", "contract_on_arrival", "accommodation_by_employer"),
    ("travel_paid", "debt_repaid_from_wages", "accommodation_by_employer"),
    ("contract_on_arrival", "documents_held"),
    ("vague_employer", "high_pay_no_experience", "travel_paid"),
    ("accommodation_by_employer", "wages_cut_for_costs", "restricted_movement"),
    ("debt_repaid_from_wages", "travel_paid", "vague_employer"),
    ("documents_held", "accommodation_by_employer", "contract_on_arrival"),
    ("messenger_only_contact", "young_women_only", "travel_paid"),
    ("send_photos", "young_women_only", "vague_employer"),
)
# (risk keys, mitigating keys, needs a casting-type job)
JOB_HARD_NEG: tuple[tuple[tuple[str, ...], tuple[str, ...], bool], ...] = (
    (
        ("accommodation_by_employer+transparent_deductions",),
        ("written_contract_before_departure",),
        False,
    ),
    (("accommodation_by_employer+transparent_deductions",), ("realistic_wage",), False),
    (("travel_paid+written_contract_before_departure",), ("named_employer_registration",), False),
    (
        (
            "travel_paid+written_contract_before_departure",
            "accommodation_by_employer+transparent_deductions",
        ),
        (),
        False,
    ),
    (("urgency",), ("named_employer_registration", "realistic_wage"), False),
    (("messenger_only_contact",), ("named_employer_registration", "realistic_wage"), False),
    (("send_photos.legit",), ("registered_agency_office", "named_employer_registration"), True),
    (
        ("young_women_only.legit",),
        ("registered_agency_office", "named_employer_registration"),
        True,
    ),
)

COMBOS = (
    ("travel_paid", "debt_repaid_from_wages"),
    ("debt_repaid_from_wages", "documents_held"),
    ("accommodation_by_employer", "wages_cut_for_costs"),
)


@dataclass
class Plan:
    """The profile of one advert and the cue keys it carries."""

    profile: str
    cues: list[str] = field(default_factory=list)
    job: int = -1


def tags_of(key: str) -> list[str]:
    """Indicator ids carried by a cue key."""
    return key.split(".")[0].split("+")


def explicit(
    rng: random.Random, strong: tuple[str, ...], core: tuple[str, ...], allowed: tuple[str, ...]
) -> list[str]:
    """Three to five explicit cues, two of them from ``core``."""
    cores = [c for c in core if c in allowed]
    picked = rng.sample(cores, 2)
    rest = [c for c in strong if c in allowed and c not in picked]
    picked += rng.sample(rest, rng.choice((1, 2, 2, 3)))
    rng.shuffle(picked)
    return _merge_combos(rng, picked)


def _merge_combos(rng: random.Random, keys: list[str]) -> list[str]:
    """Sometimes express two chosen cues with one compound fragment."""
    for first, second in COMBOS:
        if first in keys and second in keys and rng.random() < 0.5:
            keys = [k for k in keys if k not in (first, second)] + [f"{first}+{second}"]
    return keys


def soft(rng: random.Random, keys: tuple[str, ...]) -> list[str]:
    """Mild wording for every cue, except sometimes one left blunt."""
    cues = [f"{k}.soft" for k in keys]
    if rng.random() < BLUNT_SHARE:
        blunt = rng.randrange(len(keys))
        cues[blunt] = keys[blunt]
    return cues


def plan_job(rng: random.Random, label: int, hard: bool, jobs: list[dict[str, object]]) -> Plan:
    """Choose a job type and the cues for a job advert."""
    index = rng.randrange(len(jobs))
    female = bool(jobs[index]["female"])
    casting = bool(jobs[index]["casting"])
    allowed = tuple(c for c in JOB_STRONG if female or c not in FEMALE_ONLY)
    plan = Plan("job", job=index)
    if label and not hard:
        plan.cues = explicit(rng, JOB_STRONG, JOB_CORE, allowed)
    elif label:
        recipe = rng.choice([r for r in JOB_HARD_POS if all(c in allowed for c in r)])
        plan.cues = soft(rng, recipe)
        if "high_pay_no_experience" not in recipe and rng.random() < 0.25:
            plan.cues.append("realistic_wage")
    elif not hard:
        plan.cues = rng.sample(JOB_MITS, rng.choice((0, 1, 1, 2, 2, 3)))
    else:
        options = [r for r in JOB_HARD_NEG if casting or not r[2]]
        if casting:
            options += [r for r in JOB_HARD_NEG if r[2]] * 2
        risk, mits, _ = rng.choice(options)
        carried = {t for k in risk + mits for t in tags_of(k)}
        extra = [m for m in JOB_MITS if m not in carried]
        # At least two mitigating signals in all, sometimes a third.
        want = max(0, 2 - len(carried & {*JOB_MITS, "transparent_deductions"}))
        want = min(len(extra), want + rng.randint(0, 1))
        plan.cues = [*risk, *mits, *rng.sample(extra, want)]
    return plan

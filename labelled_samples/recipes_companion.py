"""Labelling recipes for marriage-agency (bridal) and companionship (escort) adverts.

See ``label_recipes.py`` for the general rules.  Since generator version 2 the voice
of these adverts does not decide the label:

* first-person adverts can be positives: a companion whose manager takes the bookings
  or who is moved to a new town every week, a bride whose passport "stays with the
  agency until the wedding" (profiles ``escort_fp`` and ``bridal_fp``);
* agency adverts can be hard negatives: a licensed companionship agency whose adult
  companions keep their own documents, phone and schedule, and a licensed marriage
  agency with a registered office, no fees for women and documents that stay with her.
"""

from __future__ import annotations

import random

from label_recipes import Plan, explicit, soft

BRIDAL_STRONG = (
    "agency_pays_travel+travel_paid",
    "agency_keeps_documents+documents_held",
    "recruitment_fee",
    "marriage_abroad_fast",
    "messenger_only_contact",
    "young_women_only",
    "send_photos",
    "urgency",
    "unlicensed_agency",
)
BRIDAL_HARD_POS: tuple[tuple[str, ...], ...] = (
    ("agency_pays_travel+travel_paid", "marriage_abroad_fast"),
    ("agency_pays_travel+travel_paid", "agency_keeps_documents+documents_held"),
    ("young_women_only", "send_photos", "agency_pays_travel+travel_paid"),
    ("messenger_only_contact", "marriage_abroad_fast", "young_women_only"),
    ("unlicensed_agency", "agency_pays_travel+travel_paid", "send_photos"),
    ("agency_keeps_documents+documents_held", "marriage_abroad_fast"),
)
OFFICE = ("registered_agency_office", "named_employer_registration")
BRIDAL_HARD_NEG: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("bridal_agency", ("send_photos.legit",), OFFICE),
    ("bridal_agency", ("recruitment_fee.legit",), OFFICE),
    ("bridal_agency", ("urgency.legit",), ("registered_agency_office",)),
    ("bridal_agency", ("agency_pays_travel+travel_paid.legit",), OFFICE),
    ("bridal_agency", ("marriage_abroad_fast.legit",), OFFICE),
    ("bridal_personal", ("messenger_only_contact",), ("independent_adult",)),
    ("bridal_personal", ("marriage_abroad_fast",), ("independent_adult",)),
)
# A woman's own profile that shows an agency in control.
BRIDE_FP_STRONG = (
    "agency_pays_travel+travel_paid",
    "agency_keeps_documents+documents_held",
    "marriage_abroad_fast",
    "recruitment_fee",
    "messenger_only_contact",
)
BRIDE_FP_HARD_POS: tuple[tuple[str, ...], ...] = (
    ("agency_pays_travel+travel_paid", "agency_keeps_documents+documents_held"),
    ("agency_keeps_documents+documents_held", "marriage_abroad_fast"),
    ("agency_keeps_documents+documents_held", "messenger_only_contact"),
    ("agency_pays_travel+travel_paid", "marriage_abroad_fast"),
    ("recruitment_fee", "agency_pays_travel+travel_paid"),
)

SERVICE_STRONG = (
    "multiple_workers_one_contact",
    "new_in_town",
    "available_24_7",
    "ethnicity_emphasis",
    "youth_emphasis",
    "messenger_only_contact",
    "urgency",
    "restricted_movement",
)
RECRUIT_STRONG = (
    "high_pay_no_experience",
    "travel_paid",
    "debt_repaid_from_wages",
    "documents_held",
    "young_women_only",
    "urgency",
    "messenger_only_contact",
    "wages_cut_for_costs",
    "restricted_movement",
    "multiple_workers_one_contact",
)
RECRUIT_CORE = (
    "travel_paid",
    "debt_repaid_from_wages",
    "documents_held",
    "restricted_movement",
    "wages_cut_for_costs",
    "high_pay_no_experience",
)
SERVICE_HARD_POS: tuple[tuple[str, ...], ...] = (
    ("multiple_workers_one_contact", "available_24_7"),
    ("new_in_town", "youth_emphasis"),
    ("new_in_town", "messenger_only_contact"),
    ("multiple_workers_one_contact", "new_in_town"),
    ("available_24_7", "youth_emphasis"),
)
RECRUIT_HARD_POS: tuple[tuple[str, ...], ...] = (
    ("high_pay_no_experience", "travel_paid", "messenger_only_contact"),
    ("travel_paid", "debt_repaid_from_wages"),
    ("young_women_only", "travel_paid", "urgency"),
    ("travel_paid", "documents_held"),
)
INDEP_CUES = ("new_in_town", "messenger_only_contact", "ethnicity_emphasis", "available_24_7")
# A companion writing in the first person whose bookings, papers or movement are
# in someone else's hands; at least one cue is about that control.
ESCORT_FP_CONTROL = (
    "third_person_voice",
    "documents_held",
    "restricted_movement",
    "debt_repaid_from_wages",
)
ESCORT_FP_OTHER = ("new_in_town", "available_24_7")
# (label, hard) -> weights of (escort_recruit, escort_agency, escort_fp) for positives.
ESCORT_POS_MIX = {False: (35, 35, 30), True: (30, 30, 40)}
# Share of hard negatives that come from a legitimate agency (manager voice).
ESCORT_LEGIT_AGENCY = 0.6
BRIDE_FP_SHARE = {False: 0.15, True: 0.4}


def plan_bridal(rng: random.Random, label: int, hard: bool) -> Plan:
    """Choose the profile and cues of a marriage-agency or personal advert."""
    if label and rng.random() < BRIDE_FP_SHARE[hard]:
        if hard:
            return Plan("bridal_fp", soft(rng, rng.choice(BRIDE_FP_HARD_POS)))
        return Plan(
            "bridal_fp", explicit(rng, BRIDE_FP_STRONG, BRIDE_FP_STRONG[:3], BRIDE_FP_STRONG)
        )
    if label and not hard:
        return Plan("bridal_agency", explicit(rng, BRIDAL_STRONG, BRIDAL_STRONG[:4], BRIDAL_STRONG))
    if label:
        return Plan("bridal_agency", soft(rng, rng.choice(BRIDAL_HARD_POS)))
    if not hard:
        if rng.random() < 0.5:
            return Plan("bridal_personal", ["independent_adult"])
        return Plan("bridal_agency", rng.sample(OFFICE, rng.choice((0, 1, 1, 2))))
    profile, risk, mits = rng.choice(BRIDAL_HARD_NEG)
    return Plan(profile, [*risk, *mits])


def plan_escort(rng: random.Random, label: int, hard: bool) -> Plan:
    """Choose the profile and cues of a companionship advert."""
    if label:
        weights = ESCORT_POS_MIX[hard]
        profile = rng.choices(("escort_recruit", "escort_agency", "escort_fp"), weights)[0]
        if profile == "escort_fp":
            return Plan(profile, _first_person_controlled(rng, hard))
        if profile == "escort_recruit":
            if hard:
                return Plan(profile, soft(rng, rng.choice(RECRUIT_HARD_POS)))
            return Plan(profile, explicit(rng, RECRUIT_STRONG, RECRUIT_CORE, RECRUIT_STRONG))
        if hard:
            cues = soft(rng, rng.choice(SERVICE_HARD_POS))
            if rng.random() < 0.5:
                cues.append("third_person_voice.soft")
            return Plan(profile, cues)
        cues = rng.sample(SERVICE_STRONG, rng.choice((2, 3, 3, 4)))
        if rng.random() < 0.6:
            cues.append("third_person_voice")
        return Plan(profile, cues)
    if hard and rng.random() < ESCORT_LEGIT_AGENCY:
        # Manager voice (third_person_voice) around adults who keep their own terms.
        cues = ["independent_adult.agency", "independent_adult.quote"]
        if rng.random() < 0.5:
            cues.append("third_person_voice.legit")
        rng.shuffle(cues)
        return Plan("escort_agency", cues)
    cues = ["independent_adult"]
    if hard:
        cues += rng.sample(INDEP_CUES, rng.choice((1, 1, 2)))
    return Plan("escort_indep", cues)


def _first_person_controlled(rng: random.Random, hard: bool) -> list[str]:
    """Two (hard) or three (easy) cues, one or two of them about control."""
    control = rng.sample(ESCORT_FP_CONTROL, 1 if hard else 2)
    pool = [c for c in ESCORT_FP_CONTROL + ESCORT_FP_OTHER if c not in control]
    keys = (*control, *rng.sample(pool, rng.choice((1, 1, 2)) if hard else 1))
    return soft(rng, keys) if hard else list(keys)

"""Indicator matcher: API, taxonomy integrity, spans, robustness, negation, kinds, features."""

from __future__ import annotations

import itertools
import random

import pytest

from classifier.indicators import (
    IndicatorHit,
    load_taxonomy,
    match_indicators,
)
from classifier.indicators.matcher import MAX_TEXT_CHARS
from classifier.indicators.normalise import normalise
from classifier.indicators.patterns import LANGUAGES
from classifier.indicators.prefix_index import compiled_patterns, raw_matches

# Exactly the ids of taxonomy.toml, with their kinds.
RISK_IDS: dict[str, set[str]] = {
    "high_pay_no_experience": {"job", "escort"},
    "travel_paid": {"job", "bridal", "escort"},
    "accommodation_by_employer": {"job"},
    "debt_repaid_from_wages": {"job", "escort"},
    "documents_held": {"job", "bridal", "escort"},
    "recruitment_fee": {"job", "bridal"},
    "vague_employer": {"job"},
    "contract_on_arrival": {"job"},
    "messenger_only_contact": {"job", "bridal", "escort"},
    "young_women_only": {"job", "bridal", "escort"},
    "send_photos": {"job", "bridal"},
    "urgency": {"job", "bridal", "escort"},
    "third_person_voice": {"escort", "bridal"},
    "multiple_workers_one_contact": {"job", "escort"},
    "new_in_town": {"escort"},
    "available_24_7": {"escort"},
    "restricted_movement": {"job", "escort"},
    "marriage_abroad_fast": {"bridal"},
    "agency_pays_travel": {"bridal"},
    "agency_keeps_documents": {"bridal"},
    "unlicensed_agency": {"job", "bridal"},
    "wages_cut_for_costs": {"job", "escort"},
    "ethnicity_emphasis": {"escort"},
    "youth_emphasis": {"escort"},
    "deployment_unnamed_employer": {"job"},
    "tourist_visa_work": {"job", "escort"},
    "bride_catalogue": {"bridal"},
    "payment_to_family": {"bridal"},
    "sham_marriage": {"bridal"},
    "language_not_needed": {"job", "bridal"},
}
CONTEXT_IDS: dict[str, set[str]] = {"agency_unverified": {"job", "bridal"}}
MITIGATING_IDS: dict[str, set[str]] = {
    "named_employer_registration": {"job", "bridal"},
    "written_contract_before_departure": {"job"},
    "realistic_wage": {"job"},
    "transparent_deductions": {"job"},
    "independent_adult": {"escort", "bridal"},
    "registered_agency_office": {"bridal", "job"},
    "contract_terms_stated": {"job"},
}


def spans(hits: list[IndicatorHit], indicator_id: str) -> list[str]:
    return [h.text for h in hits if h.indicator_id == indicator_id]


def assert_hit(text: str, hits: list[IndicatorHit], indicator_id: str, phrase: str) -> None:
    found = [h for h in hits if h.indicator_id == indicator_id]
    assert found, f"{indicator_id} did not fire; hits: {[(h.indicator_id, h.text) for h in hits]}"
    for h in found:
        assert text[h.start : h.end] == h.text
    assert any(phrase in h.text for h in found), (
        f"{indicator_id}: {phrase!r} not in {[h.text for h in found]}"
    )


def ids(hits: list[IndicatorHit]) -> set[str]:
    return {h.indicator_id for h in hits}


# --------------------------------------------------------------------------- taxonomy


def test_taxonomy_has_exactly_the_shared_ids() -> None:
    taxonomy = load_taxonomy()
    assert set(taxonomy.indicators) == set(RISK_IDS) | set(MITIGATING_IDS) | set(CONTEXT_IDS)
    assert taxonomy.version
    for i, kinds in {**RISK_IDS, **MITIGATING_IDS, **CONTEXT_IDS}.items():
        ind = taxonomy.indicators[i]
        assert ind.id == i
        assert set(ind.kinds) == kinds, i
        expected = "risk" if i in RISK_IDS else "context" if i in CONTEXT_IDS else "mitigating"
        assert ind.polarity == expected
        assert ind.source.strip() and ind.description.strip()
        assert (ind.weight > 0) == (ind.polarity == "risk")
        assert (ind.weight == 0) == (ind.polarity == "context")


def test_load_taxonomy_is_cached() -> None:
    assert load_taxonomy() is load_taxonomy()


def test_every_risk_indicator_has_patterns_in_all_languages() -> None:
    from classifier.indicators.patterns import raw_patterns

    for lang in LANGUAGES:
        table = raw_patterns(lang)
        assert set(table) <= set(RISK_IDS) | set(MITIGATING_IDS), lang
        for i in RISK_IDS:
            assert len(table.get(i, ())) >= 2 or (i == "unlicensed_agency" and table.get(i)), (
                f"{lang}: {i} has too few patterns"
            )


def test_all_patterns_compile_for_every_kind_and_language() -> None:
    for kind in ("job", "bridal", "escort"):
        ps = compiled_patterns(kind, LANGUAGES)
        assert ps.patterns
        assert {p.indicator_id for p in ps.patterns} <= {
            i for i, k in {**RISK_IDS, **MITIGATING_IDS}.items() if kind in k
        }


# --------------------------------------------------------------------------- english


JOB_EN = (
    "URGENT! Departure in 3 days! Work in Germany. Earn 3000 EUR a month, no experience needed! "
    "Tickets and visa paid by the employer. Accommodation provided by the employer. "
    "Travel costs are deducted from your first salary. "
    "Your passport will be kept by the employer for safety during the contract. "
    "Registration fee 200 EUR, paid before departure. Contract signed on arrival. "
    "Contact only via Telegram: @fastjobs. Only girls 18–25, slim, pleasant appearance. "
    "Send 3 photos: face, full-length and in a swimsuit."
)


def test_english_job_advert_hits_with_exact_spans() -> None:
    hits = match_indicators(JOB_EN, "job", "en")
    expected = {
        "urgency": "Departure in 3 days",
        "high_pay_no_experience": "Earn 3000 EUR a month, no experience",
        "travel_paid": "Tickets and visa paid by the employer",
        "accommodation_by_employer": "Accommodation provided",
        "debt_repaid_from_wages": "Travel costs are deducted from your first salary",
        "documents_held": "passport will be kept by the",
        "recruitment_fee": "Registration fee 200 EUR",
        "contract_on_arrival": "Contract signed on arrival",
        "messenger_only_contact": "only via Telegram",
        "young_women_only": "pleasant appearance",
        "send_photos": "Send 3 photos",
    }
    for i, phrase in expected.items():
        assert_hit(JOB_EN, hits, i, phrase)
    assert spans(hits, "urgency") == ["Departure in 3 days"]  # "URGENT!" alone is no pressure
    assert spans(hits, "contract_on_arrival") == ["Contract signed on arrival"]
    assert all(h.language == "en" for h in hits)
    assert [h.start for h in hits] == sorted(h.start for h in hits)


def test_hit_fields() -> None:
    hits = match_indicators("URGENT: departure this week!", "job", "en")
    h = next(h for h in hits if h.indicator_id == "urgency")
    taxonomy = load_taxonomy()
    assert h.polarity == "risk"
    assert h.weight == taxonomy.indicators["urgency"].weight
    assert (h.start, h.end, h.text) == (8, 27, "departure this week")
    with pytest.raises(AttributeError):
        h.start = 1  # type: ignore[misc]


def test_escort_advert_english() -> None:
    text = (
        "New in Leeds! Just arrived. Available 24/7. Booking only through the manager. "
        "New girls every week, one number for all. Exotic Asian beauty. Very young and fresh. "
        "She doesn't go out alone, our driver always accompanies her."
    )
    hits = match_indicators(text, "escort", "en")
    for i, phrase in {
        "new_in_town": "New in Leeds",
        "available_24_7": "24/7",
        "third_person_voice": "Booking only through the manager",
        "multiple_workers_one_contact": "New girls every week",
        "ethnicity_emphasis": "Asian beauty",
        "youth_emphasis": "Very young",
        "restricted_movement": "our driver always accompanies her",
    }.items():
        assert_hit(text, hits, i, phrase)


def test_mitigating_english() -> None:
    text = (
        "Employer: Brightfield Farms Ltd, company reg. no. 12345678. "
        "€12.50 per hour gross, 40 hours a week. "
        "Written employment contract signed before departure, copy in your language. "
        "Room in company housing, £95 a week under a separate tenancy agreement, optional. "
        "Interviews at our office: 14 Queen Street, Leeds."
    )
    hits = match_indicators(text, "job", "en")
    assert_hit(text, hits, "named_employer_registration", "reg. no. 12345678")
    assert_hit(text, hits, "realistic_wage", "€12.50 per hour gross, 40 hours")
    assert_hit(text, hits, "written_contract_before_departure", "contract signed before departure")
    assert_hit(text, hits, "transparent_deductions", "separate tenancy")
    assert_hit(text, hits, "registered_agency_office", "Interviews at our office")
    assert all(
        h.polarity == "mitigating" for h in hits if h.indicator_id != "accommodation_by_employer"
    )


def test_independent_adult_english() -> None:
    text = "Hi, I'm Anna. No agency, no manager: I work for myself and set my own schedule."
    hits = match_indicators(text, "escort", "en")
    assert_hit(text, hits, "independent_adult", "No agency")
    assert_hit(text, hits, "independent_adult", "I work for myself")
    assert "third_person_voice" not in ids(hits)


# --------------------------------------------------------------------------- robustness


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("YOUR PASSPORT WILL BE KEPT BY THE EMPLOYER.", "PASSPORT WILL BE KEPT BY THE"),
        ("Your P A S S P O R T is kept by the employer.", "P A S S P O R T is kept by the"),
        ("Your p.a.s.s.p.o.r.t is kept by the employer.", "p.a.s.s.p.o.r.t is kept by the"),
        ("Your 🛂passport🛂 is kept by the employer.", "passport🛂 is kept by the"),
        ("Your pas\u200bsport is kept by the employer.", "pas\u200bsport is kept by the"),
        ("Your pаssport is kept by the employer.", "pаssport is kept by the"),  # Cyrillic а
        ("Your passsssport is kept by the employer.", "passsssport is kept by the"),
        ("Your pasport is kept by the employer.", "pasport is kept by the"),  # typo
        ("Your passprot is kept by the employer.", "passprot is kept by the"),  # transposition
        ("Your ｐａｓｓｐｏｒｔ is kept by the employer.", "ｐａｓｓｐｏｒｔ is kept by the"),
    ],
)
def test_robust_to_evasion(text: str, phrase: str) -> None:
    hits = match_indicators(text, "job", "en")
    assert_hit(text, hits, "documents_held", phrase)


def test_robust_caps_emoji_and_repeats() -> None:
    text = "🔥🔥LAST PLACESSS🔥 ✅ACCOMODATION PROVIDED✅ 💶 EARN 3000€ A MONTH, NO EXPERIENCE 💶"
    hits = match_indicators(text, "job", "en")
    assert_hit(text, hits, "urgency", "LAST PLACESSS")
    assert_hit(text, hits, "accommodation_by_employer", "ACCOMODATION PROVIDED")
    assert_hit(text, hits, "high_pay_no_experience", "EARN 3000€ A MONTH, NO EXPERIENCE")


# --------------------------------------------------------------------------- negation


@pytest.mark.parametrize(
    ("text", "indicator_id"),
    [
        ("We never keep your passport.", "documents_held"),
        ("Passports are never held by the employer.", "documents_held"),
        ("Your passport is not kept by the employer.", "documents_held"),
        ("No fees.", "recruitment_fee"),
        ("No registration fee, no deposit.", "recruitment_fee"),
        ("We do not charge any registration fee.", "recruitment_fee"),
        ("Registration fee: none.", "recruitment_fee"),
        ("Recruitment fee - 0 EUR.", "recruitment_fee"),
        ("The contract is never signed on arrival.", "contract_on_arrival"),
        ("We never work without a contract.", "contract_on_arrival"),
        ("We never keep workers locked in.", "restricted_movement"),
        ("Travel is not paid by the employer.", "travel_paid"),
    ],
)
def test_negated_statements_do_not_fire(text: str, indicator_id: str) -> None:
    hits = match_indicators(text, "job", "en")
    assert indicator_id not in ids(hits), [(h.indicator_id, h.text) for h in hits]


def test_negation_stays_in_its_clause() -> None:
    text = "No experience needed. Your passport is kept by the employer."
    assert "documents_held" in ids(match_indicators(text, "job", "en"))
    text = "No fees for the ticket, but a registration fee of 100 EUR applies."
    assert "recruitment_fee" in ids(match_indicators(text, "job", "en"))


# --------------------------------------------------------------------------- kinds, languages


def test_kinds_filtering() -> None:
    text = "New in town! Available 24/7. Accommodation provided. Wedding within 3 months."
    escort = ids(match_indicators(text, "escort"))
    job = ids(match_indicators(text, "job"))
    bridal = ids(match_indicators(text, "bridal"))
    assert {"new_in_town", "available_24_7"} <= escort
    assert "accommodation_by_employer" not in escort
    assert "accommodation_by_employer" in job and "new_in_town" not in job
    assert "marriage_abroad_fast" in bridal and "marriage_abroad_fast" not in job
    taxonomy = load_taxonomy()
    for kind, found in (("escort", escort), ("job", job), ("bridal", bridal)):
        assert all(kind in taxonomy.indicators[i].kinds for i in found)


def test_unknown_kind_is_an_error() -> None:
    with pytest.raises(ValueError, match="kind"):
        match_indicators("text", "dating")


def test_language_selection() -> None:
    text = "Срочно! Паспорт хранится у работодателя. Last places!"
    assert {h.language for h in match_indicators(text, "job", "ru")} == {"ru", "en"}
    assert {h.language for h in match_indicators(text, "job", "en")} == {"en"}
    assert {h.language for h in match_indicators(text, "job")} >= {"ru", "en"}
    assert "documents_held" not in ids(match_indicators(text, "job", "ro"))


def test_empty_text() -> None:
    assert match_indicators("", "job") == []
    assert match_indicators("   \n ", "escort", "en") == []


def test_overlapping_hits_of_one_indicator_are_merged() -> None:
    text = "URGENT URGENT, urgently needed, departure this week"
    hits = [h for h in match_indicators(text, "job", "en") if h.indicator_id == "urgency"]
    for a, b in itertools.pairwise(hits):
        assert a.end < b.start
    text = "Tickets paid by the employer"
    assert spans(match_indicators(text, "job", "en"), "travel_paid") == [text]


def test_large_input_does_not_blow_up() -> None:
    chunk = "URGENT work, passport kept by employer, no fees 3 000 EUR " + "a" * 120 + " 1 " * 40
    big = (chunk * (200_000 // len(chunk) + 1))[:200_000]
    hits = match_indicators(big, "job")
    assert hits and all(h.end <= MAX_TEXT_CHARS for h in hits)
    assert match_indicators("a" * 200_000, "escort") == []
    assert isinstance(match_indicators("1 " * 100_000 + "€", "job"), list)
    assert isinstance(match_indicators("no " * 70_000, "bridal"), list)


def test_trigger_index_finds_every_finditer_match() -> None:
    words = normalise(
        JOB_EN + " Новые девушки каждую неделю. Fără taxe. Безкоштовне житло."
    ).split()
    rng = random.Random(7)
    for kind in ("job", "bridal", "escort"):
        ps = compiled_patterns(kind, LANGUAGES)
        for _ in range(40):
            s = " ".join(rng.choice(words) for _ in range(60))
            got = {(k, m.start(), m.end()) for k, m in raw_matches(s, ps)}
            for k, p in enumerate(ps.patterns):
                for m in p.regex.finditer(s):
                    assert (k, m.start(), m.end()) in got, (p.indicator_id, m.group())


def test_trigger_extraction_reads_the_pattern_syntax_without_private_apis() -> None:
    from classifier.indicators.prefix_index import triggers_of

    assert triggers_of(r"\b(?:pass|visa)\s(?:kept)") == ("pass\nk", "pass k", "visa\nk", "visa k")
    assert triggers_of(r"\bfoo(?:bar)?") == ("foo", "foobar")
    assert triggers_of(r"(?<=\w )by origin\b") == ("by ori",)
    assert triggers_of(r"[^a]bc") is None  # negated class: scanned, never missed
    assert triggers_of(r"\b\w+ing") is None
    assert triggers_of(r"(unbalanced") is None


@pytest.mark.parametrize(
    ("text", "indicator_id", "span"),
    [
        ("No stress 😊 Passport kept by the employer.", "documents_held",
         "Passport kept by the employer"),
        ("Nothing to pay, no worries - contract signed on arrival.", "contract_on_arrival",
         "contract signed on arrival"),
    ],
)  # fmt: skip
def test_an_emoji_or_a_spaced_dash_ends_the_reach_of_a_negation(
    text: str, indicator_id: str, span: str
) -> None:
    assert_hit(text, match_indicators(text, "job", "en"), indicator_id, span)


def test_a_negated_lead_in_negates_its_list_but_a_worry_does_not() -> None:
    text = "What we will never do: charge a recruitment fee or keep your passport."
    assert not ids(match_indicators(text, "job", "en")) & {"recruitment_fee", "documents_held"}
    text = "Не беспокойтесь: паспорт хранится у работодателя."
    assert "documents_held" in ids(match_indicators(text, "job", "ru"))

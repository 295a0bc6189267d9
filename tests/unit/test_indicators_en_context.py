"""English matchers read context: the false hits found on real adverts stay silent, the
phrasings independent authors used (written afresh here) fire with the right span."""

from __future__ import annotations

import pytest

from classifier.indicators import match_indicators


def fired(text: str, kind: str = "job") -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for hit in match_indicators(text, kind, "en"):
        assert text[hit.start : hit.end] == hit.text
        out.setdefault(hit.indicator_id, []).append(hit.text)
    return out


# Ordinary sentences from the kinds of real adverts that used to raise risk indicators.
SILENT: list[tuple[str, str]] = [
    ("No agencies please. Office job in Chisinau, Moldova.", "unlicensed_agency"),
    (
        "We do not accept resumes from recruitment agencies; the role is in Berlin, Germany.",
        "unlicensed_agency",
    ),
    ("A digital agency in Lisbon, Portugal seeks a designer.", "unlicensed_agency"),
    ("After you apply, a recruiter will do a short phone screen.", "unlicensed_agency"),
    ("Apply now and help small businesses win!", "urgency"),
    ("URGENT HIRING: warehouse operatives, start ASAP.", "urgency"),
    ("Start date: as soon as possible.", "urgency"),
    ("We provide primary and urgent care to our members.", "urgency"),
    (
        "Reasonable accommodation is available to applicants with disabilities upon request.",
        "accommodation_by_employer",
    ),
    (
        "Accommodation is available to all applicants throughout the recruitment process.",
        "accommodation_by_employer",
    ),
    (
        "Commuter benefits: pre-tax deductions for public transportation and parking.",
        "wages_cut_for_costs",
    ),
    (
        "We keep your application documents for six months, as our privacy notice explains.",
        "documents_held",
    ),
    (
        "Bring your right to work documents; we check them and give them back the same day.",
        "documents_held",
    ),
    ("Experience at large companies and startups is a plus.", "vague_employer"),
    ("Join a leading insurtech company that is unlocking the potential of data.", "vague_employer"),
    ("A one-time payment when you join us to help you set up your home office.", "recruitment_fee"),
    ("We cover travel costs for our twice-yearly team retreats.", "travel_paid"),
    ("You will deploy our models to production and monitor them.", "deployment_unnamed_employer"),
    ("We never keep your passport: it stays with you.", "documents_held"),
    (
        "What we will never do: charge you a recruitment fee or keep your passport.",
        "recruitment_fee",
    ),
    ("What we will never do: charge you a fee or keep your passport.", "documents_held"),
    ("Bring photo ID to the interview at our office.", "send_photos"),
    ("I am a simple, hard-working woman from Iasi.", "young_women_only"),
    ("You will work closely as a trusted partner to our Enterprise teams.", "vague_employer"),
    (
        "Relocation package of 500 Euro: a one-time fee, paid with your first salary.",
        "recruitment_fee",
    ),
]


@pytest.mark.parametrize(("text", "indicator"), SILENT)
def test_ordinary_wording_does_not_fire(text: str, indicator: str) -> None:
    assert indicator not in fired(text), fired(text)


FIRES: list[tuple[str, str, str, str]] = [
    # (kind, text, indicator, expected span fragment)
    (
        "job",
        "Successful applicants will be deployed to our client in Qatar within two weeks.",
        "deployment_unnamed_employer",
        "applicants will be deployed",
    ),
    (
        "job",
        "Our esteemed client in the Middle East needs 20 packers.",
        "vague_employer",
        "esteemed client",
    ),
    (
        "job",
        "He works for a big food company in Belgium, I can't write the name.",
        "vague_employer",
        "big food company",
    ),
    (
        "job",
        "Departure in 3 days, tickets ready, so decide today.",
        "urgency",
        "Departure in 3 days",
    ),
    (
        "job",
        "We book the flight and you pay it back bit by bit from your wages.",
        "debt_repaid_from_wages",
        "pay it back bit by bit from your wages",
    ),
    (
        "job",
        "Our coordinator looks after your passport during the season.",
        "documents_held",
        "coordinator looks after your passport",
    ),
    (
        "job",
        "The rent just comes off your salary every Friday.",
        "wages_cut_for_costs",
        "rent just comes off your salary",
    ),
    (
        "job",
        "Caravans on the farm for the whole team.",
        "accommodation_by_employer",
        "Caravans on the farm",
    ),
    (
        "job",
        "Come on a tourist visa, the work papers are arranged there.",
        "tourist_visa_work",
        "tourist visa",
    ),
    (
        "job",
        "No language needed, we translate everything.",
        "language_not_needed",
        "No language needed",
    ),
    (
        "job",
        "Engagement terms are finalised with the client on site.",
        "contract_on_arrival",
        "terms are finalised with the client on site",
    ),
    (
        "job",
        "Day off and phone use as per employer decision.",
        "restricted_movement",
        "phone use as per",
    ),
    ("job", "£12.40 per hour, 40 hours a week.", "realistic_wage", "£12.40 per hour"),
    (
        "job",
        "Salary $95,000 - $120,000 depending on experience.",
        "realistic_wage",
        "$95,000 - $120,000",
    ),
    (
        "job",
        "Permanent, full-time contract with 25 days paid leave.",
        "contract_terms_stated",
        "full-time contract",
    ),
    (
        "bridal",
        "Bill will pay her ticket and the wedding is soon after.",
        "agency_pays_travel",
        "Bill will pay her ticket",
    ),
    (
        "bridal",
        "I will keep your passport safe while we do the paperwork.",
        "agency_keeps_documents",
        "I will keep your passport",
    ),
    (
        "bridal",
        "Browse the catalogue of our brides and choose your wife.",
        "bride_catalogue",
        "catalogue of our brides",
    ),
    (
        "bridal",
        "A gift of 2,000 dollars is paid to her family after the engagement.",
        "payment_to_family",
        "paid to her family",
    ),
    (
        "bridal",
        "Fictitious marriage for papers, everything arranged.",
        "sham_marriage",
        "Fictitious marriage",
    ),
    (
        "bridal",
        "A farmer in Canada, widower, seeking a young wife.",
        "young_women_only",
        "seeking a young wife",
    ),
    (
        "bridal",
        "Wedding within two months and you fly to him.",
        "marriage_abroad_fast",
        "Wedding within two months",
    ),
    (
        "bridal",
        "I am looking for a kind man who wants a family.",
        "independent_adult",
        "I am looking for a kind man",
    ),
    (
        "escort",
        "Our driver brings your companion to your hotel and collects her afterwards.",
        "restricted_movement",
        "Our driver brings your companion",
    ),
    (
        "escort",
        "Please do not contact the ladies directly, our administrator handles bookings.",
        "third_person_voice",
        "do not contact the ladies directly",
    ),
]


@pytest.mark.parametrize(("kind", "text", "indicator", "span"), FIRES)
def test_real_phrasing_fires(kind: str, text: str, indicator: str, span: str) -> None:
    hits = fired(text, kind)
    assert indicator in hits, hits
    assert any(span in h or h in span for h in hits[indicator]), hits[indicator]

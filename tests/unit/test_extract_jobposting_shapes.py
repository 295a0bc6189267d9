"""JobPosting shapes real boards emit: no description, regions, currencies, ids, bad JSON.

The fixtures are written for these tests (fictional data) in the shapes seen on real
job boards and search-result snippets.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from crawlers.extract.profile_extract import extract_with_profile
from crawlers.extract.structured import extract_job_postings, job_posting_to_fields
from tests.unit.test_extract_structured import URL, fixture
from tests.unit.test_profiles import make_profile


def entity_values(html_name: str) -> list[set[tuple[str, str]]]:
    postings = extract_job_postings(fixture(html_name), URL)
    fields = [job_posting_to_fields(p, URL) for p in postings]
    return [{(e.kind, e.value) for e in f.entities} for f in fields]


def test_posting_without_description_is_still_an_advert() -> None:
    (posting,) = extract_job_postings(fixture("job_no_description.html"), URL)
    fields = job_posting_to_fields(posting, URL)
    assert fields.title == "Warehouse operative"
    assert fields.body.splitlines() == [
        "Employer: Example Logistics Ltd",
        "Location: Sibiu, Sibiu County, RO; Brașov, RO",
        "Pay: 4500-5200 RON/MONTH",
        "Employment type: FULL_TIME; TEMPORARY",
        "Responsibilities: Picking, packing and loading lorries.",
        "Benefits: Free accommodation; Transport to the site",
        "Direct apply on the site",
    ]
    assert fields.employer == "Example Logistics Ltd"  # hiringOrganization as a string
    assert fields.location == "Sibiu, Sibiu County, RO; Brașov, RO"
    assert fields.pay == "4500-5200 RON/MONTH"  # currency inside the QuantitativeValue
    assert fields.posted_at == datetime(2025, 2, 3, 7, 15, tzinfo=UTC)
    assert fields.licence_number is None  # identifier is the board's id
    assert {(e.kind, e.value) for e in fields.entities} == {
        ("email", "recrutare@example.org"),
        ("phone", "+40700000123"),
    }


def test_search_snippets_keep_every_field() -> None:
    postings = extract_job_postings(fixture("job_snippets.html"), URL)
    picker, carer = (job_posting_to_fields(p, URL) for p in postings)
    assert (picker.title, carer.title) == ("Seasonal fruit picker", "Care assistant")
    assert picker.body.splitlines() == [
        "Employer: Example Farms Ltd",
        "Location: Huelva, Andalusia, ES",
        "Pay: 9.5 EUR/HOUR",
    ]
    assert picker.pay == "9.5 EUR/HOUR"  # top-level salaryCurrency
    assert picker.licence_number == "AG-0099"  # hiringOrganization.licenseNumber
    assert picker.posted_at == datetime(2025, 1, 20, tzinfo=UTC)
    assert carer.employer == "Example Care Agency"
    assert carer.location == "Bavaria, Germany"  # region without a city; Country object
    assert carer.pay == "2100-2400 EUR/MONTH"
    assert carer.licence_number is None  # identifier PropertyValue with a number
    assert entity_values("job_snippets.html") == [
        {("email", "apply@example.org")},
        {("phone", "+37360000145")},
    ]


def test_raw_newlines_and_stray_quotes_are_repaired() -> None:
    (posting,) = extract_job_postings(fixture("job_raw_quotes.html"), URL)
    fields = job_posting_to_fields(posting, URL)
    assert fields.title == 'Delivery driver "C" licence'
    assert fields.body.splitlines() == [
        "Deliveries across the region.",
        'A so-called "good" salary, paid weekly.',
        "Call 555-0142.",
    ]
    assert (fields.employer, fields.location) == ("Example Transport Ltd", "Chișinău, MD")
    assert fields.pay == "15000 MDL/MONTH"
    assert fields.posted_at == datetime(2025, 2, 10, tzinfo=UTC)


def test_sparse_microdata_posting() -> None:
    (posting,) = extract_job_postings(fixture("job_microdata_sparse.html"), URL)
    fields = job_posting_to_fields(posting, URL)
    assert fields.title == "Hotel cleaner"
    assert fields.body.splitlines()[0] == "Employer: Example Hotels Ltd"
    assert fields.location == "Bălți, Bălți municipality, MD"
    assert fields.pay == "9000 MDL/MONTH"  # microdata salaryCurrency
    assert fields.licence_number is None
    assert {(e.kind, e.value) for e in fields.entities} == {("email", "hotel@example.org")}


def test_profile_keeps_posting_without_description() -> None:
    profile = make_profile(structured=True)
    html = fixture("job_no_description.html")
    fields = extract_with_profile(html, URL, profile)
    assert fields is not None
    assert fields.body.startswith("Employer: Example Logistics Ltd\n")
    page_body = html.replace("</body>", '<div class="about">Packing parcels.</div></body>')
    with_page_body = extract_with_profile(page_body, URL, profile)
    assert with_page_body is not None and with_page_body.body == "Packing parcels."


@pytest.mark.parametrize(
    ("posting", "expected"),
    [
        ({"salaryCurrency": "EUR", "baseSalary": {"value": 1000}}, "1000 EUR"),
        ({"salaryCurrency": "EUR", "baseSalary": {"currency": "USD", "value": 5}}, "5 USD"),
        ({"baseSalary": {"salaryCurrency": "GBP", "value": {"value": 12}}}, "12 GBP"),
        (
            {"baseSalary": {"value": {"currency": "PLN", "minValue": 30, "maxValue": 35}}},
            "30-35 PLN",
        ),
        ({"salaryCurrency": "RON", "baseSalary": [{"value": 1}, {"value": 2}]}, "1 RON; 2 RON"),
        ({"salaryCurrency": "EUR", "estimatedSalary": {"value": 900}}, "900 EUR"),
    ],
)
def test_currency_from_every_position(posting: dict[str, Any], expected: str) -> None:
    fields = job_posting_to_fields({"@type": "JobPosting", "title": "T", **posting}, URL)
    assert fields.pay == expected


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ({"addressLocality": "Iași", "addressRegion": "Iași", "addressCountry": "RO"}, "Iași, RO"),
        ({"addressRegion": "Gagauzia", "addressCountry": {"name": "MD"}}, "Gagauzia, MD"),
        ({"addressCountry": "UA"}, "UA"),
        ([{"addressLocality": "Cahul"}], "Cahul"),
    ],
)
def test_location_keeps_region_and_country(address: object, expected: str) -> None:
    posting = {"@type": "JobPosting", "title": "T", "jobLocation": {"address": address}}
    assert job_posting_to_fields(posting, URL).location == expected


@pytest.mark.parametrize(
    "identifier",
    ["JB-1", 4411, {"@type": "PropertyValue", "name": "Licence", "value": "MD-1"}],
)
def test_identifier_is_never_a_licence(identifier: object) -> None:
    posting = {"@type": "JobPosting", "title": "T", "identifier": identifier}
    assert job_posting_to_fields(posting, URL).licence_number is None


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ('{"title": "Say "hi" to us"}', 'Say "hi" to us'),
        ('{"title": "He said "come", then left", "x": 1}', 'He said "come", then left'),
        ('{"title": "a\tb \\"ok\\"",}', 'a\tb "ok"'),
        ('[{"title": "one\ntwo"}, {"title": "x"}]', "one\ntwo"),
    ],
)
def test_json_ld_lenient_repair(raw: str, title: str) -> None:
    html = raw.replace("{", '{"@type": "JobPosting", ', 1)
    page = f'<script type="application/ld+json">{html}</script>'
    assert extract_job_postings(page, URL)[0]["title"] == title


def test_built_body_does_not_decide_the_language() -> None:
    posting = {
        "@type": "JobPosting",
        "title": "Lucrători în depozit în Germania, cazare gratuită",
        "hiringOrganization": "Example Logistics Ltd",
        "employmentType": "FULL_TIME",
        "responsibilities": "Packing and loading lorries in a large warehouse near Munich.",
    }
    fields = job_posting_to_fields(posting, URL)
    assert fields.body.startswith("Employer: ")
    assert fields.language == "ro"
    html = f'<script type="application/ld+json">{json.dumps(posting)}</script>'
    profiled = extract_with_profile(html, URL, make_profile(structured=True))
    assert profiled is not None and profiled.language == "ro"

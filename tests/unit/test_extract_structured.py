"""schema.org JobPosting extraction (JSON-LD, @graph, microdata, broken blocks) and mapping."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from crawlers.extract import structured
from crawlers.extract.structured import extract_job_postings, job_posting_to_fields

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"
URL = "https://jobs.example.md/job/17"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def squash(s: str) -> str:
    return " ".join(s.split())


def test_json_ld_job_posting() -> None:
    postings = extract_job_postings(fixture("job_jsonld.html"), URL)
    assert len(postings) == 1
    fields = job_posting_to_fields(postings[0], URL, site_country="US")
    assert fields.kind == "job"
    assert fields.title == "Kitchen assistant & dishwasher"
    assert "<b>" not in fields.body and "<p>" not in fields.body
    assert squash(fields.body) == (
        "We are looking for a kitchen assistant for a hotel restaurant in Milan. "
        "Salary paid monthly Accommodation provided "
        "Call (202) 555-0123 from the US or write on WhatsApp +373 600 00 123."
    )
    assert fields.posted_at == datetime(2024, 5, 1, tzinfo=UTC)
    assert fields.location == "Milan, Lombardy, IT"
    assert fields.pay == "1200-1500 EUR/MONTH"
    assert fields.employer == "Example Hospitality SRL"
    # "identifier" is the board's id for the posting, even when named "Licence".
    assert fields.licence_number is None
    assert fields.language == "en"
    found = {(e.kind, e.value) for e in fields.entities}
    assert found == {
        ("phone", "+12025550123"),
        ("phone", "+37360000123"),
        ("handle", "whatsapp:+37360000123"),
        # hiringOrganization contact fields
        ("email", "hr@example.org"),
        ("phone", "+37360000122"),
        ("url", "https://www.example.org/"),
    }
    text = f"{fields.title}\n{fields.body}\n"
    for e in fields.entities:
        if e.start < len(text):
            assert text[e.start : e.end] == e.raw


def test_json_ld_graph_with_type_list_and_schema_prefix() -> None:
    postings = extract_job_postings(fixture("job_graph.html"), URL)
    assert len(postings) == 1
    fields = job_posting_to_fields(postings[0], URL)
    assert fields.title == "Ospătar în Germania"
    assert fields.language == "ro"
    assert fields.employer == "Restaurant Exemplu GmbH"
    assert fields.location == "München, DE; Berlin, DE"
    assert fields.pay == "2000 EUR/MONTH"
    # An offset in datePosted is kept as the same instant, in UTC.
    assert fields.posted_at == datetime(2024, 6, 10, 6, 30, tzinfo=UTC)
    assert [(e.kind, e.value) for e in fields.entities] == [("email", "ana@example.md")]


def test_microdata_job_posting() -> None:
    postings = extract_job_postings(fixture("job_microdata.html"), URL)
    assert len(postings) == 1
    fields = job_posting_to_fields(postings[0], URL)
    assert fields.title == "Warehouse operative"
    assert fields.body.splitlines() == [
        "Packing and loading in a logistics warehouse near Wrocław.",
        "Day and night shifts, transport to the site is provided.",
    ]
    assert fields.posted_at == datetime(2024, 4, 15, tzinfo=UTC)
    assert fields.employer == "Example Logistics Sp. z o.o."
    assert fields.location == "Wrocław, PL"
    assert fields.pay == "28.5 PLN/HOUR"
    assert ("email", "jobs@example.pl") in {(e.kind, e.value) for e in fields.entities}


def test_broken_json_ld_is_skipped_with_warning(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="crawlers.extract.structured"):
        postings = extract_job_postings(fixture("job_broken_jsonld.html"), URL)
    # The two broken blocks are skipped; the one with a trailing comma is repaired.
    assert [p["title"] for p in postings] == ["Hotel cleaner"]
    warnings = [r for r in caplog.records if "broken JSON-LD" in r.getMessage()]
    assert len(warnings) == 2


def test_no_postings() -> None:
    assert extract_job_postings(fixture("bridal_profile.html"), URL) == []
    assert extract_job_postings("", URL) == []
    assert extract_job_postings("<html><body>no data</body></html>", URL) == []
    not_a_job = '<script type="application/ld+json">{"@type": "Organization", "name": "X"}</script>'
    assert extract_job_postings(not_a_job, URL) == []


class _ReadsCounted:
    """extruct's JSON-LD reader, counting the documents it is asked to read."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.reader = structured.json_ld_reader()
        self.documents = 0
        monkeypatch.setattr(structured, "json_ld_reader", lambda: self)

    def extract_items(self, document: Any, base_url: str) -> Any:
        self.documents += 1
        return self.reader.extract_items(document, base_url=base_url)


def test_json_ld_is_read_by_extruct_and_repaired_where_extruct_cannot_read_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    extruct_reads = _ReadsCounted(monkeypatch)
    plain = '<script type="application/ld+json">{"@type": "JobPosting", "title": "A"}</script>'
    assert [p["title"] for p in extract_job_postings(plain, URL)] == ["A"]
    assert extruct_reads.documents == 1
    # a stray inner quote fails extruct's reader: the page is read through the repairs
    stray_quote = plain.replace('"A"', '"A "night" shift"')
    assert [p["title"] for p in extract_job_postings(stray_quote, URL)] == ['A "night" shift']
    assert extruct_reads.documents == 2
    # a type extruct does not look for is read without it
    variant = plain.replace("application/ld+json", "application/ld+json; charset=utf-8")
    assert [p["title"] for p in extract_job_postings(variant, URL)] == ["A"]
    assert extruct_reads.documents == 2


@pytest.mark.parametrize(
    "block",
    [
        '{"@type": "JobPosting", "title": "A"}',
        '{"@type": "https://schema.org/JobPosting", "title": "A"}',
        '{"@type": ["Thing", "JobPosting"], "title": "A"}',
        '[{"@type": "Organization"}, {"@type": "JobPosting", "title": "A"}]',
        '{"@graph": [{"@graph": [{"@type": "JobPosting", "title": "A"}]}]}',
        '{"@type": "WebPage", "mainEntity": {"@type": "JobPosting", "title": "A"}}',
        '<!-- {"@type": "JobPosting", "title": "A"} -->',
        '{"@type": "JobPosting", "title": "A", "description": "line one\nline two"}',
    ],
)
def test_json_ld_shapes(block: str) -> None:
    html = f'<html><head><script type="application/ld+json">{block}</script></head></html>'
    postings = extract_job_postings(html, URL)
    assert [p["title"] for p in postings] == ["A"]


def test_json_ld_type_attribute_variants() -> None:
    html = (
        '<script type="Application/LD+JSON; charset=utf-8">'
        '{"@type": "JobPosting", "title": "A"}</script>'
        '<script type="application/json">{"@type": "JobPosting", "title": "B"}</script>'
    )
    assert [p["title"] for p in extract_job_postings(html, URL)] == ["A"]


@pytest.mark.parametrize(
    ("salary", "expected"),
    [
        (
            {"currency": "EUR", "value": {"minValue": 1200, "maxValue": 1500, "unitText": "MONTH"}},
            "1200-1500 EUR/MONTH",
        ),
        ({"currency": "EUR", "value": {"value": "1800.00", "unitText": "MONTH"}}, "1800 EUR/MONTH"),
        ({"currency": "USD", "value": 25, "unitText": "HOUR"}, "25 USD/HOUR"),
        ({"value": {"minValue": 10, "maxValue": 10}}, "10"),
        ({"currency": "EUR", "value": {"minValue": 900}}, "900 EUR"),
        ("1000 EUR", "1000 EUR"),
        (1500, "1500"),
        ({"currency": "EUR"}, None),
    ],
)
def test_salary_formats(salary: Any, expected: str | None) -> None:
    fields = job_posting_to_fields(
        {"@type": "JobPosting", "title": "T", "description": "D", "baseSalary": salary}, URL
    )
    assert fields.pay == expected


def test_sparse_and_odd_values() -> None:
    posting: dict[str, Any] = {
        "@type": "JobPosting",
        "name": "Driver",
        "description": "&lt;p&gt;Driving &amp;amp; delivery&lt;/p&gt;&lt;p&gt;Second&lt;/p&gt;",
        "datePosted": "not a date",
        "hiringOrganization": {"@type": "Organization", "name": "ACME", "license": "LIC-7"},
        "jobLocationType": "TELECOMMUTE",
        "applicationContact": {"email": "apply@example.org", "url": "/apply"},
    }
    fields = job_posting_to_fields(posting, URL, kind="job")
    assert fields.title == "Driver"
    assert fields.body == "Driving & delivery\nSecond"
    assert fields.posted_at is None
    assert fields.location == "Remote"
    assert fields.licence_number == "LIC-7"
    assert {(e.kind, e.value) for e in fields.entities} == {
        ("email", "apply@example.org"),
        ("url", "https://jobs.example.md/apply"),
    }


def test_title_string_that_looks_like_markup_stays_literal() -> None:
    posting = {
        "@type": "JobPosting",
        "title": "Warehouse operative \u2013 Rotterdam <script>alert(1)</script> &amp; more",
        "description": "<p>Picking<script>alert(2)</script> and packing.</p>",
    }
    fields = job_posting_to_fields(posting, URL)
    assert fields.title == "Warehouse operative – Rotterdam <script>alert(1)</script> & more"
    assert fields.body == "Picking and packing."  # description is HTML: script elements go


def test_empty_posting() -> None:
    fields = job_posting_to_fields({"@type": "JobPosting"}, URL, kind="escort")
    assert (fields.title, fields.body, fields.kind, fields.language) == ("", "", "escort", None)
    assert fields.entities == ()


def test_first_posting_asks_about_microdata_only_without_a_json_ld_posting() -> None:
    from crawlers.extract.text import parse_html

    json_ld = '{"@type": "JobPosting", "title": "Cook", "description": "Kitchen work"}'
    microdata = (
        '<div itemscope itemtype="https://schema.org/JobPosting">'
        '<h1 itemprop="title">Driver</h1><p itemprop="description">Vans</p></div>'
    )
    asked: list[bool] = []

    def has_microdata() -> bool:
        asked.append(True)
        return True

    with_json_ld = parse_html(f'<script type="application/ld+json">{json_ld}</script>{microdata}')
    first = structured.first_job_posting
    found = first(with_json_ld, "http://x.example/1", microdata=has_microdata)
    assert found is not None and found["title"] == "Cook" and not asked
    only_microdata = parse_html(f"<html><body>{microdata}</body></html>")
    found = first(only_microdata, "http://x.example/2", microdata=has_microdata)
    assert found is not None and found["title"] == "Driver" and asked == [True]

"""What a job page says beside its posting: contacts printed next to it (not the site's own),
the job's country (for phone numbering plans and short texts' language), remote locations
and bare salaries."""

from __future__ import annotations

import json

from crawlers.adhoc import adhoc_profile
from crawlers.extract.countries import country_code, country_language
from crawlers.extract.profile_extract import extract_with_profile
from crawlers.extract.structured_values import job_posting_values
from tests.fresh_python import printed_words

URL = "https://jobs.example.org/view/7"


def page(posting: dict[str, object], body: str) -> str:
    script = f'<script type="application/ld+json">{json.dumps(posting)}</script>'
    return f"<html><head>{script}</head><body>{body}</body></html>"


POSTING: dict[str, object] = {
    "@type": "JobPosting",
    "title": "Line cook",
    "description": "Busy kitchen, day shifts, contract from the first day.",
    "jobLocation": {"@type": "Place", "address": {"addressCountry": "Romania"}},
}


def contacts(html: str) -> set[tuple[str, str]]:
    fields = extract_with_profile(html, URL, adhoc_profile(URL, "job"))
    assert fields is not None
    return {(e.kind, e.value) for e in fields.entities if e.kind in ("phone", "email")}


def test_contacts_printed_beside_the_posting_are_the_adverts() -> None:
    body = (
        "<main><h1>Line cook</h1><p>Apply: call 0700 000 124 or write to "
        '<a href="mailto:kitchen@example.org">our chef</a>.</p></main>'
    )
    assert contacts(page(POSTING, body)) == {
        ("phone", "+40700000124"),
        ("email", "kitchen@example.org"),
    }


def test_the_sites_own_header_footer_and_sidebar_contacts_are_not() -> None:
    body = (
        "<header>Support: 0700 000 111</header><nav>help@example.org</nav>"
        "<main><h1>Line cook</h1></main>"
        '<aside>Advertise with us: <a href="tel:+40700000222">call</a></aside>'
        "<footer>Board office: 0700 000 333, office@example.org</footer>"
    )
    assert contacts(page(POSTING, body)) == set()


def test_country_names_and_codes() -> None:
    names = ("fr", "France", "Frankreich", "Россия", "România")
    assert [country_code(v) for v in names] == ["FR", "FR", "FR", "RU", "RO"]
    assert country_code("Atlantis") is None and country_code(None) is None


def test_a_country_gives_a_short_text_the_served_language_of_its_script() -> None:
    assert country_language("MD", "Șofer") == "ro"
    assert country_language("MD", "Шофёр") == "ru"
    assert country_language("UA", "Водій") == "uk"
    assert country_language("DE", "Fahrer") is None  # German is not a language adwatch serves


def test_remote_jobs_keep_where_applicants_may_live_and_its_country() -> None:
    posting = {
        "title": "Support agent",
        "jobLocationType": "TELECOMMUTE",
        "applicantLocationRequirements": {"@type": "Country", "name": "United Kingdom"},
    }
    values = job_posting_values(posting, URL)
    assert (values["location"], values["country"]) == ("Remote (United Kingdom)", "GB")


def test_a_bare_salary_takes_the_postings_currency_unless_it_names_one() -> None:
    bare = job_posting_values({"title": "Picker", "baseSalary": 27500, "salaryCurrency": "GBP"})
    named = job_posting_values(
        {"title": "Driver", "baseSalary": "£11.80 per hour", "salaryCurrency": "GBP"}
    )
    assert (bare["pay"], named["pay"]) == ("27500 GBP", "£11.80 per hour")


def test_country_names_are_read_without_loading_phonenumbers_geocoding_data() -> None:
    # Importing phonenumbers.geodata costs every crawl process ~0.35 s; the names do not need it.
    code = (
        "import sys\n"
        "from crawlers.extract.countries import country_code\n"
        "print(country_code('Frankreich'), country_code('Франция'), country_code('fr'),"
        " 'phonenumbers.geodata' in sys.modules)\n"
    )
    assert printed_words(code) == ["FR", "FR", "FR", "False"]

"""Licensed-agency register: CSV loading, claims in text, register-aware matching."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from classifier.indicators import (
    AgencyRegister,
    IndicatorHit,
    find_agency_claims,
    load_register_csv,
    match_indicators,
)
from classifier.indicators.register import RegisterEntry, licence_key

SAMPLE = Path(__file__).resolve().parents[2] / "classifier/indicators/sample_register.csv"
TODAY = date(2026, 1, 1)


def hits_of(hits: list[IndicatorHit], indicator_id: str) -> list[str]:
    return [h.text for h in hits if h.indicator_id == indicator_id]


@pytest.fixture
def register() -> AgencyRegister:
    return load_register_csv(SAMPLE, today=TODAY)


# --------------------------------------------------------------------------- loading


def test_sample_register_loads(register: AgencyRegister) -> None:
    assert len(register) >= 6
    entry = register.lookup_licence("RO-AG-0123")
    assert entry is not None and entry.name == "Blue Horizon Staffing"
    assert entry.valid_until == date(2030, 12, 31)
    assert register.lookup_licence("ro ag 0123") is entry  # key ignores case and punctuation
    assert register.is_valid_licence("RO-AG-0123")
    assert not register.is_valid_licence("RO-AG-0456")  # expired 2023
    assert not register.is_valid_licence("XX-0000")


def test_csv_tolerates_bom_and_blank_lines(tmp_path: Path) -> None:
    p = tmp_path / "reg.csv"
    p.write_text(
        "\ufeffname,licence_number,country,valid_until\n\n"
        "Alpha Jobs,AB-1,RO,2030-01-01\n   \n"
        '"Beta, Gamma Ltd",AB-2,MD,2020-01-01\n',
        encoding="utf-8",
    )
    reg = load_register_csv(p, today=TODAY)
    assert [e.name for e in reg.entries] == ["Alpha Jobs", "Beta, Gamma Ltd"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("name,licence_number,country,valid_until\nAlpha,AB-1,RO,31.12.2030\n", ":2: valid_until"),
        ("name,licence_number,country,valid_until\n\nAlpha,AB-1,RO\n", ":3: expected 4 fields"),
        ("name,licence_number,country,valid_until\n,AB-1,RO,2030-01-01\n", ":2: name and"),
        ("name,number,country,until\nAlpha,AB-1,RO,2030-01-01\n", ":1: expected header"),
        ("", "empty agency register"),
    ],
)
def test_csv_bad_rows_name_the_line(tmp_path: Path, body: str, message: str) -> None:
    p = tmp_path / "bad.csv"
    p.write_text(body, encoding="utf-8")
    with pytest.raises(ValueError, match=message.replace(".", r"\.")) as excinfo:
        load_register_csv(p)
    assert str(p) in str(excinfo.value)


def test_missing_file_is_a_value_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="cannot read"):
        load_register_csv(tmp_path / "nope.csv")


def test_from_rows_and_licence_key() -> None:
    reg = AgencyRegister.from_rows([("Alpha", "AB-1", "RO", date(2030, 1, 1))], today=TODAY)
    assert reg.entries == (RegisterEntry("Alpha", "AB-1", "RO", date(2030, 1, 1)),)
    assert licence_key("ab 1") == licence_key("AB-1") == "AB1"
    assert licence_key("АВ-1") == "AB1"  # Cyrillic look-alikes


# --------------------------------------------------------------------------- claims


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Agency X, licence no. RO-AG-0123.", "RO-AG-0123"),
        ("Recruiter, license # MD-77.", "MD-77"),
        ("Agenția Y, licența nr. RO-AG-0789.", "RO-AG-0789"),
        ("Agentia Y, licenta nr 4521/2019, Chisinau.", "4521/2019"),
        ("Кадровое агентство, лицензия № 12345.", "12345"),
        ("Агенція, ліцензія № UA-LIC-20931.", "UA-LIC-20931"),
    ],
)
def test_find_agency_claims_licences(text: str, number: str) -> None:
    claims = find_agency_claims(text)
    licences = [(a, b, c) for a, b, c in claims if c.startswith("licence:")]
    assert len(licences) == 1
    a, b, claim = licences[0]
    assert text[a:b] == number
    assert claim == f"licence:{number.upper()}"


def test_find_agency_claims_mentions_and_driving_licence() -> None:
    text = "Recruitment agency StarWay. Driving licence B 12345 is a plus."
    claims = find_agency_claims(text)
    assert [c for _, _, c in claims] == ["agency:Recruitment agency"]
    a, b, _ = claims[0]
    assert text[a:b] == "Recruitment agency"


# --------------------------------------------------------------------------- matching


def test_valid_licence_is_mitigating(register: AgencyRegister) -> None:
    text = "Recruitment via Blue Horizon Staffing (licence no. RO-AG-0123) for Weber Bau GmbH."
    hits = match_indicators(text, "job", "en", register=register)
    assert "licence no. RO-AG-0123" in hits_of(hits, "named_employer_registration")
    assert "Blue Horizon Staffing" in hits_of(hits, "named_employer_registration")
    assert not hits_of(hits, "unlicensed_agency")


def test_expired_licence_is_unlicensed(register: AgencyRegister) -> None:
    text = "Atlas Work Agency, licence no. RO-AG-0456. Jobs in Germany."
    hits = match_indicators(text, "job", "en", register=register)
    assert "licence no. RO-AG-0456" in hits_of(hits, "unlicensed_agency")
    assert "Atlas Work Agency" in hits_of(hits, "unlicensed_agency")
    assert not hits_of(hits, "named_employer_registration")
    # The same licence was valid before it expired.
    earlier = match_indicators(text, "job", "en", register=register, today=date(2022, 6, 1))
    assert hits_of(earlier, "named_employer_registration")
    assert not hits_of(earlier, "unlicensed_agency")


def test_unknown_licence_is_unlicensed(register: AgencyRegister) -> None:
    text = "StarWay Recruitment agency, licence no. RO-AG-9999."
    hits = match_indicators(text, "job", "en", register=register)
    assert hits_of(hits, "unlicensed_agency") == ["licence no. RO-AG-9999"]
    assert not hits_of(hits, "named_employer_registration")


@pytest.mark.parametrize(
    ("text", "language", "mention"),
    [
        ("Agency StarWay Recruitment – jobs abroad, fast placement.", "en", "Agency"),
        ("Agenția EuroMunca vă oferă locuri de muncă în Italia.", "ro", "Agenția"),
        ("Кадровое агентство «Успех» – работа в Польше.", "ru", "Кадровое агентство"),
        ("Агенція «Шлях» пропонує роботу в Чехії.", "uk", "Агенція"),
    ],
)
def test_agency_abroad_without_any_licence_is_unverified_not_risk(
    text: str, language: str, mention: str
) -> None:
    for reg in (None, load_register_csv(SAMPLE, today=TODAY)):
        hits = match_indicators(text, "job", language, register=reg)
        assert hits_of(hits, "agency_unverified") == [mention]
        assert not hits_of(hits, "unlicensed_agency")
        assert {h.polarity for h in hits if h.indicator_id == "agency_unverified"} == {"context"}


@pytest.mark.parametrize(
    "text",
    [
        "We do not accept resumes from recruitment agencies. The role is based in Berlin, Germany.",
        "No agencies please. Office job in Chisinau.",
        "Digital agency in Lisbon, Portugal, seeks a designer.",
        "Experience working with federal agencies in the USA is a plus.",
        "Агентство недвижимости ищет риелтора.",
        "You will have a 30-minute phone screen with our recruiter.",
        "Marketing agency StarWay hires in Chisinau.",
    ],
)
def test_other_agencies_are_not_claims(text: str) -> None:
    for reg in (None, load_register_csv(SAMPLE, today=TODAY)):
        hits = match_indicators(text, "job", None, register=reg)
        assert not hits_of(hits, "unlicensed_agency"), hits
        assert not hits_of(hits, "agency_unverified"), hits


def test_licence_is_only_checked_where_the_register_covers_the_country(
    register: AgencyRegister,
) -> None:
    # A Polish licence number: the sample register lists no Polish agencies, so it is unknown.
    text = "Agencja Praca, licence no. PL-KRAZ-12345, work in Germany."
    hits = match_indicators(text, "job", "en", register=register)
    assert not hits_of(hits, "unlicensed_agency")
    assert hits_of(hits, "named_employer_registration") == ["licence no. PL-KRAZ-12345"]


def test_no_agency_no_unlicensed_hit(register: AgencyRegister) -> None:
    text = "Brightfield Farms Ltd is hiring strawberry pickers in Kent."
    assert not hits_of(match_indicators(text, "job", "en", register=register), "unlicensed_agency")
    text = "I'm writing this myself, no agency, no middlemen."
    assert not hits_of(match_indicators(text, "bridal", "en"), "unlicensed_agency")


def test_licence_without_register_is_mitigating() -> None:
    text = "Vista Placement, licence no. MD-LIC-4411."
    hits = match_indicators(text, "job", "en")
    assert hits_of(hits, "named_employer_registration") == ["licence no. MD-LIC-4411"]
    assert not hits_of(hits, "unlicensed_agency")


def test_register_in_other_languages(register: AgencyRegister) -> None:
    text = "Кадровий центр Обрій, ліцензія № UA-LIC-20931."
    hits = match_indicators(text, "job", "uk", register=register)
    assert "ліцензія № UA-LIC-20931" in hits_of(hits, "named_employer_registration")
    text = "Агентство Северный Ветер, лицензия № MD-LIC-5120. Работа в Польше."
    hits = match_indicators(text, "job", "ru", register=register)
    assert "лицензия № MD-LIC-5120" in hits_of(hits, "unlicensed_agency")


def test_register_hits_respect_kinds(register: AgencyRegister) -> None:
    text = "Agency StarWay, licence no. RO-AG-9999. New girls every week."
    hits = match_indicators(text, "escort", "en", register=register)
    assert not hits_of(hits, "unlicensed_agency")
    assert not hits_of(hits, "named_employer_registration")


def test_a_licence_the_advert_calls_lapsed_is_not_mitigating() -> None:
    text = "Vista Placement, licence no. MD-LIC-4411, licence being renewed. Work in Germany."
    hits = match_indicators(text, "job", "en")
    assert hits_of(hits, "unlicensed_agency") == ["licence being renewed"]
    assert not hits_of(hits, "named_employer_registration")

"""share.deid: ages generalised to bands, cities to their country."""

from __future__ import annotations

import pytest

from share.deid import age_band, deidentify, generalise_ages, generalise_places


@pytest.mark.parametrize(
    ("age", "band"),
    [(16, "under 18"), (18, "18–24"), (24, "18–24"), (25, "25–34"), (44, "35–44"), (61, "45+")],
)
def test_age_bands(age: int, band: str) -> None:
    assert age_band(age) == band


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sophie, 19", "[NAME], 18–24"),
        ("Anna 22 Chișinău", "[NAME] 18–24 [Moldova]"),
        ("I am 23 years old.", "I am 18–24 years old."),
        ("Мне 34 года", "Мне 25–34 года"),
        ("Светлана, 35 лет", "[NAME], 35–44 лет"),
        ("Am 26 de ani", "Am 25–34 de ani"),
        ("Florica, 33 ani.", "[NAME], 25–34 ani."),
        ("Мені 27 років", "Мені 25–34 років"),
        ("Caut de lucru. Am 45 de ani.", "Caut de lucru. Am 45+ de ani."),
        ("age: 29", "age: 25–34"),
        ("Роза, 45 лет, ищу спутника.", "[NAME], 45+ лет, ищу спутника."),
        ("Hope 23yo new in town", "[NAME] 18–24yo new in town"),
        ("Lily (23)", "[NAME] (18–24)"),
    ],
)
def test_ages_become_bands(text: str, expected: str) -> None:
    assert deidentify(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Job in Germany for girls 18-30 years.",
        "Требуются девушки 18-30 лет для работы.",
        "Vârsta 20 - 45 ani.",
        "Drivers with 15 years experience wanted.",
        "Salary 1500 EUR, 40 h/week, 24/7 support.",
        "Стаж 20 лет обязателен.",
        "We are 30 minutes from the centre.",
        "Women 25+ years welcome",
    ],
)
def test_ranges_salaries_and_experience_stay(text: str) -> None:
    assert generalise_ages(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sunt din Chișinău", "sunt din [Moldova]"),
        ("live in Chisinau", "live in [Moldova]"),
        ("работа в Москве", "работа в [Russia]"),
        ("я з Києва", "я з [Ukraine]"),
        ("VIKA 21 ODESSA", "[NAME] 18–24 [Ukraine]"),
        ("flights to Tel Aviv and St. Petersburg", "flights to [Israel] and [Russia]"),
        ("lucru în Italia, la Milano", "lucru în Italia, la [Italy]"),
        ("Работа в Дубае? В Стамбуле!", "Работа в [UAE]? В [Turkey]!"),
        ("lyuda from kharkov, 33", "[NAME] from [Ukraine], 33"),
    ],
)
def test_cities_become_countries(text: str, expected: str) -> None:
    assert deidentify(text) == expected


def test_unknown_cities_and_lower_case_words_stay() -> None:
    assert generalise_places("Welcome to Springfield") == "Welcome to Springfield"
    assert generalise_places("вена на руке") == "вена на руке"


def test_city_that_is_a_name_is_a_city_only_after_a_preposition() -> None:
    assert generalise_places("Milan, 25") == "Milan, 25"
    assert deidentify("Работа во Владимире, звонить Владимиру Петровичу") == (
        "Работа во [Russia], звонить [NAME]"
    )

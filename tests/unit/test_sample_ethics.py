"""The ethics checks on labelled adverts catch what they must and let durations be."""

from __future__ import annotations

import pytest

from tests.unit.sample_ethics import minor_ages, phone_problems


def advert(text: str) -> dict[str, str]:
    return {"id": "x", "title": "", "text": text}


@pytest.mark.parametrize(
    "text",
    ["I am 17 and new in town.", "Girls 16-20 wanted", "Мне 16 лет", "Bianca are 16 ani",
     "Дівчата від 16 до 20", "a 16-year-old girl", "Anna, 17 y.o."],
)  # fmt: skip
def test_a_stated_minor_age_is_caught(text: str) -> None:
    assert minor_ages(advert(text))


@pytest.mark.parametrize(
    "text",
    ["от 3 лет коммерческой разработки", "I worked there for 5 years.", "Am lucrat 3 ani in Italia",
     "The company is 12 years old.", "Girls 19-25 wanted", "Мне 25 лет", "am 34 de ani"],
)  # fmt: skip
def test_durations_and_adult_ages_pass(text: str) -> None:
    assert minor_ages(advert(text)) == []


def test_only_fictional_contacts_pass() -> None:
    assert phone_problems(advert("Call +40 700 000 123 or 555-0199, ana@example.org")) == []
    assert phone_problems(advert("Call +40 721 345 678")) != []
    assert phone_problems(advert("Write to ana@gmail.com")) != []

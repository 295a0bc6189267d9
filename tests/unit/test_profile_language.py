"""The site profile's optional ``language`` and its use as the detection fallback."""

from __future__ import annotations

import pytest

from crawlers.extract.build import build_fields
from crawlers.profiles import SiteProfile, extract_with_profile
from tests.unit.test_profiles import make_profile


def test_language_is_optional_and_normalised() -> None:
    assert make_profile().language is None
    assert make_profile(language=" RO ").language == "ro"


@pytest.mark.parametrize("value", ["bg", "russian", "", 3])
def test_unserved_or_malformed_language_is_rejected(value: object) -> None:
    with pytest.raises(ValueError, match="language"):
        make_profile(language=value)


def test_short_advert_takes_the_profile_language() -> None:
    html = "<html><body><h1>Работа</h1><div class='about'>Звоните</div></body></html>"
    url = "https://jobs.example.md/ad/1"
    ru_site: SiteProfile = make_profile(language="ru")
    fields = extract_with_profile(html, url, ru_site)
    assert fields is not None and fields.language == "ru"
    plain = extract_with_profile(html, url, make_profile())
    assert plain is not None and plain.language is None


def test_text_evidence_beats_the_profile_language() -> None:
    fields = build_fields(
        "Робота в Польщі для дівчат", "Житло є, дзвоніть", "job", language_fallback="ru"
    )
    assert fields.language == "uk"

"""detect_language on typical advert text."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from lingua import Language

from crawlers.extract import language
from crawlers.extract.language import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We are hiring cleaners for a hotel in Milan. Accommodation is provided and the "
            "salary is 1200 EUR per month. No experience needed.",
            "en",
        ),
        (
            "Angajăm femei de serviciu pentru un hotel din Italia. Cazare asigurată, "
            "salariu 1200 euro pe lună, fără experiență.",
            "ro",
        ),
        (
            "Требуются девушки для работы официантками в Варшаве. Жильё предоставляется, "
            "зарплата от 1500 евро, билеты оплачиваем.",
            "ru",
        ),
        (
            "Потрібні дівчата для роботи офіціантками у Варшаві. Житло надається, "
            "зарплата від 1500 євро, квитки оплачуємо.",
            "uk",
        ),
        ("Wir suchen Reinigungskräfte für ein Hotel in München, Unterkunft inklusive.", "other"),
        ("Cerchiamo cameriere per un albergo a Roma, vitto e alloggio compresi.", "other"),
        ("Buscamos camareras para un hotel en Madrid, alojamiento incluido.", "other"),
        ("Nous cherchons des femmes de ménage pour un hôtel à Paris, logement fourni.", "other"),
        ("Szukamy pań do sprzątania w hotelu w Krakowie, zakwaterowanie zapewnione.", "other"),
        ("İstanbul'da bir otel için temizlik personeli arıyoruz, konaklama dahil.", "other"),
        ("Търсим камериерки за хотел в Германия, осигурена квартира и храна.", "other"),
    ],
)
def test_languages(text: str, expected: str) -> None:
    assert detect_language(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Робота в Польщі для дівчат, житло є", "uk"),
        ("Работа в Польше для девушек, жильё есть", "ru"),
        ("Шукаємо няню в сім'ю, оплата щотижня", "uk"),
        ("Ищем няню в семью, оплата еженедельно", "ru"),
        ("Терміново! Виїзд цього тижня, їжа та проживання безкоштовно", "uk"),
        ("Работа", None),  # short, no letter settles it, no profile language
        ("Срочно! Выезд на этой неделе, еда и проживание бесплатно", "ru"),
    ],
)
def test_ukrainian_and_russian_told_apart(text: str, expected: str) -> None:
    assert detect_language(text) == expected


@pytest.mark.parametrize("text", ["", "Hi", "OK!", "12345 67890 +373", "😀😀😀", "a b c"])
def test_too_short_or_no_letters(text: str) -> None:
    assert detect_language(text) is None


@dataclass
class _Value:
    language: Language
    value: float


class _FakeDetector:
    def __init__(self, values: list[_Value]) -> None:
        self.values = values

    def compute_language_confidence_values(self, text: str) -> list[_Value]:
        return self.values


def test_low_confidence_is_none(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _FakeDetector([_Value(Language.SPANISH, 0.45), _Value(Language.ITALIAN, 0.40)])
    monkeypatch.setattr(language, "language_models", lambda: fake)
    assert detect_language("una frase ambigua qualsiasi") is None
    fake.values = [_Value(Language.SPANISH, 0.5), _Value(Language.ITALIAN, 0.3)]
    assert detect_language("una frase ambigua qualsiasi") == "other"


def test_neighbour_needs_a_clear_lead_to_override_the_profile(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake = _FakeDetector([_Value(Language.BULGARIAN, 0.6), _Value(Language.RUSSIAN, 0.4)])
    monkeypatch.setattr(language, "language_models", lambda: fake)
    text = "Работа и квартира в Германия за всички"
    assert detect_language(text, fallback="ru") == "ru"
    fake.values = [_Value(Language.BULGARIAN, 0.9), _Value(Language.RUSSIAN, 0.1)]
    assert detect_language(text, fallback="ru") == "other"


def test_low_served_confidence_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _FakeDetector([_Value(Language.ENGLISH, 0.4), _Value(Language.ROMANIAN, 0.35)])
    monkeypatch.setattr(language, "language_models", lambda: fake)
    assert detect_language("some short ambiguous text here", fallback="ro") == "ro"
    assert detect_language("some short ambiguous text here") is None


def test_detector_built_once() -> None:
    assert language.language_models() is language.language_models()


def test_long_text_is_sampled() -> None:
    text = "Angajăm ospătari în Germania, cazare asigurată. " * 20_000
    assert detect_language(text) == "ro"


def _lingua_must_not_be_asked() -> None:
    raise AssertionError("lingua was asked")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We are hiring cleaners for a hotel in Milan. Accommodation is provided and the "
            "salary is 1200 EUR per month. You will be paid every week and your travel is "
            "covered by us.",
            "en",
        ),
        # a few letters beyond a-z in names do not send English to lingua
        (
            "Welder (MIG/MAG), Wrocław, full time. We are looking for new colleagues in Wrocław "
            "and Iași. Role: welding steel structures in a workshop, reading drawings, checking "
            "seams. Accommodation is provided by the employer and the contract is for one year.",
            "en",
        ),
        (
            "Angajăm ospătărițe pentru un restaurant din Germania. Oferim cazare și masă, "
            "salariu bun, plata la timp. Căutăm persoane serioase care vor să lucreze în "
            "străinătate.",
            "ro",
        ),
    ],
)
def test_plain_english_and_romanian_are_read_without_lingua(
    text: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(language, "language_models", _lingua_must_not_be_asked)
    assert detect_language(text) == expected
    assert detect_language(text, fallback="uk") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Romanian without diacritics: "are" (has) and "an" (year) are English words too
        (
            "Firma are nevoie de fete pentru lucru in Italia, cazare si masa asigurate, salariu "
            "bun, plata la timp, sunati sau scrieti pe WhatsApp pentru detalii",
            "ro",
        ),
        # German "will" and "all", Polish "to": too few of their words are English ones
        (
            "Wer will bei uns arbeiten? Wir suchen Helfer für die Ernte, Unterkunft und "
            "Verpflegung sind frei, all inclusive, Job für Studenten",
            "other",
        ),
        (
            "To jest praca dla Ciebie: szukamy kelnerek do hotelu, zakwaterowanie i wyżywienie "
            "za darmo, wypłata co tydzień",
            "other",
        ),
        (
            "Cerchiamo ragazze per lavoro in un bar, vitto e alloggio, paga settimanale, "
            "chiamate o scrivete per info",
            "other",
        ),
    ],
)
def test_other_latin_script_text_is_left_to_lingua(text: str, expected: str) -> None:
    assert not language._plainly_english(text[: language.MAX_CHARS])
    assert detect_language(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Turkish shares ş with Romanian; its other letters (ı, ü, ğ) keep it from the shortcut
        "Yurtdışında iş fırsatı: otelde garson aranıyor, konaklama ücretsiz, maaş haftalık "
        "ödenir, deneyim gerekmez, hemen başlayın ve bizi arayın",
        # an English advert of a Romanian firm: Romanian letters, English words
        "Waiter for Hanul Bârsei, Brașov and Sibiu. We are hiring staff for the summer season; "
        "you will serve guests and set tables. Pay is weekly and housing is provided.",
    ],
)
def test_text_with_some_romanian_letters_is_not_taken_for_romanian(text: str) -> None:
    assert not language._plainly_romanian(text[: language.MAX_CHARS])


def test_ukrainian_with_a_word_final_soft_sign_is_read_without_lingua(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(language, "language_models", _lingua_must_not_be_asked)
    text = "Шукаємо дівчат, які хочуть працювати в кафе. Житло є, дорогу оплатить фірма."
    assert detect_language(text, fallback="ru") == "uk"

"""Indicator patterns per language: en, ro (with and without diacritics), ru, uk."""

from __future__ import annotations

import unicodedata

import pytest

from classifier.indicators import IndicatorHit, match_indicators


def strip_diacritics(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def check(text: str, kind: str, language: str, expected: dict[str, str]) -> list[IndicatorHit]:
    hits = match_indicators(text, kind, language)
    for h in hits:
        assert text[h.start : h.end] == h.text
    for indicator_id, phrase in expected.items():
        found = [h.text for h in hits if h.indicator_id == indicator_id]
        assert found, (
            f"{language}: {indicator_id} missing; hits {[(h.indicator_id, h.text) for h in hits]}"
        )
        assert any(phrase in t for t in found), (
            f"{language}: {indicator_id}: {phrase!r} not in {found}"
        )
    return hits


# --------------------------------------------------------------------------- Romanian

RO_JOB = (
    "URGENT! Plecarea peste 3 zile! Lucru în Germania. "
    "Câștig de la 2500 euro pe lună, fără experiență! "
    "Biletele și viza sunt plătite de angajator. Cazare asigurată de angajator. "
    "Costurile de transport se rețin din primul salariu. "
    "Pașaportul va fi păstrat de angajator pe durata contractului. "
    "Taxă de înregistrare 150 euro. Contractul se semnează la sosire. "
    "Scrieți doar pe Telegram. Doar fete 18-25 ani, aspect plăcut. "
    "Trimiteți poze în costum de baie."
)
RO_JOB_EXPECTED = {
    "urgency": "Plecarea peste 3 zile",  # "URGENT!" alone is hiring, not pressure to leave
    "high_pay_no_experience": "2500 euro pe lună, fără experiență",
    "travel_paid": "Biletele și viza sunt plătite",
    "accommodation_by_employer": "Cazare asigurată",
    "debt_repaid_from_wages": "se rețin din primul salariu",
    "documents_held": "Pașaportul va fi păstrat de angajator",
    "recruitment_fee": "Taxă de înregistrare",
    "contract_on_arrival": "Contractul se semnează la sosire",
    "messenger_only_contact": "doar pe Telegram",
    "young_women_only": "Doar fete 18-25",
    "send_photos": "Trimiteți poze în costum de baie",
}


def test_romanian_with_diacritics() -> None:
    hits = check(RO_JOB, "job", "ro", RO_JOB_EXPECTED)
    assert {h.language for h in hits} == {"ro"}


def test_romanian_without_diacritics() -> None:
    text = strip_diacritics(RO_JOB)
    assert "ș" not in text and "ț" not in text
    check(text, "job", "ro", {k: strip_diacritics(v) for k, v in RO_JOB_EXPECTED.items()})


def test_romanian_cedilla_variants() -> None:
    # ş and ţ with cedilla (legacy keyboards) instead of comma below.
    text = "Paşaportul rămâne la agenţie până la nuntă."
    check(text, "bridal", "ro", {"agency_keeps_documents": "Paşaportul rămâne la agenţie"})


def test_romanian_bridal_and_escort() -> None:
    bridal = (
        "Căsătorie în 3 luni garantat! Mirele plătește toate cheltuielile de drum și viza. "
        "Pașaportul rămâne la agenție până la nuntă."
    )
    check(bridal, "bridal", "ro", {
        "marriage_abroad_fast": "Căsătorie în 3 luni",
        "agency_pays_travel": "Mirele plătește toate cheltuielile de drum",
        "agency_keeps_documents": "Pașaportul rămâne la agenție",
        "documents_held": "Pașaportul rămâne la agenție",
    })  # fmt: skip
    escort = (
        "Nouă în oraș! Disponibilă non-stop. Rezervări doar prin manager. "
        "Fete noi în fiecare săptămână. Frumusețe exotică, foarte tânără."
    )
    check(escort, "escort", "ro", {
        "new_in_town": "Nouă în oraș",
        "available_24_7": "non-stop",
        "third_person_voice": "Rezervări doar prin manager",
        "multiple_workers_one_contact": "Fete noi în fiecare săptămână",
        "ethnicity_emphasis": "exotică",
        "youth_emphasis": "foarte tânără",
    })  # fmt: skip


@pytest.mark.parametrize(
    ("text", "indicator_id"),
    [
        ("Fără taxe.", "recruitment_fee"),
        ("Fara taxa de inregistrare.", "recruitment_fee"),
        ("Nu percepem nicio taxă de înregistrare.", "recruitment_fee"),
        ("Taxa de înregistrare: 0 lei.", "recruitment_fee"),
        ("Pașaportul nu este păstrat de angajator.", "documents_held"),
        ("Angajatorul nu păstrează pașaportul.", "documents_held"),
        ("Contractul nu se semnează la sosire, ci acasă.", "contract_on_arrival"),
    ],
)
def test_romanian_negation(text: str, indicator_id: str) -> None:
    hits = match_indicators(text, "job", "ro")
    assert indicator_id not in {h.indicator_id for h in hits}, [
        (h.indicator_id, h.text) for h in hits
    ]


def test_romanian_mitigating() -> None:
    text = (
        "Angajator: Agro Sud SRL, CUI RO12345678. 12 euro/oră brut, 40 de ore pe săptămână. "
        "Contractul se semnează înainte de plecare, primiți o copie. "
        "Interviu la biroul nostru, str. Independenței 5, Chișinău."
    )
    check(text, "job", "ro", {
        "named_employer_registration": "CUI RO12345678",
        "realistic_wage": "12 euro/oră brut, 40 de ore",
        "written_contract_before_departure": "Contractul se semnează înainte de plecare",
        "registered_agency_office": "Interviu la biroul nostru",
    })  # fmt: skip


# --------------------------------------------------------------------------- Russian

RU_JOB = (
    "СРОЧНО! Выезд через 3 дня! Работа в Польше. Зарплата от 2000 евро в месяц, без опыта! "
    "Билеты и виза оплачиваются работодателем. Жильё предоставляется бесплатно. "
    "Стоимость билета вычитается из первой зарплаты. Паспорт хранится у работодателя. "
    "Регистрационный взнос 100 евро. Договор подписывается по приезду. "
    "Пишите только в Telegram. Только девушки 18-25 лет, приятная внешность. "
    "Присылайте фото в купальнике."
)


def test_russian_job() -> None:
    hits = check(RU_JOB, "job", "ru", {
        "urgency": "Выезд через 3 дня",  # "СРОЧНО!" alone is hiring, not pressure to leave
        "high_pay_no_experience": "2000 евро в месяц, без опыта",
        "travel_paid": "Билеты и виза оплачиваются",
        "accommodation_by_employer": "Жильё предоставляется бесплатно",
        "debt_repaid_from_wages": "вычитается из первой зарплаты",
        "documents_held": "Паспорт хранится у работодателя",
        "recruitment_fee": "Регистрационный взнос 100 евро",
        "contract_on_arrival": "Договор подписывается по приезду",
        "messenger_only_contact": "только в Telegram",
        "young_women_only": "Только девушки 18-25",
        "send_photos": "Присылайте фото в купальнике",
    })  # fmt: skip
    assert {h.language for h in hits} <= {"ru", "en"}


def test_russian_inflections() -> None:
    text = "Паспорта хранятся у координатора. Паспортом распоряжается бригадир."
    check(text, "job", "ru", {"documents_held": "Паспорта хранятся у координатора"})
    text = "Зарплату получаете только в конце сезона. Штрафы за опоздания."
    check(text, "job", "ru", {"wages_cut_for_costs": "Штрафы за опоздания"})


def test_russian_robustness() -> None:
    # Latin a/o/p/c inside Cyrillic words, spaced letters, a typo, emoji.
    text = "Пaспopт хранится у работодателя."
    check(text, "job", "ru", {"documents_held": "Пaспopт хранится у работодателя"})
    text = "П А С П О Р Т хранится у работодателя."
    check(text, "job", "ru", {"documents_held": "П А С П О Р Т хранится у работодателя"})
    text = "Паспрот хранится у работодателя."
    check(text, "job", "ru", {"documents_held": "Паспрот хранится у работодателя"})
    text = "🔥ВЫЕЗД ЧЕРЕЗ 3 ДНЯЯЯ🔥 нужны девушки"
    check(text, "job", "ru", {"urgency": "ВЫЕЗД ЧЕРЕЗ 3 ДНЯЯЯ"})


def test_russian_escort_and_bridal() -> None:
    escort = (
        "Новенькая в городе! Только приехала. Круглосуточно. Запись только через администратора. "
        "Новые девушки каждую неделю. Экзотическая азиатка. Очень молоденькая."
    )
    check(escort, "escort", "ru", {
        "new_in_town": "Новенькая в городе",
        "available_24_7": "Круглосуточно",
        "third_person_voice": "Запись только через администратора",
        "multiple_workers_one_contact": "Новые девушки каждую неделю",
        "ethnicity_emphasis": "азиатка",
        "youth_emphasis": "Очень молоденькая",
    })  # fmt: skip
    bridal = (
        "Выйти замуж за иностранца и уехать! Свадьба через 3 месяца. "
        "Жених оплачивает дорогу и визу. Паспорт хранится в агентстве до свадьбы."
    )
    check(bridal, "bridal", "ru", {
        "marriage_abroad_fast": "Свадьба через 3 месяца",
        "agency_pays_travel": "Жених оплачивает дорогу",
        "agency_keeps_documents": "Паспорт хранится в агентстве",
    })  # fmt: skip


@pytest.mark.parametrize(
    ("text", "indicator_id"),
    [
        ("Без оплаты за оформление.", "recruitment_fee"),
        ("Без комиссии и предоплаты.", "recruitment_fee"),
        ("Никаких регистрационных взносов.", "recruitment_fee"),
        ("Мы никогда не забираем паспорт.", "documents_held"),
        ("Паспорт не хранится у работодателя.", "documents_held"),
        ("Договор не подписывается по приезду.", "contract_on_arrival"),
    ],
)
def test_russian_negation(text: str, indicator_id: str) -> None:
    hits = match_indicators(text, "job", "ru")
    assert indicator_id not in {h.indicator_id for h in hits}, [
        (h.indicator_id, h.text) for h in hits
    ]


# --------------------------------------------------------------------------- Ukrainian

UK_JOB = (
    "ТЕРМІНОВО! Виїзд через 3 дні! Робота в Польщі. Зарплата від 2000 євро на місяць, без досвіду! "
    "Квитки та віза оплачуються роботодавцем. Житло надається безкоштовно. "
    "Вартість квитка вираховується з першої зарплати. Паспорт зберігається у роботодавця. "
    "Реєстраційний внесок 100 євро. Договір підписується після приїзду. "
    "Пишіть тільки в Telegram. Тільки дівчата 18-25 років, приємна зовнішність. "
    "Надсилайте фото в купальнику."
)


def test_ukrainian_job() -> None:
    hits = check(UK_JOB, "job", "uk", {
        "urgency": "Виїзд через 3 дні",  # "ТЕРМІНОВО!" alone is hiring, not pressure
        "high_pay_no_experience": "2000 євро на місяць, без досвіду",
        "travel_paid": "Квитки та віза оплачуються",
        "accommodation_by_employer": "Житло надається безкоштовно",
        "debt_repaid_from_wages": "вираховується з першої зарплати",
        "documents_held": "Паспорт зберігається у роботодавця",
        "recruitment_fee": "Реєстраційний внесок 100 євро",
        "contract_on_arrival": "Договір підписується після приїзду",
        "messenger_only_contact": "тільки в Telegram",
        "young_women_only": "Тільки дівчата 18-25",
        "send_photos": "Надсилайте фото в купальнику",
    })  # fmt: skip
    assert {h.language for h in hits} <= {"uk", "en"}


def test_ukrainian_escort_bridal_and_robustness() -> None:
    escort = (
        "Новенька в місті! Щойно приїхала. Цілодобово. Запис тільки через адміністратора. "
        "Нові дівчата щотижня. Екзотична азіатка. Дуже молоденька."
    )
    check(escort, "escort", "uk", {
        "new_in_town": "Новенька в місті",
        "available_24_7": "Цілодобово",
        "third_person_voice": "Запис тільки через адміністратора",
        "multiple_workers_one_contact": "Нові дівчата щотижня",
        "ethnicity_emphasis": "азіатка",
        "youth_emphasis": "Дуже молоденька",
    })  # fmt: skip
    bridal = "Швидкий шлюб! Наречений оплачує дорогу і візу. Паспорт зберігається в агенції."
    check(bridal, "bridal", "uk", {
        "marriage_abroad_fast": "Швидкий шлюб",
        "agency_pays_travel": "Наречений оплачує дорогу",
        "agency_keeps_documents": "Паспорт зберігається в агенції",
    })  # fmt: skip
    check("ПАСПОРТ ЗБЕРІГАЄТЬСЯ У РОБОТОДАВЦЯ", "job", "uk",
          {"documents_held": "ПАСПОРТ ЗБЕРІГАЄТЬСЯ У РОБОТОДАВЦЯ"})  # fmt: skip
    check("Пaспoрт зберігається у роботодавця", "job", "uk",
          {"documents_held": "Пaспoрт зберігається у роботодавця"})  # fmt: skip


@pytest.mark.parametrize(
    ("text", "indicator_id"),
    [
        ("Без комісії.", "recruitment_fee"),
        ("Жодних реєстраційних внесків.", "recruitment_fee"),
        ("Ми ніколи не забираємо паспорт.", "documents_held"),
        ("Паспорт не зберігається у роботодавця.", "documents_held"),
    ],
)
def test_ukrainian_negation(text: str, indicator_id: str) -> None:
    hits = match_indicators(text, "job", "uk")
    assert indicator_id not in {h.indicator_id for h in hits}, [
        (h.indicator_id, h.text) for h in hits
    ]


def test_mixed_language_advert_with_language_none() -> None:
    text = (
        "Работа в Германии, жильё предоставляется бесплатно. "
        "Contact only via WhatsApp. Cazare asigurată. Паспорт зберігається у роботодавця."
    )
    hits = match_indicators(text, "job")
    langs = {h.language for h in hits}
    assert {"ru", "en", "ro", "uk"} <= langs

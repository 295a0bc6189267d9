"""extract_entities: phones (plain and obfuscated), e-mails, messenger handles, URLs.

All phone numbers are fictional: +373 600 00 1xx, +40 700 000 1xx and US 555-01xx.
"""

from __future__ import annotations

import re
import sys

import pytest

from crawlers.extract.entities import extract_entities, normalise_region_hints
from crawlers.extract.fields import Entity
from crawlers.extract.number_words import NUMBER_WORDS, any_case


def entities(text: str, hints: tuple[str, ...] = ("MD", "RO", "UA", "RU")) -> tuple[Entity, ...]:
    found = extract_entities(text, hints)
    for e in found:  # every span maps back onto the original text
        assert text[e.start : e.end] == e.raw, e
    return found


def values(text: str, kind: str, hints: tuple[str, ...] = ("MD", "RO", "UA", "RU")) -> list[str]:
    return [e.value for e in entities(text, hints) if e.kind == kind]


def one(
    text: str, kind: str, value: str, hints: tuple[str, ...] = ("MD", "RO", "UA", "RU")
) -> Entity:
    matches = [e for e in entities(text, hints) if e.kind == kind and e.value == value]
    assert len(matches) == 1, entities(text, hints)
    return matches[0]


# --------------------------------------------------------------------------- phones


def test_plain_phones_md_ro() -> None:
    text = "Tel. +373 600 00 123 sau 0600 00 124, România: 0700 000 125"
    assert values(text, "phone") == ["+37360000123", "+37360000124", "+40700000125"]
    assert one(text, "phone", "+37360000124").raw == "0600 00 124"


def test_us_fictional_numbers() -> None:
    text = "US office: (202) 555-0123, cell +1 202 555 0199"
    assert values(text, "phone", ("US",)) == ["+12025550123", "+12025550199"]
    # "+1" needs no US hint.
    assert values("call +1 202 555 0142 now", "phone") == ["+12025550142"]


def test_number_words_english() -> None:
    text = "Call zero six zero zero, zero zero 1 2 3 after six"
    e = one(text, "phone", "+37360000123")
    assert e.raw == "zero six zero zero, zero zero 1 2 3"
    assert (e.start, e.end) == (5, 5 + len(e.raw))


def test_number_words_in_unicode_case_variants_are_read_not_a_crash() -> None:
    # "ſ" (long s) and Cyrillic small-letter variants match the words case-insensitively; the
    # digit lookup once raised KeyError on them, failing the whole page.
    assert values("call +373 ſix nine 123 456", "phone") == ["+37369123456"]
    assert values("звоните +373 ᲅри пять 123 456", "phone") == ["+37335123456"]


def test_letters_for_digits_ro_context() -> None:
    text = "Sunați la O7OO OOO l23 pentru detalii"
    e = one(text, "phone", "+40700000123", ("RO", "MD"))
    assert e.raw == "O7OO OOO l23"


def test_number_words_glued_to_digits() -> None:
    e = one("suna O7OO 5five5 l23 urgent", "phone", "+40700555123", ("RO",))
    assert e.raw == "O7OO 5five5 l23"


def test_number_words_ro_ru_uk() -> None:
    assert values("sună: zero șase zero zero zero zero unu doi patru", "phone") == ["+37360000124"]
    assert values("звоните ноль шесть ноль ноль ноль ноль один два пять", "phone") == [
        "+37360000125"
    ]
    assert values("дзвоніть нуль шість нуль нуль нуль нуль один два п'ять", "phone") == [
        "+37360000125"
    ]
    assert values("плюс три сім три шість нуль нуль нуль нуль один два дев’ять", "phone") == [
        "+37360000129"
    ]


def test_separators_and_emoji() -> None:
    assert values("0.6.0.0.0.0.1.2.6", "phone") == ["+37360000126"]
    assert values("0-6-0-0-0-0-1-2-7 call", "phone") == ["+37360000127"]
    assert values("06/00/00/128", "phone") == ["+37360000128"]
    assert values("0600🔥00🔥129", "phone") == ["+37360000129"]
    keycaps = "0️⃣6️⃣0️⃣0️⃣0️⃣0️⃣1️⃣3️⃣0️⃣"
    assert values(f"тел {keycaps}", "phone") == ["+37360000130"]
    assert values("0 6 0 0 0 0 1 3 1", "phone") == ["+37360000131"]
    assert values("+373 6OO OO 132", "phone") == ["+37360000132"]


def test_no_phones_in_prose_dates_and_measurements() -> None:
    text = (
        "Age 25, 170 cm, 55 kg. Salary 1200-1500 EUR, from 22.05.2024 10:30, "
        "two 1200 1500 shifts, I work 5 days, one two three, ООО Ромашка, "
        "opt ore pe zi, cinci zile, пять дней в неделю, 2024/17, 90-60-90."
    )
    assert values(text, "phone", ("MD", "RO", "UA", "RU", "US")) == []


def test_amounts_of_money_are_not_phones() -> None:
    text = (
        "Wage 2100–2300 EUR/month gross. Salariu: 2100-2400 lei. Зарплата 25000 30000 руб. "
        "Pay € 1500 2000 per month, 0600 0001 USD"
    )
    assert values(text, "phone", ("MD", "RO", "UA", "RU", "US")) == []


def test_numbers_inside_urls_are_not_phones() -> None:
    text = "see https://site.example.md/job/22052024 and https://x.example.org/?id=37360000140"
    assert values(text, "phone") == []


# --------------------------------------------------------------------------- e-mails


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("write to Anna.Jobs@Example.ORG today", "Anna.Jobs@Example.ORG"),
        ("write to anna.jobs at example dot org today", "anna.jobs at example dot org"),
        ("write to anna.jobs AT example DOT org", "anna.jobs AT example DOT org"),
        ("write to anna.jobs [at] example [dot] org", "anna.jobs [at] example [dot] org"),
        ("write to anna.jobs (at) example (dot) org", "anna.jobs (at) example (dot) org"),
        ("write to anna.jobs(at)example.org.", "anna.jobs(at)example.org"),
        ("write to anna.jobs{at}example{dot}org", "anna.jobs{at}example{dot}org"),
        ("write to anna.jobs @ example.org", "anna.jobs @ example.org"),
        ("пишите anna.jobs собака example.org", "anna.jobs собака example.org"),
        ("пишите anna.jobs собака example точка org", "anna.jobs собака example точка org"),
        ("пишите anna.jobs (собака) example.org", "anna.jobs (собака) example.org"),
        ("пишіть anna.jobs равлик example крапка org", "anna.jobs равлик example крапка org"),
    ],
)
def test_email_forms(text: str, raw: str) -> None:
    e = one(text, "email", "anna.jobs@example.org")
    assert e.raw == raw


def test_multi_label_domains() -> None:
    assert values("ion at mail dot example dot co dot uk", "email") == ["ion@mail.example.co.uk"]
    assert values("ion@mail.example.co.uk", "email") == ["ion@mail.example.co.uk"]


def test_bare_at_with_plain_domain_is_not_an_email() -> None:
    text = "Apply at jobs.example.md or meet us at home. Contact us at www.example.org"
    assert values(text, "email") == []


# --------------------------------------------------------------------------- handles


def test_telegram_handles() -> None:
    text = (
        "Telegram: @Anna_Jobs\n"
        "канал https://t.me/Work_Abroad_MD и t.me/s/NewsChannel\n"
        "тг @second_name, пиши в телеграм: @Third_Name\n"
        "tg://resolve?domain=fourth_name\n"
        "Telegram: fifth_name\n"
        "https://t.me/joinchat/AAAAAE and t.me/+InviteHash"
    )
    assert values(text, "handle") == [
        "telegram:anna_jobs",
        "telegram:work_abroad_md",
        "telegram:newschannel",
        "telegram:second_name",
        "telegram:third_name",
        "telegram:fourth_name",
        "telegram:fifth_name",
    ]
    assert one(text, "handle", "telegram:anna_jobs").raw == "@Anna_Jobs"


def test_at_names_without_telegram_context_are_ignored() -> None:
    assert values("Instagram @insta_girl, follow @someone_else", "handle") == []
    text = "Instagram @insta_girl, Telegram @tg_girl"
    assert values(text, "handle") == ["telegram:tg_girl"]
    assert values("Telegram: write me tomorrow", "handle") == []


def test_whatsapp_viber_signal_numbers() -> None:
    text = (
        "WhatsApp +373 600 00 141\n"
        "Viber/WhatsApp: 0600 00 142\n"
        "+373 600 00 143 (Signal)\n"
        "wa.me/37360000144 https://api.whatsapp.com/send?phone=37360000145\n"
        "viber://chat?number=%2B37360000146 signal.me/#p/+37360000147\n"
        "Telegram: +373 600 00 148\n"
        "call +373 600 00 149"
    )
    handles = values(text, "handle")
    assert handles == [
        "whatsapp:+37360000141",
        "viber:+37360000142",
        "whatsapp:+37360000142",
        "signal:+37360000143",
        "whatsapp:+37360000144",
        "whatsapp:+37360000145",
        "viber:+37360000146",
        "signal:+37360000147",
        "telegram:+37360000148",
    ]
    # Each messenger number is a phone as well.
    assert values(text, "phone") == [f"+373600001{n}" for n in range(41, 50)]
    assert one(text, "handle", "whatsapp:+37360000141").raw == "WhatsApp +373 600 00 141"


def test_messenger_word_attaches_to_the_nearest_number_only() -> None:
    text = "Call +373 600 00 151, WhatsApp +373 600 00 152"
    assert values(text, "handle") == ["whatsapp:+37360000152"]
    assert values("WhatsApp\n\n+373 600 00 153", "handle") == []


# --------------------------------------------------------------------------- URLs


def test_urls_canonicalised() -> None:
    text = (
        "Details: https://Jobs.Example.md/Job/17?utm_source=fb&b=2&a=1#apply, "
        "(see www.Example.org/About). Also http://example.net:80/x?fbclid=1."
    )
    assert values(text, "url") == [
        "https://jobs.example.md/Job/17?a=1&b=2",
        "http://www.example.org/About",
        "http://example.net/x",
    ]
    assert one(text, "url", "http://www.example.org/About").raw == "www.Example.org/About"


# --------------------------------------------------------------------------- general


def test_dedup_keeps_first_span() -> None:
    text = "0600 00 161 ... again +373 600 00 161 and zero six zero zero zero zero one six one"
    phones = [e for e in entities(text) if e.kind == "phone"]
    assert [(e.value, e.start) for e in phones] == [("+37360000161", 0)]


def test_order_is_text_order_and_kinds_are_valid() -> None:
    text = "mail ana@example.org, https://example.org/x, WhatsApp +373 600 00 162"
    found = entities(text)
    assert [e.start for e in found] == sorted(e.start for e in found)
    assert {e.kind for e in found} == {"email", "url", "handle", "phone"}


def test_spans_index_the_original_text_with_unicode() -> None:
    text = "Привет 👋🏻 ✨ пишите: ноль шесть ноль ноль ноль ноль один семь ноль ✨ ana@example.org"
    found = entities(text)
    assert [e.value for e in found] == ["+37360000170", "ana@example.org"]


def test_region_hints() -> None:
    assert normalise_region_hints(["md", "RO", "md", "", "XX"], ["UA"]) == ("MD", "RO", "UA")
    # Given hints come first, MD/RO/UA/RU are always tried after them.
    assert values("0700 000 171", "phone", ("XX",)) == ["+40700000171"]
    assert values("0700 000 172 and (202) 555-0172", "phone", ("US",)) == [
        "+40700000172",
        "+12025550172",
    ]


def test_empty_and_hostile_inputs_return() -> None:
    assert extract_entities("") == ()
    hostile = [
        "0" * 100_000 + "x",
        "O" * 50_000,
        "1 " * 50_000,
        "a@" * 30_000,
        "zero " * 20_000,
        "@" + "a" * 100_000,
        "https://" + "a" * 100_000,
        ("ana at " * 20_000) + "example dot org",
    ]
    for text in hostile:
        # Must return (no catastrophic backtracking); its speed belongs to benchmarks.
        assert isinstance(extract_entities(text), tuple), text[:20]


def test_messenger_word_after_a_number_needs_only_punctuation_between() -> None:
    text = "0600 00 163 или пишите в телеграм @vika_new21"
    assert values(text, "handle") == ["telegram:vika_new21"]
    text = "+373 600 00 164 (WhatsApp, Viber) / Telegram"
    assert sorted(values(text, "handle")) == [
        "telegram:+37360000164",
        "viber:+37360000164",
        "whatsapp:+37360000164",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Sigma Contact Solutions SRL (J12/4567/2015, CUI 34512876) angajează.",
        "Hradec Pack s.r.o. (IČO 27654321) hledá operátory.",
        "ТОВ «Світанок», код ЄДРПОУ 35612084.",
        "ООО «Север», ИНН 7716954213, ОГРН 1027700132195.",
        "Northgate Logistics Ltd, company no. 09876512.",
        "Agentia de plasare, licenta nr. 2187/2021, sediul in Bacau.",
    ],
)
def test_company_register_numbers_are_not_phones(text: str) -> None:
    assert [e for e in extract_entities(text) if e.kind == "phone"] == []


def test_a_phone_beside_a_register_number_is_still_found() -> None:
    text = "Codrix Soft SRL (J22/2417/2016), tel. +40 700 000 123"
    assert [e.value for e in extract_entities(text) if e.kind == "phone"] == ["+40700000123"]


# --------------------------------------------------------------------------- issue 13 forms


@pytest.mark.parametrize(
    ("text", "kind", "value", "raw"),
    [
        (
            "Call +373 six zero zero 00 123 today",
            "phone",
            "+37360000123",
            "+373 six zero zero 00 123",
        ),
        ("tel ⓪⑥⓪⓪ ⓪⓪ ①②③ now", "phone", "+37360000123", "⓪⑥⓪⓪ ⓪⓪ ①②③"),
        ("tel ０６００ ００ １２３", "phone", "+37360000123", "０６００ ００ １２３"),
        ("Tel +373 600\n00 123", "phone", "+37360000123", "+373 600\n00 123"),
        ("call 0600 | 00 | 123", "phone", "+37360000123", "0600 | 00 | 123"),
        ("mail olga @ example . org!", "email", "olga@example.org", "olga @ example . org"),
        (
            "mail: o l g a @ e x a m p l e . o r g",
            "email",
            "olga@example.org",
            "o l g a @ e x a m p l e . o r g",
        ),
        ("write Olga_at_Example.org now", "email", "olga@example.org", "Olga_at_Example.org"),
        (
            "telegram - Demo_Recruiter",
            "handle",
            "telegram:demo_recruiter",
            "telegram - Demo_Recruiter",
        ),
    ],
)
def test_issue_13_contact_forms(text: str, kind: str, value: str, raw: str) -> None:
    assert one(text, kind, value).raw == raw


def test_new_forms_keep_prose_clean() -> None:
    text = (
        "We work at home . Then we rest. config_at_startup.yaml, Telegram - join now\n"
        "Years:\n2024\n2025\nShifts 08-17 | 09-18 | 10-19, salary １２００ EUR"
    )
    assert [e for e in entities(text) if e.kind != "url"] == []


def test_number_word_first_letters_match_what_ignoring_case_matches() -> None:
    """number_words spells first letters out as plain classes (faster scans); each class must
    hold exactly what the regex engine matches for the letter ignoring case (its case fixes
    such as "ſ" for "s" included), or obfuscated numbers would be read differently."""
    every_character = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    for letter in {word[0] for word in NUMBER_WORDS} | {"п", "д"}:
        ignoring_case = set(re.findall(f"(?i:{letter})", every_character))
        assert set(re.findall(any_case(letter), every_character)) == ignoring_case, letter

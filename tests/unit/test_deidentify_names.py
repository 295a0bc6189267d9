"""share.deid: person names replaced in every position, ordinary words and companies kept.

Examples are fictional, adults only, written for these tests in en, ro, ru and uk.
"""

from __future__ import annotations

import pytest

from share.deid import deidentify, name_spans
from share.deid.lexicon import case_forms, diminutives, fold, lexicon, transliterations

# (advert text, the names it carries): every name must go.
NAMED = [
    # titles
    ("Sophie, 19", ["Sophie"]),
    ("Марина, 23", ["Марина"]),
    ("Anna 22 Chișinău", ["Anna"]),
    ("NATASHA 25 NEW IN TOWN", ["NATASHA"]),
    ("ОЛЬГА, 27, ЦЕНТР", ["ОЛЬГА"]),
    ("sweet katya, 20, waiting for you", ["katya"]),
    ("Anna-Maria, 20", ["Anna", "Maria"]),
    # introductions
    ("Hello gentlemen, I am Viktoria, new in town. Call me!", ["Viktoria"]),
    ("I am looking for a serious man. My name is Olesya.", ["Olesya"]),
    ("my name is nastya", ["nastya"]),
    ("Call me Xenomorpha!", ["Xenomorpha"]),
    ("Добрый день! Меня зовут Светлана, живу одна.", ["Светлана"]),
    ("Привіт, мене звуть Софійка.", ["Софійка"]),
    ("Mă numesc Ioana și sunt din Bălți.", ["Ioana"]),
    ("Salut, sunt Mihaela.", ["Mihaela"]),
    ("Sunt Ana", ["Ana"]),
    ("Познакомлюсь. Я Люба, 29 лет. Пишите!", ["Люба"]),
    # greetings, sign-offs, contacts
    ("Hi, I'm Ana. Write to me.", ["Ana"]),
    ("— Natalia", ["Natalia"]),
    ("Regards, Ion Popescu", ["Ion", "Popescu"]),
    ("Пишите, Марина", ["Марина"]),
    ("Звоните Ирина", ["Ирина"]),
    ("Contact Mihai at the office", ["Mihai"]),
    ("Kisses, your Angelina", ["Angelina"]),
    ("Пишіть, Оксана.", ["Оксана"]),
    ("Cu stimă, Gheorghe Rusu", ["Gheorghe", "Rusu"]),
    ("Contactați-l pe domnul Vasile Ursu.", ["Vasile", "Ursu"]),
    ("Job in Germany. Contact manager Andrei.", ["Andrei"]),
    # diminutives, transliterations, inflections, surnames, patronymics
    ("Ionuț și Sasha te așteaptă", ["Ionuț", "Sasha"]),
    ("Nastia i Katia", ["Nastia", "Katia"]),
    ("Meet sexy Ksyusha tonight", ["Ksyusha"]),
    ("Настенька ждёт тебя", ["Настенька"]),
    ("Приходите к Наташе и Маше", ["Наташе", "Маше"]),
    ("Я Наталья Петровна Иванова", ["Наталья", "Петровна", "Иванова"]),
    ("Ivan Ivanovich Petrov", ["Ivan", "Ivanovich", "Petrov"]),
    ("Yuliya Kovalenko, 28", ["Yuliya", "Kovalenko"]),
    ("Шукаю роботу. Ірина Петрівна Коваленко, 45 років.", ["Ірина", "Петрівна", "Коваленко"]),
    ("Elena Popescu, 30", ["Elena", "Popescu"]),
    ("we are olga and masha, two friends", ["olga", "masha"]),
    ("Maria's place", ["Maria"]),
    ("My daughter Irina is 19 years old.", ["Irina"]),
    ("Privet, menya zovut Nastya, mne 22 goda.", ["Nastya"]),
    ("Pishite, Marina", ["Marina"]),
    ("Sincerely, Ruby Hale", ["Ruby", "Hale"]),
    ("С уважением, Павел Сидорчук", ["Павел", "Сидорчук"]),
    ("Am vorbit cu mama Mariei și a Ioanei.", ["Mariei", "Ioanei"]),
    ("Мене звати Мар'яна.", ["Мар'яна"]),
    ("Звонить Валентине Петровне, отдел кадров.", ["Валентине", "Петровне"]),
    ("Hi, I'm Amara, 27, half Brazilian.", ["Amara"]),
    ("Alexia, 22 – available", ["Alexia"]),
    ("Contact Zorica for details.", ["Zorica"]),
    ("Звертайтеся до Марії Іванівни щодня.", ["Марії", "Іванівни"]),
    ("Спросить Сергея Ивановича или Ольгу Петровну", ["Сергея", "Ивановича", "Ольгу", "Петровну"]),
    ("Дівчата, пишіть Ганні або Олесі у вайбер.", ["Ганні", "Олесі"]),
    ("Приветик, я Снежаночка, мне 21", ["Снежаночка"]),
    ("Anna K. and Ion P., both 25", ["Anna", "K", "Ion", "P"]),
    ("Меня зовут Мaрина", ["Мaрина"]),  # a Latin "a" inside the Cyrillic name
    ("Serghei, Veaceslav și Olesea vă așteaptă", ["Serghei", "Veaceslav", "Olesea"]),
    ("Nicolai Rusu, Ecaterina", ["Nicolai", "Rusu", "Ecaterina"]),
    ("domnul Ionescu vă așteaptă", ["Ionescu"]),
    ("Mrs. Popescu will call", ["Popescu"]),
    ("Спросите у господина Коваленко", ["Коваленко"]),
    # names that are also words, used as names
    ("Hope, 22, new in town", ["Hope"]),
    ("Hi, I'm Hope.", ["Hope"]),
    ("Rose, 23, independent", ["Rose"]),
    ("Мне нужна работа. Надежда, 40 лет.", ["Надежда"]),
    ("We met Rose yesterday.", ["Rose"]),
    ("Marina is waiting for you", ["Marina"]),
    ("Hope here, 24, new in town", ["Hope"]),
    ("hi, i'm marina", ["marina"]),
]

# (text, words that must stay): ordinary words, companies, months.
KEPT = [
    ("There is always hope. Hope Springs Agency is hiring cleaners.", ["hope", "Hope"]),
    ("Living with hope, Rose Cleaning Ltd is hiring.", ["hope", "Rose"]),
    ("Roses are red. We grow rose bushes in our garden.", ["rose"]),
    ("Мне нужна работа, с надеждой на ответ.", ["надеждой"]),
    ("Вера в себя и любовь к жизни.", ["Вера", "любовь"]),
    ("ООО «Надежда» набирает персонал.", ["Надежда"]),
    ("Floare de colț. Floarea soarelui.", ["Floare", "Floarea"]),
    ("Work at Victoria Hotel, 1200 EUR, nights.", ["Victoria"]),
    ("Marina Bay Hotel needs waitresses.", ["Marina"]),
    ("Mark your calendar: interviews on May 5.", ["Mark", "May"]),
    ("Will you be our next waitress?", ["Will"]),
    ("8 марта праздник, работа в марте.", ["марта", "марте"]),
    ("Draga mea, te aștept.", ["Draga"]),
    ("Hi, Welcome to our agency!", ["Welcome"]),
    ("Call me now, I'm available.", ["now", "available"]),
    ("Тепло и с любовью, ваша команда.", ["любовью", "команда"]),
    ("Офис: ул. Пушкина, 32. Str. Mihai Viteazu 21.", ["Пушкина", "Mihai"]),
    ("Брачное агентство «Золотая Роза» ждёт вас.", ["Роза"]),
    ("Контакт: только Signal. Люди нужны, коли приїдете.", ["только", "Люди", "коли"]),
    ("Lucrăm în mina de sare, sezonul de vara, pe lună.", ["mina", "vara", "lună"]),
    ("Widower, 58, own farm.", ["Widower"]),
    ("Femeie, 22 ani, caut partener.", ["Femeie"]),
    ("Looking for hostesses – Germany", ["Germany"]),
    ("Taking 10 girls at once.", ["Taking"]),
    ("- Happy to live in a small town", ["Happy"]),
    ("I love art galleries.", ["art"]),
    ("Interviews at 27 Mill Lane, Bristol.", ["Lane"]),
    ("Text Messages only, Call Our Office.", ["Messages", "Our", "Office"]),
    ("Luați masa cu noi, măcar o dată.", ["masa", "măcar"]),
    ("Jobs at the marina, boat cleaning.", ["marina"]),
    ("Hope here is what we need.", ["Hope"]),
]


@pytest.mark.parametrize(("text", "names"), NAMED)
def test_names_are_replaced(text: str, names: list[str]) -> None:
    out = deidentify(text)
    assert "[NAME]" in out, out
    for name in names:
        for part in name.replace(",", " ").split():
            if not part.isdigit():
                assert part not in out.replace("[NAME]", ""), (text, out)


@pytest.mark.parametrize(("text", "kept"), KEPT)
def test_ordinary_words_and_companies_stay(text: str, kept: list[str]) -> None:
    out = deidentify(text)
    assert "[NAME]" not in out, out
    for word in kept:
        assert word in out, (text, out)


def test_word_names_used_as_names_beside_the_same_words_as_words() -> None:
    assert deidentify("Вера в себя. Вера Ивановна ждёт.") == "Вера в себя. [NAME] ждёт."
    assert deidentify("Floare de colț și Floare, 22") == "Floare de colț și [NAME], 18–24"


def test_full_name_is_one_placeholder() -> None:
    assert deidentify("Regards, Ion Popescu") == "Regards, [NAME]"
    assert deidentify("Я Наталья Петровна Иванова") == "Я [NAME]"


def test_placeholders_already_in_text_are_left_alone() -> None:
    text = "Call [PHONE], ask for Maria, [EMAIL]"
    assert deidentify(text) == "Call [PHONE], ask for [NAME], [EMAIL]"


def test_language_argument_is_accepted() -> None:
    for language in ("en", "ro", "ru", "uk", None):
        assert deidentify("Марина, 23", language) == "[NAME], 18–24"


def test_name_spans_point_at_the_names() -> None:
    text = "Hi, I'm Ana from Orhei"
    assert [text[a:b] for a, b in name_spans(text)] == ["Ana"]


def test_lexicon_spellings() -> None:
    assert fold("Ionuț") == fold("Ionut") == "ionut"
    assert fold("Алёна") == "алена"
    assert {"nastya", "nastia", "nastja"} <= transliterations("Настя")
    assert "oksana" in transliterations("Оксана") and "xenia" in transliterations("Ксения")
    assert {"марину", "мариной", "марино"} <= case_forms("Марина")
    assert {"настенька", "настюша"} <= diminutives("Настя")
    lex = lexicon()
    assert {"sophie", "ionut", "nastya", "наташе", "halyna", "oleksandra"} <= lex.first_names
    assert "надежда" in lex.word_names and "nadezhda" not in lex.word_names
    assert {"popescu", "коваленко", "smith"} <= lex.surnames

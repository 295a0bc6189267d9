"""Labelled short advert snippets for language detection (fictional content only).

Each entry is ``(text, profile_language, expected)``; ``expected`` is what
``detect_language(text, fallback=profile_language)`` should return.
"""

from __future__ import annotations

Snippet = tuple[str, str | None, str | None]

ENGLISH: list[Snippet] = [
    ("Hiring waitresses for a bar in Cyprus, flights paid", None, "en"),
    ("Au pair needed for a family in London, pocket money weekly", None, "en"),
    ("Models wanted for photo shoots abroad, no experience needed", None, "en"),
    ("Farm workers for strawberry picking in Spain, housing included", None, "en"),
    ("Young ladies for hostess work in Dubai, high salary", None, "en"),
    ("Warehouse job in the Netherlands, transport from the airport", None, "en"),
    ("Cleaning staff urgently needed, start tomorrow", None, "en"),
    ("Call now", "en", "en"),
]
ROMANIAN: list[Snippet] = [
    ("Angajăm ospătărițe pentru un bar din Cipru, bilet plătit", None, "ro"),
    ("Căutăm bone pentru familii din Germania, salariu bun", None, "ro"),
    ("Lucru în Italia la cules de căpșuni, cazare asigurată", None, "ro"),
    ("Angajam femei de serviciu in Italia, cazare gratuita, salariu bun", None, "ro"),
    ("Caut fata pentru lucru in strainatate, plata la zi", None, "ro"),
    ("Se cauta muncitori in constructii in Germania, transport asigurat", None, "ro"),
    ("Oferim de lucru peste hotare pentru tineri, fara experienta", None, "ro"),
    ("Fete frumoase pentru dans in club, castig mare", None, "ro"),
    ("Munca la fabrica in Olanda, contract de munca si cazare", None, "ro"),
    ("Sunati acum", "ro", "ro"),
]
RUSSIAN: list[Snippet] = [
    ("Требуются девушки для работы официантками в Варшаве", None, "ru"),
    ("Работа в Польше для девушек, жильё есть", None, "ru"),
    ("Ищем няню в семью, оплата еженедельно", None, "ru"),
    ("Срочно! Выезд на этой неделе", None, "ru"),
    ("Работа за границей", None, "ru"),
    ("Нужны рабочие на склад", None, "ru"),
    ("Высокая зарплата, бесплатное жильё", None, "ru"),
    ("Приглашаем молодых девушек в модельное агентство", None, "ru"),
    ("Звоните сейчас", "ru", "ru"),
    ("Объявление о работе в Германии", None, "ru"),
    ("Работа для женщин в Турции", None, "ru"),
    ("Набор на работу в Чехию, проезд оплачиваем", None, "ru"),
]
TRANSLIT_RU: list[Snippet] = [
    ("Rabota v Germanii, zarplata 1500 evro, zhile besplatno", None, "ru"),
    ("Trebuyutsya devushki dlya raboty v Italii", None, "ru"),
    ("Srochno nuzhny rabochie na sklad, oplata kazhduyu nedelyu", None, "ru"),
    ("Priglashaem molodyh devushek, bilety oplachivaem", None, "ru"),
    ("Rabota dlya zhenshchin v Turtsii, bez opyta", None, "ru"),
    ("Ishchem nyanyu v semyu, prozhivanie besplatno", None, "ru"),
    ("Vyezd na etoy nedele, zvonite", None, "ru"),
    ("Horoshaya zarplata, pitanie i zhile", None, "ru"),
]
UKRAINIAN: list[Snippet] = [
    ("Потрібні дівчата для роботи офіціантками у Варшаві", None, "uk"),
    ("Робота в Польщі для дівчат, житло є", None, "uk"),
    ("Шукаємо няню в сім'ю, оплата щотижня", None, "uk"),
    ("Терміново! Виїзд цього тижня", None, "uk"),
    ("Робота за кордоном", None, "uk"),
    ("Висока зарплата, безкоштовне житло", None, "uk"),
    ("Запрошуємо молодих дівчат у модельне агентство", None, "uk"),
    ("Дзвоніть зараз", "uk", "uk"),
]
SURZHYK: list[Snippet] = [
    # Mixed Ukrainian/Russian: Ukrainian letters with no Russian-only ones - uk.
    ("Робота в Польщі, зарплата хорошая, житло дають", None, "uk"),
    ("Треба дівчата на роботу, оплата каждую неделю", None, "uk"),
    ("Шукаю роботу, можу сразу виїхати", None, "uk"),
]
OTHER: list[Snippet] = [
    ("Търсим камериерки за хотел в Германия, осигурена квартира", None, "other"),
    ("Търсим сервитьорки за бар, добра заплата", None, "other"),
    ("Работа във Франция за жени, безплатна храна", None, "other"),
    ("Тражимо конобарице за рад у Немачкој, смештај обезбеђен", None, "other"),
    ("Потребни су радници за грађевину у Аустрији", None, "other"),
    ("Szukamy pań do sprzątania w hotelu w Krakowie, zakwaterowanie zapewnione", None, "other"),
    ("Praca w Niemczech dla kobiet, wysokie zarobki", None, "other"),
    ("Wir suchen Reinigungskräfte für ein Hotel in München", None, "other"),
    ("Cerchiamo cameriere per un albergo a Roma, vitto e alloggio", None, "other"),
    ("Buscamos camareras para un hotel en Madrid, alojamiento incluido", None, "other"),
    ("Патрэбныя дзяўчаты для працы ў Польшчы", None, "other"),
]
SHORT_FALLBACK: list[Snippet] = [
    # Too short for statistics and no settling letters: the profile's language or None.
    ("Работа", "ru", "ru"),
    ("Работа", None, None),
    ("Job", None, None),
    ("Lucru", "ro", "ro"),
    ("Tel. 0721", "ro", "ro"),
]

ALL: list[Snippet] = [
    *ENGLISH, *ROMANIAN, *RUSSIAN, *TRANSLIT_RU, *UKRAINIAN, *SURZHYK, *OTHER, *SHORT_FALLBACK,
]  # fmt: skip

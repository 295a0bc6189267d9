"""Cities generalised to their country: "Chișinău" → "[Moldova]", "в Москве" → "в [Russia]".

A small gazetteer of the places that matter in this domain: where the people in adverts
live (Moldova, Romania, Ukraine, Russia) and where recruiters send them. Unknown cities stay.
Cities that are also first names (Milan, Constanța, Владимир) are cities only after "in",
"la", "в" and the like.
"""

from __future__ import annotations

import itertools
import re
from functools import cache

from share.deid.lexicon import case_forms, fold, is_cyrillic, lexicon
from share.deid.words import PLACE_BEFORE

_GAZETTEER: dict[str, str] = {
    "Moldova": "Chișinău Chisinau Kishinev Кишинёв Кишинев Кишинэу Кишинів Bălți Balti Бельцы "
    "Бєльці Tiraspol Тирасполь Тирасполь Bender Tighina Бендеры Бендери Cahul Кагул Ungheni "
    "Унгены Soroca Сороки Orhei Оргеев Comrat Комрат Edineț Hîncești Hincesti Ialoveni "
    "Strășeni Straseni Căușeni Causeni Drochia Cimișlia Cimislia Anenii_Noi Криуляны",
    "Romania": "București Bucuresti Bucharest Бухарест Бухарест Iași Iasi Яссы Cluj Cluj-Napoca "
    "Клуж Timișoara Timisoara Тимишоара Constanța Constanta Констанца Brașov Brasov Craiova "
    "Galați Galati Галац Ploiești Ploiesti Oradea Brăila Braila Arad Pitești Pitesti Sibiu "
    "Bacău Bacau Suceava Botoșani Botosani",
    "Ukraine": "Kyiv Kiev Київ Києва Києві Киев Odesa Odessa Одеса Одесса Kharkiv Kharkov "
    "Харків Харкова Харкові Харьков Lviv Lvov Львів Львова Львові Львов Dnipro Dnepr "
    "Dnipropetrovsk Дніпро Днепр Zaporizhzhia Zaporozhye "
    "Запоріжжя Запорожье Kherson Херсон Mykolaiv Nikolaev Миколаїв Николаев Vinnytsia Вінниця "
    "Винница Chernivtsi Чернівці Черновцы Poltava Полтава Sumy Суми Rivne Рівне Lutsk Луцьк "
    "Ternopil Тернопіль Ivano-Frankivsk Івано-Франківськ Uzhhorod Ужгород Mariupol Маріуполь "
    "Мариуполь Kryvyi_Rih Кривий_Ріг Izmail Ізмаїл Измаил",
    "Russia": "Moscow Moskva Москва Saint_Petersburg St_Petersburg Petersburg Санкт-Петербург "
    "Петербург Питер Novosibirsk Новосибирск Yekaterinburg Ekaterinburg Екатеринбург Kazan "
    "Казань Nizhny_Novgorod Нижний_Новгород Rostov Ростов Samara Самара Krasnodar Краснодар "
    "Sochi Сочи Voronezh Воронеж Volgograd Волгоград Владимир Vladimir",
    "Turkey": "Istanbul Стамбул Antalya Анталья Анталія Ankara Анкара Izmir Измир Alanya Аланья",
    "UAE": "Dubai Дубай Abu_Dhabi Абу-Даби Sharjah",
    "Israel": "Tel_Aviv Тель-Авив Тель-Авів Haifa Хайфа Eilat Эйлат Jerusalem Иерусалим",
    "Cyprus": "Limassol Лимассол Nicosia Никосия Larnaca Ларнака Paphos Пафос Ayia_Napa Айя-Напа",
    "Greece": "Athens Atena Афины Афіни Thessaloniki Salonic Салоники",
    "Italy": "Rome Рим Milan Milano Милан Мілан Naples Napoli Turin Torino Bologna Venice Venezia "
    "Verona Padova Padua",
    "Spain": "Madrid Мадрид Barcelona Барселона Valencia Malaga Málaga",
    "Germany": "Berlin Берлин Берлін Munich München Мюнхен Hamburg Гамбург Frankfurt Франкфурт "
    "Cologne Köln",
    "United Kingdom": "London Лондон Manchester Birmingham Edinburgh Glasgow Leeds Liverpool "
    "Bristol Cardiff Belfast Nottingham Leicester Sheffield",
    "France": "Paris Париж Lyon Marseille",
    "Poland": "Warsaw Warszawa Варшава Krakow Kraków Краков Wrocław Wroclaw Gdańsk Gdansk",
    "Czechia": "Prague Praha Прага Brno",
    "Netherlands": "Amsterdam Амстердам Rotterdam",
    "Austria": "Vienna Wien Вена Відень",
    "Switzerland": "Zurich Zürich Цюрих Geneva Женева",
    "Belgium": "Brussels Bruxelles Брюссель",
    "Portugal": "Lisbon Lisboa Лиссабон",
    "Qatar": "Doha Доха",
    "Japan": "Tokyo Токио",
    "South Korea": "Seoul Сеул",
    "Belarus": "Minsk Минск Мінськ",
    "Kazakhstan": "Almaty Алматы Astana Астана",
}
_WORD = re.compile(r"[^\W\d_]+")
_MAX_WORDS = 3


@cache
def _index() -> dict[str, str]:
    """Folded spelling (words joined by one space) → country; Cyrillic with case forms."""
    index: dict[str, str] = {}
    for country, spellings in _GAZETTEER.items():
        for spelling in spellings.split():
            parts = re.split(r"[_\-]", spelling)
            last_forms = case_forms(parts[-1]) if is_cyrillic(spelling) else {fold(parts[-1])}
            for last in last_forms:
                index[" ".join([fold(p) for p in parts[:-1]] + [last])] = country
    return index


def _match_at(text: str, words: list[re.Match[str]], at: int) -> tuple[int, str] | None:
    """(how many words, country) of the longest gazetteer entry starting at word `at`."""
    for size in range(_MAX_WORDS, 0, -1):
        group = words[at : at + size]
        if len(group) < size:
            continue
        first = group[0].group()
        if not first[:1].isupper() and len(first) < 5:  # "вена" is a vein, "kharkov" a city
            continue
        gaps = [text[a.end() : b.start()] for a, b in itertools.pairwise(group)]
        if any(gap not in (" ", "-", ". ", ".") for gap in gaps):
            continue
        country = _index().get(" ".join(fold(w.group()) for w in group))
        if country:
            return size, country
    return None


def generalise_places(text: str) -> str:
    """Known cities (capitalised, as places are written) replaced by "[Country]"."""
    words = list(_WORD.finditer(text))
    out, position, at = [], 0, 0
    while at < len(words):
        found = _match_at(text, words, at)
        start = words[at].start()
        if found is None or text[start - 1 : start] == "[" or _maybe_a_person(text, words, at):
            at += 1
            continue
        size, country = found
        out.append(text[position:start] + f"[{country}]")
        position, at = words[at + size - 1].end(), at + size
    return "".join(out) + text[position:]


def _maybe_a_person(text: str, words: list[re.Match[str]], at: int) -> bool:
    """A city that is also a first name (Milan, Constanța, Владимир) is a city only after a
    place preposition ("in Milan", "la Constanța", "во Владимире")."""
    if fold(words[at].group()) not in lexicon().first_names:
        return False
    before = fold(text[max(0, words[at].start() - 12) : words[at].start()]).split()
    return not before or before[-1] not in PLACE_BEFORE

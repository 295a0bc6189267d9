"""Checks every labelled advert file must pass: fictional contacts only, no minors.

Shared by the tests of the generator's file and of the hand-written sets.  Phones are found
the way the crawler finds them (:func:`crawlers.extract.entities.extract_entities`), so an
obfuscated number counts too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from crawlers.extract.entities import extract_entities

ALLOWED_PHONES = (
    re.compile(r"\+37360000\d{3}"),  # +373 600 00 xxx
    re.compile(r"\+40700000\d{3}"),  # +40 700 000 xxx
    re.compile(r"\+?\d{0,3}55501\d{2}"),  # 555-01xx, with whatever region the extractor guessed
)
# Always a person's age: "19 years old", "19 y.o.", "a 19-year-old".
_EXPLICIT_AGE = r"(?:years?\s?old|y\.?\s?o\b|yo\b|-year-old)"
# A person's age only after a person cue ("мне 16 лет", "am 17 ani"); otherwise a duration.
_DURATION = r"(?:de ani|ani\b|лет\b|роки\b|років\b|рік\b)"
_PERSON_BEFORE = (
    r"(?:(?:\bi am|\bi'm|\bshe is|\bshe's|\baged?|\bмне|\bей\b|\bмені|\bїй\b|\bвозраст\w*"
    r"|\bвік\w*|\bv[aâ]rst\w*|\bgirls?|\bfete\b|\bfata\b|\bдевушк\w*|\bдівчин\w*|\bдівчат\w*)"
    r"\W{1,3}(?:\w+\W{1,3}){0,2}|\b(?:am|are)\s)"  # Romanian "am 25 de ani": the number next
)
_AGE_FORMS = (
    re.compile(
        rf"(?<![\d.,/:])(\d{{1,2}})(?:\s?[-–]\s?(\d{{1,2}}))?\s?{_EXPLICIT_AGE}", re.IGNORECASE
    ),
    re.compile(
        rf"{_PERSON_BEFORE}(\d{{1,2}})(?:\s?[-–]\s?(\d{{1,2}}))?\s?{_DURATION}", re.IGNORECASE
    ),
    # "I am 17", "she's 16", "aged 15", "age: 16", "вік 16", "мне 17"
    re.compile(
        r"\b(?:i am|i'm|she is|she's|aged?:?|v[aâ]rst[aă]:?|возраст:?|вік:?|мне|ей|мені|їй)"
        r"\s(\d{1,2})\b"
        r"(?=\s*(?:[,.!;)\n]|$|years|y\.?\s?o|лет|років|ani|de ani|and |și |и |і ))",
        re.IGNORECASE,
    ),
    # "girls 16-20", "fete 17-25", "девушки 16-25", "дівчата від 17 до 25"
    re.compile(
        r"\b(?:girls?|women|ladies|fete|tinere|девушк\w*|девочк\w*|дівчат\w*|дівчин\w*)\s"
        r"(?:aged\s|from\s|от\s|від\s|de la\s|intre\s)?(\d{1,2})\s?(?:-|–|to|до|la|si)\s?"
        r"(\d{1,2})\b",
        re.IGNORECASE,
    ),
)
# "5 years of experience", "the company is 12 years old" are not a person's age.
_NOT_A_PERSON = re.compile(
    r"experien|опыт|досвід|experien[tț]|stagiu|vechime|на рынке|на ринку|company|компани|компані"
    r"|firm|agenc|агентств|агенці|business|years? (?:in|on|of)|contract|warranty|гаранти"
    r"|займаюся|занимаюсь|dans|танц|стаж|тягач|vehicle|truck",
    re.IGNORECASE,
)


def phone_problems(sample: dict[str, Any]) -> list[str]:
    text = f"{sample['title']}\n{sample['text']}"
    problems = []
    for entity in extract_entities(text):
        if entity.kind == "phone" and not any(p.fullmatch(entity.value) for p in ALLOWED_PHONES):
            problems.append(f"phone {entity.raw!r}")
        elif entity.kind == "email" and not entity.value.endswith("@example.org"):
            problems.append(f"email {entity.value}")
        elif entity.kind == "url" and "example.org" not in entity.value:
            problems.append(f"url {entity.value}")
    return problems


def minor_ages(sample: dict[str, Any]) -> list[str]:
    """Numbers under 18 stated as a person's age ("I am 17", "girls 16-20", "aged 15")."""
    text = f"{sample['title']}\n{sample['text']}"
    found = []
    for form in _AGE_FORMS:
        for m in form.finditer(text):
            context = text[max(0, m.start() - 40) : m.end() + 25]
            if _NOT_A_PERSON.search(context):
                continue
            if any(n is not None and int(n) < 18 for n in m.groups()):
                found.append(m.group())
    return found


def problems(samples: Iterable[dict[str, Any]]) -> list[tuple[str, str]]:
    return [
        (s["id"], p)
        for s in samples
        for p in [*phone_problems(s), *(f"age {a}" for a in minor_ages(s))]
    ]

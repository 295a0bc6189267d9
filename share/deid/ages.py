"""Ages of the people in adverts generalised to bands: "19" → "18–24".

Only ages are touched: a number after a name placeholder ("[NAME], 19"), before a years
word ("19 years old", "19 лет", "19 ani", "19 років") or after an age word ("age: 19",
"мне 19"). Age ranges in job requirements ("18-35 ani") stay: they describe no one.
"""

from __future__ import annotations

import re

_NOT_A_RANGE_BEFORE = r"(?<![\d\-–—])"
_NOT_A_RANGE_AFTER = r"(?!\s*[\-–—]\s*\d)(?![.,:/]\d)(?!\+)"
_YEARS_WORDS = (
    r"(?:years?(?:\s+old)?|y\.?\s?o\b\.?|yrs?\b|yo\b|лет|года?|годиков|рок(?:ів|и)|рік|let\b|goda?\b|rokiv|roky|"
    r"(?:de\s+)?ani)"
)
_AGE_WORDS = (
    r"(?:age|aged|mne|meni|i\s*am|i'm|i’m|мне|мені|возраст|вік|вiк|am|"
    r"vârsta|varsta|vârstă|varsta de)"
)
# A person described rather than named: "Divorced lady, 38", "девушка 23", "both 21".
_PERSON_WORDS = (
    r"\b(?:lady|girl|woman|man|gentleman|guy|widow|both|doamnă|doamna|fată|fata|femeie|bărbat|"
    r"barbat|văduvă|девушка|женщина|мужчина|вдова|обе|обеим|дівчина|жінка|чоловік|удова)"
)
_AFTER_NAME = re.compile(
    r"(?P<lead>\[NAME\](?:\s+(?:here|тут|здесь|aici))?\s*[,(–—-]?\s*)(?P<age>[1-9]\d)\b"
    + _NOT_A_RANGE_AFTER
    + r"(?!\s*(?:%|€|\$|£|eur|lei|usd|ron|mdl|грн|руб|h\b|km|kg|cm))",
    re.I,
)  # fmt: skip
_AFTER_PERSON = re.compile(
    r"(?P<lead>" + _PERSON_WORDS + r"\s*[,(–—-]?\s*)(?P<age>[1-9]\d)\b" + _NOT_A_RANGE_AFTER,
    re.I,
)
_BEFORE_YEARS = re.compile(
    _NOT_A_RANGE_BEFORE + r"\b(?P<age>[1-9]\d)(?!\+)(?P<tail>\s*[\-+]?\s*" + _YEARS_WORDS + r")",
    re.I,
)
_AFTER_AGE_WORD = re.compile(
    r"(?P<lead>\b" + _AGE_WORDS + r"\s*[:\-]?\s*)(?P<age>[1-9]\d)\b" + _NOT_A_RANGE_AFTER,
    re.I,
)


def age_band(age: int) -> str:
    """The band an age falls in; ages under 18 keep that fact, which matters here."""
    if age < 18:
        return "under 18"
    if age <= 24:
        return "18–24"
    if age <= 34:
        return "25–34"
    if age <= 44:
        return "35–44"
    return "45+"


def _band(match: re.Match[str]) -> str:
    groups = match.groupdict()
    return (groups.get("lead") or "") + age_band(int(match["age"])) + (groups.get("tail") or "")


def generalise_ages(text: str) -> str:
    text = _AFTER_NAME.sub(_band, text)
    text = _AFTER_PERSON.sub(lambda m: _band(m) if _is_age(text, m) else m.group(), text)
    text = _BEFORE_YEARS.sub(lambda m: _band(m) if _is_age(text, m) else m.group(), text)
    return _AFTER_AGE_WORD.sub(lambda m: _band(m) if _is_age(text, m) else m.group(), text)


_RANGE_END = re.compile(r"(?:\d\s*[\-–—]|\bto|\bdo|\bдо|\bpână la|\bpina la)\s*$", re.I)
_UNIT_AFTER = re.compile(r"\s*(?:min|minutes|km|m\b|h\b|hours|%|€|\$|eur|lei|мин|км|хв|ore)", re.I)
_EXPERIENCE = re.compile(
    r"experien|опыт|стаж|досвід|досвіду|stagiu|vechime|in business|на рынке|pe piață", re.I
)


def _is_age(text: str, match: re.Match[str]) -> bool:
    """A number of years that is someone's age: not a range's end, not years of work."""
    if int(match["age"]) < 16 or _RANGE_END.search(text[: match.start()]):
        return False
    around = text[max(0, match.start() - 25) : match.end() + 20]
    return not _EXPERIENCE.search(around) and not _UNIT_AFTER.match(text, match.end())

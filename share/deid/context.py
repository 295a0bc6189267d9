"""Where a word stands in advert text: tokens, introductions, sentence and line starts,
addresses, company names and ages after it. Used by share.deid.names to decide on names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from share.deid import words
from share.deid.lexicon import fold

# Ukrainian writes an apostrophe inside words ("Мар'яна"); English possessives stay apart.
TOKEN = re.compile(r"[^\W\d_]+(?:['’ʼ](?=[а-яіїєґ])[^\W\d_]+)*", re.I)
_AGE_AFTER = re.compile(
    r"\s*[,(–—-]?\s*(?:[1-9]\d)(?:\b|(?=yo\b|y\.o|y/o))"
    r"(?![.,:/\-–]\d|\s*(?:%|€|\$|£|eur|lei|usd|ron|mdl|грн|руб|h\b|km|kg|cm))",
    re.I,
)
TITLE_AGE = re.compile(r",\s*[1-9]\d\b(?!\s*[\-–/.:]\s*\d)")  # "Alexia, 22" at a line start
_SENTENCE_END = '.!?\n…:;"«»()[]•*|'


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    key: str

    @property
    def titled(self) -> bool:
        return self.text[:1].isupper() and not (len(self.text) > 1 and self.text.isupper())


def tokens(text: str) -> list[Token]:
    """Word tokens, less those inside placeholders such as [NAME] or [Moldova]."""
    found = []
    for match in TOKEN.finditer(text):
        if text[match.start() - 1 : match.start()] == "[":
            continue
        found.append(Token(match.start(), match.end(), match.group(), fold(match.group())))
    return found


def ends_with(before: str, phrases: tuple[str, ...]) -> bool:
    """Whether folded text ends with one of the phrases, at a word boundary."""
    for phrase in phrases:
        if before.endswith(phrase):
            head = before[: len(before) - len(phrase)]
            if not head or not head[-1].isalnum():
                return True
    return False


def intro(text: str, token: Token, phrases: tuple[str, ...]) -> bool:
    before = fold(text[max(0, token.start - 40) : token.start]).rstrip()
    # Commas and colons may stand between ("Regards, Ion"), a sentence end may not.
    return ends_with(before, phrases) or ends_with(before.rstrip(",:").rstrip(), phrases)


def sentence_start(text: str, token: Token) -> bool:
    before = text[: token.start].rstrip(" \t")
    return (
        not before
        or before[-1] in _SENTENCE_END
        or (not before[-1].isalnum() and (before[-1] not in ",-–—'’"))
    )


def title_case_line(text: str, token: Token) -> bool:
    """A line where most words are capitalised (a title): capitals say nothing there."""
    start = text.rfind("\n", 0, token.start) + 1
    end = text.find("\n", token.end)
    line_words = [w for w in TOKEN.findall(text[start : end if end >= 0 else None]) if len(w) > 3]
    return len(line_words) >= 4 and sum(w[0].isupper() for w in line_words) > 0.6 * len(line_words)


def is_company(text: str, token_list: list[Token], index: int) -> bool:
    token = token_list[index]
    after = text[token.end : token.end + 30].lstrip(" '\"»”")
    next_word = fold(after.split(" ", 1)[0].strip(".,;:!?)"))
    before = fold(text[max(0, token.start - 30) : token.start]).rstrip(" «\"„“'")
    prev_raw = re.split(r"\s+", before)[-1] if before else ""
    # "our agency, Mike from ...": a comma or colon ends the company's name before the word
    prev_word = "" if prev_raw.endswith((",", ":", ";")) else prev_raw.strip(".")
    return next_word in words.COMPANY_AFTER or prev_word in words.COMPANY_BEFORE


def in_address(text: str, token: Token) -> bool:
    """Whether the word is part of a street name ("ул. Пушкина", "str. Mitropolit Varlaam")."""
    clause = re.split(r"[,;:\n(]", text[max(0, token.start - 40) : token.start])[-1]
    return any(fold(w) in words.STREET_BEFORE for w in TOKEN.findall(clause))


def in_quotes(text: str, token: Token) -> bool:
    before = text[max(0, token.start - 40) : token.start]
    return before.rfind("«") > before.rfind("»") or before.rfind("“") > before.rfind("”")


def line_start(text: str, token: Token) -> bool:
    line = text[text.rfind("\n", 0, token.start) + 1 : token.start]
    return not any(char.isalnum() for char in line)


def has_age_after(text: str, token: Token) -> bool:
    return bool(_AGE_AFTER.match(text, token.end))


_PHONE_BESIDE = re.compile(r"(?:[+(]?\d[\d\s().\-]{5,}\d)")


def beside_phone(text: str, token: Token) -> bool:
    """A word written right against a phone number ("Слава+373 …", "… 315 Ігор"): in adverts
    that is who answers it."""
    after = text[token.end : token.end + 24]
    before = text[max(0, token.start - 24) : token.start]
    next_to = (
        _PHONE_BESIDE.match(after.lstrip(" :")) is not None
        and len(after) - len(after.lstrip(" :")) <= 2
    )
    behind = re.search(r"\d[\d\s().\-]{5,}\d[ ,:]{0,2}$", before) is not None
    return next_to or behind


_FROM_PLACE = re.compile(r"\s+(?:from|din|de la|из|с|з|із)\s+[A-ZА-ЯЁІЇЄҐĂÂÎȘȚ]")


def from_place_after(text: str, token: Token) -> bool:
    """ "Mike from Texas", "Марк из Германии": a person said to come from a place."""
    return _FROM_PLACE.match(text, token.end) is not None


def closes_phrase(text: str, token: Token) -> bool:
    rest = text[token.end : token.end + 3].lstrip(" \t")
    return not rest or rest[0] in ",.!?;)\n" or has_age_after(text, token)

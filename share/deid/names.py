"""Find person names in advert text: spans of first names, surnames and patronymics.

A word is a name when the lexicon knows it as one and nothing says otherwise (a company
marker beside it, a preposition before a place-like name), or when its position says so
(after "my name is"); names that are also ordinary words ("Hope", "надежда") need a cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from share.deid import words
from share.deid.lexicon import Lexicon, fold, lexicon

# Ukrainian writes an apostrophe inside words ("Мар'яна"); English possessives stay apart.
_TOKEN = re.compile(r"[^\W\d_]+(?:['’ʼ](?=[а-яіїєґ])[^\W\d_]+)*", re.I)
_AGE_AFTER = re.compile(
    r"\s*[,(]?\s*(?:[1-9]\d)\b(?![.,:/\-–]\d|\s*(?:%|€|\$|£|eur|lei|usd|ron|mdl|грн|руб|h\b|km|kg|cm))",
    re.I,
)
_TITLE_AGE = re.compile(r",\s*[1-9]\d\b(?!\s*[\-–/.:]\s*\d)")  # "Alexia, 22" at a line start
_SENTENCE_END = '.!?\n…:;"«»()[]•*|'
_SURNAME_SHAPE = re.compile(
    r"\w{2,}(?:escu|eanu|ovici|evici|enco|enko|chuk|czuk|czyk|ciuc|iuk|yuk|uk|ova|ev|eva|ieva|"
    r"in|ina|yn|yna|ov|sky|skyi|skiy|skii|ski|ska|skaya|skaia|vich|vych|ovna|evna|ivna|ovych|"
    r"ич|ов|ова|ев|ева|ин|ина|ын|ына|ский|ская|цкий|цкая|енко|чук|юк|ук|ишин|ович|евич|овна|"
    r"евна|ична|івна|ївна|ович|ський|ська|цький|цька|ової|ову|овой|овым|ым|иной|ину)"
)


# Dashes sign off a known name ("— Natalia") but also start a place in titles ("– Germany").
_WORD_INTROS = tuple(i for i in words.WEAK_INTROS if any(char.isalpha() for char in i))
_OPEN_INTROS = (
    "contact", "hi", "hello", "hey", "i'm", "i’m", "i am", "this is", "sunt", "eu sunt", "salut",
    "contactați", "contactati", "я", "это", "це", "привет", "привіт", "спросить", "спросите",
    "ask for", "persoana de contact", "întrebați de", "intrebati de",
)  # fmt: skip
_ADJECTIVE = re.compile(r".*(?:ая|яя|ый|ий|ой|ое|ые|ие|ă)")


def _not_a_name_shape(word: str) -> bool:
    """Words an unknown name cannot be: stop words, title words, countries, adjectives."""
    key = fold(word)
    if key in words.NOT_A_NAME or key in words.TITLE_WORDS or key in words.COUNTRIES:
        return True
    return bool(_ADJECTIVE.fullmatch(word.lower()))


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    key: str

    @property
    def titled(self) -> bool:
        return self.text[:1].isupper() and not (len(self.text) > 1 and self.text.isupper())


def _tokens(text: str) -> list[Token]:
    """Word tokens, less those inside placeholders such as [NAME] or [Moldova]."""
    found = []
    for match in _TOKEN.finditer(text):
        if text[match.start() - 1 : match.start()] == "[":
            continue
        found.append(Token(match.start(), match.end(), match.group(), fold(match.group())))
    return found


def _ends_with(before: str, phrases: tuple[str, ...]) -> bool:
    """Whether folded text ends with one of the phrases, at a word boundary."""
    for phrase in phrases:
        if before.endswith(phrase):
            head = before[: len(before) - len(phrase)]
            if not head or not head[-1].isalnum():
                return True
    return False


def _intro(text: str, token: Token, phrases: tuple[str, ...]) -> bool:
    before = fold(text[max(0, token.start - 40) : token.start]).rstrip()
    # Commas and colons may stand between ("Regards, Ion"), a sentence end may not.
    return _ends_with(before, phrases) or _ends_with(before.rstrip(",:").rstrip(), phrases)


def _sentence_start(text: str, token: Token) -> bool:
    before = text[: token.start].rstrip(" \t")
    return (
        not before
        or before[-1] in _SENTENCE_END
        or (not before[-1].isalnum() and (before[-1] not in ",-–—'’"))
    )


def _title_case_line(text: str, token: Token) -> bool:
    """A line where most words are capitalised (a title): capitals say nothing there."""
    start = text.rfind("\n", 0, token.start) + 1
    end = text.find("\n", token.end)
    line_words = [w for w in _TOKEN.findall(text[start : end if end >= 0 else None]) if len(w) > 3]
    return len(line_words) >= 4 and sum(w[0].isupper() for w in line_words) > 0.6 * len(line_words)


def _is_company(text: str, tokens: list[Token], index: int) -> bool:
    token = tokens[index]
    after = text[token.end : token.end + 30].lstrip(" '\"»”")
    next_word = fold(after.split(" ", 1)[0].strip(".,;:!?)"))
    before = fold(text[max(0, token.start - 30) : token.start]).rstrip(" «\"„“'")
    prev_word = re.split(r"\s+", before)[-1].strip(".,") if before else ""
    return next_word in words.COMPANY_AFTER or prev_word in words.COMPANY_BEFORE


def _in_address(text: str, token: Token) -> bool:
    """Whether the word is part of a street name ("ул. Пушкина", "str. Mitropolit Varlaam")."""
    clause = re.split(r"[,;:\n(]", text[max(0, token.start - 40) : token.start])[-1]
    return any(fold(w) in words.STREET_BEFORE for w in _TOKEN.findall(clause))


def _in_quotes(text: str, token: Token) -> bool:
    before = text[max(0, token.start - 40) : token.start]
    return before.rfind("«") > before.rfind("»") or before.rfind("“") > before.rfind("”")


def _line_start(text: str, token: Token) -> bool:
    line = text[text.rfind("\n", 0, token.start) + 1 : token.start]
    return not any(char.isalnum() for char in line)


def _has_age_after(text: str, token: Token) -> bool:
    return bool(_AGE_AFTER.match(text, token.end))


def _closes_phrase(text: str, token: Token) -> bool:
    rest = text[token.end : token.end + 3].lstrip(" \t")
    return not rest or rest[0] in ",.!?;)\n" or _has_age_after(text, token)


class _Finder:
    """Decides, token by token, which words of one text are names."""

    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text, self.lex = text, lex
        self.tokens = _tokens(text)
        self.marked = [False] * len(self.tokens)

    def _known(self, index: int) -> bool:
        """An unambiguous first name of the lexicon."""
        key = self.tokens[index].key
        ambiguous = key in self.lex.word_names or key in self.lex.place_names
        return key in self.lex.first_names and not ambiguous

    def _neighbour_named(self, index: int) -> bool:
        for other in (index - 1, index + 1):
            inside = 0 <= other < len(self.tokens)
            if inside and self._adjacent(min(index, other)) and self._known(other):
                return True
        return False

    def _adjacent(self, index: int) -> bool:
        """Whether token index and index + 1 are one name's parts (only a space or hyphen)."""
        if index + 1 >= len(self.tokens):
            return False
        gap = self.text[self.tokens[index].end : self.tokens[index + 1].start]
        return gap in (" ", "-", "‑") or (gap.isspace() and "\n" not in gap and len(gap) <= 2)

    def _cued(self, index: int) -> bool:
        token = self.tokens[index]
        return (
            _intro(self.text, token, words.STRONG_INTROS)
            or _intro(self.text, token, words.WEAK_INTROS)
            or _has_age_after(self.text, token)
            or self._neighbour_named(index)
            or self._surname_follows(index)
        )

    def _surname_follows(self, index: int) -> bool:
        """A capitalised surname or patronymic right after: "Вера Ивановна", "Rose Popescu"."""
        if not self._adjacent(index):
            return False
        after = self.tokens[index + 1]
        known = after.key in self.lex.surnames or bool(_SURNAME_SHAPE.fullmatch(after.key))
        return known and after.titled and self.tokens[index].titled

    def _ambiguous_is_name(self, index: int) -> bool:
        token, text = self.tokens[index], self.text
        before = fold(text[max(0, token.start - 12) : token.start]).split()
        after_place_word = bool(before) and before[-1] in words.PLACE_BEFORE
        if not (token.titled or token.text.isupper()):  # "с надеждой", "love art"
            return _intro(text, token, words.STRONG_INTROS) or _has_age_after(text, token)
        if _in_quotes(text, token):  # «Золотая Роза»: a company's or a product's name
            return False
        if token.key in self.lex.place_names:
            return not after_place_word and self._cued(index)
        if self._cued(index):
            return True
        if _line_start(text, token) and _closes_phrase(text, token):  # "— Grace" signing off
            return text[: token.start].rstrip()[-1:] in ("—", "–", "-")
        starts = _sentence_start(text, token) or _line_start(text, token)  # "- Happy to ..."
        mid_sentence = not starts and not _title_case_line(text, token)
        return token.titled and mid_sentence

    def _unknown_is_name(self, index: int) -> bool:
        token, text = self.tokens[index], self.text
        if _not_a_name_shape(token.text):
            return False
        if _intro(text, token, words.STRONG_INTROS):
            return True
        if not token.titled:
            return False
        if _title_case_line(text, token) and not _has_age_after(text, token):
            return False
        if _intro(text, token, _WORD_INTROS):
            if _closes_phrase(text, token):
                return True
            # "Contact Zorica for details", "I'm Zorica and ...", not "Text Messages only"
            return _intro(text, token, _OPEN_INTROS) and self._lower_word_follows(index)
        return _line_start(text, token) and bool(_TITLE_AGE.match(text, token.end))

    def _lower_word_follows(self, index: int) -> bool:
        return self._adjacent(index) and self.tokens[index + 1].text.islower()

    def is_name(self, index: int) -> bool:
        key = self.tokens[index].key
        if key in words.NEVER_NAMES or _is_company(self.text, self.tokens, index):
            return False
        if _in_address(self.text, self.tokens[index]):
            return False
        if key in self.lex.word_names or key in self.lex.place_names:
            return self._ambiguous_is_name(index)
        if key in self.lex.first_names:
            return True
        return self._unknown_is_name(index)

    def _surname_like(self, index: int, name_index: int) -> bool:
        token, name = self.tokens[index], self.tokens[name_index]
        if token.key in words.NEVER_NAMES or token.key in words.NOT_A_NAME:
            return False
        if token.key in words.TITLE_WORDS or _is_company(self.text, self.tokens, index):
            return False
        same_case = token.titled == name.titled and token.text.isupper() == name.text.isupper()
        if token.key in self.lex.surnames or self._known(index):
            return same_case
        if len(token.text) == 1 and token.text.isupper() and index > name_index:  # "Anna K."
            return self.text[token.end : token.end + 1] == "."
        if not same_case or not (token.titled or token.text.isupper()):
            return False
        if _SURNAME_SHAPE.fullmatch(token.key):
            return True
        # An unknown capitalised word that ends the phrase after a first name ("Regards,
        # Vasile Ursu."), where capitals mean something (not in a Title Case line).
        after_name = index > name_index and not _title_case_line(self.text, token)
        return after_name and token.titled and _closes_phrase(self.text, token)

    def _joins_as_surname(self, other: int, index: int) -> bool:
        if not 0 <= other < len(self.tokens) or self.marked[other]:
            return False
        return self._adjacent(min(index, other)) and self._surname_like(other, index)

    def extend_to_surnames(self) -> None:
        """Mark surnames and patronymics written beside a marked first name, either side."""
        for _ in range(2):
            for index in range(len(self.tokens)):
                if not self.marked[index]:
                    continue
                for other in (index - 1, index + 1):
                    if self._joins_as_surname(other, index):
                        self.marked[other] = True

    def spans(self) -> list[tuple[int, int]]:
        self.marked = [self.is_name(i) for i in range(len(self.tokens))]
        self.extend_to_surnames()
        spans: list[tuple[int, int]] = []
        for index, token in enumerate(self.tokens):
            if not self.marked[index]:
                continue
            if spans and index > 0 and self.marked[index - 1] and self._adjacent(index - 1):
                spans[-1] = (spans[-1][0], token.end)
            else:
                spans.append((token.start, token.end))
        return spans


def name_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the person names in text; a full name is one span."""
    return _Finder(text, lexicon()).spans()


def replace_names(text: str, placeholder: str = "[NAME]") -> str:
    out, position = [], 0
    for start, end in name_spans(text):
        out.append(text[position:start] + placeholder)
        position = end
    return "".join(out) + text[position:]

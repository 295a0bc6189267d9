"""Find person names in advert text: spans of first names, surnames and patronymics.

A word is a name when the lexicon knows it as one and nothing says otherwise (a company
marker beside it, a preposition before a place-like name), or when its position says so
(after "my name is"); names that are also ordinary words ("Hope", "надежда") need a cue.
"""

from __future__ import annotations

import re

from share.deid import words
from share.deid.context import (
    TITLE_AGE,
    beside_phone,
    closes_phrase,
    from_place_after,
    has_age_after,
    in_address,
    in_quotes,
    intro,
    is_company,
    line_start,
    sentence_start,
    title_case_line,
    tokens,
)
from share.deid.lexicon import Lexicon, fold, lexicon

_HERE = frozenset(("here", "speaking", "тут", "здесь", "aici"))
_SURNAME_SHAPE = re.compile(
    r"\w{2,}(?:escu|eanu|ovici|evici|enco|enko|chuk|czuk|czyk|ciuc|iuk|yuk|uk|ova|ev|eva|ieva|"
    r"in|ina|yn|yna|ov|sky|skyi|skiy|skii|ski|ska|skaya|skaia|vich|vych|ovna|evna|ivna|ovych|"
    r"ич|ов|ова|ев|ева|ин|ина|ын|ына|ский|ская|цкий|цкая|енко|чук|юк|ук|ишин|ович|евич|овна|"
    r"евна|ична|івна|ївна|ович|ський|ська|цький|цька|ової|ову|овой|овым|ым|иной|ину)"
    # patronymics in their case forms: Іванівни, Петровне, Сергеевичем, Ивановичу
    r"|\w{2,}(?:ов|ев|ёв|ів|їв|ич|іч)(?:н[аыеуоіи]|ною|ной)|\w{2,}[оеі]вич(?:а|у|ем|ові|е)?"
)


_OPEN_INTROS = (
    "contact", "hi", "hello", "hey", "i'm", "i’m", "i am", "this is", "sunt", "eu sunt", "salut",
    "contactați", "contactati", "я", "это", "це", "привет", "привіт", "спросить", "спросите",
    "ask for", "persoana de contact", "întrebați de", "intrebati de", "mr", "mr.", "mrs", "mrs.",
    "ms", "ms.", "miss", "domnul", "doamna", "dl.", "dna.", "господин", "госпожа", "пан", "пані",
    "manager", "supervisor", "coordinator", "recruiter", "administrator",
)  # fmt: skip
_AND = frozenset(("and", "&", "și", "si", "şi", "и", "та", "і", "й"))
# Adjectives ("Одинокая", "Singură") and first-person verbs ("Работаю") are no names.
_ADJECTIVE = re.compile(r".*(?:ая|яя|ый|ий|ой|ое|ые|ие|аю|яю|ую|юсь|ă)")
_INTRO_WORDS = frozenset(i for i in words.WEAK_INTROS + words.STRONG_INTROS if i.isalpha())


def _not_a_name_shape(word: str) -> bool:
    """Words an unknown name cannot be: stop words, title words, countries, adjectives."""
    key = fold(word)
    if key in words.NOT_A_NAME or key in words.TITLE_WORDS or key in words.COUNTRIES:
        return True
    if key in _INTRO_WORDS or word.lower() in _INTRO_WORDS:  # "Contact: Sunați sau ..."
        return True
    return bool(_ADJECTIVE.fullmatch(word.lower()))


class _Finder:
    """Decides, token by token, which words of one text are names."""

    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text, self.lex = text, lex
        self.tokens = tokens(text)
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
            intro(self.text, token, words.STRONG_INTROS)
            or intro(self.text, token, words.WEAK_INTROS)
            or has_age_after(self.text, token)
            or self._neighbour_named(index)
            or self._surname_follows(index)
            or self._here_follows(index)
            or beside_phone(self.text, token)
            or (token.titled and from_place_after(self.text, token))
        )

    def _here_follows(self, index: int) -> bool:
        """ "Hope here, 24", "Надежда тут": a name introducing itself."""
        if not self._adjacent(index) or self.tokens[index + 1].key not in _HERE:
            return False
        return closes_phrase(self.text, self.tokens[index + 1])

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
            return intro(text, token, words.STRONG_INTROS) or bool(TITLE_AGE.match(text, token.end))
        if in_quotes(text, token):  # «Золотая Роза»: a company's or a product's name
            return False
        if token.key in self.lex.place_names:  # not "4 May, 18 May"
            after_number = bool(re.search(r"\d\s*$", text[: token.start]))
            return not after_place_word and not after_number and self._cued(index)
        if self._cued(index):
            return True
        if line_start(text, token) and closes_phrase(text, token):  # "— Grace" signing off
            return text[: token.start].rstrip()[-1:] in ("—", "–", "-")
        starts = sentence_start(text, token) or line_start(text, token)  # "- Happy to ..."
        mid_sentence = not starts and not title_case_line(text, token)
        return token.titled and mid_sentence

    def _unknown_is_name(self, index: int) -> bool:
        token, text = self.tokens[index], self.text
        if _not_a_name_shape(token.text):
            return False
        if intro(text, token, words.STRONG_INTROS):
            return True
        if not token.titled:
            return False
        if title_case_line(text, token) and not has_age_after(text, token):
            return False
        if intro(text, token, words.WEAK_INTROS):
            if closes_phrase(text, token):
                return True
            # "Contact Zorica for details", "I'm Zorica and ...", not "Text Messages only"
            return intro(text, token, _OPEN_INTROS) and self._lower_word_follows(index)
        return line_start(text, token) and bool(TITLE_AGE.match(text, token.end))

    def _lower_word_follows(self, index: int) -> bool:
        return self._adjacent(index) and self.tokens[index + 1].text.islower()

    def is_name(self, index: int) -> bool:
        key = self.tokens[index].key
        if key in words.NEVER_NAMES or is_company(self.text, self.tokens, index):
            return False
        if in_address(self.text, self.tokens[index]):
            return False
        if key in self.lex.word_names or key in self.lex.place_names:
            return self._ambiguous_is_name(index)
        if key in words.LOWER_CASE_WORDS and self.tokens[index].text.islower():
            token = self.tokens[index]
            return self._cued(index) or bool(TITLE_AGE.match(self.text, token.end))
        if key in self.lex.first_names:
            return True
        return self._unknown_is_name(index)

    def _surname_like(self, index: int, name_index: int) -> bool:
        token, name = self.tokens[index], self.tokens[name_index]
        if token.key in words.NEVER_NAMES or token.key in words.NOT_A_NAME:
            return False
        if token.key in words.TITLE_WORDS or is_company(self.text, self.tokens, index):
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
        after_name = index > name_index and not title_case_line(self.text, token)
        return after_name and token.titled and closes_phrase(self.text, token)

    def _joins_as_surname(self, other: int, index: int) -> bool:
        if not 0 <= other < len(self.tokens) or self.marked[other]:
            return False
        return self._adjacent(min(index, other)) and self._surname_like(other, index)

    def extend_to_surnames(self) -> None:
        """Mark surnames and patronymics written beside a marked first name, either side, and
        a known name joined to it by "and" ("ДАРИНА ТА ЗЛАТА")."""
        for _ in range(2):
            for index in range(len(self.tokens)):
                if not self.marked[index]:
                    continue
                for other in (index - 1, index + 1):
                    if self._joins_as_surname(other, index):
                        self.marked[other] = True
                if self._name_joined_by_and(index):
                    self.marked[index + 2] = True

    def _name_joined_by_and(self, index: int) -> bool:
        if index + 2 >= len(self.tokens) or self.tokens[index + 1].key not in _AND:
            return False
        name, other = self.tokens[index], self.tokens[index + 2]
        same_case = other.titled == name.titled and other.text.isupper() == name.text.isupper()
        gaps = self.text[name.end : other.start]
        known = other.key in self.lex.first_names and other.key not in words.NEVER_NAMES
        return known and same_case and "\n" not in gaps and len(gaps) <= 6

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

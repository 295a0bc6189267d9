"""Negation and sentence context for indicator matches (normalised text).

A match is dropped when a negation cue ("no", "never", "without", "fără", "nu", "без",
"не", "ніколи" ...) stands in the four words before it in the same clause, or, for fee and
document indicators, right after it ("registration fee: none"); when a negated verb leads a
list it negates ("what we will never do: charge a fee, keep your passport"). A clause ends at
punctuation, a spaced dash or an emoji (which the normaliser turned into a space).
"""

from __future__ import annotations

import re
import unicodedata

from classifier.indicators.normalise import NormalisedText, normalise_pattern
from classifier.indicators.patterns import NEGATION

__all__ = ["POST_NEGATED", "negated_after", "negated_before", "sentence_around"]

_NEG_RE = re.compile(r"\b" + normalise_pattern(NEGATION))
# A spaced dash ends a clause too: "не переживайте - документи зроблять там".
_CLAUSE_END = re.compile(r"[.!?;:,\n(\[]|\s-\s|\s(?:but|dar|insa|но|а|але|проте)\s")
_PRE_WORDS = 4
_PRE_CHARS = 60
# Right after a fee / document phrase: "fee: none", "taxa - 0 lei", "комиссия: нет".
_POST_NEG_RE = re.compile(
    normalise_pattern(
        r"\s?[:=\-]?\s?(?:none|no\b|zero\b|free\b"
        r"|0(?:[.,]0+)?\s?(?:€|eur|euro|lei|mdl|ron|руб|грн|%)?(?!\d)"
        r"|nu\b|nu exista|nu se|gratuit|lipsa|нет\b|отсутству|немає|нема\b|відсутн"
        r"|безкоштовн|бесплатн"
        r"|not (?:required|needed|charged)|не (?:нужн|требу|потрібн|взима|берем|бер))"
    )
)
POST_NEGATED = frozenset({"recruitment_fee", "documents_held", "agency_keeps_documents"})


# "What we will never do: charge a fee, keep your passport": a negated lead-in before a
# colon negates the list after it, up to the end of the sentence.
# Only a negated verb leads such a list ("never do:", "nu facem:", "не делаем:"); "no manager:"
# is a statement of its own.
_NEGATED_LIST = re.compile(
    normalise_pattern(
        r"\b(?:never|not|don't|dont|won't|doesn't|nu|niciodata|не|никогда|ніколи)(?:\s\w+){0,2}\s"
        r"(?:do|does|ask|charge|take|keep|require|request|fac\w*|cer\w*|percep\w*|дела\w*"
        r"|требу\w*|проси\w*|бер\w*|роби\w*|вимага\w*|стяг\w*)\s?:\s?"
    )
)
_SENTENCE_START = re.compile(r"[.!?\n]")


def negated_before(norm: NormalisedText, start: int) -> bool:
    text = norm.text
    lo = max(0, start - _PRE_CHARS)
    last_end = max(lo, _symbol_break(norm, lo, start))
    for boundary in _CLAUSE_END.finditer(text, last_end, start):
        last_end = boundary.end()
    words = text[last_end:start].split()[-_PRE_WORDS:]
    if words and _NEG_RE.search(" ".join(words)) is not None:
        return True
    sentence_start = max(0, start - 200)
    cut = max((m.end() for m in _SENTENCE_START.finditer(text, sentence_start, start)), default=0)
    return _NEGATED_LIST.search(text, max(cut, sentence_start), start) is not None


_SYMBOLS = frozenset({"So", "Sk", "Co", "Cs", "Cn"})


def _symbol_break(norm: NormalisedText, lo: int, hi: int) -> int:
    """Just past the last space in text[lo:hi] that stands for an emoji or other symbol: an
    emoji separates clauses ("не переживайте 🙏 документи зроблять там"), though the matcher
    reads it as a space.  0 when there is none."""
    for j in range(hi - 1, lo - 1, -1):
        if norm.text[j] == " " and any(
            unicodedata.category(c) in _SYMBOLS
            for c in norm.original[norm.starts[j] : norm.ends[j]]
        ):
            return j + 1
    return 0


_SENTENCE_END = re.compile(r"[.!?\n]")
_SENTENCE_REACH = 250


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence around a match (at most 250 characters either side)."""
    head = text[max(0, start - _SENTENCE_REACH) : start]
    cut = max((m.end() for m in _SENTENCE_END.finditer(head)), default=0)
    tail = _SENTENCE_END.search(text, end, min(len(text), end + _SENTENCE_REACH))
    stop = tail.start() if tail else min(len(text), end + _SENTENCE_REACH)
    return head[cut:] + text[start:stop]


def negated_after(text: str, end: int) -> bool:
    return _POST_NEG_RE.match(text, end, min(len(text), end + 24)) is not None

"""Phone numbers written as ordinary figures (phonenumbers' PhoneNumberMatcher pass).

Also the filters every phone candidate goes through: dates and times, amounts of
money. Obfuscated numbers are :mod:`crawlers.extract.phone_obfuscation`'s job.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterator, Sequence

import phonenumbers
from phonenumbers import PhoneNumberFormat

from crawlers.extract.entity_spans import Found, overlaps

__all__ = ["DATE_RE", "REGISTRY_RE", "e164", "is_money", "standard_phones"]

# The log name of the module these functions were split out of.
logger = logging.getLogger("crawlers.extract.entities")

# Cheap pre-filter for the standard pass: clusters that could hold a phone number, i.e.
# r"\+?\(?\d[\d \t\u00a0().\-/]{5,40}\d" written to start with its first character (a "+",
# "(" or digit, then checked behind) so that the engine skips to candidates fast.
_DIGIT_CLUSTER_RE = re.compile(
    r"[+(\d](?:(?<=\+)\(?\d|(?<=\()\d|(?<=\d))[\d \t\u00a0().\-/]{5,40}\d"
)
_DIGIT_RE = re.compile(r"\d")
# Dates and times that PhoneNumberMatcher can take for numbers ("22.05.2024 10:30"):
# "dd.mm.yyyy", "yyyy-mm-dd", "hh:mm", not inside a longer number. Each starts with its first
# digit taken apart ("(?<=1)9" is the "19" of a year), so that the engine skips to digits
# fast instead of trying the pattern at every character.
DATE_RE = re.compile(
    r"\d(?<!\d\d)(?:\d?[./]\d{1,2}[./](?:19|20)\d\d|(?:(?<=1)9|(?<=2)0)\d\d-\d{2}-\d{2}|\d?:\d{2})"
    r"(?!\d)"
)
# Company and licence register numbers that PhoneNumberMatcher reads as phones: Romanian trade
# register numbers ("J12/4567/2015") and numbers after a register's name ("CUI 34512876",
# "IČO 27654321", "ЄДРПОУ 35612084", "company no. 09876512").
# Every match starts with one of the letters in the lookahead (any case) or "№", at a word
# boundary but for the Cyrillic names: testing that first saves most of the scan's time.
REGISTRY_RE = re.compile(
    r"(?:\b(?=[jfcnidkrvehl№])|(?=[иокєеі]))(?:"
    r"\b[JjFfCc]\s?\d{1,2}\s?/\s?\d{1,7}\s?/\s?(?:19|20)\d\d\b"
    r"|\b(?:nr|no|№)\.?\s?\d{1,6}\s?/\s?(?:19|20)\d\d\b"
    r"|(?:\b(?:cui|cif|idno|i[čc]o|di[čc]|krs|kvk|nip|regon|vat|ein|crn|hrb|company\s(?:no|number)"
    r"|reg(?:istration)?\.?\s?(?:no|nr|number)|licen[cs]e\s(?:no|nr|number))\.?"
    r"|(?:инн|огрн|огрнип|кпп|єдрпоу|едрпоу|іпн|ідно))\W{0,4}(?:[a-z]{2})?[\d \-/]{5,20}\d"
    r")",
    re.I,
)
_MATCHER_MARGIN = 12
_MAX_WINDOW = 400  # long digit-heavy stretches are matched in pieces
_MATCHER_MAX_TRIES = 200

# Amounts of money are not phone numbers: "2100-2400 EUR", "€ 1500 2000".
_CURRENCY_AFTER_RE = re.compile(
    r"\s*(?:eur|euro|usd|gbp|chf|mdl|ron|uah|rub|pln|lei|leu|лей|евро|євро|руб|грн|"
    r"dollars?|долл|дол)(?![^\W\d_])|\s*[€$£₴₽]",
    re.I,
)
_CURRENCY_BEFORE_RE = re.compile(r"(?:[€$£₴₽]|\b(?:eur|usd|gbp|mdl|ron|uah|rub|pln))\s*$", re.I)


def is_money(text: str, start: int, end: int) -> bool:
    """Whether a currency word or sign stands right after or just before the span."""
    return bool(
        _CURRENCY_AFTER_RE.match(text, end)
        or _CURRENCY_BEFORE_RE.search(text, max(0, start - 6), start)
    )


def e164(number: phonenumbers.PhoneNumber) -> str:
    """The number in E.164 form ("+37360000123")."""
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def _matcher_windows(text: str) -> Iterator[tuple[int, int, list[tuple[int, int]]]]:
    """Merged windows around digit clusters with at least 7 digits, with the clusters."""
    window: tuple[int, int] | None = None
    clusters: list[tuple[int, int]] = []
    for match in _DIGIT_CLUSTER_RE.finditer(text):
        if len(_DIGIT_RE.findall(match.group())) < 7:
            continue
        start = max(0, match.start() - _MATCHER_MARGIN)
        end = min(len(text), match.end() + _MATCHER_MARGIN)
        if window is not None and start <= window[1] and end - window[0] <= _MAX_WINDOW:
            window = (window[0], max(window[1], end))
        else:
            if window is not None:
                yield window[0], window[1], clusters
            window = (start, end)
            clusters = []
        clusters.append((match.start(), match.end()))
    if window is not None:
        yield window[0], window[1], clusters


def standard_phones(text: str, regions: Sequence[str]) -> list[Found]:
    """phonenumbers' PhoneNumberMatcher per region (first region wins on overlap).

    It runs only on windows around digit clusters, so long pages stay fast, and the
    next region is only tried while some cluster in the window is still unexplained.
    """
    found: list[Found] = []
    seen: set[tuple[int, int]] = set()  # windows may overlap: report each match once
    # Pages repeat themselves (contact boxes, boilerplate): match each window text once.
    cache: dict[str, tuple[tuple[int, int, str], ...]] = {}
    for w_start, w_end, clusters in _matcher_windows(text):
        chunk = text[w_start:w_end]
        local = cache.get(chunk)
        if local is None:
            relative = tuple((s - w_start, e - w_start) for s, e in clusters)
            local = cache[chunk] = _match_chunk(chunk, relative, tuple(regions))
        for start, end, value in local:
            span = (w_start + start, w_start + end)
            if span not in seen:
                seen.add(span)
                found.append(Found("phone", value, *span))
    return found


# Adverts of one site repeat their contact lines (an agency's number on each of its adverts):
# a window's matches depend on nothing but these arguments, so they are kept across pages.
@functools.lru_cache(maxsize=4096)
def _match_chunk(
    chunk: str, clusters: tuple[tuple[int, int], ...], regions: tuple[str, ...]
) -> tuple[tuple[int, int, str], ...]:
    matched: list[tuple[int, int, str]] = []
    spans: list[tuple[int, int]] = []
    for region in regions:
        try:
            matches = list(
                phonenumbers.PhoneNumberMatcher(chunk, region, max_tries=_MATCHER_MAX_TRIES)
            )
        except Exception:  # pragma: no cover - defensive against library bugs
            logger.exception("PhoneNumberMatcher failed (region %s)", region)
            continue
        for m in matches:
            if overlaps(m.start, m.end, spans):
                continue
            spans.append((m.start, m.end))
            matched.append((m.start, m.end, e164(m.number)))
        if all(overlaps(c_start, c_end, spans) for c_start, c_end in clusters):
            break
    return tuple(matched)

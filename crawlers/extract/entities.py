"""Contact entities in advert text: phones, e-mails, messenger handles and URLs.

Every :class:`~crawlers.extract.fields.Entity` carries a span into the ORIGINAL text
(``text[e.start:e.end] == e.raw``), also for obfuscated phone numbers ("O7OO OOO l23",
"zero six zero zero ...") and e-mails ("name at example dot org").
"""

from __future__ import annotations

import bisect
import itertools
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from crawlers.extract.fields import Entity, EntityKind
from crawlers.extract.urls import canonical_url

__all__ = ["DEFAULT_REGION_HINTS", "extract_entities", "normalise_region_hints"]

logger = logging.getLogger(__name__)

DEFAULT_REGION_HINTS: tuple[str, ...] = ("MD", "RO", "UA", "RU")

_KIND_ORDER: dict[str, int] = {"phone": 0, "email": 1, "handle": 2, "url": 3}


def normalise_region_hints(*hint_lists: Iterable[str | None]) -> tuple[str, ...]:
    """Upper-case, de-duplicate (first wins) and keep only regions phonenumbers knows."""
    seen: list[str] = []
    for hints in hint_lists:
        for hint in hints:
            if not hint:
                continue
            region = hint.strip().upper()
            if region == "UK":
                region = "GB"
            if region in phonenumbers.SUPPORTED_REGIONS and region not in seen:
                seen.append(region)
    return tuple(seen)


@dataclass(frozen=True)
class _Found:
    kind: EntityKind
    value: str
    start: int
    end: int


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


class _SpanSet:
    """A union of half-open spans with O(log n) overlap queries."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in sorted(spans):
            if start >= end:
                continue
            if self._ends and start <= self._ends[-1]:
                self._ends[-1] = max(self._ends[-1], end)
            else:
                self._starts.append(start)
                self._ends.append(end)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, end) - 1
        return i >= 0 and self._ends[i] > start

    def add(self, start: int, end: int) -> None:
        lo = bisect.bisect_left(self._ends, start)  # first span that may touch
        hi = bisect.bisect_right(self._starts, end)  # spans from here on are after
        if lo < hi:
            start = min(start, self._starts[lo])
            end = max(end, self._ends[hi - 1])
        self._starts[lo:hi] = [start]
        self._ends[lo:hi] = [end]


# =========================================================================== URLs

_URL_RE = re.compile(r"""(?i)(?<![\w@/.])(?:https?://|www\.)[^\s<>"'{}|\\^`\[\]]+""")
_URL_TRAIL = ".,;:!?'\"»”’…"


def _trim_url(raw: str) -> str:
    while raw:
        if raw[-1] in _URL_TRAIL or (raw[-1] == ")" and raw.count(")") > raw.count("(")):
            raw = raw[:-1]
        else:
            break
    return raw


def _find_urls(text: str) -> list[_Found]:
    found: list[_Found] = []
    for match in _URL_RE.finditer(text):
        raw = _trim_url(match.group())
        if len(raw) < 8:
            continue
        try:
            value = canonical_url(raw)
        except ValueError:
            continue
        host = value.split("://", 1)[1].split("/", 1)[0]
        if "." not in host:
            continue
        found.append(_Found("url", value, match.start(), match.start() + len(raw)))
    return found


# =========================================================================== e-mails

_LOCAL = r"[A-Za-z0-9](?:[A-Za-z0-9._%+\-]{0,63}[A-Za-z0-9_%+\-])?"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}[A-Za-z0-9])?"
_TLD = r"[A-Za-z]{2,24}(?![A-Za-z0-9\-])"
_PLAIN_EMAIL_RE = re.compile(rf"(?<![\w.+%\-])({_LOCAL})@((?:{_LABEL}\.)+{_TLD})")
_AT_WORDS = r"at|собака|равлик|arond|a\s?rond"
_DOT_WORDS = r"dot|точка|крапка|punct"
_OPEN = r"[\[({<]"
_CLOSE = r"[\])}>]"
_AT_ANY = (
    rf"(?:\s*{_OPEN}\s*(?:{_AT_WORDS}|@)\s*{_CLOSE}\s*"  # name [at] / (at) / {собака}
    rf"|\s+(?:{_AT_WORDS})\s+"  # name at example
    r"|\s+@\s*|\s*@\s+)"  # name @ example
)
_DOT_ANY = rf"(?:\s*{_OPEN}\s*(?:{_DOT_WORDS}|\.)\s*{_CLOSE}\s*|\s+(?:{_DOT_WORDS})\s+|\.)"
_OBF_EMAIL_RE = re.compile(
    rf"(?i)(?<![\w.+%\-])(?P<local>{_LOCAL})(?P<at>{_AT_ANY})"
    rf"(?P<domain>{_LABEL}(?:{_DOT_ANY}{_LABEL})*{_DOT_ANY}{_TLD})"
)
_BARE_AT_WORD_RE = re.compile(r"(?i)\s+(?:at|arond|a\s?rond)\s+")
_DOT_SPLIT_RE = re.compile(_DOT_ANY, re.I)


def _find_emails(text: str) -> list[_Found]:
    found: list[_Found] = []
    for match in _PLAIN_EMAIL_RE.finditer(text):
        value = f"{match.group(1)}@{match.group(2)}".lower()
        found.append(_Found("email", value, match.start(), match.end()))
    for match in _OBF_EMAIL_RE.finditer(text):
        domain_raw = match.group("domain")
        # "contact us at jobs.md" is not an e-mail: a bare word "at" needs an
        # obfuscated dot too ("name at example dot org").
        if _BARE_AT_WORD_RE.fullmatch(match.group("at")) and re.fullmatch(
            r"[A-Za-z0-9.\-]+", domain_raw
        ):
            continue
        labels = [part for part in _DOT_SPLIT_RE.split(domain_raw) if part]
        value = f"{match.group('local')}@{'.'.join(labels)}".lower()
        found.append(_Found("email", value, match.start(), match.end()))
    return found


# =========================================================================== phones

_ALLOWED_OBFUSCATED_TYPES = frozenset(
    {
        PhoneNumberType.MOBILE,
        PhoneNumberType.FIXED_LINE,
        PhoneNumberType.FIXED_LINE_OR_MOBILE,
        PhoneNumberType.VOIP,
        PhoneNumberType.PERSONAL_NUMBER,
        PhoneNumberType.UAN,
    }
)

# Cheap pre-filter for the standard pass: clusters that could hold a phone number.
_DIGIT_CLUSTER_RE = re.compile(r"\+?\(?\d[\d \t\u00a0().\-/]{5,40}\d")
_DIGIT_RE = re.compile(r"\d")
# Dates and times that PhoneNumberMatcher can take for numbers ("22.05.2024 10:30").
_DATE_RE = re.compile(
    r"(?<!\d)(?:\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d|(?:19|20)\d\d-\d{2}-\d{2}|\d{1,2}:\d{2})(?!\d)"
)
_MATCHER_MARGIN = 12
_MAX_WINDOW = 400  # long digit-heavy stretches are matched in pieces
_MATCHER_MAX_TRIES = 200

_APOS = "['’ʼ`]"
_NUMBER_WORDS: dict[str, int] = {
    # English
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    # Romanian
    "unu": 1,
    "una": 1,
    "doi": 2,
    "două": 2,
    "doua": 2,
    "trei": 3,
    "patru": 4,
    "cinci": 5,
    "șase": 6,
    "şase": 6,
    "sase": 6,
    "șapte": 7,
    "şapte": 7,
    "sapte": 7,
    "opt": 8,
    "nouă": 9,
    "noua": 9,
    # Russian
    "ноль": 0,
    "нуль": 0,
    "один": 1,
    "одна": 1,
    "два": 2,
    "две": 2,
    "три": 3,
    "четыре": 4,
    "пять": 5,
    "шесть": 6,
    "семь": 7,
    "восемь": 8,
    "девять": 9,
    # Ukrainian (п'ять and дев'ять are matched with any apostrophe, see below)
    "дві": 2,
    "чотири": 4,
    "шість": 6,
    "сім": 7,
    "вісім": 8,
}
_LETTER_DIGITS: dict[str, int] = {
    "O": 0,
    "o": 0,
    "О": 0,
    "о": 0,
    "Ο": 0,
    "ο": 0,  # Latin, Cyrillic, Greek O
    "l": 1,
    "I": 1,
}


def _word_alternation() -> str:
    words = sorted(_NUMBER_WORDS, key=len, reverse=True)
    parts = [re.escape(w) for w in words]
    parts.insert(0, f"дев{_APOS}ять")
    parts.insert(0, f"п{_APOS}ять")
    return "|".join(parts)


_WORDS = _word_alternation()
_LETTERS = "".join(_LETTER_DIGITS)
_ATOM = rf"(?:(?i:{_WORDS})|\d|[{_LETTERS}])"
_NOT_LETTER_BEFORE = r"(?<![^\W\d_])"
_NOT_LETTER_AFTER = r"(?![^\W\d_])"
_GROUP = rf"{_NOT_LETTER_BEFORE}{_ATOM}{{1,24}}{_NOT_LETTER_AFTER}"
_EMOJI = "\u2190-\u21ff\u2300-\u23ff\u2460-\u27bf\u2900-\u2bff\ufe0f\u20e3\u200b-\u200d\u2060"
_EMOJI_ASTRAL = "\U0001f000-\U0001faff"
_SEP_CHARS = rf"\s.,;:\-‐-―/\\_*~·•()\[\]'\"{_EMOJI}{_EMOJI_ASTRAL}"
_SEP = rf"[{_SEP_CHARS}]{{1,6}}"
_PLUS = r"(?:\+|(?i:plus|плюс)(?![^\W\d_]))"


def _first_chars() -> str:
    """Characters a run can start with (a cheap guard in front of the big pattern)."""
    chars = set("+0123456789") | set(_LETTER_DIGITS) | {"p", "P", "п", "П", "д", "Д"}
    for word in _NUMBER_WORDS:
        chars |= {word[0].lower(), word[0].upper()}
    return "".join(sorted(re.escape(c) for c in chars))


_OBF_RUN_RE = re.compile(
    rf"(?=[{_first_chars()}\d])"
    rf"(?:(?P<plus>{_PLUS})[\s]{{0,2}})?(?P<run>{_GROUP}(?:{_SEP}{_GROUP})*)"
)
_GROUP_RE = re.compile(_GROUP)
_ATOM_TOKEN_RE = re.compile(rf"(?i:{_WORDS})|\d|[{_LETTERS}]")
# Ordinary punctuation between figures (any dash); "/" counts as odd: "06/00/00/128".
_PLAIN_SEP_RE = re.compile(r"[\s.\-‐-―−():,;]*")
_PLAIN_RUN_RE = re.compile(r"[\d\s.\-‐-―−():,;]+")
_SPACED_SINGLES_RE = re.compile(r"(?<!\d)\d(?:[\s.\-‐-―−/():,;]{1,6}\d(?!\d)){2,}")
# Amounts of money are not phone numbers: "2100-2400 EUR", "€ 1500 2000".
_CURRENCY_AFTER_RE = re.compile(
    r"\s*(?:eur|euro|usd|gbp|chf|mdl|ron|uah|rub|pln|lei|leu|лей|евро|євро|руб|грн|"
    r"dollars?|долл|дол)(?![^\W\d_])|\s*[€$£₴₽]",
    re.I,
)
_CURRENCY_BEFORE_RE = re.compile(r"(?:[€$£₴₽]|\b(?:eur|usd|gbp|mdl|ron|uah|rub|pln))\s*$", re.I)


def _is_money(text: str, start: int, end: int) -> bool:
    return bool(
        _CURRENCY_AFTER_RE.match(text, end)
        or _CURRENCY_BEFORE_RE.search(text, max(0, start - 6), start)
    )


_MAX_GROUPS = 40


def _e164(number: phonenumbers.PhoneNumber) -> str:
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


def _standard_phones(text: str, regions: Sequence[str]) -> list[_Found]:
    """phonenumbers' PhoneNumberMatcher per region (first region wins on overlap).

    It runs only on windows around digit clusters, so long pages stay fast, and the
    next region is only tried while some cluster in the window is still unexplained.
    """
    found: list[_Found] = []
    seen: set[tuple[int, int]] = set()  # windows may overlap: report each match once
    # Pages repeat themselves (contact boxes, boilerplate): match each window text once.
    cache: dict[str, list[tuple[int, int, str]]] = {}
    for w_start, w_end, clusters in _matcher_windows(text):
        chunk = text[w_start:w_end]
        local = cache.get(chunk)
        if local is None:
            local = _match_chunk(chunk, [(s - w_start, e - w_start) for s, e in clusters], regions)
            cache[chunk] = local
        for start, end, value in local:
            span = (w_start + start, w_start + end)
            if span not in seen:
                seen.add(span)
                found.append(_Found("phone", value, *span))
    return found


def _match_chunk(
    chunk: str, clusters: Sequence[tuple[int, int]], regions: Sequence[str]
) -> list[tuple[int, int, str]]:
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
            if _overlaps(m.start, m.end, spans):
                continue
            spans.append((m.start, m.end))
            matched.append((m.start, m.end, _e164(m.number)))
        if all(_overlaps(c_start, c_end, spans) for c_start, c_end in clusters):
            break
    return matched


def _atom_digit(token: str) -> int:
    if token in _LETTER_DIGITS:
        return _LETTER_DIGITS[token]
    if len(token) == 1 and token.isdigit():
        return unicodedata.digit(token)
    key = re.sub(_APOS, "", token.lower())
    if key in _NUMBER_WORDS:
        return _NUMBER_WORDS[key]
    return {"пять": 5, "девять": 9}[key]


@dataclass(frozen=True)
class _Group:
    digits: str
    start: int
    end: int
    spelled: int  # digits written as number words or look-alike letters
    mixed: bool  # real digits and spelled ones in one group: "6OO", "5five5", "l23"


def _parse_digits(digits: str, plus: bool, regions: Sequence[str]) -> str | None:
    candidates: list[tuple[str, str | None]] = []
    if plus:
        candidates.append(("+" + digits, None))
    else:
        candidates.extend((digits, region) for region in regions)
        if len(digits) >= 10:
            candidates.append(("+" + digits, None))
    for number_text, region in candidates:
        try:
            number = phonenumbers.parse(number_text, region)
        except phonenumbers.NumberParseException:
            continue
        if (
            phonenumbers.is_valid_number(number)
            and phonenumbers.number_type(number) in _ALLOWED_OBFUSCATED_TYPES
        ):
            return _e164(number)
    return None


def _obfuscated_phones(text: str, regions: Sequence[str], taken: _SpanSet) -> list[_Found]:
    """De-obfuscation pass: number words, O/l for 0/1, digits split by odd separators."""
    found: list[_Found] = []
    parsed: dict[tuple[str, bool], str | None] = {}
    for run in _OBF_RUN_RE.finditer(text):
        run_text = run.group("run")
        if len(run_text) < 7:
            continue  # fewer than 7 atoms
        if _PLAIN_RUN_RE.fullmatch(run_text) and not _SPACED_SINGLES_RE.search(run_text):
            continue  # ordinary figures: PhoneNumberMatcher's job
        run_start = run.start("run")
        groups: list[_Group] = []
        for g in _GROUP_RE.finditer(run.group("run")):
            tokens = _ATOM_TOKEN_RE.findall(g.group())
            digits = "".join(str(_atom_digit(t)) for t in tokens)
            spelled = sum(1 for t in tokens if not (len(t) == 1 and t.isdigit()))
            mixed = 0 < spelled < len(tokens)
            groups.append(
                _Group(digits, run_start + g.start(), run_start + g.end(), spelled, mixed)
            )
            if len(groups) >= _MAX_GROUPS:
                break
        total = sum(len(g.digits) for g in groups)
        if total < 7:
            continue
        plus = run.group("plus") is not None
        i = 0
        while i < len(groups):
            matched = False
            for j in range(len(groups) - 1, i - 1, -1):
                sub = groups[i : j + 1]
                digits = "".join(g.digits for g in sub)
                if len(digits) < 7:
                    break
                if len(digits) > 15 or not _is_obfuscated(text, sub):
                    continue
                start = run.start() if (i == 0 and plus) else sub[0].start
                end = sub[-1].end
                if taken.overlaps(start, end) or _is_money(text, start, end):
                    continue
                key = (digits, plus and i == 0)
                if key not in parsed:
                    parsed[key] = _parse_digits(digits, key[1], regions)
                value = parsed[key]
                if value is None:
                    continue
                found.append(_Found("phone", value, start, end))
                taken.add(start, end)
                i = j + 1
                matched = True
                break
            if not matched:
                i += 1
    return found


def _is_obfuscated(text: str, groups: Sequence[_Group]) -> bool:
    """Whether digit groups look deliberately obfuscated.

    Plain digit groups with ordinary separators are left to PhoneNumberMatcher, and
    prose that mixes number words with figures ("two 1200 1500", "25 I 30000") is not
    a phone number. Accepted: a group mixing digits with spelled ones ("6OO", "5five5",
    "l23"); mostly spelled digits with short figures ("zero six zero zero, 0 0 1 2 3");
    figures split by one odd symbol or emoji throughout; digits spaced out one by one.
    """
    if any(g.mixed for g in groups):
        return True
    total = sum(len(g.digits) for g in groups)
    spelled = sum(g.spelled for g in groups)
    if spelled:
        short_figures = all(len(g.digits) <= 4 for g in groups if not g.spelled)
        return short_figures and spelled * 2 >= total
    # One odd separator used throughout: "0600🔥00🔥129", "06/00/00/128", keycap emoji.
    seps = [text[a.end : b.start].strip() for a, b in itertools.pairwise(groups)]
    odd = {sep for sep in seps if sep and not _PLAIN_SEP_RE.fullmatch(sep)}
    if len(odd) == 1 and all(sep in odd for sep in seps if sep):
        return True
    singles = sum(1 for g in groups if len(g.digits) == 1)
    return len(groups) >= 5 and singles * 10 >= len(groups) * 6  # "0 6 0 0 0 0 1 2 3"


# =========================================================================== handles

_MESSENGER_KEYWORD_RE = re.compile(
    r"(?i)(?<!\w)(?:"
    r"(?P<whatsapp>whats\s?app|whatsap|watsapp|watsap|вотсап+|ватсап+|вацап+|уатсап+|вотс\s?ап)"
    r"|(?P<viber>viber|вайбер\w*|вібер\w*)"
    r"|(?P<signal>signal|сигнал|сігнал)"
    r"|(?P<telegram>telegram|телеграм\w*|телега|tg|тг)"
    r")(?!\w|://|\.\w)"  # not "viber://..." or "whatsapp.com" (links are handled apart)
)
_OTHER_NETWORK_RE = re.compile(
    r"(?i)(?<!\w)(?:instagram|insta|inst|инстаграм\w*|инста|інстаграм\w*|facebook|fb|"
    r"tiktok|twitter|vk|вк|skype|скайп|snapchat|onlyfans|x\.com)(?!\w)"
)
_GAP_AFTER_KEYWORD = 32  # "WhatsApp (messages only): +373 ..."
_GAP_BEFORE_KEYWORD = 24  # "+373 ... (WhatsApp, Viber)"

_TG_RESERVED = frozenset(
    {
        "joinchat",
        "addstickers",
        "addemoji",
        "addtheme",
        "share",
        "proxy",
        "socks",
        "iv",
        "setlanguage",
        "login",
        "confirmphone",
        "invoice",
        "boost",
        "addlist",
        "bg",
        "c",
        "s",
    }
)
_TG_LINK_RE = re.compile(
    r"(?i)(?<![\w.])(?:https?://)?(?:www\.)?(?:t\.me|telegram\.me|telegram\.dog)/"
    r"(?:s/)?@?(?P<name>[A-Za-z][A-Za-z0-9_]{3,31})(?![A-Za-z0-9_])"
)
_TG_RESOLVE_RE = re.compile(
    r"(?i)tg://resolve\?(?:[^\s#]*&)?domain=(?P<name>[A-Za-z][A-Za-z0-9_]{3,31})"
)
_AT_HANDLE_RE = re.compile(r"(?<![\w@.])@(?P<name>[A-Za-z][A-Za-z0-9_]{3,31})(?![\w@]|\.\w)")
_TG_COLON_RE = re.compile(
    r"(?i)(?<!\w)(?:telegram|телеграм\w*|tg|тг)\s*[:：]\s*(?P<name>[A-Za-z][A-Za-z0-9_]{4,31})"
    r"(?=\s*(?:$|[\n,;)!]|\.(?!\w)))"
)
_KEYWORD_BEFORE_AT = 60
_KEYWORD_AFTER_AT = 40

_LINK_NUMBER_RES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("whatsapp", re.compile(r"(?i)(?<![\w.])(?:https?://)?(?:www\.)?wa\.me/\+?(?P<num>\d{7,15})")),
    (
        "whatsapp",
        re.compile(
            r"(?i)(?:api|web|www)?\.?whatsapp\.com/send/?\?(?:[^\s#]*&)?phone=(?:%2B|\+)?"
            r"(?P<num>\d{7,15})"
        ),
    ),
    (
        "viber",
        re.compile(
            r"(?i)viber://(?:chat|add|contact)/?\?(?:[^\s#]*&)?number=(?:%2B|\+)?(?P<num>\d{7,15})"
        ),
    ),
    ("signal", re.compile(r"(?i)signal\.me/#p/(?:%2B|\+)?(?P<num>\d{7,15})")),
)
_LINK_SPAN_RE = re.compile(
    r"(?i)(?<![\w.])(?:https?://)?(?:www\.)?(?:t\.me|telegram\.me|telegram\.dog|wa\.me)/\S+"
)


def _link_numbers(text: str) -> tuple[list[_Found], list[_Found]]:
    """Handles (and phones) from wa.me / whatsapp.com / viber:// / signal.me links."""
    handles: list[_Found] = []
    phones: list[_Found] = []
    for network, pattern in _LINK_NUMBER_RES:
        for match in pattern.finditer(text):
            try:
                number = phonenumbers.parse("+" + match.group("num"), None)
            except phonenumbers.NumberParseException:
                continue
            if not phonenumbers.is_valid_number(number):
                continue
            value = _e164(number)
            handles.append(_Found("handle", f"{network}:{value}", match.start(), match.end()))
            phones.append(_Found("phone", value, match.start("num"), match.end("num")))
    return handles, phones


def _telegram_names(text: str) -> list[_Found]:
    found: list[_Found] = []
    for match in _TG_LINK_RE.finditer(text):
        name = match.group("name")
        if name.lower() in _TG_RESERVED:
            continue
        found.append(_Found("handle", f"telegram:{name.lower()}", match.start(), match.end()))
    for match in _TG_RESOLVE_RE.finditer(text):
        name = match.group("name").lower()
        found.append(_Found("handle", f"telegram:{name}", match.start(), match.end()))
    for match in _TG_COLON_RE.finditer(text):
        name = match.group("name").lower()
        found.append(_Found("handle", f"telegram:{name}", match.start(), match.end()))

    keywords: list[tuple[int, int, bool]] = [
        (m.start(), m.end(), True)
        for m in _MESSENGER_KEYWORD_RE.finditer(text)
        if m.group("telegram")
    ]
    if not keywords:
        return found
    keywords.extend(
        (m.start(), m.end(), False)
        for m in _MESSENGER_KEYWORD_RE.finditer(text)
        if not m.group("telegram")
    )
    keywords.extend((m.start(), m.end(), False) for m in _OTHER_NETWORK_RE.finditer(text))
    for match in _AT_HANDLE_RE.finditer(text):
        # The nearest network word before the name labels it ("Telegram: @anna",
        # "Instagram @x, Telegram @y"); failing that, the nearest one after it.
        before: tuple[int, bool] | None = None
        after: tuple[int, bool] | None = None
        for k_start, k_end, is_telegram in keywords:
            if k_end <= match.start():
                distance = match.start() - k_end
                if distance <= _KEYWORD_BEFORE_AT and (before is None or distance < before[0]):
                    before = (distance, is_telegram)
            elif k_start >= match.end():
                distance = k_start - match.end()
                if distance <= _KEYWORD_AFTER_AT and (after is None or distance < after[0]):
                    after = (distance, is_telegram)
        best = before or after
        if best is not None and best[1]:
            name = match.group("name").lower()
            found.append(_Found("handle", f"telegram:{name}", match.start(), match.end()))
    return found


# A messenger word followed by a name or link labels that, not a number before it.
_LABELS_A_NAME_RE = re.compile(r"\s*[:：\-–]?\s*(?:@|https?://|t\.me/|wa\.me/)", re.I)


def _messenger_phone_handles(
    text: str, phones: Sequence[_Found], blocked: _SpanSet
) -> list[_Found]:
    """Handles for "WhatsApp +373 ..." / "+373 ... (Viber)": the number next to the word."""
    found: list[_Found] = []
    if not phones:
        return found
    ordered = sorted(phones, key=lambda p: p.start)
    for kw in _MESSENGER_KEYWORD_RE.finditer(text):
        if blocked.overlaps(kw.start(), kw.end()):
            continue  # a word inside a URL, e-mail address or messenger link
        network = next(name for name, value in kw.groupdict().items() if value)
        target: _Found | None = None
        for phone in ordered:
            if phone.start >= kw.end():
                gap = text[kw.end() : phone.start]
                if len(gap) <= _GAP_AFTER_KEYWORD and not _bad_gap(gap):
                    target = phone
                break
        if target is None and not _LABELS_A_NAME_RE.match(text, kw.end()):
            for phone in reversed(ordered):
                if phone.end <= kw.start():
                    gap = text[phone.end : kw.start()]
                    if len(gap) <= _GAP_BEFORE_KEYWORD and _trailing_gap_ok(gap):
                        target = phone
                    break
        if target is None:
            continue
        start, end = min(kw.start(), target.start), max(kw.end(), target.end)
        found.append(_Found("handle", f"{network}:{target.value}", start, end))
    return found


def _bad_gap(gap: str) -> bool:
    """Text between a messenger word and a number that breaks the link between them."""
    return "\n" in gap or "@" in gap or "://" in gap or any(ch.isdigit() for ch in gap)


# After a number only punctuation, other messenger names and "or"/"and" may stand
# between it and the messenger word: "+373 ... (WhatsApp, Viber)", "... / Telegram".
_TRAILING_GAP_RE = re.compile(
    r"(?i)(?:[\s,;:/()\[\]\-–—|+&*•·]|\b(?:and|or|sau|și|şi|и|или|та|і|й|або)\b)*"
)


def _trailing_gap_ok(gap: str) -> bool:
    gap = _MESSENGER_KEYWORD_RE.sub(" ", gap)
    return not _bad_gap(gap) and _TRAILING_GAP_RE.fullmatch(gap) is not None


# =========================================================================== main entry


def extract_entities(
    text: str, region_hints: Sequence[str] = DEFAULT_REGION_HINTS
) -> tuple[Entity, ...]:
    """Phones, e-mails, messenger handles and URLs in ``text``.

    Values are normalised per the contract (E.164 phones, lower-case e-mails,
    ``network:id`` handles, canonical URLs). Spans index ``text`` itself. Entities are
    de-duplicated by (kind, value), keeping the first span, and returned in text order.
    """
    if not text:
        return ()
    regions = normalise_region_hints(region_hints, DEFAULT_REGION_HINTS)

    urls = _find_urls(text)
    emails = _find_emails(text)
    link_handles, link_phones = _link_numbers(text)
    # Numbers inside URLs and e-mail addresses are not phone numbers, except the ones
    # messenger links carry (already collected above).
    blocked_spans = [(u.start, u.end) for u in urls]
    blocked_spans += [(m.start(), m.end()) for m in _LINK_SPAN_RE.finditer(text)]
    blocked_spans += [(e.start, e.end) for e in emails]
    blocked = _SpanSet(blocked_spans)
    dates = _SpanSet((m.start(), m.end()) for m in _DATE_RE.finditer(text))

    phones = [
        p
        for p in _standard_phones(text, regions)
        if not blocked.overlaps(p.start, p.end)
        and not dates.overlaps(p.start, p.end)
        and not _is_money(text, p.start, p.end)
    ]
    taken = _SpanSet(
        [(p.start, p.end) for p in phones]
        + blocked_spans
        + [(d.start(), d.end()) for d in _DATE_RE.finditer(text)]
    )
    phones += _obfuscated_phones(text, regions, taken)
    phones += link_phones

    handles = (
        link_handles
        + _telegram_names(text)
        + _messenger_phone_handles(
            text, phones, _SpanSet(blocked_spans + [(h.start, h.end) for h in link_handles])
        )
    )

    everything = sorted(
        [*phones, *emails, *handles, *urls],
        key=lambda f: (f.start, _KIND_ORDER[f.kind], -f.end),
    )
    seen: set[tuple[str, str]] = set()
    result: list[Entity] = []
    for f in everything:
        key = (f.kind, f.value)
        if key in seen:
            continue
        seen.add(key)
        result.append(Entity(f.kind, f.value, text[f.start : f.end], f.start, f.end))
    return tuple(result)

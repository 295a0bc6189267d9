"""Web links and messenger handles in advert text.

Handles are ``network:id``: Telegram names from t.me links, ``tg://resolve`` and
"@name" next to a Telegram word; WhatsApp / Viber / Signal numbers from their links
and from a messenger word next to a phone number ("WhatsApp +373 ...").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import phonenumbers

from crawlers.extract.entity_spans import Found, SpanSet
from crawlers.extract.phones import e164
from crawlers.extract.urls import canonical_url

__all__ = ["find_urls", "link_numbers", "link_spans", "messenger_phone_handles", "telegram_names"]

_URL_RE = re.compile(r"""(?i)(?<![\w@/.])(?:https?://|www\.)[^\s<>"'{}|\\^`\[\]]+""")
# Cues: what every match of a pattern contains, found fast (they start with a character
# that has no other case): text without it is not scanned in full.
_URL_CUE_RE = re.compile(r"://|\.(?<=(?i:www)\.)")
_ME_LINK_CUE_RE = re.compile(r"\.(?i:me|dog)/")  # t.me/, wa.me/, telegram.me/, telegram.dog/
_SCHEME_CUE_RE = re.compile("://")
_URL_TRAIL = ".,;:!?'\"»”’…"


def _trim_url(raw: str) -> str:
    while raw:
        if raw[-1] in _URL_TRAIL or (raw[-1] == ")" and raw.count(")") > raw.count("(")):
            raw = raw[:-1]
        else:
            break
    return raw


def find_urls(text: str) -> list[Found]:
    found: list[Found] = []
    if _URL_CUE_RE.search(text) is None:
        return found
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
        found.append(Found("url", value, match.start(), match.start() + len(raw)))
    return found


# The lookaheads hold the words' first letters: other word starts fail at once.
_MESSENGER_KEYWORD_RE = re.compile(
    r"(?i)(?=[wvsвусtт])(?<!\w)(?:"
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

# Telegram paths that are not user names (t.me/joinchat/..., t.me/s/...).
_TG_RESERVED = frozenset((
    "joinchat", "addstickers", "addemoji", "addtheme", "share", "proxy", "socks", "iv",
    "setlanguage", "login", "confirmphone", "invoice", "boost", "addlist", "bg", "c", "s",
))  # fmt: skip
_TG_LINK_RE = re.compile(
    r"(?i)(?<![\w.])(?:https?://)?(?:www\.)?(?:t\.me|telegram\.me|telegram\.dog)/"
    r"(?:s/)?@?(?P<name>[A-Za-z][A-Za-z0-9_]{3,31})(?![A-Za-z0-9_])"
)
_TG_RESOLVE_RE = re.compile(
    r"(?i)tg://resolve\?(?:[^\s#]*&)?domain=(?P<name>[A-Za-z][A-Za-z0-9_]{3,31})"
)
_AT_HANDLE_RE = re.compile(r"(?<![\w@.])@(?P<name>[A-Za-z][A-Za-z0-9_]{3,31})(?![\w@]|\.\w)")
_TG_COLON_RE = re.compile(
    r"(?i)(?=[tт])(?<!\w)(?:telegram|телеграм\w*|tg|тг)(?:\s*[:：]|\s+[\-–—])\s*(?P<name>[A-Za-z][A-Za-z0-9_]{4,31})"
    r"(?=\s*(?:$|[\n,;)!]|\.(?!\w)))"
)
_KEYWORD_BEFORE_AT = 60
_KEYWORD_AFTER_AT = 40

# (network, the pattern's cue, the pattern)
_LINK_NUMBER_RES: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = (
    (
        "whatsapp",
        _ME_LINK_CUE_RE,
        re.compile(r"(?i)(?<![\w.])(?:https?://)?(?:www\.)?wa\.me/\+?(?P<num>\d{7,15})"),
    ),
    (
        "whatsapp",
        re.compile(r"\?"),
        re.compile(
            r"(?i)(?:api|web|www)?\.?whatsapp\.com/send/?\?(?:[^\s#]*&)?phone=(?:%2B|\+)?"
            r"(?P<num>\d{7,15})"
        ),
    ),
    (
        "viber",
        _SCHEME_CUE_RE,
        re.compile(
            r"(?i)viber://(?:chat|add|contact)/?\?(?:[^\s#]*&)?number=(?:%2B|\+)?(?P<num>\d{7,15})"
        ),
    ),
    ("signal", re.compile("/#"), re.compile(r"(?i)signal\.me/#p/(?:%2B|\+)?(?P<num>\d{7,15})")),
)
LINK_SPAN_RE = re.compile(
    r"(?i)(?<![\w.])(?:https?://)?(?:www\.)?(?:t\.me|telegram\.me|telegram\.dog|wa\.me)/\S+"
)


def link_spans(text: str) -> list[tuple[int, int]]:
    """Spans of t.me / telegram.me / telegram.dog / wa.me links."""
    if _ME_LINK_CUE_RE.search(text) is None:
        return []
    return [(m.start(), m.end()) for m in LINK_SPAN_RE.finditer(text)]


def link_numbers(text: str) -> tuple[list[Found], list[Found]]:
    """Handles (and phones) from wa.me / whatsapp.com / viber:// / signal.me links."""
    handles: list[Found] = []
    phones: list[Found] = []
    for network, cue, pattern in _LINK_NUMBER_RES:
        if cue.search(text) is None:
            continue
        for match in pattern.finditer(text):
            try:
                number = phonenumbers.parse("+" + match.group("num"), None)
            except phonenumbers.NumberParseException:
                continue
            if not phonenumbers.is_valid_number(number):
                continue
            value = e164(number)
            handles.append(Found("handle", f"{network}:{value}", match.start(), match.end()))
            phones.append(Found("phone", value, match.start("num"), match.end("num")))
    return handles, phones


def telegram_names(text: str) -> list[Found]:
    """Telegram handles: t.me links, tg://resolve, "Telegram: name", labelled "@name"."""
    return _telegram_links(text) + _telegram_at_names(text)


def _telegram_links(text: str) -> list[Found]:
    found: list[Found] = []
    links = _TG_LINK_RE.finditer(text) if _ME_LINK_CUE_RE.search(text) else ()
    for match in links:
        name = match.group("name")
        if name.lower() in _TG_RESERVED:
            continue
        found.append(Found("handle", f"telegram:{name.lower()}", match.start(), match.end()))
    resolves = _TG_RESOLVE_RE.finditer(text) if _SCHEME_CUE_RE.search(text) else ()
    for match in resolves:
        name = match.group("name").lower()
        found.append(Found("handle", f"telegram:{name}", match.start(), match.end()))
    # "Telegram: name" starts with a Telegram messenger word: without one, no scan.
    labelled = any(m.group("telegram") for m in _messenger_words(text))
    for match in _TG_COLON_RE.finditer(text) if labelled else ():
        name = match.group("name").lower()
        found.append(Found("handle", f"telegram:{name}", match.start(), match.end()))
    return found


# The last text's messenger words: Telegram names and messenger numbers both need them.
# One tuple, replaced whole, so that threads sharing it never see a text with other words.
_LAST_WORDS: tuple[str, list[re.Match[str]]] = ("", [])


def _messenger_words(text: str) -> list[re.Match[str]]:
    global _LAST_WORDS
    last = _LAST_WORDS
    if last[0] is not text:
        last = _LAST_WORDS = (text, list(_MESSENGER_KEYWORD_RE.finditer(text)))
    return last[1]


def _network_words(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, is Telegram) of every network word; empty without a Telegram word."""
    messenger_words = _messenger_words(text)
    keywords: list[tuple[int, int, bool]] = [
        (m.start(), m.end(), True) for m in messenger_words if m.group("telegram")
    ]
    if not keywords:
        return keywords
    keywords.extend((m.start(), m.end(), False) for m in messenger_words if not m.group("telegram"))
    keywords.extend((m.start(), m.end(), False) for m in _OTHER_NETWORK_RE.finditer(text))
    return keywords


def _labelled_by_telegram(match: re.Match[str], keywords: Sequence[tuple[int, int, bool]]) -> bool:
    """The nearest network word before the name labels it ("Telegram: @anna",
    "Instagram @x, Telegram @y"); failing that, the nearest one after it."""
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
    return best is not None and best[1]


def _telegram_at_names(text: str) -> list[Found]:
    keywords = _network_words(text)
    if not keywords:
        return []
    found: list[Found] = []
    for match in _AT_HANDLE_RE.finditer(text):
        if _labelled_by_telegram(match, keywords):
            name = match.group("name").lower()
            found.append(Found("handle", f"telegram:{name}", match.start(), match.end()))
    return found


# A messenger word followed by a name or link labels that, not a number before it.
_LABELS_A_NAME_RE = re.compile(r"\s*[:：\-–]?\s*(?:@|https?://|t\.me/|wa\.me/)", re.I)


def messenger_phone_handles(text: str, phones: Sequence[Found], blocked: SpanSet) -> list[Found]:
    """Handles for "WhatsApp +373 ..." / "+373 ... (Viber)": the number next to the word."""
    found: list[Found] = []
    if not phones:
        return found
    ordered = sorted(phones, key=lambda p: p.start)
    for kw in _messenger_words(text):
        if blocked.overlaps(kw.start(), kw.end()):
            continue  # a word inside a URL, e-mail address or messenger link
        network = next(name for name, value in kw.groupdict().items() if value)
        target = _phone_next_to(text, kw, ordered)
        if target is None:
            continue
        start, end = min(kw.start(), target.start), max(kw.end(), target.end)
        found.append(Found("handle", f"{network}:{target.value}", start, end))
    return found


def _phone_next_to(text: str, kw: re.Match[str], ordered: Sequence[Found]) -> Found | None:
    """The first phone after the messenger word, else the last one before it."""
    target: Found | None = None
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
    return target


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

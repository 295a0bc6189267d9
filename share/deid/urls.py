"""Advert URLs made fit for partners: names and ages in slugs replaced, the rest kept.

What a takedown partner needs is the advert's host and a stable reference to the advert,
not the advertised person's name: "https://escorts.example.org/ads/sophie-19-new-in-town-4411"
is shared as "https://escorts.example.org/ads/[NAME]-[AGE]-new-in-town-4411", which keeps the
host, the path shape and the advert number. Hosts match the advert by that number, by the
feed's advert_id, or by the pattern `match_regex` gives (used as the STIX pattern).
User info and fragments are dropped; a query's values are redacted as path parts are.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from share.deid.lexicon import fold, lexicon
from share.deid.words import NEVER_NAMES

_SEPARATORS = re.compile(r"([\-_.+,~ =]+)")
_AGE = re.compile(r"[1-9]\d")
_REDACTED = ("[NAME]", "[AGE]")
_SAFE = "[]-_.~!$&'()*+,;=:@/"


# Slug words repeat across thousands of adverts ("ad", "jobs", "new", "in", "town"), and a
# feed page de-identifies each URL twice (the item's URL, then the STIX pattern's regex):
# both lookups are pure, so they are cached (a TAXII page of 1,000 spent most of its time here).
@lru_cache(maxsize=65_536)
def _is_name(part: str, strict: bool) -> bool:
    key, lex = fold(part), lexicon()
    if len(key) < 3 or key in NEVER_NAMES or key not in lex.first_names:
        return False
    return not strict or (key not in lex.word_names and key not in lex.place_names)


def _redact_parts(parts: list[str]) -> list[str]:
    """Parts of one segment (separators at odd indexes) with names and their ages replaced."""
    words = parts[::2]
    ages = {i for i, w in enumerate(words) if _AGE.fullmatch(w)}
    near_age = {i for i in range(len(words)) if {i - 1, i + 1} & ages}
    names = {i for i, w in enumerate(words) if _is_name(w, strict=i not in near_age)}
    named_ages = {i for i in ages if {i - 1, i + 1} & names}
    out = list(parts)
    for i in names:
        out[2 * i] = "[NAME]"
    for i in named_ages:
        out[2 * i] = "[AGE]"
    return out


def _redact_text(raw: str) -> tuple[str, bool]:
    text = unquote(raw)
    segments = re.split(r"([/&])", text)  # an age belongs to the name in its own segment
    redacted = "".join("".join(_redact_parts(_SEPARATORS.split(s))) for s in segments)
    if redacted == text:
        return raw, False
    return quote(redacted, safe=_SAFE), True


def _redact_host(host: str) -> str:
    labels = host.split(".")
    kept = [
        lab if i >= len(labels) - 2 or not _is_name(lab, True) else "[NAME]"
        for i, lab in enumerate(labels)
    ]
    return ".".join(kept)


@lru_cache(maxsize=4096)
def redact_url(url: str) -> str:
    """The URL with person names (and ages beside them) in host, path and query replaced."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "[URL]"
    host = _redact_host(parts.hostname or "")
    netloc = host + (f":{parts.port}" if parts.port else "")
    path, _ = _redact_text(parts.path)
    query, _ = _redact_text(parts.query)
    return urlunsplit((parts.scheme, netloc, path, query, ""))


def match_regex(url: str) -> str | None:
    """A regular expression that matches the original URL without spelling out what was
    redacted; None when nothing was (then the URL itself can be shared)."""
    redacted = redact_url(url)
    if redacted == url:
        return None
    pieces = re.split(r"(\[NAME\]|\[AGE\]|%5BNAME%5D|%5BAGE%5D)", redacted)
    body = "".join("[^/?#&=]+" if i % 2 else re.escape(piece) for i, piece in enumerate(pieces))
    return f"^{body}(?:#.*)?$"

"""E-mail addresses in advert text, plain and obfuscated ("name at example dot org").

Spans index the original text, also for obfuscated addresses.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterator

from crawlers.extract.entity_spans import Found

__all__ = ["find_emails"]

_LOCAL = r"[A-Za-z0-9](?:[A-Za-z0-9._%+\-]{0,63}[A-Za-z0-9_%+\-])?"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}[A-Za-z0-9])?"
_TLD = r"[A-Za-z]{2,24}(?![A-Za-z0-9\-])"
# _LOCAL where what follows it cannot be one of its characters (an "@", a space, a bracket):
# it can only end where the run of such characters ends, so the run is taken whole
# (possessive) instead of being given back one character at a time at every word.
_LOCAL_RUN = r"(?=[A-Za-z0-9])[A-Za-z0-9._%+\-]{1,65}+(?<!\.)"
_PLAIN_EMAIL_RE = re.compile(rf"(?<![\w.+%\-])({_LOCAL_RUN})@((?:{_LABEL}\.)+{_TLD})")
_LOCAL_CHARS = frozenset(string.ascii_letters + string.digits + "._%+-")
# What [A-Za-z0-9._%+\-] matches when case is ignored: also the Kelvin sign, the long s and the
# dotted and dotless i (checked against the pattern over every code point in the tests).
_LOCAL_CHARS_ANY_CASE = _LOCAL_CHARS | frozenset("\u212a\u017f\u0130\u0131")
_AT_WORDS = r"at|собака|равлик|arond|a\s?rond"
_DOT_WORDS = r"dot|точка|крапка|punct"
_OPEN_CHARS = "[({<"
_OPEN = f"[{re.escape(_OPEN_CHARS)}]"
_CLOSE = r"[\])}>]"
_AT_ANY = (
    rf"(?:\s*{_OPEN}\s*(?:{_AT_WORDS}|@)\s*{_CLOSE}\s*"  # name [at] / (at) / {собака}
    rf"|\s+(?:{_AT_WORDS})\s+"  # name at example
    r"|\s+@\s*|\s*@\s+|@)"  # name @ example, name@example . org
)
# A dot with spaces round it counts ("mail . ru"); "example. Org" is a sentence end.
_DOT_ANY = rf"(?:\s*{_OPEN}\s*(?:{_DOT_WORDS}|\.)\s*{_CLOSE}\s*|\s+(?:{_DOT_WORDS})\s+|\s+\.\s+|\.)"
_OBF_EMAIL_RE = re.compile(
    rf"(?i)(?<![\w.+%\-])(?P<local>{_LOCAL_RUN})(?P<at>{_AT_ANY})"
    rf"(?P<domain>{_LABEL}(?:{_DOT_ANY}{_LABEL})*{_DOT_ANY}{_TLD})"
)
# Cues (fast scans: they start with characters that have no other case): an obfuscated
# address has an "@" or an at-word after a bracket or a space; "_at_" has "_at_" or "-at-".
_AT_WORD_CUE_RE = re.compile(rf"(?i)[\s\[({{<](?:{_AT_WORDS})")
_UNDERSCORE_AT_CUE_RE = re.compile(r"[_\-](?i:at)[_\-]")
_BARE_AT_WORD_RE = re.compile(r"(?i)\s+(?:at|arond|a\s?rond)\s+")
_DOT_SPLIT_RE = re.compile(_DOT_ANY, re.I)
_WORD_DOT_RE = re.compile(rf"(?i){_OPEN}|\s(?:{_DOT_WORDS})\s")
# "o l g a @ e x a m p l e . o r g": one character at a time, single spaces between.
_LETTER_SPACED_RE = re.compile(r"(?<!\S)(?:[A-Za-z0-9._\-] ){2,}@(?: [A-Za-z0-9._\-]){4,}(?!\S)")
# "olga_at_example.org": the last "_at_" (or "-at-") stands for "@". Identifiers such
# as "config_at_startup.yaml" are common, so only mail-like top-level domains count.
_MAIL_TLD = r"(?:[a-z]{2}|com|org|net|info|biz|online|site|email)(?![A-Za-z0-9\-])"
_UNDERSCORE_AT_RE = re.compile(
    rf"(?i)(?<![\w.+%\-@])(?P<local>{_LOCAL})[_\-]at[_\-](?P<domain>(?:{_LABEL}\.)+{_MAIL_TLD})"
    r"(?![\w@]|\.\w)"
)


def find_emails(text: str) -> list[Found]:
    """Plain and obfuscated e-mail addresses, lower-cased."""
    found: list[Found] = []
    for match in _plain_emails(text):
        value = f"{match.group(1)}@{match.group(2)}".lower()
        found.append(Found("email", value, match.start(), match.end()))
    for match in _obfuscated_candidates(text):
        domain_raw = match.group("domain")
        # "contact us at jobs.md" is not an e-mail: a bare word "at" needs a dot
        # word or bracket too ("name at example dot org"); "at home . Then" is prose.
        if _BARE_AT_WORD_RE.fullmatch(match.group("at")) and not _WORD_DOT_RE.search(domain_raw):
            continue
        labels = [part for part in _DOT_SPLIT_RE.split(domain_raw) if part]
        value = f"{match.group('local')}@{'.'.join(labels)}".lower()
        found.append(Found("email", value, match.start(), match.end()))
    return found + _spelled_out_emails(text)


def _plain_emails(text: str) -> Iterator[re.Match[str]]:
    """_PLAIN_EMAIL_RE.finditer(text), tried only at each "@"'s local part: it is the run of
    local-part characters before the "@" (no character before it may be one), so a match
    can only start where that run starts. Scanning the whole text cost ten times more."""
    return _matched_at_each_at_sign(text, _PLAIN_EMAIL_RE, _plain_local_part_start)


def _obfuscated_candidates(text: str) -> Iterator[re.Match[str]]:
    """_OBF_EMAIL_RE.finditer(text); where "@" is the only way the text writes "at" (most texts
    with an address), tried only at each "@"'s local part, as _plain_emails does."""
    if _AT_WORD_CUE_RE.search(text) is not None:
        return _OBF_EMAIL_RE.finditer(text)
    return _matched_at_each_at_sign(text, _OBF_EMAIL_RE, _spaced_local_part_start)


def _matched_at_each_at_sign(
    text: str, pattern: re.Pattern[str], local_part_start: Callable[[str, int], int]
) -> Iterator[re.Match[str]]:
    """pattern.finditer(text) for a pattern whose matches can only start where
    `local_part_start` says for the "@" they hold."""
    end = 0  # where the last match ended: matches do not overlap
    at = text.find("@")
    while at >= 0:
        start = local_part_start(text, at)
        match = pattern.match(text, start) if start >= end else None
        if match is not None:
            yield match
            end = match.end()
        at = text.find("@", at + 1)


def _run_start(text: str, run_end: int, chars: frozenset[str]) -> int:
    """Where the run of `chars` ending at `run_end` starts, looking back 66 characters at most
    (a local part of 66 is too long: the match from there fails)."""
    start = run_end
    while start > run_end - 66 and start > 0 and text[start - 1] in chars:
        start -= 1
    return start


def _plain_local_part_start(text: str, at: int) -> int:
    return _run_start(text, at, _LOCAL_CHARS)


def _spaced_local_part_start(text: str, at: int) -> int:
    """Where the local part before the "@" at `at` starts: past the spaces and the one opening
    bracket that may stand between them ("name ( @ ) example.org"), the run of local-part
    characters (in any case: the pattern ignores case)."""
    start = _past_spaces(text, at)
    if start > 0 and text[start - 1] in _OPEN_CHARS:
        start = _past_spaces(text, start - 1)
    return _run_start(text, start, _LOCAL_CHARS_ANY_CASE)


def _past_spaces(text: str, end: int) -> int:
    """Where the run of whitespace ending at `end` starts."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _spelled_out_emails(text: str) -> list[Found]:
    """Letter-spaced addresses and "name_at_example.org"."""
    found: list[Found] = []
    spaced_at = " @ " in text  # every match has one: "... a @ e ..."
    for match in _LETTER_SPACED_RE.finditer(text) if spaced_at else ():
        joined = match.group().replace(" ", "")
        plain = _PLAIN_EMAIL_RE.fullmatch(joined)
        if plain is not None:
            found.append(Found("email", joined.lower(), match.start(), match.end()))
    underscore_at = _UNDERSCORE_AT_CUE_RE.search(text) is not None
    for match in _UNDERSCORE_AT_RE.finditer(text) if underscore_at else ():
        value = f"{match.group('local')}@{match.group('domain')}".lower()
        found.append(Found("email", value, match.start(), match.end()))
    return found

"""Text normalisation for indicator matching, with an offset map back to the original.

The matcher never runs its regular expressions on the raw advert. It runs them on a
normalised copy in which the usual evasion tricks of advert writers have been undone,
and maps every hit back to a span of the ORIGINAL string so analysts see the exact
words that triggered it.

Steps, in order (each keeps, for every output character, the span of original
characters it came from):

1. Per character: Unicode compatibility decomposition (NFKD: fullwidth and
   "mathematical bold" letters become plain letters), casefold, diacritics stripped
   (Romanian ș ş ț ţ ă â î -> s s t t a a i, é -> e, Russian ё -> е, Ukrainian ґ -> г;
   Cyrillic й and Ukrainian ї are kept, they are distinct letters), dashes and quotes
   unified, zero-width and other format characters dropped, emoji and other symbols
   turned into a space (they are used as separators: "✅Travel✅Visa"), every
   whitespace run becomes one space or one newline.
2. Spaced-out words are joined: three or more single letters separated by the same
   separator ("p a s s p o r t", "П-А-С-П-О-Р-Т", "S.R.L.") become one word.
3. Homoglyphs are mapped to the script of their word: Latin "a o e p c x y k m t h b i"
   inside a Cyrillic word become Cyrillic and vice versa.  A word made only of
   ambiguous letters follows its neighbouring words (Latin "c" between Russian words
   becomes the preposition "с").
4. Runs of a repeated letter are squeezed to ONE letter ("urgenttt" -> "urgent",
   "passport" -> "pasport", "срочнооо" -> "срочно").  Squeezing every run, not only
   runs of three, makes doubled-letter typos ("pasport", "acomodation") match too.
   Patterns are squeezed the same way by :func:`normalise_pattern`, so pattern
   authors write ordinary spelling.  Digits are never squeezed ("3000" stays).

The offset map is therefore not one-to-one; :class:`NormalisedText` keeps both the
start and the (exclusive) end in the original for every normalised character.

The per-character tables are :mod:`classifier.indicators.normalise_chars` and the
homoglyph tables :mod:`classifier.indicators.homoglyphs`; this module runs the steps
and keeps the offset map.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from classifier.indicators.homoglyphs import map_homoglyphs
from classifier.indicators.normalise_chars import normalise_char

__all__ = [
    "NormalisedText",
    "normalise",
    "normalise_char",
    "normalise_full",
    "normalise_pattern",
    "normalise_with_offsets",
    "readable",
]

_L = r"[^\W\d_]"
# Three or more single letters separated by the SAME separator: "p a s s", "p.a.s.s".
_SPACED_RE = re.compile(
    rf"(?<!{_L}){_L}(?P<sep> {{1,3}}|[.\-_*·•|/+~] ?)(?:{_L}(?!{_L})(?P=sep)){{1,}}{_L}(?!{_L})"
)
_SQUEEZE_RE = re.compile(r"([^\W\d_])\1+|[ \n]{2,}")


@dataclass(frozen=True)
class NormalisedText:
    """A normalised string with, per character, its span in the original string."""

    original: str
    text: str
    starts: list[int]
    ends: list[int]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of :attr:`text` to a half-open span of :attr:`original`."""
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


_Edit = tuple[int, int, str, list[int], list[int]]  # (start, end, text, starts, ends)


def _splice(
    s: str,
    starts: list[int],
    ends: list[int],
    edits: list[_Edit],
) -> tuple[str, list[int], list[int]]:
    if not edits:
        return s, starts, ends
    parts: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    pos = 0
    for a, b, rep, rep_starts, rep_ends in edits:
        parts.append(s[pos:a])
        new_starts.extend(starts[pos:a])
        new_ends.extend(ends[pos:a])
        parts.append(rep)
        new_starts.extend(rep_starts)
        new_ends.extend(rep_ends)
        pos = b
    parts.append(s[pos:])
    new_starts.extend(starts[pos:])
    new_ends.extend(ends[pos:])
    return "".join(parts), new_starts, new_ends


def normalise_full(text: str) -> NormalisedText:
    """Normalise ``text`` and keep per-character start and end offsets into it."""
    s, starts, ends = _map_characters(text)  # step 1
    s, starts, ends = _splice(s, starts, ends, _spaced_out_edits(s, starts, ends))  # step 2
    s = map_homoglyphs(s)  # step 3, length preserving
    s, starts, ends = _splice(s, starts, ends, _squeeze_edits(s, starts, ends))  # step 4
    return NormalisedText(original=text, text=s, starts=starts, ends=ends)


def _map_characters(text: str) -> tuple[str, list[int], list[int]]:
    """Step 1: every character through normalise_char, with offsets."""
    table: dict[int, str] = {}
    one_to_one = True
    for c in set(text):
        r = normalise_char(c)
        table[ord(c)] = r
        if len(r) != 1:
            one_to_one = False
    s = text.translate(table)
    if one_to_one:
        return s, list(range(len(text))), list(range(1, len(text) + 1))
    starts: list[int] = []
    ends: list[int] = []
    for i, c in enumerate(text):
        k = len(table[ord(c)])
        if k == 1:
            starts.append(i)
            ends.append(i + 1)
        elif k:
            starts.extend([i] * k)
            ends.extend([i + 1] * k)
    return s, starts, ends


def _spaced_out_edits(s: str, starts: list[int], ends: list[int]) -> list[_Edit]:
    """Step 2: spaced-out letters ("p a s s") joined into one word."""
    edits: list[_Edit] = []
    for m in _SPACED_RE.finditer(s):
        idx = [i for i in range(m.start(), m.end()) if s[i].isalpha()]
        letters = "".join(s[i] for i in idx)
        edits.append(
            (m.start(), m.end(), letters, [starts[i] for i in idx], [ends[i] for i in idx])
        )
    return edits


def _squeeze_edits(s: str, starts: list[int], ends: list[int]) -> list[_Edit]:
    """Step 4: runs of a repeated letter and whitespace runs squeezed to one character."""
    edits: list[_Edit] = []
    for m in _SQUEEZE_RE.finditer(s):
        a, b = m.start(), m.end()
        first = s[a]
        rep = first if first not in " \n" else ("\n" if "\n" in m.group() else " ")
        edits.append((a, b, rep, [starts[a]], [ends[b - 1]]))
    return edits


def readable(text: str) -> str:
    """Steps 1-3 only (no squeezing of repeated letters): case, homoglyph, emoji and spacing
    tricks undone, but spelling kept, for readers that know words (the sentence encoder)."""
    s, starts, ends = _map_characters(text)
    s, _, _ = _splice(s, starts, ends, _spaced_out_edits(s, starts, ends))
    return re.sub(r"[ \n]{2,}", lambda m: "\n" if "\n" in m.group() else " ", map_homoglyphs(s))


def normalise_with_offsets(text: str) -> tuple[str, list[int]]:
    """Return the normalised text and, for each of its characters, the index in ``text``.

    Several normalised characters can point to the same original index (a ligature
    expanded) and one normalised character can stand for several original ones (a
    squeezed run "ttt" points to its first "t"); use :func:`normalise_full` when the
    end of a span matters.
    """
    n = normalise_full(text)
    return n.text, n.starts


def normalise(text: str) -> str:
    """Normalised text only (see the module docstring)."""
    return normalise_full(text).text


# --------------------------------------------------------------------------- patterns

_QUANTIFIER_START = frozenset("?*+{")


def normalise_pattern(pattern: str) -> str:
    """Bring a regular expression written in ordinary spelling into normalised space.

    Letters outside escape sequences are normalised like text (so a pattern may be
    written with Romanian diacritics or "ё"), and runs of one repeated letter are
    squeezed like text, unless the run is followed by a quantifier ("aa?" is kept).
    Escape sequences, group names (``(?P<name>``) and back-references are kept as they are.
    """
    return "".join(_squeeze_pattern_tokens(_pattern_tokens(pattern)))


def _pattern_tokens(pattern: str) -> list[str]:
    """Pattern split into tokens: kept verbatim (escapes, group names, back-references)
    or single characters, letters normalised."""
    tokens: list[str] = []
    i = 0
    n = len(pattern)
    while i < n:
        c = pattern[i]
        if c == "(" and pattern.startswith(("(?P<", "(?P="), i):
            close = pattern.find(">" if pattern[i + 3] == "<" else ")", i)
            j = n if close < 0 else close + 1
            tokens.append(pattern[i:j])  # group names and back-references keep their case
            i = j
            continue
        if c == "\\" and i + 1 < n:
            j = i + 2
            if pattern[i + 1] in "pPN" and j < n and pattern[j] == "{":
                close = pattern.find("}", j)
                j = n if close < 0 else close + 1
            tokens.append(pattern[i:j])
            i = j
            continue
        if c.isalpha():
            mapped = normalise_char(c)
            tokens.extend(mapped if mapped else [c])
        else:
            tokens.append(c)
        i += 1
    return tokens


def _squeeze_pattern_tokens(tokens: list[str]) -> list[str]:
    """A run of one repeated letter becomes one letter, unless a quantifier follows."""
    out: list[str] = []
    k = 0
    while k < len(tokens):
        tok = tokens[k]
        if len(tok) == 1 and tok.isalpha():
            m = k + 1
            while m < len(tokens) and tokens[m] == tok:
                m += 1
            following = tokens[m] if m < len(tokens) else ""
            if m - k > 1 and following not in _QUANTIFIER_START:
                out.append(tok)
                k = m
                continue
        out.append(tok)
        k += 1
    return out

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
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = [
    "NormalisedText",
    "normalise",
    "normalise_char",
    "normalise_full",
    "normalise_pattern",
    "normalise_with_offsets",
]

# Characters kept as they are (after lower-casing): distinct letters whose
# decomposition would wrongly strip a meaningful mark, and the numero sign (its
# NFKD form "No" would make Cyrillic text look Latin).
_PRESERVE: dict[str, str] = {
    "й": "й",
    "Й": "й",
    "ї": "ї",
    "Ї": "ї",
    "№": "№",
}

_NEWLINES = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")

_PUNCT_MAP: dict[str, str] = {
    # dashes and minus signs
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\ufe63": "-",
    "\uff0d": "-",
    # single quotes and apostrophes (Ukrainian words use an apostrophe: слов'янка)
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u02bc": "'",
    "\u02b9": "'",
    "\u0060": "'",
    "\u00b4": "'",
    "\u2032": "'",
    # double quotes and guillemets
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2039": '"',
    "\u203a": '"',
    "\u2033": '"',
}

_SYMBOL_CATEGORIES = frozenset({"So", "Sk", "Co", "Cs", "Cn"})
_MARK_CATEGORIES = frozenset({"Mn", "Mc", "Me"})

_char_cache: dict[str, str] = {}


def normalise_char(c: str) -> str:
    """Normalise ONE character; the result may be empty or longer than one char."""
    cached = _char_cache.get(c)
    if cached is not None:
        return cached
    result = _normalise_char_uncached(c)
    if len(_char_cache) < 200_000:
        _char_cache[c] = result
    return result


def _normalise_char_uncached(c: str) -> str:
    if c in _PRESERVE:
        return _PRESERVE[c]
    if c in _NEWLINES:
        return "\n"
    if c.isspace():
        return " "
    cat = unicodedata.category(c)
    if cat in ("Cf", "Cc"):
        return ""  # zero-width space/joiners, soft hyphen, BOM, bidi marks, controls
    if c in _PUNCT_MAP:
        return _PUNCT_MAP[c]
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", c).casefold())
    out: list[str] = []
    for ch in decomposed:
        if ch in _PRESERVE:
            out.append(_PRESERVE[ch])
            continue
        ch_cat = unicodedata.category(ch)
        if ch_cat in _MARK_CATEGORIES:
            continue  # diacritics, variation selectors, keycap enclosures
        if ch_cat in ("Cf", "Cc"):
            continue
        if ch.isspace():
            out.append(" ")
        elif ch in _PUNCT_MAP:
            out.append(_PUNCT_MAP[ch])
        elif ch_cat in _SYMBOL_CATEGORIES:
            out.append(" ")  # emoji, pictographs, flags: act as word separators
        else:
            out.append(ch.lower())
    return "".join(out)


# --------------------------------------------------------------------------- homoglyphs

_LAT2CYR: dict[str, str] = {
    "a": "а",
    "b": "в",
    "c": "с",
    "e": "е",
    "h": "н",
    "i": "і",
    "k": "к",
    "m": "м",
    "o": "о",
    "p": "р",
    "t": "т",
    "x": "х",
    "y": "у",
}
_CYR2LAT: dict[str, str] = {v: k for k, v in _LAT2CYR.items()}
_CYR2LAT.update({"ѕ": "s", "ј": "j", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l"})
# Greek letters seen in spam: map to whichever script the word uses.
_GREEK2LAT: dict[str, str] = {
    "α": "a",
    "β": "b",
    "ε": "e",
    "η": "n",
    "ι": "i",
    "κ": "k",
    "μ": "m",
    "ν": "v",
    "ο": "o",
    "ρ": "p",
    "τ": "t",
    "υ": "u",
    "χ": "x",
    "γ": "y",
}
_GREEK2CYR: dict[str, str] = {
    "α": "а",
    "β": "в",
    "ε": "е",
    "κ": "к",
    "μ": "м",
    "ο": "о",
    "ρ": "р",
    "τ": "т",
    "χ": "х",
    "γ": "у",
    "ι": "і",
}

_TO_CYR: dict[str, str] = {**_LAT2CYR, **_GREEK2CYR}
_TO_LAT: dict[str, str] = {**_CYR2LAT, **_GREEK2LAT}

_LATIN_RE = re.compile(r"[a-z]")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_GREEK_RE = re.compile(r"[\u0370-\u03ff]")
_WORD_RE = re.compile(r"[^\W\d_]+")


def _script_of_letter(ch: str) -> str:
    """'L' strong Latin, 'C' strong Cyrillic, 'a' ambiguous, '' other."""
    if "a" <= ch <= "z":
        return "a" if ch in _LAT2CYR else "L"
    if "\u0400" <= ch <= "\u04ff":
        return "a" if ch in _CYR2LAT else "C"
    if ch in _GREEK2LAT:
        return "a"
    return ""


def _word_scripts(word: str) -> tuple[int, int, bool, bool]:
    """(strong latin count, strong cyrillic count, has latin-ish, has cyrillic-ish)."""
    strong_l = strong_c = 0
    has_l = has_c = False
    for ch in word:
        if "a" <= ch <= "z":
            has_l = True
            if ch not in _LAT2CYR:
                strong_l += 1
        elif "\u0400" <= ch <= "\u04ff":
            has_c = True
            if ch not in _CYR2LAT:
                strong_c += 1
    return strong_l, strong_c, has_l, has_c


def _map_homoglyphs(s: str) -> str:
    """Map homoglyphs to the script of their word; returns a string of equal length."""
    has_cyr = _CYRILLIC_RE.search(s) is not None
    has_greek = _GREEK_RE.search(s) is not None
    if not has_greek and not (has_cyr and _LATIN_RE.search(s) is not None):
        return s  # a single script: nothing can be mixed up
    words = [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(s)]
    infos = [_word_scripts(w) for _, _, w in words]
    # Script of each word from its strong letters ('' when it has none).
    strong: list[str] = []
    total_l = total_c = 0
    for sl, sc, _, _ in infos:
        total_l += sl
        total_c += sc
        strong.append("L" if sl > sc else "C" if sc > sl else "")
    doc_script = "L" if total_l >= total_c else "C"
    # Nearest strong script before and after each word.
    n = len(words)
    prev_script = [""] * n
    last = ""
    for i in range(n):
        prev_script[i] = last
        if strong[i]:
            last = strong[i]
    next_script = [""] * n
    last = ""
    for i in range(n - 1, -1, -1):
        next_script[i] = last
        if strong[i]:
            last = strong[i]

    chars = list(s)
    changed = False
    for i, (start, end, word) in enumerate(words):
        sl, sc, has_l, has_c = infos[i]
        target = strong[i]
        if not target:
            # No strong letter decides: follow the neighbours, else the document.
            p, q = prev_script[i], next_script[i]
            target = (p if p == q else "") if p and q else (p or q)
            if not target:
                if has_l and has_c:
                    target = doc_script
                elif has_l:
                    target = "L"
                elif has_c:
                    target = "C"
                else:
                    target = doc_script
        table = _TO_LAT if target == "L" else _TO_CYR
        if target == "L" and not has_c and not any(ch in _GREEK2LAT for ch in word):
            continue
        if target == "C" and not has_l and not any(ch in _GREEK2CYR for ch in word):
            continue
        for j in range(start, end):
            rep = table.get(chars[j])
            if rep is not None:
                chars[j] = rep
                changed = True
    return "".join(chars) if changed else s


# --------------------------------------------------------------------------- structure

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


def _splice(
    s: str,
    starts: list[int],
    ends: list[int],
    edits: list[tuple[int, int, str, list[int], list[int]]],
) -> tuple[str, list[int], list[int]]:
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
    # Step 1: per-character mapping.
    table: dict[int, str] = {}
    one_to_one = True
    for c in set(text):
        r = normalise_char(c)
        table[ord(c)] = r
        if len(r) != 1:
            one_to_one = False
    s = text.translate(table)
    if one_to_one:
        starts = list(range(len(text)))
        ends = list(range(1, len(text) + 1))
    else:
        starts = []
        ends = []
        for i, c in enumerate(text):
            r = table[ord(c)]
            k = len(r)
            if k == 1:
                starts.append(i)
                ends.append(i + 1)
            elif k:
                starts.extend([i] * k)
                ends.extend([i + 1] * k)

    # Step 2: join spaced-out letters.
    edits: list[tuple[int, int, str, list[int], list[int]]] = []
    for m in _SPACED_RE.finditer(s):
        idx = [i for i in range(m.start(), m.end()) if s[i].isalpha()]
        edits.append(
            (
                m.start(),
                m.end(),
                "".join(s[i] for i in idx),
                [starts[i] for i in idx],
                [ends[i] for i in idx],
            )
        )
    if edits:
        s, starts, ends = _splice(s, starts, ends, edits)

    # Step 3: homoglyphs (length preserving).
    s = _map_homoglyphs(s)

    # Step 4: squeeze repeated letters and whitespace runs.
    edits = []
    for m in _SQUEEZE_RE.finditer(s):
        a, b = m.start(), m.end()
        first = s[a]
        rep = first if first not in " \n" else ("\n" if "\n" in m.group() else " ")
        edits.append((a, b, rep, [starts[a]], [ends[b - 1]]))
    if edits:
        s, starts, ends = _splice(s, starts, ends, edits)
    return NormalisedText(original=text, text=s, starts=starts, ends=ends)


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
    return "".join(out)

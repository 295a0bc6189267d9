"""Compile the authored patterns and index them by the literal a match starts with.

Running every pattern at every position is slow; nearly every pattern starts with a
literal word prefix, so :func:`compiled_patterns` extracts those prefixes (triggers)
from the parsed regular expression (:mod:`classifier.indicators.regex_syntax`, not
CPython's private parser) and :func:`raw_matches` tries a pattern only where
one of its triggers occurs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from classifier.indicators.patterns import compile_source, raw_exclusions, raw_patterns
from classifier.indicators.regex_syntax import (
    Branch,
    CharSet,
    Literal,
    Node,
    Repeat,
    ZeroWidth,
    parse,
)
from classifier.indicators.taxonomy import load_taxonomy

__all__ = [
    "CompiledPattern",
    "PatternSet",
    "compiled_exclusions",
    "compiled_patterns",
    "raw_matches",
    "triggers_of",
]


@dataclass(frozen=True)
class CompiledPattern:
    indicator_id: str
    language: str
    regex: re.Pattern[str]


@dataclass(frozen=True)
class PatternSet:
    """Patterns of one (kind, languages), indexed by the literal a match starts with.

    Patterns that start with ``\\b`` (nearly all) are tried only at word starts where one of
    their triggers begins (looked up by length in ``at_word``); the others are tried wherever
    their trigger occurs; patterns without a usable trigger are scanned.
    """

    patterns: tuple[CompiledPattern, ...]
    at_word: Mapping[str, tuple[int, ...]]  # trigger -> word-start patterns
    lengths: tuple[int, ...]  # the distinct lengths of those triggers, shortest first
    prefixes: frozenset[str]  # their first two characters: a cheap first test
    anywhere: Mapping[str, tuple[int, ...]]  # trigger -> patterns not anchored at a word
    scan: tuple[int, ...]


_MAX_TRIGGER = 6
_MAX_TRIGGERS_PER_PATTERN = 96


def _starts(items: Sequence[Node]) -> list[tuple[str, bool]] | None:
    """Literal prefixes every match of a parsed sequence starts with.

    Returns (prefix, complete) pairs, ``complete`` meaning the whole sequence was
    literal so what follows may extend the prefix; None when unknown.
    """
    acc: list[tuple[str, bool]] = [("", True)]
    for node in items:
        if isinstance(node, ZeroWidth):
            continue
        if not any(complete for _, complete in acc):
            break
        opts = _options(node)
        if opts is None:
            return [(p, False) for p, _ in acc]
        new: list[tuple[str, bool]] = []
        for prefix, complete in acc:
            if not complete or len(prefix) >= _MAX_TRIGGER or (len(prefix) >= 2 and len(opts) > 3):
                new.append((prefix, False))  # long enough: more letters add more finds
                continue
            for q, q_complete in opts:
                joined = prefix + q
                new.append((joined[:_MAX_TRIGGER], q_complete and len(joined) < _MAX_TRIGGER))
        acc = list(dict.fromkeys(new))
        if len(acc) > _MAX_TRIGGERS_PER_PATTERN:
            return None
    return acc


def _options(node: Node) -> list[tuple[str, bool]] | None:
    """The (prefix, complete) pairs one node can start with; None when unknown."""
    if isinstance(node, Literal):
        return [(node.char, True)]
    if isinstance(node, CharSet):
        return None if node.chars is None else [(ch, True) for ch in node.chars]
    if isinstance(node, Branch):
        return _alternatives(node.alternatives)
    if isinstance(node, Repeat):
        sub = _starts(node.body)
        if sub is None:
            return None
        # One repetition may be followed by another: its prefixes cannot grow.
        opts = sub if node.high == 1 else [(p, False) for p, _ in sub]
        return [*opts, ("", True)] if node.low == 0 else opts
    return None  # Opaque


def _alternatives(alternatives: Sequence[Sequence[Node]]) -> list[tuple[str, bool]] | None:
    out: list[tuple[str, bool]] = []
    for alternative in alternatives:
        sub = _starts(alternative)
        if sub is None:
            return None
        out.extend(sub)
    return out


def triggers_of(source: str) -> tuple[str, ...] | None:
    """Literal strings one of which every match of ``source`` starts with (None: unknown)."""
    try:
        starts = _alternatives(parse(source))
    except ValueError:
        return None
    # A trigger must be selective: two characters, or one that is not a letter.
    if not starts or any(len(p) < 2 and not (p and not p.isalpha()) for p, _ in starts):
        return None
    return tuple(sorted({p for p, _ in starts}))


@cache
def _language_patterns(language: str) -> tuple[tuple[str, str], ...]:
    """(indicator id, compiled source) for every authored pattern of a language."""
    out: list[tuple[str, str]] = []
    for indicator_id, patterns in raw_patterns(language).items():
        for p in patterns:
            src = compile_source(p)
            try:
                re.compile(src)
            except re.error as exc:
                raise ValueError(
                    f"bad {language} pattern for {indicator_id}: {p!r}: {exc}"
                ) from exc
            out.append((indicator_id, src))
    return tuple(out)


@cache
def compiled_patterns(kind: str, languages: tuple[str, ...]) -> PatternSet:
    """The compiled patterns of every indicator of ``kind`` in ``languages`` (cached)."""
    taxonomy = load_taxonomy()
    patterns: list[CompiledPattern] = []
    at_word: dict[str, list[int]] = {}
    anywhere: dict[str, list[int]] = {}
    scan: list[int] = []
    for lang in languages:
        for indicator_id, src in _language_patterns(lang):
            indicator = taxonomy.indicators.get(indicator_id)
            if indicator is None or kind not in indicator.kinds:
                continue
            index = len(patterns)
            regex = re.compile(src)
            patterns.append(CompiledPattern(indicator_id, lang, regex))
            triggers = triggers_of(src)
            if triggers is None:
                scan.append(index)
                continue
            word_anchored = src.startswith("\\b") and not src.startswith("\\b|")
            for t in triggers:
                table = at_word if word_anchored and len(t) >= 2 else anywhere
                table.setdefault(t, []).append(index)
    return PatternSet(
        patterns=tuple(patterns),
        at_word=MappingProxyType({t: tuple(v) for t, v in at_word.items()}),
        lengths=tuple(sorted({len(t) for t in at_word})),
        prefixes=frozenset(t[:2] for t in at_word),
        anywhere=MappingProxyType({t: tuple(v) for t, v in anywhere.items()}),
        scan=tuple(scan),
    )


_WORD_START = re.compile(r"\b\w")


def raw_matches(s: str, ps: PatternSet) -> list[tuple[int, re.Match[str]]]:
    """(pattern index, match) for every match; matches of one pattern may overlap."""
    out: list[tuple[int, re.Match[str]]] = []
    patterns = ps.patterns
    get = ps.at_word.get
    prefixes = ps.prefixes
    for w in _WORD_START.finditer(s):
        i = w.start()
        if s[i : i + 2] not in prefixes:
            continue
        candidates: list[int] = []
        for length in ps.lengths:
            found = get(s[i : i + length])
            if found is not None:
                candidates.extend(found)
        # A pattern listed under two triggers that both start here is tried once.
        for k in dict.fromkeys(candidates) if len(candidates) > 1 else candidates:
            m = patterns[k].regex.match(s, i)
            if m is not None:
                out.append((k, m))
    for trigger, indexes in ps.anywhere.items():
        pos = s.find(trigger)
        while pos >= 0:
            for k in indexes:
                m = patterns[k].regex.match(s, pos)
                if m is not None:
                    out.append((k, m))
            pos = s.find(trigger, pos + 1)
    for k in ps.scan:
        out.extend((k, m) for m in patterns[k].regex.finditer(s))
    return out


@cache
def compiled_exclusions(languages: tuple[str, ...]) -> Mapping[str, re.Pattern[str]]:
    """Indicator id -> one regex of every exclusion of ``languages`` (see the patterns
    package docstring); a hit whose sentence it finds is dropped."""
    sources: dict[str, list[str]] = {}
    for lang in languages:
        for indicator_id, patterns in raw_exclusions(lang).items():
            sources.setdefault(indicator_id, []).extend(compile_source(p) for p in patterns)
    try:
        return MappingProxyType(
            {i: re.compile("|".join(f"(?:{p})" for p in ps)) for i, ps in sources.items()}
        )
    except re.error as exc:
        raise ValueError(f"bad exclusion pattern in {languages}: {exc}") from exc

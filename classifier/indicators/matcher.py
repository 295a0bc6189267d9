"""Match the indicator taxonomy against advert text.

The text is normalised once (:func:`~classifier.indicators.normalise.normalise_full`),
every indicator's patterns for the requested languages run as ONE compiled regular
expression (a named group per language, compiled once and cached), and each match is
mapped back to a span of the original text.  A match is dropped when a negation cue
("no", "never", "without", "fără", "nu", "без", "не", "ніколи" ...) stands in the four
words before it in the same clause, or, for fee / document indicators, right after it
("registration fee: none").
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

from classifier.indicators.normalise import NormalisedText, normalise_full, normalise_pattern
from classifier.indicators.patterns import LANGUAGES, NEGATION, compile_source, raw_patterns
from classifier.indicators.register import AgencyClaim, claims_in

if TYPE_CHECKING:
    from classifier.indicators.register import AgencyRegister

__all__ = [
    "KINDS",
    "MAX_TEXT_CHARS",
    "Indicator",
    "IndicatorHit",
    "Taxonomy",
    "compiled_patterns",
    "indicator_features",
    "load_taxonomy",
    "match_indicators",
    "triggers_of",
]

KINDS: tuple[str, ...] = ("job", "bridal", "escort")
MAX_TEXT_CHARS = 50_000  # only the first 50,000 characters of an advert are matched
TAXONOMY_PATH = Path(__file__).resolve().parent / "taxonomy.toml"

Polarity = Literal["risk", "mitigating"]


@dataclass(frozen=True)
class IndicatorHit:
    indicator_id: str
    polarity: Polarity
    weight: float
    start: int  # char offsets into the ORIGINAL text
    end: int
    text: str  # original[start:end]
    language: str


@dataclass(frozen=True)
class Indicator:
    id: str
    polarity: str
    kinds: tuple[str, ...]
    description: str
    source: str
    weight: float


@dataclass(frozen=True)
class Taxonomy:
    version: str
    indicators: Mapping[str, Indicator]


# --------------------------------------------------------------------------- taxonomy


@lru_cache(maxsize=1)
def load_taxonomy() -> Taxonomy:
    """The taxonomy shipped with the package (cached); raises ValueError if malformed."""
    try:
        data = tomllib.loads(TAXONOMY_PATH.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(f"cannot read indicator taxonomy {TAXONOMY_PATH}: {exc}") from exc
    version = data.get("version")
    table = data.get("indicators")
    if not isinstance(version, str) or not isinstance(table, dict):
        raise ValueError(f"{TAXONOMY_PATH}: needs a string 'version' and an [indicators] table")
    indicators: dict[str, Indicator] = {}
    for key, raw in table.items():
        where = f"{TAXONOMY_PATH}: indicators.{key}"
        if not isinstance(raw, dict):
            raise ValueError(f"{where}: not a table")
        polarity = raw.get("polarity")
        kinds = raw.get("kinds")
        weight = raw.get("weight")
        if raw.get("id", key) != key:
            raise ValueError(f"{where}: id {raw.get('id')!r} differs from the table name")
        if polarity not in ("risk", "mitigating"):
            raise ValueError(f"{where}: polarity must be 'risk' or 'mitigating'")
        if not isinstance(kinds, list) or not kinds or any(k not in KINDS for k in kinds):
            raise ValueError(f"{where}: kinds must be a non-empty subset of {KINDS}")
        if not isinstance(weight, int | float) or isinstance(weight, bool):
            raise ValueError(f"{where}: weight must be a number")
        if (polarity == "risk") != (weight > 0):
            raise ValueError(f"{where}: risk weights are positive, mitigating ones negative")
        description = " ".join(str(raw.get("description", "")).split())
        source = " ".join(str(raw.get("source", "")).split())
        if not description or not source:
            raise ValueError(f"{where}: description and source must not be empty")
        indicators[key] = Indicator(key, polarity, tuple(kinds), description, source, float(weight))
    return Taxonomy(version=version, indicators=MappingProxyType(indicators))


# --------------------------------------------------------------------------- compiling

_NEG_RE = re.compile(r"\b" + normalise_pattern(NEGATION))
_CLAUSE_END = re.compile(r"[.!?;:,\n(\[]|\s(?:but|dar|insa|но|а|але|проте)\s")
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
_POST_NEGATED = frozenset({"recruitment_fee", "documents_held", "agency_keeps_documents"})


@dataclass(frozen=True)
class _Pattern:
    indicator_id: str
    language: str
    regex: re.Pattern[str]


@dataclass(frozen=True)
class _PatternSet:
    """Patterns of one (kind, languages), indexed by the literal a match starts with.

    Patterns that start with ``\\b`` (nearly all) are tried only at word starts whose
    first characters begin one of their triggers; the others are tried wherever
    their trigger occurs; patterns without a usable trigger are scanned.
    """

    patterns: tuple[_Pattern, ...]
    # first two characters -> ((trigger, pattern indexes), ...) for word-start patterns
    at_word: Mapping[str, tuple[tuple[str, tuple[int, ...]], ...]]
    anywhere: Mapping[str, tuple[int, ...]]  # trigger -> patterns not anchored at a word
    scan: tuple[int, ...]


_MAX_TRIGGER = 6
_MAX_TRIGGERS_PER_PATTERN = 96


def _starts(items: list[tuple[Any, Any]]) -> list[tuple[str, bool]] | None:
    """Literal prefixes every match of a parsed sequence starts with.

    Returns (prefix, complete) pairs, ``complete`` meaning the whole sequence was
    literal so what follows may extend the prefix; None when unknown.
    """
    acc: list[tuple[str, bool]] = [("", True)]
    for op, av in items:
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero-width
        if not any(complete for _, complete in acc):
            break
        opts: list[tuple[str, bool]] | None
        if op is _c.LITERAL:
            opts = [(chr(av), True)]
        elif op is _c.IN:
            chars = _class_chars(av)
            opts = None if chars is None else [(ch, True) for ch in chars]
        elif op is _c.SUBPATTERN:
            opts = _starts(list(av[3]))
        elif op is _c.BRANCH:
            opts = []
            for alt in av[1]:
                sub = _starts(list(alt))
                if sub is None:
                    opts = None
                    break
                opts.extend(sub)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            sub = _starts(list(av[2]))
            if sub is None:
                opts = None
            else:
                # One repetition may be followed by another: its prefixes cannot grow.
                opts = sub if av[1] == 1 else [(p, False) for p, _ in sub]
                if av[0] == 0:
                    opts = [*opts, ("", True)]
        else:
            opts = None
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


def _class_chars(items: list[tuple[Any, Any]]) -> list[str] | None:
    """The characters of a small positive character class, else None."""
    chars: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            chars.append(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < 12:
            chars.extend(chr(v) for v in range(av[0], av[1] + 1))
        elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            chars.extend("0123456789")
        elif op is _c.CATEGORY and av is _c.CATEGORY_SPACE:
            chars.extend(" \n")  # the only whitespace left in normalised text
        else:
            return None
    return chars if len(chars) <= 12 else None


def triggers_of(source: str) -> tuple[str, ...] | None:
    """Literal strings one of which every match of ``source`` starts with (None: unknown)."""
    try:
        starts = _starts(list(_parser.parse(source)))
    except re.error:
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
def compiled_patterns(kind: str, languages: tuple[str, ...]) -> _PatternSet:
    """The compiled patterns of every indicator of ``kind`` in ``languages`` (cached)."""
    taxonomy = load_taxonomy()
    patterns: list[_Pattern] = []
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
            patterns.append(_Pattern(indicator_id, lang, regex))
            triggers = triggers_of(src)
            if triggers is None:
                scan.append(index)
                continue
            word_anchored = src.startswith("\\b") and not src.startswith("\\b|")
            for t in triggers:
                table = at_word if word_anchored and len(t) >= 2 else anywhere
                table.setdefault(t, []).append(index)
    by_prefix: dict[str, list[tuple[str, tuple[int, ...]]]] = {}
    for t, indexes in at_word.items():
        by_prefix.setdefault(t[:2], []).append((t, tuple(indexes)))
    return _PatternSet(
        patterns=tuple(patterns),
        at_word=MappingProxyType({k: tuple(v) for k, v in by_prefix.items()}),
        anywhere=MappingProxyType({t: tuple(v) for t, v in anywhere.items()}),
        scan=tuple(scan),
    )


_WORD_START = re.compile(r"\b\w")


def _raw_matches(s: str, ps: _PatternSet) -> list[tuple[int, re.Match[str]]]:
    """(pattern index, match) for every match; matches of one pattern may overlap."""
    out: list[tuple[int, re.Match[str]]] = []
    patterns = ps.patterns
    get = ps.at_word.get
    for w in _WORD_START.finditer(s):
        i = w.start()
        entry = get(s[i : i + 2])
        if entry is None:
            continue
        for trigger, indexes in entry:
            if len(trigger) > 2 and not s.startswith(trigger, i):
                continue
            for k in indexes:
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


def _languages_for(language: str | None) -> tuple[str, ...]:
    if language is None:
        return LANGUAGES
    lang = language.strip().lower().replace("_", "-").split("-")[0]
    if lang not in LANGUAGES:
        return LANGUAGES  # unknown language: try them all
    return (lang,) if lang == "en" else (lang, "en")


# --------------------------------------------------------------------------- negation


def _negated_before(text: str, start: int) -> bool:
    window = text[max(0, start - _PRE_CHARS) : start]
    last_end = 0
    for boundary in _CLAUSE_END.finditer(window):
        last_end = boundary.end()
    window = window[last_end:]
    words = window.split()[-_PRE_WORDS:]
    return bool(words) and _NEG_RE.search(" ".join(words)) is not None


def _negated_after(text: str, end: int) -> bool:
    return _POST_NEG_RE.match(text, end, min(len(text), end + 24)) is not None


# --------------------------------------------------------------------------- matching


def _hit(
    norm: NormalisedText, indicator: Indicator, start: int, end: int, language: str
) -> IndicatorHit:
    a, b = norm.to_original(start, end)
    original = norm.original
    while a < b and original[a].isspace():
        a += 1
    while b > a and original[b - 1].isspace():
        b -= 1
    polarity: Polarity = "risk" if indicator.polarity == "risk" else "mitigating"
    return IndicatorHit(
        indicator.id, polarity, indicator.weight, a, b, norm.original[a:b], language
    )


def _merge(hits: list[IndicatorHit], original: str) -> list[IndicatorHit]:
    """Sort by start; merge overlapping (or touching) hits of the same indicator."""
    hits.sort(key=lambda h: (h.indicator_id, h.start, h.end))
    merged: list[IndicatorHit] = []
    for h in hits:
        last = merged[-1] if merged else None
        if last is not None and last.indicator_id == h.indicator_id and h.start <= last.end:
            end = max(last.end, h.end)
            merged[-1] = IndicatorHit(last.indicator_id, last.polarity, last.weight, last.start,
                                      end, original[last.start : end], last.language)  # fmt: skip
        else:
            merged.append(h)
    merged.sort(key=lambda h: (h.start, h.end, h.indicator_id))
    return merged


def _agency_hits(
    norm: NormalisedText,
    kind: str,
    taxonomy: Taxonomy,
    register: AgencyRegister | None,
    today: date | None,
) -> tuple[list[tuple[str, int, int, str]], list[tuple[int, int]]]:
    """Register / no-licence hits and the spans of licences found invalid."""
    unlicensed = taxonomy.indicators.get("unlicensed_agency")
    named = taxonomy.indicators.get("named_employer_registration")
    if unlicensed is None or kind not in unlicensed.kinds:
        return [], []
    claims: list[AgencyClaim] = claims_in(norm)
    licences = [c for c in claims if c.kind == "licence"]
    out: list[tuple[str, int, int, str]] = []
    invalid: list[tuple[int, int]] = []
    valid_named = False
    if register is None:
        # No register to check against: a quoted licence number is the mitigating signal.
        if named is not None and kind in named.kinds:
            out.extend((named.id, c.phrase_start, c.end, "") for c in licences)
    else:
        as_of = today or register.as_of()
        for c in licences:
            entry = register.lookup_licence(c.value)
            if entry is not None and entry.is_valid(as_of):
                valid_named = True
                if named is not None and kind in named.kinds:
                    out.append((named.id, c.phrase_start, c.end, ""))
            else:
                invalid.append((c.phrase_start, c.end))
                out.append((unlicensed.id, c.phrase_start, c.end, ""))
        for start, end, entry in register.names_in(norm):
            if entry.is_valid(as_of):
                valid_named = True
                if named is not None and kind in named.kinds:
                    out.append((named.id, start, end, ""))
            else:
                out.append((unlicensed.id, start, end, ""))
    if not licences and not valid_named:
        for c in claims:
            if c.kind == "agency" and not _negated_before(norm.text, c.start):
                out.append((unlicensed.id, c.start, c.end, ""))
                break
    return out, invalid


def match_indicators(
    text: str,
    kind: str,
    language: str | None = None,
    register: AgencyRegister | None = None,
    *,
    today: date | None = None,
) -> list[IndicatorHit]:
    """Indicator hits in ``text`` for an advert of ``kind`` (job, bridal, escort).

    ``language=None`` runs all four languages' patterns; a language runs its own
    patterns plus English.  Only the first :data:`MAX_TEXT_CHARS` characters are
    matched.  ``register`` checks agency licences (``today`` overrides the register's
    date); without it an agency that quotes no licence number still fires
    ``unlicensed_agency``.  Hits are sorted by start; overlapping hits of one
    indicator are merged; spans index into ``text``.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown advert kind {kind!r}; expected one of {', '.join(KINDS)}")
    if not text:
        return []
    taxonomy = load_taxonomy()
    norm = normalise_full(text[:MAX_TEXT_CHARS])
    s = norm.text
    found: list[tuple[str, int, int, str]] = []
    ps = compiled_patterns(kind, _languages_for(language))
    for k, m in _raw_matches(s, ps):
        if m.end() == m.start():
            continue
        pattern = ps.patterns[k]
        if _negated_before(s, m.start()) or (
            pattern.indicator_id in _POST_NEGATED and _negated_after(s, m.end())
        ):
            continue
        found.append((pattern.indicator_id, m.start(), m.end(), pattern.language))
    agency, invalid = _agency_hits(norm, kind, taxonomy, register, today)
    if invalid:
        found = [
            f for f in found
            if f[0] != "named_employer_registration"
            or not any(f[1] < b and a < f[2] for a, b in invalid)
        ]  # fmt: skip
    found.extend(agency)
    default_lang = language if language in LANGUAGES else ""
    hits = [
        _hit(norm, taxonomy.indicators[i], a, b, lang or default_lang or _guess_language(s, a))
        for i, a, b, lang in found
    ]
    return _merge(hits, text)


_CYR = re.compile(r"[\u0400-\u04ff]")
_UK_ONLY = re.compile(r"[іїєґ]")
_RO_CUES = re.compile(r"\b(?:si|sau|pentru|de|la|cu|agentie|agentia|firma|licenta)\b")


def _guess_language(s: str, pos: int) -> str:
    window = s[max(0, pos - 80) : pos + 80]
    if _CYR.search(window):
        return "uk" if _UK_ONLY.search(window) else "ru"
    return "ro" if _RO_CUES.search(window) else "en"


# --------------------------------------------------------------------------- features


def indicator_features(hits: Sequence[IndicatorHit], taxonomy: Taxonomy) -> dict[str, float]:
    """Fixed feature set: ``ind:<id>`` for every taxonomy id (1.0 fired / 0.0 not),
    ``n_risk`` and ``n_mitigating`` (distinct ids) and ``weighted_sum`` (sum of the
    weights of the distinct ids that fired)."""
    fired = {h.indicator_id for h in hits if h.indicator_id in taxonomy.indicators}
    features = {f"ind:{i}": (1.0 if i in fired else 0.0) for i in taxonomy.indicators}
    features["n_risk"] = float(sum(taxonomy.indicators[i].polarity == "risk" for i in fired))
    features["n_mitigating"] = float(
        sum(taxonomy.indicators[i].polarity == "mitigating" for i in fired)
    )
    features["weighted_sum"] = float(sum(taxonomy.indicators[i].weight for i in fired))
    return features

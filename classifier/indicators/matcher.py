"""Match the indicator taxonomy against advert text.

The text is normalised once (:func:`~classifier.indicators.normalise.normalise_full`),
the patterns of the requested kind and languages are tried where their literal prefix
occurs (:mod:`classifier.indicators.prefix_index`), and each match is mapped back to a
span of the original text.  A match is dropped when a negation cue ("no", "never",
"without", "fără", "nu", "без", "не", "ніколи" ...) stands in the four words before it
in the same clause, or, for fee / document indicators, right after it ("registration
fee: none") (:mod:`classifier.indicators.negation`); a hit is also dropped when its sentence
holds one of the indicator's exclusions.  Agency and licence hits come from
:mod:`classifier.indicators.agency`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

from classifier.indicators.agency import agency_hits
from classifier.indicators.negation import (
    POST_NEGATED,
    negated_after,
    negated_before,
    sentence_around,
)
from classifier.indicators.normalise import NormalisedText, normalise_full
from classifier.indicators.patterns import LANGUAGES
from classifier.indicators.prefix_index import (
    compiled_exclusions,
    compiled_patterns,
    raw_matches,
    triggers_of,
)
from classifier.indicators.taxonomy import KINDS, Indicator, Taxonomy, load_taxonomy

if TYPE_CHECKING:
    from classifier.indicators.register import AgencyRegister

__all__ = [
    "KINDS",
    "MAX_TEXT_CHARS",
    "Indicator",
    "IndicatorHit",
    "Taxonomy",
    "compiled_patterns",
    "load_taxonomy",
    "match_indicators",
    "match_normalised",
    "triggers_of",
]

MAX_TEXT_CHARS = 50_000  # only the first 50,000 characters of an advert are matched

Polarity = Literal["risk", "mitigating", "context"]


@dataclass(frozen=True)
class IndicatorHit:
    indicator_id: str
    polarity: Polarity
    weight: float
    start: int  # char offsets into the ORIGINAL text
    end: int
    text: str  # original[start:end]
    language: str


# --------------------------------------------------------------------------- matching


def _languages_for(language: str | None) -> tuple[str, ...]:
    if language is None:
        return LANGUAGES
    lang = language.strip().lower().replace("_", "-").split("-")[0]
    if lang not in LANGUAGES:
        return LANGUAGES  # unknown language: try them all
    return (lang,) if lang == "en" else (lang, "en")


def _hit(
    norm: NormalisedText, indicator: Indicator, start: int, end: int, language: str
) -> IndicatorHit:
    a, b = norm.to_original(start, end)
    original = norm.original
    while a < b and original[a].isspace():
        a += 1
    while b > a and original[b - 1].isspace():
        b -= 1
    polarity: Polarity = (
        "risk" if indicator.polarity == "risk"
        else "context" if indicator.polarity == "context" else "mitigating"
    )  # fmt: skip
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
    date).  Hits are sorted by start; overlapping hits of one indicator are merged;
    spans index into ``text``.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown advert kind {kind!r}; expected one of {', '.join(KINDS)}")
    if not text:
        return []
    return match_normalised(normalise_full(text[:MAX_TEXT_CHARS]), kind, language, register,
                            today=today)  # fmt: skip


def match_normalised(
    norm: NormalisedText,
    kind: str,
    language: str | None = None,
    register: AgencyRegister | None = None,
    *,
    today: date | None = None,
) -> list[IndicatorHit]:
    """:func:`match_indicators` on text the caller has normalised already (scoring reuses
    the normalised text for the model's features)."""
    taxonomy = load_taxonomy()
    s = norm.text
    found = _pattern_hits(norm, kind, _languages_for(language))
    agency, invalid = agency_hits(norm, kind, language, register, today)
    # A licence that the text itself calls lapsed ("licence no. 12, being renewed") is no
    # longer a mitigating registration: drop those near an explicit unlicensed cue.
    lapsed = [(a - _LAPSED_REACH, b + _LAPSED_REACH)
              for i, a, b, _ in found if i == "unlicensed_agency"]  # fmt: skip
    found.extend(agency)
    if invalid or lapsed:
        found = [
            f for f in found
            if f[0] != "named_employer_registration"
            or not any(f[1] < b and a < f[2] for a, b in [*invalid, *lapsed])
        ]  # fmt: skip
    default_lang = language if language in LANGUAGES else ""
    hits = [
        _hit(norm, taxonomy.indicators[i], a, b, lang or default_lang or _guess_language(s, a))
        for i, a, b, lang in found
    ]
    return _merge(hits, norm.original)


def _pattern_hits(
    norm: NormalisedText, kind: str, languages: tuple[str, ...]
) -> list[tuple[str, int, int, str]]:
    """Pattern matches that survive negation and their sentence's exclusions."""
    s = norm.text
    ps = compiled_patterns(kind, languages)
    exclusions = compiled_exclusions(languages)
    found: list[tuple[str, int, int, str]] = []
    for k, m in raw_matches(s, ps):
        if m.end() == m.start():
            continue
        pattern = ps.patterns[k]
        if negated_before(norm, m.start()) or (
            pattern.indicator_id in POST_NEGATED and negated_after(s, m.end())
        ):
            continue
        exclusion = exclusions.get(pattern.indicator_id)
        if exclusion is not None and exclusion.search(sentence_around(s, m.start(), m.end())):
            continue
        found.append((pattern.indicator_id, m.start(), m.end(), pattern.language))
    return found


_LAPSED_REACH = 80
_CYR = re.compile(r"[\u0400-\u04ff]")
_UK_ONLY = re.compile(r"[іїєґ]")
_RO_CUES = re.compile(r"\b(?:si|sau|pentru|de|la|cu|agentie|agentia|firma|licenta)\b")


def _guess_language(s: str, pos: int) -> str:
    window = s[max(0, pos - 80) : pos + 80]
    if _CYR.search(window):
        return "uk" if _UK_ONLY.search(window) else "ru"
    return "ro" if _RO_CUES.search(window) else "en"

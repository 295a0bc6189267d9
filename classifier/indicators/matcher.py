"""Match the indicator taxonomy against advert text.

The text is normalised once (:func:`~classifier.indicators.normalise.normalise_full`),
the patterns of the requested kind and languages are tried where their literal prefix
occurs (:mod:`classifier.indicators.prefix_index`), and each match is mapped back to a
span of the original text.  A match is dropped when a negation cue ("no", "never",
"without", "fără", "nu", "без", "не", "ніколи" ...) stands in the four words before it
in the same clause, or, for fee / document indicators, right after it ("registration
fee: none").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

from classifier.indicators.normalise import NormalisedText, normalise_full, normalise_pattern
from classifier.indicators.patterns import LANGUAGES, NEGATION
from classifier.indicators.places import country_hints, offers_abroad
from classifier.indicators.prefix_index import (
    compiled_exclusions,
    compiled_patterns,
    raw_matches,
    triggers_of,
)
from classifier.indicators.register import AgencyClaim, claims_in
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
    "indicator_features",
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


# --------------------------------------------------------------------------- negation

_NEG_RE = re.compile(r"\b" + normalise_pattern(NEGATION))
# A spaced dash ends a clause too: "не переживайте - документи зроблять там".
_CLAUSE_END = re.compile(r"[.!?;:,\n(\[]|\s-\s|\s(?:but|dar|insa|но|а|але|проте)\s")
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


def _languages_for(language: str | None) -> tuple[str, ...]:
    if language is None:
        return LANGUAGES
    lang = language.strip().lower().replace("_", "-").split("-")[0]
    if lang not in LANGUAGES:
        return LANGUAGES  # unknown language: try them all
    return (lang,) if lang == "en" else (lang, "en")


# "What we will never do: charge a fee, keep your passport": a negated lead-in before a
# colon negates the list after it, up to the end of the sentence.
# Only a negated verb leads such a list ("never do:", "nu facem:", "не делаем:"); "no manager:"
# is a statement of its own.
_NEGATED_LIST = re.compile(
    normalise_pattern(
        r"\b(?:never|not|don't|dont|won't|doesn't|nu|niciodata|не|никогда|ніколи)(?:\s\w+){0,2}\s"
        r"(?:do|does|ask|charge|take|keep|require|request|fac\w*|cer\w*|percep\w*|дела\w*"
        r"|требу\w*|проси\w*|бер\w*|роби\w*|вимага\w*|стяг\w*)\s?:\s?"
    )
)
_SENTENCE_START = re.compile(r"[.!?\n]")


def _negated_before(norm: NormalisedText, start: int) -> bool:
    text = norm.text
    lo = max(0, start - _PRE_CHARS)
    last_end = max(lo, _symbol_break(norm, lo, start))
    for boundary in _CLAUSE_END.finditer(text, last_end, start):
        last_end = boundary.end()
    words = text[last_end:start].split()[-_PRE_WORDS:]
    if words and _NEG_RE.search(" ".join(words)) is not None:
        return True
    sentence_start = max(0, start - 200)
    cut = max((m.end() for m in _SENTENCE_START.finditer(text, sentence_start, start)), default=0)
    return _NEGATED_LIST.search(text, max(cut, sentence_start), start) is not None


_SYMBOLS = frozenset({"So", "Sk", "Co", "Cs", "Cn"})


def _symbol_break(norm: NormalisedText, lo: int, hi: int) -> int:
    """Just past the last space in text[lo:hi] that stands for an emoji or other symbol: an
    emoji separates clauses ("не переживайте 🙏 документи зроблять там"), though the matcher
    reads it as a space.  0 when there is none."""
    for j in range(hi - 1, lo - 1, -1):
        if norm.text[j] == " " and any(
            unicodedata.category(c) in _SYMBOLS
            for c in norm.original[norm.starts[j] : norm.ends[j]]
        ):
            return j + 1
    return 0


_LAPSED_REACH = 80
_SENTENCE_END = re.compile(r"[.!?\n]")
_SENTENCE_REACH = 250


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around a match (at most 250 characters either side)."""
    head = text[max(0, start - _SENTENCE_REACH) : start]
    cut = max((m.end() for m in _SENTENCE_END.finditer(head)), default=0)
    tail = _SENTENCE_END.search(text, end, min(len(text), end + _SENTENCE_REACH))
    stop = tail.start() if tail else min(len(text), end + _SENTENCE_REACH)
    return head[cut:] + text[start:stop]


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


_LICENCE_COUNTRY = re.compile(r"^([a-z]{2})[-/ ]")


def _licence_countries(licences: list[AgencyClaim]) -> set[str]:
    """Country prefixes of quoted licence numbers ("RO-AG-0123" -> RO)."""
    found = (_LICENCE_COUNTRY.match(c.value) for c in licences)
    return {m.group(1).upper().replace("UK", "GB") for m in found if m}


def _agency_hits(
    norm: NormalisedText,
    kind: str,
    language: str | None,
    register: AgencyRegister | None,
    today: date | None,
) -> tuple[list[tuple[str, int, int, str]], list[tuple[int, int]]]:
    """Register hits, the agency_unverified context hit, and spans of licences found invalid
    (see :mod:`classifier.indicators.register` for the rules)."""
    if kind not in ("job", "bridal"):
        return [], []
    claims: list[AgencyClaim] = claims_in(norm)
    licences = [c for c in claims if c.kind == "licence"]
    hints = country_hints(norm.text, language) | _licence_countries(licences)
    out: list[tuple[str, int, int, str]] = []
    invalid: list[tuple[int, int]] = []
    valid = False
    if register is None or not register.covers(hints):
        # Nothing to check the number against: a quoted licence is what an analyst can verify.
        out.extend(("named_employer_registration", c.phrase_start, c.end, "") for c in licences)
    else:
        as_of = today or register.as_of()
        for c in licences:
            entry = register.lookup_licence(c.value)
            ok = entry is not None and entry.is_valid(as_of)
            valid = valid or ok
            if not ok:
                invalid.append((c.phrase_start, c.end))
            out.append(("named_employer_registration" if ok else "unlicensed_agency",
                        c.phrase_start, c.end, ""))  # fmt: skip
    if register is not None:
        as_of = today or register.as_of()
        for start, end, entry in register.names_in(norm):
            ok = entry.is_valid(as_of)
            valid = valid or ok
            out.append(
                ("named_employer_registration" if ok else "unlicensed_agency", start, end, "")
            )
    if not valid:
        mention = next((c for c in claims if c.kind == "agency"
                        and not _negated_before(norm, c.start)), None)  # fmt: skip
        if mention is not None and offers_abroad(norm.text):
            out.append(("agency_unverified", mention.start, mention.end, ""))
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
    found: list[tuple[str, int, int, str]] = []
    languages = _languages_for(language)
    ps = compiled_patterns(kind, languages)
    exclusions = compiled_exclusions(languages)
    for k, m in raw_matches(s, ps):
        if m.end() == m.start():
            continue
        pattern = ps.patterns[k]
        if _negated_before(norm, m.start()) or (
            pattern.indicator_id in _POST_NEGATED and _negated_after(s, m.end())
        ):
            continue
        exclusion = exclusions.get(pattern.indicator_id)
        if exclusion is not None and exclusion.search(_sentence(s, m.start(), m.end())):
            continue
        found.append((pattern.indicator_id, m.start(), m.end(), pattern.language))
    agency, invalid = _agency_hits(norm, kind, language, register, today)
    # A licence that the text itself calls lapsed ("licence no. 12, being renewed") is no
    # longer a mitigating registration: drop those near an explicit unlicensed cue.
    lapsed = [
        (a - _LAPSED_REACH, b + _LAPSED_REACH) for i, a, b, _ in found if i == "unlicensed_agency"
    ]
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

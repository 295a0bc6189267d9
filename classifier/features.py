"""From advert text to model inputs: normalise once, match indicators, derive features."""

from __future__ import annotations

from dataclasses import dataclass

from classifier.evidence import evidence_features, structure_features
from classifier.indicators import AgencyRegister, IndicatorHit, load_taxonomy
from classifier.indicators.matcher import MAX_TEXT_CHARS, match_normalised
from classifier.indicators.normalise import normalise_full, readable


@dataclass(frozen=True)
class ModelInput:
    """What the model sees of one advert.

    ``text`` is the normalised title and body (casefolded, homoglyphs and emoji undone,
    letters squeezed) for the n-gram layer, ``original`` the advert as written (the sentence
    encoder reads it through :meth:`readable`), ``features`` the evidence and structure
    features by name."""

    kind: str
    text: str
    original: str
    features: dict[str, float]

    def readable(self) -> str:
        """The text without case, homoglyph and emoji tricks but with its spelling, for the
        sentence encoder (computed only when a model has that layer)."""
        return readable(self.original[:4000])


def advert_text(title: str, body: str) -> str:
    """The text indicators are matched in; hit spans index into it."""
    return f"{title}\n{body}"


def analyse(
    kind: str, title: str, body: str, language: str | None, register: AgencyRegister | None = None
) -> tuple[ModelInput, list[IndicatorHit]]:
    """Indicator hits of one advert (licences checked against `register` when given) and the
    model input built from them."""
    text = advert_text(title, body)[:MAX_TEXT_CHARS]
    norm = normalise_full(text)
    hits = match_normalised(norm, kind, language, register)
    features = evidence_features(hits, load_taxonomy()) | structure_features(kind, norm.text)
    return ModelInput(kind, norm.text, text, features), hits

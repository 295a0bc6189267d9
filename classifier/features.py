"""From advert text to model inputs: indicator hits computed once, shared with scoring."""

from __future__ import annotations

from classifier.indicators import (
    AgencyRegister,
    IndicatorHit,
    indicator_features,
    load_taxonomy,
    match_indicators,
)
from classifier.model import ModelInput


def advert_text(title: str, body: str) -> str:
    """The text indicators are matched in; hit spans index into it."""
    return f"{title}\n{body}"


def analyse(
    kind: str, title: str, body: str, language: str | None, register: AgencyRegister | None = None
) -> tuple[ModelInput, list[IndicatorHit]]:
    """Indicator hits of one advert (licences checked against `register` when given) and the
    model input built from them."""
    hits = match_indicators(advert_text(title, body), kind, language, register)
    features = indicator_features(hits, load_taxonomy())
    return ModelInput(kind, title, body, features), hits

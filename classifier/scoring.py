"""Scoring: indicator hits with spans + calibrated model probability → score, band, flag."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from classifier.features import analyse
from classifier.indicators import AgencyRegister, IndicatorHit, load_taxonomy
from classifier.metrics import STRONG_PROBABILITY, flag_decisions
from classifier.model import RiskModel


@dataclass(frozen=True)
class ScoreInput:
    id: str
    kind: str
    title: str
    body: str
    language: str | None = None


@dataclass(frozen=True)
class ScoreOutput:
    id: str
    score: float
    band: str
    flagged: bool
    model_version: str
    taxonomy_version: str
    indicators: list[dict[str, Any]]

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def hit_to_span(hit: IndicatorHit, title: str) -> dict[str, Any]:
    """Offsets into title or body (the matched text is title + "\\n" + body)."""
    body_start = len(title) + 1
    if hit.start < len(title):
        field, start, end = "title", hit.start, min(hit.end, len(title))
    else:
        field, start, end = "body", max(hit.start - body_start, 0), hit.end - body_start
    return {
        "indicator_id": hit.indicator_id,
        "polarity": hit.polarity,
        "weight": hit.weight,
        "field": field,
        "start": start,
        "end": end,
        "text": hit.text,
    }


def _decide(model: RiskModel, probability: float, hits: list[IndicatorHit]) -> tuple[str, bool]:
    """Band from the calibrated probability; the flag from the model's stored rule."""
    n_risk = len({h.indicator_id for h in hits if h.polarity == "risk"})
    flagged = bool(
        flag_decisions(
            np.array([probability]),
            np.array([n_risk]),
            model.thresholds["high"],
            model.thresholds.get("strong", STRONG_PROBABILITY),
        )[0]
    )
    return model.band(probability), flagged


def score_batch(
    model: RiskModel, items: Sequence[ScoreInput], register: AgencyRegister | None = None
) -> list[ScoreOutput]:
    analysed = [analyse(i.kind, i.title, i.body, i.language, register) for i in items]
    probabilities = model.predict([a[0] for a in analysed])
    taxonomy_version = load_taxonomy().version
    outputs = []
    for item, (_, hits), p in zip(items, analysed, probabilities, strict=True):
        band, flagged = _decide(model, float(p), hits)
        outputs.append(
            ScoreOutput(
                id=item.id,
                score=round(float(p), 6),
                band=band,
                flagged=flagged,
                model_version=model.version,
                taxonomy_version=taxonomy_version,
                indicators=[hit_to_span(h, item.title) for h in hits],
            )
        )
    return outputs


def score_stream(
    model: RiskModel,
    items: Iterator[ScoreInput],
    batch_size: int = 256,
    register: AgencyRegister | None = None,
) -> Iterator[ScoreOutput]:
    batch: list[ScoreInput] = []
    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            yield from score_batch(model, batch, register)
            batch = []
    if batch:
        yield from score_batch(model, batch, register)

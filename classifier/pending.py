"""Score stored adverts that await a score, in batches claimed with SKIP LOCKED."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import psycopg

from classifier import artifact
from classifier.indicators import AgencyRegister
from classifier.model import RiskModel
from classifier.scoring import ScoreInput, score_batch
from store import agencies, models_registry, scores

log = logging.getLogger(__name__)


def register_model(conn: psycopg.Connection[Any], model: RiskModel, models_dir: Path) -> None:
    path = models_dir / model.version
    models_registry.register(
        conn,
        model.version,
        str(model.meta.get("kind", "")),
        str(path),
        artifact.sha256_file(path / artifact.MANIFEST),
        model.thresholds,
        model.meta,
        active=True,
    )


def stored_register(conn: psycopg.Connection[Any]) -> AgencyRegister | None:
    """The imported agency register, or None when none was imported."""
    rows = agencies.all_agencies(conn)
    return AgencyRegister.from_rows(rows) if rows else None


AfterScoring = Callable[[psycopg.Connection[Any], Sequence[scores.ScoreRecord]], None]


def score_pending(
    conn: psycopg.Connection[Any],
    model: RiskModel,
    *,
    after_scoring: AfterScoring,
    batch_size: int = 200,
    on_batch: Callable[[int], None] | None = None,
) -> int:
    """Score until nothing is pending; many workers may run this at once.

    `after_scoring` runs in each batch's transaction (the next stage's intake), so a score and
    what follows from it commit together.
    """
    register = stored_register(conn)
    total = 0
    while True:
        with conn.transaction():
            claimed = scores.claim_pending(conn, batch_size)
            if not claimed:
                return total
            records = _score_claimed(model, claimed, register)
            scores.save_scores(conn, records)
            after_scoring(conn, records)
        total += len(claimed)
        log.info("scored %d adverts (%d so far)", len(claimed), total)
        if on_batch is not None:
            on_batch(total)


def _score_claimed(
    model: RiskModel, claimed: Sequence[scores.PendingAdvert], register: AgencyRegister | None
) -> list[scores.ScoreRecord]:
    items = [ScoreInput(str(a.id), a.kind, a.title, a.body, a.language) for a in claimed]
    versions = {a.id: a.current_version for a in claimed}
    return [
        scores.ScoreRecord(
            advert_id=int(o.id),
            advert_version=versions[int(o.id)],
            model_version=o.model_version,
            taxonomy_version=o.taxonomy_version,
            risk_score=o.score,
            band=o.band,
            flagged=o.flagged,
            indicator_hits=o.indicators,
        )
        for o in score_batch(model, items, register)
    ]

"""The data path after crawling, run the same way by the scheduler, workers, the CLI and the demo.

Each step opens its own connection: steps run in different processes in queue mode.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from classifier.model import load_model
from classifier.pending import register_model, score_pending
from linking.crop_linker import CROP_INDEX_IMAGES
from linking.linker import link_pending
from linking.pdq_warm import WarmIndex
from review.intake import admit_scored
from store.bootstrap import open_ready


@dataclass(frozen=True)
class ScoringRun:
    model_version: str
    scored: int


def score_all_pending(
    models_dir: Path, on_progress: Callable[[int], None] | None = None
) -> ScoringRun:
    """Score every stored advert awaiting a score with the active model; flagged ones are queued."""
    model = load_model(models_dir)
    with open_ready() as conn:
        register_model(conn, model, models_dir)
        scored = score_pending(conn, model, after_scoring=admit_scored, on_batch=on_progress)
    return ScoringRun(model.version, scored)


def link_all_pending(
    image_distance: int,
    image_min_quality: int,
    images_dir: Path,
    image_index: WarmIndex | None = None,
    crop_images: int = CROP_INDEX_IMAGES,
) -> int:
    """Link adverts scored since the last run into template and contact clusters, and queued
    images into image clusters (by PDQ, a short queue looked up in `image_index` once it is
    ready, and by the crop signal from the bytes in images_dir among the newest `crop_images`
    photos)."""
    with open_ready() as conn:
        return link_pending(
            conn,
            image_distance=image_distance,
            image_min_quality=image_min_quality,
            image_index=image_index,
            images_dir=images_dir,
            crop_images=crop_images,
        ).adverts

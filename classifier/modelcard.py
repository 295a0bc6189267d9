"""What a model records about itself (model.json) and its MODEL_CARD.md."""

from __future__ import annotations

import hashlib
import json
import platform
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from classifier.indicators import load_taxonomy
from classifier.metrics import MIN_RISK_INDICATORS_TO_FLAG, STRONG_PROBABILITY
from classifier.modelcard_render import render

if TYPE_CHECKING:
    from classifier.samples import Sample
    from classifier.train_config import TrainConfig

__all__ = ["data_hash", "flag_rule_text", "render", "training_meta", "write_model_card"]


def data_hash(samples: Sequence[Sample]) -> str:
    digest = hashlib.sha256()
    for s in sorted(samples, key=lambda s: s.id):
        digest.update(json.dumps(s.model_dump(), sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()


def flag_rule_text(thresholds: dict[str, float]) -> str:
    return (
        f"flagged when the calibrated score is ≥ {thresholds['high']:.2f} and at least "
        f"{MIN_RISK_INDICATORS_TO_FLAG} distinct risk indicators are present, or the score is "
        f"≥ {thresholds.get('strong', STRONG_PROBABILITY):.2f} with at least one"
    )


def _software(use_transformer: bool) -> dict[str, str]:
    import scipy
    import sklearn

    versions = {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scikit-learn": sklearn.__version__,
        "scipy": scipy.__version__,
    }
    if use_transformer:
        import torch
        import transformers

        versions |= {
            "torch": torch.__version__,
            "transformers": transformers.__version__,
            "embedding_model": "sentence-transformers/all-MiniLM-L6-v2 (bundled)",
        }
    return versions


def _composition(rows: Sequence[Sample]) -> dict[str, int]:
    return dict(
        sorted(Counter(f"{s.source}/{s.kind}/{s.language}/{s.label}" for s in rows).items())
    )


def training_meta(
    samples: Sequence[Sample],
    rows: Sequence[Sample],
    calibration: Sequence[Sample],
    config: TrainConfig,
    names: list[str],
    coef: NDArray[Any],
) -> dict[str, Any]:
    """Provenance of a trained model: data, configuration, software, combiner weights."""
    text_layers = ["n-gram"] + (["MiniLM"] if config.use_transformer else [])
    return {
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "kind": "evidence-first combiner (monotone logistic) over indicator evidence, advert "
        f"structure and {' + '.join(text_layers)} text logits, calibrated",
        "data_sha256": data_hash(rows),
        "calibration_data_sha256": data_hash(calibration) if calibration else None,
        "samples": {
            "train": len(rows),
            "not_trained_on": len(samples) - sum(s.split == "train" for s in samples),
            "calibration": len(calibration),
            "train_by_source_kind_language_label": _composition(rows),
            "sources": dict(Counter(s.source for s in rows)),
        },
        "taxonomy_version": load_taxonomy().version,
        "combiner": {
            n: round(float(c), 4) for n, c in zip([*names, *text_layers], coef, strict=True)
        },
        "config": asdict(config),
        "versions": _software(config.use_transformer),
    }


def write_model_card(model_dir: Path, meta: dict[str, Any]) -> Path:
    path = model_dir / "MODEL_CARD.md"
    path.write_text(render({**meta, "version": model_dir.name}), encoding="utf-8")
    return path

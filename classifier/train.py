"""Training: cross-validated base models, a calibrated stacker, thresholds and a model card."""

from __future__ import annotations

import hashlib
import json
import platform
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from classifier.artifact import ModelArtifact
from classifier.features import analyse
from classifier.metrics import choose_thresholds, flag_decisions, grouped_metrics
from classifier.model import ModelInput, embedding_matrix, text_matrix
from classifier.samples import Sample
from classifier.textfeatures import fit_idf, hashed_counts, prepare_text


@dataclass(frozen=True)
class TrainConfig:
    use_transformer: bool = True
    folds: int = 5
    seed: int = 13
    c_text: float = 8.0
    c_embedding: float = 2.0
    target_precision: float = 0.9


def _logistic(c: float, seed: int) -> LogisticRegression:
    return LogisticRegression(
        C=c, class_weight="balanced", solver="liblinear", max_iter=2000, random_state=seed
    )


def _out_of_fold(x: Any, y: NDArray[Any], c: float, config: TrainConfig) -> NDArray[np.float64]:
    """Logits for every training row from a model that did not see it."""
    oof = np.zeros(len(y))
    folds = StratifiedKFold(n_splits=config.folds, shuffle=True, random_state=config.seed)
    for fit_rows, held_rows in folds.split(np.zeros(len(y)), y):
        model = _logistic(c, config.seed).fit(x[fit_rows], y[fit_rows])
        oof[held_rows] = model.decision_function(x[held_rows])
    return oof


def _feature_names(inputs: list[ModelInput]) -> list[str]:
    return sorted({name for item in inputs for name in item.indicator_features})


def data_hash(samples: list[Sample]) -> str:
    digest = hashlib.sha256()
    for s in sorted(samples, key=lambda s: s.id):
        digest.update(json.dumps(s.model_dump(), sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()


def train(samples: list[Sample], version: str, config: TrainConfig) -> ModelArtifact:
    """Fit on the samples marked split=train; the test split is left for `adwatch evaluate`."""
    training = [s for s in samples if s.split == "train"]
    inputs = [analyse(s.kind, s.title, s.text, s.language)[0] for s in training]
    y = np.array([s.label for s in training], dtype=int)
    names = _feature_names(inputs)
    idf = fit_idf(hashed_counts([prepare_text(i.title, i.body) for i in inputs]))
    bases: list[tuple[str, Any, float]] = [("text", text_matrix(inputs, idf, names), config.c_text)]
    if config.use_transformer:
        bases.append(("emb", embedding_matrix(inputs, names), config.c_embedding))
    oof = np.column_stack([_out_of_fold(x, y, c, config) for _, x, c in bases])
    arrays: dict[str, NDArray[Any]] = {"idf": idf}
    for prefix, x, c in bases:
        fitted = _logistic(c, config.seed).fit(x, y)
        arrays[f"{prefix}_coef"] = fitted.coef_[0].astype(np.float32)
        arrays[f"{prefix}_bias"] = fitted.intercept_.astype(np.float64)
    stacker = LogisticRegression(C=1.0).fit(oof, y)  # Platt scaling over the base logits
    arrays["stack_coef"] = stacker.coef_[0].astype(np.float64)
    arrays["stack_bias"] = stacker.intercept_.astype(np.float64)
    calibrated = _out_of_fold_stacked(oof, y, config)
    n_risk = np.array([i.indicator_features.get("n_risk", 0.0) for i in inputs])
    thresholds = choose_thresholds(y, calibrated, n_risk, config.target_precision)
    flagged = flag_decisions(calibrated, n_risk, thresholds["high"], thresholds["strong"])
    kinds, languages = [s.kind for s in training], [s.language for s in training]
    cv = grouped_metrics(y, calibrated, kinds, languages, thresholds["high"], flagged)
    meta = _card(samples, training, names, thresholds, cv, config)
    return ModelArtifact(version, arrays, meta)


def _out_of_fold_stacked(oof: NDArray[Any], y: NDArray[Any], config: TrainConfig) -> NDArray[Any]:
    calibrated = np.zeros(len(y))
    folds = StratifiedKFold(n_splits=config.folds, shuffle=True, random_state=config.seed + 1)
    for fit_rows, held_rows in folds.split(oof, y):
        stacker = LogisticRegression(C=1.0).fit(oof[fit_rows], y[fit_rows])
        calibrated[held_rows] = stacker.predict_proba(oof[held_rows])[:, 1]
    return calibrated


def _card(
    samples: list[Sample],
    training: list[Sample],
    names: list[str],
    thresholds: dict[str, float],
    cv: dict[str, Any],
    config: TrainConfig,
) -> dict[str, Any]:
    import scipy
    import sklearn

    from classifier.indicators import load_taxonomy

    counts = Counter(f"{s.kind}/{s.language}/{s.label}" for s in training)
    versions = {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scikit-learn": sklearn.__version__,
        "scipy": scipy.__version__,
    }
    if config.use_transformer:
        import torch
        import transformers

        versions |= {
            "torch": torch.__version__,
            "transformers": transformers.__version__,
            "embedding_model": "sentence-transformers/all-MiniLM-L6-v2 (bundled)",
        }
    return {
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "kind": "stacked: hashed n-gram logistic"
        + (" + MiniLM logistic" if config.use_transformer else ""),
        "data_sha256": data_hash(samples),
        "samples": {
            "train": len(training),
            "test": len(samples) - len(training),
            "train_by_kind_language_label": dict(sorted(counts.items())),
        },
        "taxonomy_version": load_taxonomy().version,
        "indicator_feature_names": names,
        "thresholds": thresholds,
        "flag_rule": "score >= thresholds.high with at least two distinct risk indicators, "
        "or score >= thresholds.strong",
        "cross_validation": cv,
        "config": config.__dict__,
        "versions": versions,
    }

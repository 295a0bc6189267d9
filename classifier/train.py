"""Training: grouped cross-validation, an evidence-first combiner, calibration, operating point.

Every out-of-fold figure comes from folds that hold whole groups out (a generator template
family, an independent author, a real employer: :attr:`classifier.samples.Sample.group`),
so the text layers cannot score well by recognising a sentence they were trained on.  The
combiner learns how far to trust each text layer from those out-of-fold logits: a layer that
only memorised style earns a small weight.  Calibration and the flag threshold are fitted on
out-of-fold predictions for the hand-written supplement, which no indicator pattern was tuned
on (or on a labelled calibration set the caller gives).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from classifier import calibration as calib
from classifier.artifact import ModelArtifact
from classifier.combiner import fit_constrained_logistic
from classifier.evidence import feature_names
from classifier.features import ModelInput, analyse
from classifier.indicators import load_taxonomy
from classifier.metrics import choose_operating_point, flag_decisions, grouped_metrics
from classifier.model import (
    FORMAT,
    clip_logits,
    combiner_logits,
    embedding_matrix,
    feature_matrix,
    text_matrix,
)
from classifier.modelcard import training_meta
from classifier.samples import Sample
from classifier.textfeatures import fit_idf, hashed_counts, model_text
from classifier.train_config import TrainConfig


@dataclass
class _Layers:
    """Fitted text layers and their out-of-fold logits on the training rows."""

    arrays: dict[str, NDArray[Any]]
    oof: NDArray[np.float64]


def source_weights(rows: list[Sample], shares: dict[str, float]) -> NDArray[np.float64]:
    sources = [s.source if s.source in shares else "written" for s in rows]
    counts = {src: sources.count(src) for src in set(sources)}
    total_share = sum(shares[src] for src in counts)
    weight = np.array([shares[src] / total_share / counts[src] for src in sources])
    return weight * len(rows)


def _folds(groups: list[str], n_splits: int) -> list[tuple[NDArray[Any], NDArray[Any]]]:
    splitter = GroupKFold(n_splits=min(n_splits, len(set(groups))))
    return list(splitter.split(np.zeros(len(groups)), groups=groups))


def _logistic(c: float, seed: int) -> LogisticRegression:
    return LogisticRegression(C=c, class_weight="balanced", solver="liblinear", max_iter=2000,
                              random_state=seed)  # fmt: skip


def _fit_layer(
    x: Any, y: NDArray[Any], w: NDArray[Any], folds: list[Any], c: float, seed: int
) -> tuple[NDArray[np.float32], NDArray[np.float64], NDArray[np.float64]]:
    """(coef, bias, out-of-fold logits) of one logistic text layer."""
    oof = np.zeros(len(y))
    for fit_rows, held in folds:
        layer = _logistic(c, seed).fit(x[fit_rows], y[fit_rows], sample_weight=w[fit_rows])
        oof[held] = layer.decision_function(x[held])
    final = _logistic(c, seed).fit(x, y, sample_weight=w)
    return final.coef_[0].astype(np.float32), final.intercept_.astype(np.float64), oof


def _text_layers(inputs: list[ModelInput], y: Any, w: Any, folds: Any, cfg: TrainConfig) -> _Layers:
    idf = fit_idf(hashed_counts([model_text(i.text) for i in inputs]))
    coef, bias, oof_text = _fit_layer(text_matrix(inputs, idf), y, w, folds, cfg.c_text, cfg.seed)
    arrays: dict[str, NDArray[Any]] = {"idf": idf, "text_coef": coef, "text_bias": bias}
    columns = [clip_logits(oof_text)]
    if cfg.use_transformer:
        emb = embedding_matrix(inputs)
        coef, bias, oof_emb = _fit_layer(emb, y, w, folds, cfg.c_embedding, cfg.seed)
        arrays |= {"emb_coef": coef, "emb_bias": bias}
        columns.append(clip_logits(oof_emb))
    return _Layers(arrays, np.column_stack(columns))


def _bounds(
    names: list[str], risk: set[str], n_text: int, text_cap: float
) -> tuple[NDArray[Any], NDArray[Any]]:
    """Risk evidence ≥ 0, mitigating evidence ≤ 0, structure free, text logits in [0, cap]."""
    lower = [0.0 if n in risk else -np.inf for n in names] + [0.0] * n_text
    upper = [np.inf if n in risk or n.startswith(("kind:", "voice_", "has_", "log_", "named_",
             "abroad", "money")) else 0.0 for n in names] + [text_cap] * n_text  # fmt: skip
    return np.array(lower), np.array(upper)


def _combiner_oof(
    x: NDArray[Any],
    y: Any,
    w: Any,
    folds: Any,
    bounds: tuple[NDArray[Any], NDArray[Any]],
    l2: float,
) -> NDArray[np.float64]:
    oof = np.zeros(len(y))
    lower, upper = bounds
    for fit_rows, held in folds:
        coef, bias = fit_constrained_logistic(
            x[fit_rows], y[fit_rows], lower, upper, w[fit_rows], l2
        )
        oof[held] = x[held] @ coef + bias
    return oof


@dataclass
class _Calibration:
    """Logits, labels and distinct risk indicators the calibrator and operating point see."""

    logits: NDArray[np.float64]
    y: NDArray[Any]
    n_risk: NDArray[Any]
    fitted_on: str


@dataclass
class _Fit:
    """The fitted layers and combiner, with the grouped out-of-fold logits of every row."""

    arrays: dict[str, NDArray[Any]]
    names: list[str]
    coef: NDArray[np.float64]
    oof: NDArray[np.float64]
    y: NDArray[Any]
    n_risk: NDArray[Any]


def _fit(rows: list[Sample], config: TrainConfig) -> _Fit:
    inputs = [analyse(s.kind, s.title, s.text, s.language)[0] for s in rows]
    y = np.array([s.label for s in rows], dtype=int)
    w = source_weights(rows, config.source_weights)
    folds = _folds([s.group for s in rows], config.folds)
    layers = _text_layers(inputs, y, w, folds, config)
    groups = feature_names(load_taxonomy())
    names = [name for group in groups for name in group]
    x = np.hstack([feature_matrix(inputs, names), layers.oof])
    bounds = _bounds(names, set(groups[0]), layers.oof.shape[1], config.text_weight_cap)
    coef, bias = fit_constrained_logistic(x, y, *bounds, w, config.combiner_l2)
    arrays = layers.arrays | {"combiner_coef": coef, "combiner_bias": np.array([bias])}
    oof = _combiner_oof(x, y, w, folds, bounds, config.combiner_l2)
    n_risk = np.array([i.features.get("n_risk", 0.0) for i in inputs])
    return _Fit(arrays, names, coef, oof, y, n_risk)


def train(
    samples: list[Sample],
    version: str,
    config: TrainConfig,
    calibration: list[Sample] | None = None,
) -> ModelArtifact:
    """Fit on the samples marked split=train (real ordinary adverts included when given as
    samples of source "real").  Calibration and the flag threshold come from `calibration`
    when given, else from the grouped out-of-fold predictions on the training sources named
    in ``config.calibration_sources`` (see :func:`_oof_calibration`)."""
    rows = [s for s in samples if s.split == "train"]
    fit = _fit(rows, config)
    meta: dict[str, Any] = {"format": FORMAT, "feature_names": fit.names}
    cal = (
        _calibration_logits(fit, calibration)
        if calibration
        else _oof_calibration(rows, fit.oof, fit.y, fit.n_risk, config.calibration_sources)
    )
    method, brier = _calibration_method(config, cal.logits, cal.y)
    calibrator = calib.fit(method, cal.logits, cal.y)
    thresholds = choose_operating_point(
        cal.y, calibrator.apply(cal.logits), cal.n_risk, config.target_precision
    )
    p_oof = calibrator.apply(fit.oof)
    dims: dict[str, list[str]] = {
        "kind": [s.kind for s in rows],
        "language": [s.language or "?" for s in rows],
        "source": [s.source for s in rows],
    }
    flagged = flag_decisions(p_oof, fit.n_risk, thresholds["high"])
    meta |= training_meta(samples, rows, calibration or [], config, fit.names, fit.coef)
    meta |= {
        "thresholds": thresholds,
        "calibration": {"method": method, "cross_validated_brier": brier,
                        "fitted_on": cal.fitted_on, "n": len(cal.y)},
        "cross_validation": grouped_metrics(fit.y, p_oof, flagged, dims),
    }  # fmt: skip
    return ModelArtifact(version, fit.arrays | calibrator.arrays(), meta)


def _oof_calibration(
    rows: list[Sample],
    oof: NDArray[np.float64],
    y: NDArray[Any],
    n_risk: NDArray[Any],
    sources: tuple[str, ...],
) -> _Calibration:
    """Grouped out-of-fold predictions on adverts nobody tuned the matcher on: each was
    predicted by a model that never saw its author, template family or employer."""
    chosen = np.array([s.source in sources for s in rows])
    if not chosen.any() or len(set(y[chosen].tolist())) < 2:
        return _Calibration(oof, y, n_risk, "grouped out-of-fold predictions on all training data")
    return _Calibration(
        oof[chosen], y[chosen], n_risk[chosen],
        f"grouped out-of-fold predictions on the {', '.join(sources)} training adverts",
    )  # fmt: skip


def _calibration_logits(fit: _Fit, samples: list[Sample]) -> _Calibration:
    """The combiner's logits on a labelled calibration set given by the caller."""
    inputs = [analyse(s.kind, s.title, s.text, s.language)[0] for s in samples]
    y = np.array([s.label for s in samples], dtype=int)
    n_risk = np.array([i.features.get("n_risk", 0.0) for i in inputs])
    fitted_on = f"{len(samples)} given calibration adverts"
    return _Calibration(combiner_logits(fit.arrays, fit.names, inputs), y, n_risk, fitted_on)


def _calibration_method(
    config: TrainConfig, logits: NDArray[Any], y: NDArray[Any]
) -> tuple[calib.Method, dict[str, float]]:
    best, brier = calib.choose(logits, y, config.seed)
    if config.calibration in calib.METHODS:
        return config.calibration, brier
    return best, brier

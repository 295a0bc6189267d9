"""Evaluation metrics and the flag rule.

Every figure an evaluation reports comes with a bootstrap 95 % interval: the independent
sets hold tens of adverts per kind × language cell, and a point estimate alone would
overstate what such a cell can show.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy.stats import rankdata
from sklearn.metrics import average_precision_score

MIN_RISK_INDICATORS_TO_FLAG = 2  # one indicator alone proves nothing (Volodko et al. 2020)
STRONG_PROBABILITY = 0.97  # the model may flag on one indicator only when this sure
BOOTSTRAP_ROUNDS = 1000


def flag_decisions(
    p: NDArray[Any], n_risk: NDArray[Any], threshold: float, strong: float = STRONG_PROBABILITY
) -> NDArray[np.bool_]:
    """The flag rule: calibrated probability ≥ threshold with at least two distinct risk
    indicators, or probability ≥ strong (and ≥ threshold) with at least one."""
    p, n_risk = np.asarray(p), np.asarray(n_risk)
    evidence = (n_risk >= MIN_RISK_INDICATORS_TO_FLAG) | ((p >= strong) & (n_risk >= 1))
    decided: NDArray[np.bool_] = (p >= threshold) & evidence
    return decided


def roc_auc(y: NDArray[Any], p: NDArray[Any]) -> float | None:
    """Area under the ROC curve from ranks (ties count half); None with one class only."""
    y = np.asarray(y, dtype=bool)
    n_pos, n_neg = int(y.sum()), int((~y).sum())
    if not n_pos or not n_neg:
        return None
    ranks = rankdata(p)
    return float((ranks[y].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def _precision_recall(y: NDArray[Any], flagged: NDArray[Any]) -> tuple[float, float]:
    tp = float(np.sum(flagged & (y == 1)))
    return tp / max(float(flagged.sum()), 1.0), tp / max(float(np.sum(y == 1)), 1.0)


def _interval(values: list[float]) -> list[float] | None:
    if len(values) < 20:
        return None
    low, high = np.percentile(values, [2.5, 97.5])
    return [round(float(low), 4), round(float(high), 4)]


def bootstrap(
    y: NDArray[Any], p: NDArray[Any], flagged: NDArray[Any], seed: int = 7
) -> dict[str, list[float] | None]:
    """95 % percentile intervals for ROC-AUC, precision and recall."""
    rng = np.random.default_rng(seed)
    draws: dict[str, list[float]] = {"roc_auc": [], "precision": [], "recall": []}
    n = len(y)
    for _ in range(BOOTSTRAP_ROUNDS if n else 0):
        rows = rng.integers(0, n, n)
        yb, pb, fb = y[rows], p[rows], flagged[rows]
        auc = roc_auc(yb, pb)
        if auc is not None:
            draws["roc_auc"].append(auc)
        precision, recall = _precision_recall(yb, fb)
        if fb.any():
            draws["precision"].append(precision)
        if (yb == 1).any():
            draws["recall"].append(recall)
    return {name: _interval(values) for name, values in draws.items()}


def binary_metrics(y: NDArray[Any], p: NDArray[Any], flagged: NDArray[Any]) -> dict[str, Any]:
    """One group's figures at the real decision (`flagged`), with bootstrap intervals."""
    y = np.asarray(y, dtype=int)
    p = np.asarray(p, dtype=float)
    flagged = np.asarray(flagged, dtype=bool)
    precision, recall = _precision_recall(y, flagged)
    both = 0 < y.sum() < len(y)
    tn = int(np.sum(~flagged & (y == 0)))
    fp = int(np.sum(flagged & (y == 0)))
    fn = int(np.sum(~flagged & (y == 1)))
    tp = int(np.sum(flagged & (y == 1)))
    return {
        "n": len(y),
        "positives": int(y.sum()),
        "flagged": int(flagged.sum()),
        "roc_auc": roc_auc(y, p),
        "pr_auc": float(average_precision_score(y, p)) if both else None,
        "precision": precision if flagged.any() else None,
        "recall": recall if y.any() else None,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "confusion_matrix": [[tn, fp], [fn, tp]],
        "ci95": bootstrap(y, p, flagged),
    }


def grouped_metrics(
    y: NDArray[Any],
    p: NDArray[Any],
    flagged: NDArray[Any],
    dimensions: Mapping[str, Sequence[str]],
) -> dict[str, Any]:
    """Overall, per value of each dimension (kind, language, difficulty, ...) and per
    combination of all of them (``by_cell``, e.g. job/en/hard)."""
    y, p, flagged = np.asarray(y), np.asarray(p), np.asarray(flagged)
    report: dict[str, Any] = {"overall": binary_metrics(y, p, flagged)}
    columns = {name: np.asarray(values).astype(str) for name, values in dimensions.items()}
    for name, keys in columns.items():
        report[f"by_{name}"] = _per_key(y, p, flagged, keys)
    if len(columns) > 1:
        cells = np.array(["/".join(parts) for parts in zip(*columns.values(), strict=True)])
        report["by_cell"] = _per_key(y, p, flagged, cells)
    return report


def _per_key(
    y: NDArray[Any], p: NDArray[Any], flagged: NDArray[Any], keys: NDArray[Any]
) -> dict[str, Any]:
    return {
        str(k): binary_metrics(y[keys == k], p[keys == k], flagged[keys == k])
        for k in sorted(set(keys.tolist()))
    }


def choose_operating_point(
    y: NDArray[Any], p: NDArray[Any], n_risk: NDArray[Any], target_precision: float = 0.9
) -> dict[str, float]:
    """The flag threshold with the best recall whose flags keep precision ≥ target (on the
    validation half), and the medium band: the score that still reaches 95 % of risky adverts,
    at most half the flag threshold."""
    y, p = np.asarray(y, dtype=int), np.asarray(p, dtype=float)
    best_recall, threshold = -1.0, 0.5
    for candidate in np.unique(np.round(p, 4))[::-1]:
        flagged = flag_decisions(p, n_risk, float(candidate))
        if flagged.sum() < 5:
            continue
        precision, recall = _precision_recall(y, flagged)
        if precision >= target_precision and recall > best_recall:
            best_recall, threshold = recall, float(candidate)
    positives = np.sort(p[y == 1])
    caught = float(positives[int(0.05 * len(positives))]) if len(positives) else threshold
    medium = min(max(0.05, min(caught, threshold / 2)), threshold)
    return {"medium": round(medium, 4), "high": round(threshold, 4), "strong": STRONG_PROBABILITY}

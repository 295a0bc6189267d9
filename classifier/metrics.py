"""Evaluation metrics: ROC-AUC, PR-AUC, precision/recall/F1 at the flag threshold, per cell."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sklearn.metrics import (
    average_precision_score,
    confusion_matrix,
    precision_recall_fscore_support,
    roc_auc_score,
)


def binary_metrics(
    y: NDArray[Any], p: NDArray[Any], threshold: float, flagged: NDArray[Any] | None = None
) -> dict[str, Any]:
    """Metrics of one group; AUCs are None when the group holds only one class.

    Precision/recall use `flagged` when given (the real decision), else p >= threshold."""
    y = np.asarray(y, dtype=int)
    predicted = (np.asarray(p) >= threshold) if flagged is None else np.asarray(flagged)
    predicted = predicted.astype(int)
    both = len(set(y.tolist())) == 2
    precision, recall, f1, _ = precision_recall_fscore_support(
        y, predicted, average="binary", zero_division=0
    )
    return {
        "n": len(y),
        "positives": int(y.sum()),
        "roc_auc": float(roc_auc_score(y, p)) if both else None,
        "pr_auc": float(average_precision_score(y, p)) if both else None,
        "precision": float(precision),
        "recall": float(recall),
        "f1": float(f1),
        "confusion_matrix": confusion_matrix(y, predicted, labels=[0, 1]).tolist(),
    }


def grouped_metrics(
    y: NDArray[Any],
    p: NDArray[Any],
    kinds: Sequence[str],
    languages: Sequence[str | None],
    threshold: float,
    flagged: NDArray[Any] | None = None,
) -> dict[str, Any]:
    """Overall, per kind, per language and per kind × language."""
    y, p = np.asarray(y), np.asarray(p)
    decided = (p >= threshold) if flagged is None else np.asarray(flagged)
    kinds_arr = np.asarray(kinds).astype(str)
    langs_arr = np.asarray([lang or "unknown" for lang in languages]).astype(str)
    cells = np.char.add(np.char.add(kinds_arr, "/"), langs_arr)
    report: dict[str, Any] = {
        "overall": binary_metrics(y, p, threshold, decided),
        "threshold": threshold,
    }
    for name, keys in (
        ("by_kind", kinds_arr),
        ("by_language", langs_arr),
        ("by_kind_language", cells),
    ):
        report[name] = {
            str(k): binary_metrics(y[keys == k], p[keys == k], threshold, decided[keys == k])
            for k in sorted(set(keys.tolist()))
        }
    return report


STRONG_CANDIDATES = (0.7, 0.8, 0.85, 0.9, 0.95, 1.01)


def flag_decisions(
    p: NDArray[Any], n_risk: NDArray[Any], high: float, strong: float, min_indicators: int = 2
) -> NDArray[np.bool_]:
    """The flag rule: probability ≥ high with at least `min_indicators` distinct risk
    indicators, or probability ≥ strong (the model alone is very sure)."""
    p, n_risk = np.asarray(p), np.asarray(n_risk)
    decided: NDArray[np.bool_] = (p >= high) & ((n_risk >= min_indicators) | (p >= strong))
    return decided


def _f1(y: NDArray[Any], flagged: NDArray[Any]) -> tuple[float, float, float]:
    tp = float(np.sum(flagged & (y == 1)))
    precision = tp / max(float(flagged.sum()), 1.0)
    recall = tp / max(float(np.sum(y == 1)), 1.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def choose_thresholds(
    y: NDArray[Any],
    p: NDArray[Any],
    n_risk: NDArray[Any],
    target_precision: float = 0.9,
    medium_recall: float = 0.97,
) -> dict[str, float]:
    """Thresholds chosen on out-of-fold predictions for the whole flag rule: the (high, strong)
    pair with the best F1 among those keeping precision ≥ target; medium = the probability
    that still catches `medium_recall` of positives, capped at half of high (the analyst's
    second look)."""
    y, p = np.asarray(y), np.asarray(p)
    best = (-1.0, 0.5, 1.01)
    for strong in STRONG_CANDIDATES:
        for high in np.unique(np.round(p, 4)):
            if high > strong:
                break
            precision, _, f1 = _f1(y, flag_decisions(p, n_risk, float(high), strong))
            if precision >= target_precision and f1 > best[0]:
                best = (f1, float(high), strong)
    _, high, strong = best
    positives = np.sort(p[y == 1])
    cut = int(np.floor((1 - medium_recall) * len(positives)))
    caught = float(positives[cut]) if len(positives) else high
    # At most half the flag threshold, so "medium" stays a real band even on separable data.
    medium = min(caught, high / 2)
    return {"medium": round(medium, 4), "high": round(high, 4), "strong": strong}

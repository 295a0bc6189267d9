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


def choose_thresholds(
    y: NDArray[Any], p: NDArray[Any], target_precision: float = 0.9, medium_recall: float = 0.97
) -> dict[str, float]:
    """High band = lowest threshold keeping precision ≥ target (most recall at that precision);
    medium band = the threshold that still catches `medium_recall` of positives."""
    order = np.argsort(-p)
    y_sorted, p_sorted = np.asarray(y)[order], np.asarray(p)[order]
    true_pos = np.cumsum(y_sorted)
    precision = true_pos / np.arange(1, len(y_sorted) + 1)
    recall = true_pos / max(int(y_sorted.sum()), 1)
    meets = np.nonzero(precision >= target_precision)[0]
    high = float(p_sorted[meets.max()]) if len(meets) else 0.5
    caught = np.nonzero(recall >= medium_recall)[0]
    medium = float(p_sorted[caught.min()]) if len(caught) else high / 2
    return {"high": round(high, 6), "medium": round(min(medium, high), 6)}

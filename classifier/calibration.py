"""Calibration: map the model's raw logit to a probability that means what it says.

A model trained on synthetic adverts is over-confident on anything else, so the mapping is
fitted on the independently written ``validation`` half (``labelled_samples/independent``),
never on the data the model learned from.  Platt scaling (a logistic curve) and isotonic
regression (a monotone step curve, interpolated) are both offered; both are monotone, so
calibration never reorders adverts and never undoes the model's monotonicity in evidence.

A calibrator is stored as two plain arrays in the model artifact (no pickle).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

Method = Literal["platt", "isotonic"]
METHODS: tuple[Method, ...] = ("platt", "isotonic")


@dataclass(frozen=True)
class Calibrator:
    """``platt``: knots = [slope, intercept]; ``isotonic``: knots are x, values are p."""

    method: Method
    knots: NDArray[np.float64]
    values: NDArray[np.float64]

    def apply(self, logits: NDArray[Any]) -> NDArray[np.float64]:
        z = np.asarray(logits, dtype=np.float64)
        if self.method == "platt":
            slope, intercept = self.knots
            return _sigmoid(slope * z + intercept)
        return np.interp(z, self.knots, self.values)

    def arrays(self) -> dict[str, NDArray[Any]]:
        return {"calibration_knots": self.knots, "calibration_values": self.values}

    @classmethod
    def from_arrays(cls, method: str, arrays: dict[str, NDArray[Any]]) -> Calibrator:
        if method not in METHODS:
            raise ValueError(f"unknown calibration method {method!r}")
        knots = np.asarray(arrays["calibration_knots"], dtype=np.float64)
        values = np.asarray(arrays["calibration_values"], dtype=np.float64)
        return cls(method, knots, values)


def _sigmoid(x: NDArray[Any]) -> NDArray[np.float64]:
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(x, -40, 40))), dtype=np.float64)


def fit(method: Method, logits: NDArray[Any], y: NDArray[Any]) -> Calibrator:
    z = np.asarray(logits, dtype=np.float64)
    labels = np.asarray(y, dtype=int)
    if method == "platt":
        model = LogisticRegression(C=1e4).fit(z.reshape(-1, 1), labels)
        knots = np.array([model.coef_[0, 0], model.intercept_[0]], dtype=np.float64)
        return Calibrator("platt", knots, np.zeros(0))
    iso = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(z, labels)
    # Shrink the end points off 0 and 1: a handful of validation adverts cannot prove certainty.
    values = np.clip(iso.y_thresholds_, 0.005, 0.995).astype(np.float64)
    return Calibrator("isotonic", iso.X_thresholds_.astype(np.float64), values)


def choose(
    logits: NDArray[Any], y: NDArray[Any], seed: int = 13
) -> tuple[Method, dict[str, float]]:
    """The method with the lower cross-validated Brier score on these (validation) adverts."""
    z, labels = np.asarray(logits, dtype=np.float64), np.asarray(y, dtype=int)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=seed)
    brier: dict[str, float] = {}
    for method in METHODS:
        predicted = np.zeros(len(z))
        for fit_rows, held in folds.split(z.reshape(-1, 1), labels):
            predicted[held] = fit(method, z[fit_rows], labels[fit_rows]).apply(z[held])
        brier[method] = float(np.mean((predicted - labels) ** 2))
    best: Method = min(METHODS, key=lambda m: brier[m])
    return best, brier


def expected_calibration_error(y: NDArray[Any], p: NDArray[Any], bins: int = 10) -> float:
    """Weighted mean gap between predicted probability and observed rate, equal-width bins."""
    return float(
        sum(b["n"] * abs(b["mean_score"] - b["positive_rate"]) for b in reliability(y, p, bins))
        / max(len(np.asarray(y)), 1)
    )


def reliability(y: NDArray[Any], p: NDArray[Any], bins: int = 10) -> list[dict[str, Any]]:
    """The reliability curve: per score bin, its adverts, mean score and share of risky ones."""
    labels, scores = np.asarray(y, dtype=float), np.asarray(p, dtype=float)
    which = np.minimum((scores * bins).astype(int), bins - 1)
    curve = []
    for b in range(bins):
        members = which == b
        if not members.any():
            continue
        curve.append(
            {
                "low": b / bins,
                "high": (b + 1) / bins,
                "n": int(members.sum()),
                "mean_score": float(scores[members].mean()),
                "positive_rate": float(labels[members].mean()),
            }
        )
    return curve

"""A logistic model with sign constraints: the combiner at the top of the risk model.

scikit-learn's LogisticRegression has no bounds on coefficients, and the model must be
monotone in risk evidence (a risk indicator can only raise a score, a mitigating one only
lower it).  This is L2-regularised weighted logistic regression solved with L-BFGS-B under
per-coefficient bounds; the intercept is free and not penalised.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import minimize


def fit_constrained_logistic(
    x: NDArray[Any],
    y: NDArray[Any],
    lower: NDArray[Any],
    upper: NDArray[Any],
    sample_weight: NDArray[Any] | None = None,
    l2: float = 1.0,
) -> tuple[NDArray[np.float64], float]:
    """(coefficients, intercept) minimising weighted log-loss + l2/2·|coef|² / total weight.

    ``lower``/``upper`` hold one bound per column (``-inf``/``inf`` for none)."""
    x = np.asarray(x, dtype=np.float64)
    target = np.where(np.asarray(y) == 1, 1.0, -1.0)
    weight = np.ones(len(target)) if sample_weight is None else np.asarray(sample_weight, float)
    total = weight.sum()
    n_features = x.shape[1]

    def loss_and_grad(params: NDArray[np.float64]) -> tuple[float, NDArray[np.float64]]:
        coef, bias = params[:-1], params[-1]
        margin = target * (x @ coef + bias)
        loss = np.logaddexp(0.0, -margin)
        # d/dz log(1 + exp(-t z)) = -t * sigmoid(-t z)
        slope = -target * weight * np.exp(-np.logaddexp(0.0, margin))
        grad = np.empty(n_features + 1)
        grad[:-1] = x.T @ slope / total + l2 * coef / total
        grad[-1] = slope.sum() / total
        value = float((weight * loss).sum() / total + 0.5 * l2 * coef @ coef / total)
        return value, grad

    bounds = [
        (None if np.isneginf(lo) else float(lo), None if np.isposinf(hi) else float(hi))
        for lo, hi in zip(lower, upper, strict=True)
    ] + [(None, None)]
    start = np.zeros(n_features + 1)
    start[:-1] = np.clip(start[:-1], lower, upper)
    result = minimize(loss_and_grad, start, jac=True, method="L-BFGS-B", bounds=bounds,
                      options={"maxiter": 5000})  # fmt: skip
    return np.asarray(result.x[:-1], dtype=np.float64), float(result.x[-1])

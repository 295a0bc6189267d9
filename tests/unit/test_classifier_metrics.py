"""Evaluation metrics, calibration, the constrained combiner and the evaluation reports."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from sklearn.metrics import roc_auc_score

from classifier import calibration as calib
from classifier.combiner import fit_constrained_logistic
from classifier.evaluate import evaluate_labelled, evaluate_ordinary, evaluate_perturbations
from classifier.metrics import (
    binary_metrics,
    choose_operating_point,
    flag_decisions,
    grouped_metrics,
    roc_auc,
)
from classifier.model import RiskModel
from classifier.perturb import PERTURBATIONS
from classifier.samples import Sample, load_ordinary
from classifier.train import train
from classifier.train_config import TrainConfig
from tests.classifier_support import small_samples

RNG = np.random.default_rng(5)


def test_roc_auc_matches_scikit_learn_with_ties() -> None:
    y = RNG.integers(0, 2, 300)
    p = np.round(RNG.random(300) * 0.5 + y * 0.3, 1)  # many ties
    assert roc_auc(y, p) == pytest.approx(roc_auc_score(y, p))
    assert roc_auc(np.ones(5), np.ones(5)) is None


def test_binary_metrics_give_bootstrap_intervals_around_the_point() -> None:
    y = RNG.integers(0, 2, 400)
    p = np.clip(y * 0.6 + RNG.random(400) * 0.5, 0, 1)
    flagged = p > 0.6
    m = binary_metrics(y, p, flagged)
    for key in ("roc_auc", "precision", "recall"):
        low, high = m["ci95"][key]
        assert low <= m[key] <= high and high - low < 0.2
    assert sum(map(sum, m["confusion_matrix"])) == 400


def test_grouped_metrics_cover_each_dimension_and_every_cell() -> None:
    y = np.array([1, 0] * 12)
    p = np.linspace(0, 1, 24)
    dims = {"kind": ["job", "escort"] * 12, "difficulty": ["hard"] * 12 + ["easy"] * 12}
    report = grouped_metrics(y, p, p > 0.5, dims)
    assert set(report["by_kind"]) == {"job", "escort"}
    assert set(report["by_cell"]) == {"job/hard", "escort/hard", "job/easy", "escort/easy"}
    assert sum(m["n"] for m in report["by_cell"].values()) == 24


def test_operating_point_keeps_precision_on_the_data_it_was_chosen_on() -> None:
    y = RNG.integers(0, 2, 500)
    p = np.clip(y * 0.4 + RNG.random(500) * 0.6, 0, 1)
    n_risk = np.where(y == 1, 2, RNG.integers(0, 3, 500))
    point = choose_operating_point(y, p, n_risk, target_precision=0.9)
    flagged = flag_decisions(p, n_risk, point["high"])
    assert (y[flagged] == 1).mean() >= 0.9
    assert 0 < point["medium"] <= point["high"] / 2 + 1e-9


@pytest.mark.parametrize("method", calib.METHODS)
def test_calibrators_are_monotone_and_fix_overconfidence(method: calib.Method) -> None:
    z = RNG.normal(0, 4, 2000)
    y = (RNG.random(2000) < 1 / (1 + np.exp(-z / 4))).astype(int)  # the logit is 4x too sure
    raw = 1 / (1 + np.exp(-z))
    fitted = calib.fit(method, z, y)
    calibrated = fitted.apply(z)
    grid = np.linspace(-12, 12, 200)
    assert np.all(np.diff(fitted.apply(grid)) >= -1e-12)
    assert calib.expected_calibration_error(y, calibrated) < 0.04
    assert calib.expected_calibration_error(y, raw) > 0.08
    again = calib.Calibrator.from_arrays(method, fitted.arrays())
    assert np.allclose(again.apply(grid), fitted.apply(grid))


def test_reliability_bins_account_for_every_advert() -> None:
    y = RNG.integers(0, 2, 100)
    p = RNG.random(100)
    curve = calib.reliability(y, p)
    assert sum(b["n"] for b in curve) == 100
    assert all(b["low"] <= b["mean_score"] <= b["high"] for b in curve)


def test_combiner_respects_its_bounds() -> None:
    x = RNG.normal(0, 1, (400, 3))
    y = (x[:, 0] - x[:, 1] + RNG.normal(0, 0.5, 400) > 0).astype(int)
    # column 1 truly lowers risk, but is constrained to be >= 0; column 2 must stay <= 0.
    coef, _ = fit_constrained_logistic(
        x, y, np.array([0.0, 0.0, -np.inf]), np.array([np.inf, np.inf, 0.0]), l2=0.1
    )
    assert coef[0] > 0.5 and coef[1] == pytest.approx(0.0, abs=1e-6) and coef[2] <= 0.0


@pytest.fixture(scope="module")
def tiny_model() -> RiskModel:
    rows = [Sample.model_validate(s) for s in small_samples()]
    calibration = [Sample.model_validate(s) for s in small_samples(16, 9, "validation")]
    return RiskModel(train(rows, "t", TrainConfig(use_transformer=False, folds=3), calibration))


def test_labelled_report_has_every_section(tiny_model: RiskModel) -> None:
    rows = [Sample.model_validate(s) for s in small_samples(8, 21, "test")]
    report = evaluate_labelled(rows, tiny_model)
    assert {"overall", "by_kind", "by_language", "by_difficulty", "by_cell"} <= set(report)
    assert 0 <= report["calibration"]["ece"] <= 1 and report["calibration"]["reliability"]
    assert report["operating_point"]["high"] == tiny_model.thresholds["high"]
    assert set(report["worst_errors"]) == {"missed_risky", "flagged_ordinary"}


def test_ordinary_report_counts_flags_per_thousand(tiny_model: RiskModel, tmp_path: Path) -> None:
    path = tmp_path / "real.jsonl"
    path.write_text(
        "".join(
            f'{{"id": "r{i}", "kind": "job", "language": "en", "title": "Engineer", '
            f'"text": "We build software. Salary $90,000 - $120,000.", "split": "test"}}\n'
            for i in range(20)
        ),
        encoding="utf-8",
    )
    report = evaluate_ordinary(load_ordinary(path, "test"), tiny_model)
    assert report["n"] == 20 and report["flagged"] == 0 and report["flags_per_1000"] == 0.0
    assert sum(report["score_histogram"]) == 20


def test_perturbations_change_nothing_a_reader_would_notice(tiny_model: RiskModel) -> None:
    rows = [Sample.model_validate(s) for s in small_samples(6, 4, "test")]
    # The tiny set is separable, so its chosen threshold sits at the very top; use a middle one.
    model = RiskModel(tiny_model.art)
    model.thresholds = {"medium": 0.3, "high": 0.6, "strong": 0.97}
    report = evaluate_perturbations(rows, model)
    assert set(PERTURBATIONS) <= set(report)
    for name in PERTURBATIONS:
        assert report[name]["mean_abs_change"] <= 0.05, name
        assert report[name]["flags_lost_on_risky"] == [], name

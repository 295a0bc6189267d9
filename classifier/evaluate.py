"""`adwatch evaluate`: metrics of a model on labelled samples it was not trained on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from rich.console import Console
from rich.table import Table

from adwatch.settings import get_settings
from classifier.metrics import grouped_metrics
from classifier.model import RiskModel, load_model
from classifier.samples import Sample, SampleError, load_samples
from classifier.scoring import ScoreInput, score_batch


def evaluate_samples(samples: list[Sample], model: RiskModel) -> dict[str, Any]:
    """Metrics of `model` on `samples`; report["_curves"] holds (y, p) for plotting."""
    inputs = [ScoreInput(s.id, s.kind, s.title, s.text, s.language) for s in samples]
    outputs = score_batch(model, inputs)
    y = np.array([s.label for s in samples], dtype=int)
    p = np.array([o.score for o in outputs])
    flagged = np.array([o.flagged for o in outputs])
    report = grouped_metrics(
        y,
        p,
        [s.kind for s in samples],
        [s.language for s in samples],
        model.thresholds["high"],
        flagged,
    )
    report["model_version"] = model.version
    report["_curves"] = (y, p)
    return report


def evaluate_file(
    path: Path, model_version: str | None, split: str | None, plots: Path | None
) -> dict[str, Any]:
    samples = load_samples([path])
    if split:
        samples = [s for s in samples if s.split == split]
    if not samples:
        raise SampleError(f"no samples to evaluate in {path}")
    report = evaluate_samples(samples, load_model(get_settings().models_dir, model_version))
    y, p = report.pop("_curves")
    if plots is not None:
        write_plots(y, p, plots, report["model_version"])
    return report


def write_plots(y: Any, p: Any, directory: Path, title: str) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from sklearn.metrics import precision_recall_curve, roc_curve

    directory.mkdir(parents=True, exist_ok=True)
    written = []
    fpr, tpr, _ = roc_curve(y, p)
    precision, recall, _ = precision_recall_curve(y, p)
    for name, xs, ys, xl, yl in (
        ("roc", fpr, tpr, "false positive rate", "true positive rate"),
        ("pr", recall, precision, "recall", "precision"),
    ):
        fig, ax = plt.subplots(figsize=(5, 4))
        ax.plot(xs, ys)
        ax.set(xlabel=xl, ylabel=yl, title=f"{name.upper()} — model {title}")
        path = directory / f"{name}.png"
        fig.savefig(path, dpi=100, bbox_inches="tight")
        plt.close(fig)
        written.append(path)
    return written


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def print_report(report: dict[str, Any], console: Console) -> None:
    table = Table(
        title=f"model {report['model_version']} (flag threshold {report['threshold']:.3f})"
    )
    for column in ("group", "n", "pos", "ROC-AUC", "PR-AUC", "precision", "recall", "F1"):
        table.add_column(column)
    rows = [("overall", report["overall"])]
    for section in ("by_kind", "by_language", "by_kind_language"):
        rows += list(report[section].items())
    for name, m in rows:
        table.add_row(
            name,
            str(m["n"]),
            str(m["positives"]),
            _fmt(m["roc_auc"]),
            _fmt(m["pr_auc"]),
            _fmt(m["precision"]),
            _fmt(m["recall"]),
            _fmt(m["f1"]),
        )
    console.print(table)
    console.print(f"confusion matrix [[TN, FP], [FN, TP]]: {report['overall']['confusion_matrix']}")

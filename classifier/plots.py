"""ROC, precision-recall and reliability curves as PNG files (matplotlib, no display)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from numpy.typing import NDArray

from classifier.calibration import reliability


def write_plots(y: NDArray[Any], p: NDArray[Any], directory: Path, version: str) -> list[Path]:
    """The three curves of labels ``y`` against calibrated scores ``p`` of model ``version``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from sklearn.metrics import precision_recall_curve, roc_curve

    directory.mkdir(parents=True, exist_ok=True)
    fpr, tpr, _ = roc_curve(y, p)
    precision, recall, _ = precision_recall_curve(y, p)
    curve = reliability(y, p)
    means = [b["mean_score"] for b in curve]
    rates = [b["positive_rate"] for b in curve]
    written = []
    for name, xs, ys, xl, yl in (
        ("roc", fpr, tpr, "false positive rate", "true positive rate"),
        ("pr", recall, precision, "recall", "precision"),
        ("reliability", means, rates, "mean calibrated score", "share of risky adverts"),
    ):
        fig, ax = plt.subplots(figsize=(5, 4))
        ax.plot(xs, ys, marker="o" if name == "reliability" else None)
        if name == "reliability":
            ax.plot([0, 1], [0, 1], linestyle=":", color="grey")
        ax.set(xlabel=xl, ylabel=yl, title=f"{name} — model {version}")
        path = directory / f"{name}.png"
        fig.savefig(path, dpi=100, bbox_inches="tight")
        plt.close(fig)
        written.append(path)
    return written

"""`adwatch evaluate`: how a model does on adverts it was not trained on.

Three reports, each a plain dict (JSON-ready):

* :func:`evaluate_labelled` — labelled adverts (the independent ``test`` half, the
  generator's held-out split): figures per kind, language, difficulty and every cell of
  them with bootstrap 95 % intervals, a reliability curve and ECE, the operating point and
  the ids of the worst errors;
* :func:`evaluate_ordinary` — real ordinary adverts, presumed harmless: flags per 1,000
  (every flag is a false alarm an analyst must read), the score distribution and how often
  each indicator fires;
* :func:`evaluate_perturbations` — the same adverts ALL CAPS, with look-alike letters, with
  emoji and padded with boilerplate: how far scores move and which flags are lost.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from classifier.calibration import expected_calibration_error, reliability
from classifier.metrics import grouped_metrics
from classifier.model import RiskModel
from classifier.modelcard import flag_rule_text
from classifier.modelcard_render import labelled_table, ordinary_table, perturbation_table
from classifier.perturb import PERTURBATIONS
from classifier.plots import write_plots
from classifier.samples import Sample, SampleError, load_ordinary, load_samples
from classifier.scoring import ScoreInput, ScoreOutput, score_stream

WORST_ERRORS = 10


def score_samples(model: RiskModel, samples: Sequence[Sample]) -> list[ScoreOutput]:
    inputs = (ScoreInput(s.id, s.kind, s.title, s.text, s.language) for s in samples)
    return list(score_stream(model, inputs))


def _risk_ids(output: ScoreOutput) -> list[str]:
    return sorted({h["indicator_id"] for h in output.indicators if h["polarity"] == "risk"})


def _error(sample: Sample, output: ScoreOutput) -> dict[str, Any]:
    return {"id": sample.id, "score": output.score, "flagged": output.flagged,
            "kind": sample.kind, "language": sample.language, "hard": sample.hard,
            "risk_indicators": _risk_ids(output)}  # fmt: skip


def evaluate_labelled(samples: Sequence[Sample], model: RiskModel) -> dict[str, Any]:
    return labelled_report(samples, score_samples(model, samples), model)


def labelled_report(
    samples: Sequence[Sample], outputs: Sequence[ScoreOutput], model: RiskModel
) -> dict[str, Any]:
    """The labelled report of adverts already scored (``outputs`` in the order of ``samples``)."""
    y = np.array([s.label for s in samples], dtype=int)
    p = np.array([o.score for o in outputs])
    flagged = np.array([o.flagged for o in outputs])
    dimensions: dict[str, list[str]] = {
        "kind": [s.kind for s in samples],
        "language": [s.language or "?" for s in samples],
        "difficulty": ["hard" if s.hard else "easy" for s in samples],
    }
    report: dict[str, Any] = {"type": "labelled", "model_version": model.version}
    report |= grouped_metrics(y, p, flagged, dimensions)
    report["calibration"] = {
        "ece": expected_calibration_error(y, p),
        "reliability": reliability(y, p),
    }
    report["operating_point"] = dict(model.thresholds) | {"rule": flag_rule_text(model.thresholds)}
    positives = sorted((o.score, i) for i, o in enumerate(outputs) if y[i] == 1 and not o.flagged)
    negatives = sorted(((-o.score, i) for i, o in enumerate(outputs) if y[i] == 0 and o.flagged))
    report["worst_errors"] = {
        "missed_risky": [_error(samples[i], outputs[i]) for _, i in positives[:WORST_ERRORS]],
        "flagged_ordinary": [_error(samples[i], outputs[i]) for _, i in negatives[:WORST_ERRORS]],
    }
    return report


def evaluate_ordinary(samples: Sequence[Sample], model: RiskModel) -> dict[str, Any]:
    """Presumed-harmless adverts: every flag is a false alarm."""
    outputs = score_samples(model, samples)
    p = np.array([o.score for o in outputs])
    flagged = np.array([o.flagged for o in outputs])
    fired: Counter[str] = Counter()
    for o in outputs:
        fired.update({h["indicator_id"] for h in o.indicators})
    n = len(outputs)
    rng = np.random.default_rng(7)
    draws = [flagged[rng.integers(0, n, n)].mean() * 1000 for _ in range(1000)] if n else [0.0]
    return {
        "type": "ordinary",
        "model_version": model.version,
        "n": n,
        "flagged": int(flagged.sum()),
        "flags_per_1000": 1000 * float(flagged.mean()) if n else 0.0,
        "flags_per_1000_ci95": [float(v) for v in np.percentile(draws, [2.5, 97.5])],
        "bands": dict(Counter(o.band for o in outputs)),
        "score_percentiles": {str(q): float(np.percentile(p, q)) for q in (50, 90, 95, 99, 100)},
        "score_histogram": np.histogram(p, bins=10, range=(0, 1))[0].tolist(),
        "indicators_per_1000": {k: 1000 * v / n for k, v in fired.most_common()},
        "flagged_ids": [s.id for s, o in zip(samples, outputs, strict=True) if o.flagged][:50],
    }


def evaluate_perturbations(
    samples: Sequence[Sample], model: RiskModel, seed: int = 11
) -> dict[str, Any]:
    """Score change under each surface perturbation; flags lost on risky adverts."""
    base = score_samples(model, samples)
    before = np.array([o.score for o in base])
    report: dict[str, Any] = {"type": "perturbations", "model_version": model.version,
                              "n": len(samples)}  # fmt: skip
    for name, perturb in PERTURBATIONS.items():
        rng = random.Random(seed)
        keep_title = name in ("emoji", "padded")  # only the body gets emoji or padding
        changed = [
            s.model_copy(
                update={
                    "title": s.title if keep_title else perturb(s.title, s.language, rng),
                    "text": perturb(s.text, s.language, rng),
                }
            )
            for s in samples
        ]
        after_outputs = score_samples(model, changed)
        after = np.array([o.score for o in after_outputs])
        lost = [s.id for s, b, a in zip(samples, base, after_outputs, strict=True)
                if s.label == 1 and b.flagged and not a.flagged]  # fmt: skip
        gained = [s.id for s, b, a in zip(samples, base, after_outputs, strict=True)
                  if s.label == 0 and a.flagged and not b.flagged]  # fmt: skip
        report[name] = {
            "mean_abs_change": float(np.mean(np.abs(after - before))),
            "mean_change": float(np.mean(after - before)),
            "max_abs_change": float(np.max(np.abs(after - before))),
            "flags_lost_on_risky": lost,
            "flags_gained_on_ordinary": gained,
        }
    return report


def evaluate_files(
    paths: Sequence[Path],
    model: RiskModel,
    split: str | None,
    *,
    ordinary: bool = False,
    perturb: bool = False,
    plots: Path | None = None,
) -> dict[str, tuple[dict[str, Any], str]]:
    """Reports on adverts read from files, each with its Markdown rendering, by title."""
    samples = (
        [s for p in paths for s in load_ordinary(p, split)]
        if ordinary
        else [s for s in load_samples(paths) if split is None or s.split == split]
    )
    if not samples:
        raise SampleError(f"no adverts to evaluate in {', '.join(map(str, paths))}")
    reports: dict[str, tuple[dict[str, Any], str]] = {}
    if ordinary:
        report = evaluate_ordinary(samples, model)
        reports["Ordinary adverts"] = (report, "\n".join(ordinary_table(report)))
    else:
        outputs = score_samples(model, samples)
        report = labelled_report(samples, outputs, model)
        reports["Labelled adverts"] = (report, "\n".join(labelled_table(report)))
        if plots is not None:
            labels = np.array([s.label for s in samples], dtype=int)
            write_plots(labels, np.array([o.score for o in outputs]), plots, model.version)
    if perturb:
        report = evaluate_perturbations(samples, model)
        reports["Perturbations"] = (report, "\n".join(perturbation_table(report)))
    return reports

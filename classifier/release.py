"""Train a model and evaluate it on everything it was not trained on, for its model card.

The data a release sees, by role:

* training: the generator's ``split=train`` adverts, the hand-written supplement
  (``labelled_samples/written/``) and, when a path is given, the ``train`` half of the real
  ordinary adverts as negatives (their text stays outside the repository);
* calibration and operating point: the grouped out-of-fold predictions on the hand-written
  supplement (each author held out; no indicator pattern was tuned on it), or a labelled
  calibration file when one is given;
* model card only: the independent ``test`` half, its perturbations, the independent
  ``validation`` half (the matcher was tuned on it: optimistic), the generator's random
  held-out split and the ``test`` half of the real ordinary adverts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from classifier.artifact import ModelArtifact
from classifier.evaluate import evaluate_labelled, evaluate_ordinary, evaluate_perturbations
from classifier.model import RiskModel
from classifier.modelcard import flag_rule_text
from classifier.samples import Sample, load_ordinary, load_samples
from classifier.train import train
from classifier.train_config import TrainConfig

INDEPENDENT_TEST = "Independent test half (written by authors who never saw the generator)"
INDEPENDENT_VALIDATION = "Independent validation half (the patterns were tuned on it: optimistic)"
PERTURBED = "Perturbations of the independent test half"
REAL_TEST = "Real ordinary adverts, test half (every flag is a false alarm)"
RANDOM_SPLIT = "Generator's random held-out split (shares templates with training: optimistic)"


@dataclass(frozen=True)
class ReleasePlan:
    sample_files: list[Path]
    calibration_file: Path | None = None
    validation_file: Path | None = None
    evaluation_file: Path | None = None
    real_adverts: Path | None = None
    config: TrainConfig = field(default_factory=TrainConfig)


def _split(path: Path | None, split: str) -> list[Sample]:
    if path is None or not path.is_file():
        return []
    return [s for s in load_samples([path]) if s.split == split]


def build(plan: ReleasePlan, version: str) -> ModelArtifact:
    """A trained model whose meta holds every evaluation named in the module docstring."""
    samples = load_samples(plan.sample_files)
    real_train = load_ordinary(plan.real_adverts, "train") if plan.real_adverts else []
    calibration = load_samples([plan.calibration_file]) if plan.calibration_file else []
    art = train(samples + real_train, version, plan.config, calibration or None)
    art.meta["flag_rule"] = flag_rule_text(art.meta["thresholds"])
    model = RiskModel(art)
    evaluations: dict[str, Any] = {}
    independent = _split(plan.evaluation_file, "test")
    if independent:
        evaluations[INDEPENDENT_TEST] = evaluate_labelled(independent, model)
        evaluations[PERTURBED] = evaluate_perturbations(independent, model)
    validation = _split(plan.validation_file, "validation")
    if validation:
        evaluations[INDEPENDENT_VALIDATION] = evaluate_labelled(validation, model)
    if plan.real_adverts:
        evaluations[REAL_TEST] = evaluate_ordinary(load_ordinary(plan.real_adverts, "test"), model)
    held_out = [s for s in samples if s.split == "test"]
    if held_out:
        evaluations[RANDOM_SPLIT] = evaluate_labelled(held_out, model)
    art.meta["evaluations"] = evaluations
    art.meta["notes"] = _notes(plan, bool(real_train))
    return art


def _notes(plan: ReleasePlan, used_real: bool) -> list[str]:
    notes = [
        "How to read the figures: only the independent test half and the real ordinary adverts",
        "are measurements on text nothing was tuned on. The indicator patterns were written",
        "against the validation half; calibration and the operating point come from grouped",
        "out-of-fold predictions on the hand-written training supplement (each author held",
        "out), which no pattern was tuned on; the generator's figures share its templates.",
        "",
        "Limitations: the labelled adverts are synthetic or written for adwatch (no real",
        "trafficking adverts with known outcomes are public). The independent and supplement",
        "authors are instances of one language model, briefed only with the indicator taxonomy",
        "and its published sources, so they are less independent than people would be. The",
        "real adverts are English remote-technology jobs only. Validate on labelled adverts",
        "from your own sources before relying on the bands.",
    ]
    if used_real:
        notes += [
            "",
            f"Real ordinary adverts: the `train` half of `{plan.real_adverts}` joined training as",
            "negatives; its `test` half was only evaluated. Their text is not in this repository.",
        ]
    return notes

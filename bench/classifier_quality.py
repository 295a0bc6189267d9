"""Classifier quality of the shipped (active) model on everything it was not trained on.

Prints, as the model card does: the independent test half (grouped per kind, language,
difficulty and every cell, with bootstrap 95 % intervals, reliability curve and ECE, the
operating point and the worst errors), the same adverts perturbed (ALL CAPS, homoglyphs,
emoji, padding), the real ordinary adverts (flags per 1,000, score spread, indicators that
fire), the validation half (tuned on: optimistic), and the generator's own samples split
two ways: the old random split, and grouped by template family (``--grouped``, retrains).

    python -m bench.classifier_quality [--real ../shared/real_adverts/remote_jobs_en.jsonl]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from classifier.evaluate import evaluate_labelled, evaluate_ordinary, evaluate_perturbations
from classifier.model import load_model
from classifier.modelcard_render import labelled_table, ordinary_table, perturbation_table
from classifier.samples import load_ordinary, load_samples
from classifier.train import train
from classifier.train_config import TrainConfig
from config.settings import get_settings

DEFAULT_REAL = Path(__file__).resolve().parents[2] / "shared/real_adverts/remote_jobs_en.jsonl"


def _section(title: str, lines: list[str]) -> None:
    print(f"\n## {title}\n")
    print("\n".join(lines))


def _headline(name: str, report: dict[str, object]) -> str:
    overall = report["overall"]
    assert isinstance(overall, dict)
    calibration = report["calibration"]
    assert isinstance(calibration, dict)
    return (
        f"{name}: ROC-AUC {overall['roc_auc']:.3f}, precision {overall['precision'] or 0:.3f}, "
        f"recall {overall['recall'] or 0:.3f}, ECE {calibration['ece']:.3f} (n={overall['n']})"
    )


def grouped_generator_split(samples_file: Path) -> dict[str, object]:
    """Retrain on the generator's samples alone with folds that hold whole template families
    out; the out-of-fold figures are the grouped split."""
    generator = load_samples([samples_file])
    art = train(generator, "grouped-split", TrainConfig(use_transformer=False))
    report: dict[str, object] = art.meta["cross_validation"]
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--real", type=Path, default=DEFAULT_REAL, help="real ordinary adverts")
    parser.add_argument("--grouped", action="store_true", help="also retrain for the grouped split")
    args = parser.parse_args()
    settings = get_settings()
    model = load_model(settings.models_dir)
    folder = settings.labelled_samples_dir
    print(f"model {model.version}; operating point {model.thresholds}")
    independent = {
        split: [
            s for s in load_samples([folder / f"independent/{split}.jsonl"]) if s.split == split
        ]
        for split in ("validation", "test")
    }
    test = evaluate_labelled(independent["test"], model)
    _section("Independent test half", labelled_table(test))
    _section("Perturbations (independent test half)",
             perturbation_table(evaluate_perturbations(independent["test"], model)))  # fmt: skip
    validation = evaluate_labelled(independent["validation"], model)
    if args.real.is_file():
        for half in ("test", "train"):
            report = evaluate_ordinary(load_ordinary(args.real, half), model)
            _section(f"Real ordinary adverts, {half} half", ordinary_table(report))
    else:
        print(f"\n(no real adverts at {args.real}: skipped)")
    generator = [s for s in load_samples([folder / "samples.jsonl"]) if s.split == "test"]
    random_split = evaluate_labelled(generator, model)
    _section("Generator samples, random held-out split (old)", labelled_table(random_split))
    print("\n## Headlines\n")
    print(_headline("independent test", test))
    print(_headline("independent validation (tuned on)", validation))
    print(_headline("generator random split", random_split))
    if args.grouped:
        started = time.perf_counter()
        grouped = grouped_generator_split(folder / "samples.jsonl")
        _section("Generator samples, grouped by template family (retrained, out of fold)",
                 labelled_table(grouped))  # fmt: skip
        overall = grouped["overall"]
        assert isinstance(overall, dict)
        print(f"\ngrouped split: ROC-AUC {overall['roc_auc']:.3f}, precision "
              f"{overall['precision'] or 0:.3f}, recall {overall['recall'] or 0:.3f} "
              f"({time.perf_counter() - started:.0f} s)")  # fmt: skip


if __name__ == "__main__":
    main()

"""`adwatch train`, `adwatch evaluate`, `adwatch score`: the classifier's command line."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console

from adwatch.settings import get_settings

if TYPE_CHECKING:
    from classifier.indicators import AgencyRegister
    from classifier.scoring import ScoreInput

console = Console(stderr=True)


def train(
    files: list[Path] = typer.Argument(None, help="Sample files (default: labelled_samples/)."),
    no_transformer: bool = typer.Option(False, help="Train the scikit-learn path only."),
    version: str | None = typer.Option(None, help="Model version (default: a timestamp)."),
    activate: bool = typer.Option(True, help="Make the new model the active one."),
) -> None:
    """Train a new model version on split=train samples, with cross-validated metrics."""
    from classifier import artifact
    from classifier.evaluate import evaluate_samples
    from classifier.model import RiskModel
    from classifier.model import activate as activate_model
    from classifier.modelcard import write_model_card
    from classifier.samples import default_sample_files, load_samples
    from classifier.train import TrainConfig
    from classifier.train import train as train_model

    settings = get_settings()
    paths = files or default_sample_files(settings.labelled_samples_dir)
    samples = load_samples(paths)
    version = version or datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    with console.status(f"training {version} on {len(samples)} samples…"):
        art = train_model(samples, version, TrainConfig(use_transformer=not no_transformer))
        held_out = [s for s in samples if s.split == "test"]
        if held_out:
            report = evaluate_samples(held_out, RiskModel(art))
            report.pop("_curves")
            art.meta["held_out"] = report
    target = artifact.save(art, settings.models_dir)
    if activate:
        activate_model(settings.models_dir, version)
    write_model_card(target, art.meta)
    cv = art.meta["cross_validation"]["overall"]
    console.print(
        f"model {version} written to {target} "
        f"(cross-validated ROC-AUC {cv['roc_auc']:.3f}, precision {cv['precision']:.3f},"
        f" recall {cv['recall']:.3f})"
    )


def evaluate(
    file: Path = typer.Argument(..., help="JSONL with labelled samples (e.g. the test split)."),
    model_version: str | None = typer.Option(None, "--model", help="Default: the active model."),
    split: str | None = typer.Option(None, help="Only samples of this split (train|test)."),
    plots: Path | None = typer.Option(None, help="Write ROC and PR curves as PNG here."),
    output: Path | None = typer.Option(None, help="Write the full report as JSON here."),
) -> None:
    """ROC-AUC, PR-AUC, precision/recall/F1 at the flag threshold, per kind and language."""
    from classifier.evaluate import evaluate_file, print_report

    report = evaluate_file(file, model_version, split, plots)
    print_report(report, console)
    if output:
        output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


def _load_register(path: Path) -> AgencyRegister:
    from classifier.indicators import load_register_csv

    try:
        return load_register_csv(path)
    except (OSError, ValueError) as exc:
        raise typer.BadParameter(str(exc)) from exc


def _read_inputs(path: Path) -> Iterator[ScoreInput]:
    from classifier.samples import read_jsonl
    from classifier.scoring import ScoreInput

    for number, obj in read_jsonl(path):
        missing = [k for k in ("id", "kind", "title", "text") if k not in obj]
        if missing:
            raise typer.BadParameter(f"{path}:{number}: missing {', '.join(missing)}")
        yield ScoreInput(
            str(obj["id"]),
            str(obj["kind"]),
            str(obj["title"]),
            str(obj["text"]),
            obj.get("language"),
        )


def score(
    input: Path | None = typer.Option(None, "--input", help="JSONL: id, kind, title, text."),
    output: Path | None = typer.Option(None, "--output", help="JSONL out (default: stdout)."),
    pending: bool = typer.Option(False, "--pending", help="Score stored adverts awaiting one."),
    register: Path | None = typer.Option(
        None, help="Licensed-agency CSV to check licences against (with --input)."
    ),
) -> None:
    """Score adverts from a file (the scoring contract) or those stored and pending."""
    from classifier.model import load_model
    from classifier.scoring import score_stream

    model = load_model(get_settings().models_dir)
    if pending:
        _score_pending(model)
        return
    if input is None:
        raise typer.BadParameter("give --input FILE or --pending")
    sink = output.open("w", encoding="utf-8") if output else sys.stdout
    count = 0
    try:
        agency_register = _load_register(register) if register else None
        for result in score_stream(model, _read_inputs(input), register=agency_register):
            sink.write(json.dumps(result.as_json(), ensure_ascii=False) + "\n")
            count += 1
    finally:
        if output:
            sink.close()
    console.print(f"scored {count} adverts with model {model.version}")


def _score_pending(model: object) -> None:
    from classifier.model import RiskModel
    from classifier.pending import register_model, score_pending
    from store.bootstrap import open_ready

    assert isinstance(model, RiskModel)
    with open_ready() as conn:
        register_model(conn, model, get_settings().models_dir)
        total = score_pending(conn, model, on_batch=lambda n: console.print(f"scored {n}…"))
    console.print(f"scored {total} pending adverts with model {model.version}")

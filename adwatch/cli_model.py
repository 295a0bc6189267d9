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

from config.settings import get_settings

if TYPE_CHECKING:
    # Imported on use: the scoring stack (scikit-learn, numpy) takes seconds to load.
    from classifier.indicators import AgencyRegister
    from classifier.scoring import ScoreInput

console = Console(stderr=True)


def train(
    files: list[Path] = typer.Argument(
        None, help="Training sample files (default: labelled_samples/*.jsonl and written/)."
    ),
    calibration: Path | None = typer.Option(
        None,
        help="Labelled adverts to calibrate on (default: grouped out-of-fold predictions on "
        "labelled_samples/written/).",
    ),
    evaluation: Path | None = typer.Option(
        None, help="Model-card test set, split=test (default: independent/test.jsonl)."
    ),
    real_adverts: Path | None = typer.Option(
        None, help="Real ordinary adverts (JSONL, split train/test): train half as negatives."
    ),
    transformer: bool = typer.Option(
        False,
        help="Add the MiniLM embedding layer (no measurable gain on held-out authors, "
        "about 30 times slower scoring).",
    ),
    version: str | None = typer.Option(None, help="Model version (default: a timestamp)."),
    activate: bool = typer.Option(True, help="Make the new model the active one."),
) -> None:
    """Train a new model version with grouped cross-validation, calibration and a model card."""
    # Imported on use: the scoring stack (scikit-learn, numpy) takes seconds to load.
    from classifier import artifact
    from classifier.model import activate as activate_model
    from classifier.modelcard import write_model_card
    from classifier.release import ReleasePlan, build
    from classifier.samples import default_sample_files
    from classifier.train_config import TrainConfig

    settings = get_settings()
    independent = settings.labelled_samples_dir / "independent"
    plan = ReleasePlan(
        sample_files=files or default_sample_files(settings.labelled_samples_dir),
        calibration_file=calibration,
        validation_file=independent / "validation.jsonl",
        evaluation_file=evaluation or independent / "test.jsonl",
        real_adverts=real_adverts,
        config=TrainConfig(use_transformer=transformer),
    )
    version = version or datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    with console.status(f"training {version}…"):
        art = build(plan, version)
    target = artifact.save(art, settings.models_dir)
    if activate:
        activate_model(settings.models_dir, version)
    write_model_card(target, art.meta)
    console.print(f"model {version} written to {target}; {art.meta['flag_rule']}")


def evaluate(
    files: list[Path] = typer.Argument(..., help="JSONL adverts (labelled, or --ordinary)."),
    model_version: str | None = typer.Option(None, "--model", help="Default: the active model."),
    split: str | None = typer.Option(None, help="Only adverts of this split."),
    ordinary: bool = typer.Option(
        False, help="Real ordinary adverts: report flags per 1,000 instead of accuracy."
    ),
    perturb: bool = typer.Option(False, help="Also score ALL CAPS, homoglyph, emoji, padded."),
    plots: Path | None = typer.Option(None, help="Write ROC, PR and reliability curves here."),
    output: Path | None = typer.Option(None, help="Write the full report as JSON here."),
) -> None:
    """Grouped figures with 95 % intervals, calibration, operating point and worst errors."""
    # Imported on use: the scoring stack (scikit-learn, numpy) takes seconds to load.
    from rich.markdown import Markdown

    # Imported on use: the scoring stack (scikit-learn, numpy) takes seconds to load.
    from classifier.evaluate import evaluate_files
    from classifier.model import load_model

    model = load_model(get_settings().models_dir, model_version)
    reports = evaluate_files(files, model, split, ordinary=ordinary, perturb=perturb, plots=plots)
    for title, (_, markdown) in reports.items():
        console.print(Markdown(f"## {title}\n\n{markdown}"))
    if output:
        payload = {title: report for title, (report, _) in reports.items()}
        output.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", "utf-8")


def _load_register(path: Path) -> AgencyRegister:
    # Imported on use: the scoring stack (scikit-learn, numpy) takes seconds to load.
    from classifier.indicators import load_register_csv

    try:
        return load_register_csv(path)
    except (OSError, ValueError) as exc:
        raise typer.BadParameter(str(exc)) from exc


def _read_inputs(path: Path) -> Iterator[ScoreInput]:
    # Imported on use: the scoring stack (scikit-learn, numpy) takes seconds to load.
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
    # Imported on use: the scoring stack (scikit-learn, numpy) takes seconds to load.
    from classifier.model import load_model
    from classifier.scoring import score_stream

    if pending:
        _score_pending()
        return
    if input is None:
        raise typer.BadParameter("give --input FILE or --pending")
    model = load_model(get_settings().models_dir)
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


def _score_pending() -> None:
    # Imported on use: the scoring stack (scikit-learn, numpy) takes seconds to load.
    from adwatch.pipeline import score_all_pending

    run = score_all_pending(get_settings().models_dir, lambda n: console.print(f"scored {n}…"))
    console.print(f"scored {run.scored} pending adverts with model {run.model_version}")

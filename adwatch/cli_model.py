"""`adwatch train`, `adwatch evaluate`, `adwatch score`: the classifier's command line."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import typer
from rich.console import Console

from adwatch.cli_common import input_file_option, open_for_writing
from config.settings import get_settings

if TYPE_CHECKING:
    # Imported on use: the scoring stack (scikit-learn, numpy) takes seconds to load.
    from classifier.indicators import AgencyRegister
    from classifier.scoring import ScoreInput

console = Console(stderr=True)


def train(
    files: list[Path] = typer.Argument(
        None,
        metavar="FILES",
        help="Training sample files (default: labelled_samples/*.jsonl and written/).",
        exists=True,
        dir_okay=False,
    ),
    calibration: Path | None = input_file_option(
        "Labelled adverts to calibrate on (default: grouped out-of-fold predictions on "
        "labelled_samples/written/)."
    ),
    evaluation: Path | None = input_file_option(
        "Model-card test set, split=test (default: independent/test.jsonl)."
    ),
    real_adverts: Path | None = input_file_option(
        "Real ordinary adverts (JSONL, split train/test): train half as negatives."
    ),
    transformer: bool = typer.Option(
        False,
        "--transformer/--no-transformer",
        help="Add the MiniLM embedding layer (no measurable gain on held-out authors, "
        "about 30 times slower scoring).",
    ),
    version: str | None = typer.Option(
        None, metavar="VERSION", help="Model version (default: a timestamp)."
    ),
    activate: bool = typer.Option(
        True, "--activate/--no-activate", help="Make the new model the active one."
    ),
) -> None:
    """Train a new model version.

    Grouped cross-validation, calibration and a model card that evaluates it on everything
    it was not trained on.
    """
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
    # Checked before the minutes of training, not when saving after them.
    if not artifact.valid_version(version):
        raise typer.BadParameter(
            f"{version!r} must be letters, digits, '.', '_' or '-' (at most 64)",
            param_hint="'--version'",
        )
    if (settings.models_dir / version).exists():
        raise typer.BadParameter(
            f"model {version} already exists in {settings.models_dir}", param_hint="'--version'"
        )
    with console.status(f"training {version}…"):
        art = build(plan, version)
    target = artifact.save(art, settings.models_dir)
    if activate:
        activate_model(settings.models_dir, version)
    write_model_card(target, art.meta)
    console.print(f"model {version} written to {target}; {art.meta['flag_rule']}")


def evaluate(
    files: list[Path] = typer.Argument(
        ...,
        metavar="FILES",
        help="JSONL adverts (labelled, or --ordinary).",
        exists=True,
        dir_okay=False,
    ),
    model_version: str | None = typer.Option(
        None, "--model", metavar="VERSION", help="Model to evaluate (default: the active one)."
    ),
    split: Literal["train", "validation", "test"] | None = typer.Option(
        None, help="Only adverts of this split."
    ),
    ordinary: bool = typer.Option(
        False, "--ordinary", help="Real ordinary adverts: report flags per 1,000, not accuracy."
    ),
    perturb: bool = typer.Option(
        False, "--perturb", help="Also score ALL CAPS, homoglyph, emoji and padded variants."
    ),
    plots: Path | None = typer.Option(
        None,
        metavar="DIR",
        file_okay=False,
        help="Write ROC, PR and reliability curves into this folder.",
    ),
    output: Path | None = typer.Option(
        None, metavar="FILE", dir_okay=False, help="Write the full report as JSON here."
    ),
) -> None:
    """Evaluate a model on labelled (or ordinary) adverts.

    Grouped figures with 95 % intervals, calibration, the operating point and the worst errors.
    """
    # Imported on use: the scoring stack (scikit-learn, numpy) takes seconds to load.
    from rich.markdown import Markdown

    # Imported on use: the scoring stack (scikit-learn, numpy) takes seconds to load.
    from classifier.evaluate import evaluate_files
    from classifier.model import load_model

    if plots is not None:
        try:
            plots.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise typer.BadParameter(
                f"cannot create {plots}: {exc.strerror or exc}", param_hint="'--plots'"
            ) from exc
    model = load_model(get_settings().models_dir, model_version)
    sink = open_for_writing(output, "--output") if output else None
    try:
        reports = evaluate_files(
            files, model, split, ordinary=ordinary, perturb=perturb, plots=plots
        )
        for title, (_, markdown) in reports.items():
            console.print(Markdown(f"## {title}\n\n{markdown}"))
        if sink:
            payload = {title: report for title, (report, _) in reports.items()}
            sink.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    finally:
        if sink:
            sink.close()


def _load_register(path: Path) -> AgencyRegister:
    # Imported on use: the scoring stack (scikit-learn, numpy) takes seconds to load.
    from classifier.indicators import load_register_csv

    try:
        return load_register_csv(path)
    except (OSError, ValueError) as exc:
        raise typer.BadParameter(str(exc), param_hint="'--register'") from exc


def _read_inputs(path: Path) -> Iterator[ScoreInput]:
    # Imported on use: the scoring stack (scikit-learn, numpy) takes seconds to load.
    from classifier.samples import read_jsonl
    from classifier.scoring import ScoreInput

    for number, obj in read_jsonl(path):
        missing = [k for k in ("id", "kind", "title", "text") if k not in obj]
        if missing:
            raise typer.BadParameter(
                f"{path}:{number}: missing {', '.join(missing)}", param_hint="'--input'"
            )
        yield ScoreInput(
            str(obj["id"]),
            str(obj["kind"]),
            str(obj["title"]),
            str(obj["text"]),
            obj.get("language"),
        )


def score(
    input: Path | None = input_file_option("JSONL: id, kind, title, text.", "--input"),
    output: Path | None = typer.Option(
        None, "--output", metavar="FILE", dir_okay=False, help="JSONL out (default: stdout)."
    ),
    pending: bool = typer.Option(False, "--pending", help="Score stored adverts awaiting one."),
    register: Path | None = input_file_option(
        "Licensed-agency CSV to check licences against (with --input)."
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
    agency_register = _load_register(register) if register else None
    model = load_model(get_settings().models_dir)
    sink = open_for_writing(output, "--output") if output else sys.stdout
    count = 0
    try:
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

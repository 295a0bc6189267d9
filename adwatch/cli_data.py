"""`adwatch agencies ...` (the licensed-agency register) and `adwatch export ...`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

import typer

from adwatch.cli_common import AdvertKind, cli_actor, open_for_writing
from classifier.indicators import load_register_csv
from share.depersonalise import sample
from store import agencies, audit, labels
from store.bootstrap import open_ready

agencies_app = typer.Typer(help="The register of licensed agencies.", no_args_is_help=True)
export_app = typer.Typer(help="De-personalised exports for researchers.", no_args_is_help=True)


@agencies_app.command("import")
def import_register(
    file: Path = typer.Argument(
        ...,
        metavar="FILE",
        help="CSV: name,licence_number,country,valid_until",
        exists=True,
        dir_okay=False,
    ),
    replace: bool = typer.Option(
        False, "--replace", help="Replace the whole register instead of merging."
    ),
) -> None:
    """Import licensed agencies; adverts naming an unknown or expired licence get flagged for it."""
    try:
        register = load_register_csv(file)
    except (OSError, ValueError) as exc:
        raise typer.BadParameter(str(exc), param_hint="'FILE'") from exc
    rows = [(e.name, e.licence_number, e.country, e.valid_until) for e in register.entries]
    with open_ready() as conn:
        count = agencies.import_agencies(conn, rows, replace=replace)
    typer.echo(f"imported {count} agencies from {file}")


@agencies_app.command("list")
def list_agencies() -> None:
    """Print the register."""
    with open_ready() as conn:
        for name, licence, country, valid_until in agencies.all_agencies(conn):
            typer.echo(f"{country}\t{licence}\t{valid_until}\t{name}")


@export_app.command("samples")
def export_samples(
    output: Path = typer.Option(..., metavar="FILE", dir_okay=False, help="JSONL file to write."),
    kind: AdvertKind | None = typer.Option(None, help="Only adverts of this kind."),
    split: Literal["train", "test"] | None = typer.Option(None, help="Only this split."),
    source: Literal["analyst", "upload"] | None = typer.Option(
        None, help="Only labels from analysts' decisions, or only uploaded ones."
    ),
) -> None:
    """Labelled samples from analyst decisions and uploads, contacts and names replaced."""
    count = 0
    sink = open_for_writing(output, "--output")
    with sink, open_ready() as conn:
        with conn.transaction():  # committed before the first sample is written
            audit.record(
                conn,
                actor=cli_actor(),
                action="export_samples",
                object_type="labels",
                detail={"kind": kind, "split": split, "source": source, "file": str(output)},
            )
        for row in labels.export_rows(conn, source=source, split=split, kind=kind):
            sink.write(json.dumps(sample(row), ensure_ascii=False) + "\n")
            count += 1
    typer.echo(f"exported {count} de-personalised samples to {output}")

"""The `adwatch` command line."""

from __future__ import annotations

import logging
import signal
import sys

import typer

from adwatch.cli_crawl import crawl
from adwatch.cli_data import agencies_app, export_app
from adwatch.cli_db import db_app
from adwatch.cli_demo import demo
from adwatch.cli_keys import keys_app
from adwatch.cli_model import evaluate, score, train
from adwatch.cli_run import run
from adwatch.cli_serve import serve
from adwatch.cli_worker import worker
from config.errors import AdwatchError
from config.settings import get_settings

app = typer.Typer(
    help="Watch public adverts for trafficking-recruitment indicators.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(db_app, name="db")
app.add_typer(keys_app, name="keys")
app.add_typer(agencies_app, name="agencies")
app.add_typer(export_app, name="export")
app.command("crawl")(crawl)
app.command("demo")(demo)
app.command("train")(train)
app.command("evaluate")(evaluate)
app.command("score")(score)
app.command("run")(run)
app.command("serve")(serve)
app.command("worker")(worker)


@app.callback()
def _configure(
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Debug logging."),
) -> None:
    level = logging.DEBUG if verbose else getattr(logging, get_settings().log_level.upper(), 20)
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def _exit_on_sigterm(signum: int, frame: object) -> None:
    # A plain SIGTERM would skip atexit hooks, leaving the embedded PostgreSQL running.
    sys.exit(128 + signum)


def main() -> None:
    """Entry point: user-facing failures become one line on stderr and exit code 1."""
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    try:
        app()
    except AdwatchError as exc:
        typer.echo(f"adwatch: error: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("adwatch: interrupted", err=True)
        sys.exit(130)

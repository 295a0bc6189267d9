"""The `adwatch` command line."""

from __future__ import annotations

import logging
import os
import re
import signal
import sys
from typing import NoReturn

import typer

from adwatch.cli_audit import audit_app
from adwatch.cli_crawl import crawl
from adwatch.cli_data import agencies_app, export_app
from adwatch.cli_db import db_app
from adwatch.cli_demo import demo
from adwatch.cli_feed import feed_app
from adwatch.cli_images import images_app
from adwatch.cli_keys import keys_app
from adwatch.cli_model import evaluate, score, train
from adwatch.cli_run import run
from adwatch.cli_serve import serve
from adwatch.cli_sites import sites_app
from adwatch.cli_worker import worker
from config.errors import AdwatchError
from config.settings import get_settings

app = typer.Typer(
    help="Watch public adverts for trafficking-recruitment indicators.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    # Plain click help: it wraps help text to the width it is given and never truncates an
    # option name (typer's rich tables squeezed "--no-allow-private" into "--no-allow-priva…").
    rich_markup_mode=None,
)
app.add_typer(db_app, name="db")
app.add_typer(keys_app, name="keys")
app.add_typer(audit_app, name="audit")
app.add_typer(agencies_app, name="agencies")
app.add_typer(export_app, name="export")
app.add_typer(sites_app, name="sites")
app.add_typer(images_app, name="images")
app.add_typer(feed_app, name="feed")
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


def terminal_width() -> int:
    """COLUMNS when set, else the width of the terminal on stdout, stderr or stdin, else 80.

    Unlike shutil.get_terminal_size this also finds the terminal when stdout is a pipe
    (`adwatch crawl --help | less`).
    """
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    for fd in (1, 2, 0):
        try:
            width = os.get_terminal_size(fd).columns
        except OSError:
            continue
        if width > 0:
            return width
    return 80


def _exit_on_sigterm(signum: int, frame: object) -> None:
    # A plain SIGTERM would skip atexit hooks, leaving the embedded PostgreSQL running.
    sys.exit(128 + signum)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _usage_message(exc: typer.TyperException) -> str:
    """The parser's message in lower case, with the command whose --help explains it."""
    # typer words a bad choice "Value error, 'x' is not one of …" (pydantic's prefix).
    message = _one_line(exc.format_message()).replace("Value error, ", "").rstrip(".")
    # "Invalid value for '--port': Input should…" reads as one sentence in lower case.
    message = re.sub(r"(^|: )([A-Z])(?=[a-z ])", lambda m: m[1] + m[2].lower(), message)
    command = getattr(getattr(exc, "ctx", None), "command_path", None)  # usage errors have one
    if command:
        message += f" (see '{command} --help')"
    return message


def _fail(message: str, code: int) -> NoReturn:
    typer.echo(f"adwatch: error: {_one_line(message)}", err=True)
    sys.exit(code)


def main() -> None:
    """Entry point: every user mistake is one line on stderr, `adwatch: error: …`.

    Exit status 2 for a wrong command, option or argument (click's usage errors), 1 for any
    other failure the user can act on (an AdwatchError: settings, files, the database, a
    profile), 130 when interrupted.
    """
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    width = max(terminal_width() - 2, 50)  # as click does, minus its margin
    try:
        code = app(standalone_mode=False, terminal_width=width)
    except typer.TyperException as exc:  # click's errors: usage (exit 2), files (exit 1)
        if type(exc).__name__ == "NoArgsIsHelpError":  # bare `adwatch` or `adwatch keys`
            typer.echo(exc.format_message())  # the help, which is what was asked for
            sys.exit(exc.exit_code)
        _fail(_usage_message(exc), exc.exit_code)
    except typer.Abort:
        _fail("aborted", 1)
    except AdwatchError as exc:
        _fail(str(exc), 1)
    except KeyboardInterrupt:
        code = 130
    if code == 130:  # typer turns Ctrl-C into exit status 130
        typer.echo("adwatch: interrupted", err=True)
    sys.exit(code if isinstance(code, int) else 0)

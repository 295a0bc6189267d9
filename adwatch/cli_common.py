"""What several commands share: the advert kinds as an option type, opening outputs, and who
ran the command (for the audit log)."""

from __future__ import annotations

import getpass
import os
from pathlib import Path
from typing import Any, Literal, TextIO

import typer

# An option of this type accepts only these values and its help lists them. They are the
# site profile model's kinds (a unit test keeps the two equal).
AdvertKind = Literal["job", "bridal", "escort"]


def open_for_writing(path: Path, option: str) -> TextIO:
    """Open ``path`` to write text, or fail with one line naming the option and the file.

    Commands open their outputs before the slow work, so a mistyped folder fails at once.
    """
    try:
        return path.open("w", encoding="utf-8")
    except OSError as exc:
        raise typer.BadParameter(
            f"cannot write {path}: {exc.strerror or exc}", param_hint=f"'{option}'"
        ) from exc


def input_file_option(help: str, *names: str) -> Any:
    """An optional option naming a file that must exist (checked as the options are read)."""
    return typer.Option(None, *names, metavar="FILE", help=help, exists=True, dir_okay=False)


def cli_actor() -> str:
    """Who ran the command, for the audit log: "cli:" and the operating-system user."""
    try:
        return f"cli:{getpass.getuser()}"
    except (OSError, KeyError):  # no name for this uid (e.g. a container's arbitrary user)
        return f"cli:uid-{os.getuid()}"

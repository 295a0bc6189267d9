"""The README against the real command line and settings.

Its Commands table names every command of `adwatch` (and nothing else), with options that
exist and required ones shown; its Configuration table names every setting as its
environment variable, with its real default. Every other `adwatch …` invocation and
`ADWATCH_…` variable the README mentions must exist too.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main
from pydantic import AliasChoices, SecretStr

from adwatch.cli import app
from config.settings import REPO_ROOT, Settings, _default_data_dir, environment_variable

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
ROOT_COMMAND: Any = typer.main.get_command(app)
# Read by the test suite (tests/pg.py), not by adwatch itself.
TEST_ONLY_VARIABLES = {"ADWATCH_TEST_DATABASE_URL"}


def _section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", README, re.M | re.S)
    assert match, f"README has no '## {title}' section"
    return match.group(1)


def _table(section: str) -> list[list[str]]:
    """Body rows of the first table in ``section``, cells split on unescaped pipes."""
    lines = [line for line in section.splitlines() if line.startswith("|")]
    rows = [
        [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", line)[1:-1]]
        for line in lines
    ]
    assert len(rows) > 2, "no table"
    return rows[2:]  # after the header and the --- row


def _spans(text: str) -> list[str]:
    return [" ".join(span.split()) for span in re.findall(r"`([^`]+)`", text)]


# --- commands ---------------------------------------------------------------------------


def _leaves(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    subcommands = getattr(command, "commands", None)
    if subcommands is None:
        yield path
        return
    for name, sub in subcommands.items():
        yield from _leaves(sub, (*path, name))


def _choices(param: Any) -> tuple[str, ...] | None:
    descriptor = getattr(param, "type_descriptor", None)
    choices = getattr(descriptor, "choices", None)
    return tuple(str(c) for c in choices) if choices else None


def _find_option(command: Any, name: str) -> Any:
    for param in command.params:
        if name in (*param.opts, *param.secondary_opts) and param.param_type_name == "option":
            return param
    return None


def check_invocation(words: list[str], *, complete: bool) -> tuple[tuple[str, ...], list[str]]:
    """Resolve `adwatch WORDS…` against the real CLI: (command path, problems found).

    ``complete``: the invocation must also show every required argument and option.
    """
    problems: list[str] = []
    command: Any = ROOT_COMMAND
    path: tuple[str, ...] = ()
    words = [w.strip("[]") for w in words]
    words = [w for w in words if w and w not in ("…", "...")]
    at = 0
    while hasattr(command, "commands") and at < len(words):
        word = words[at]
        if word.startswith("-"):
            if _find_option(command, word) is None:
                problems.append(f"`adwatch {' '.join(path)}` has no option {word}")
            at += 1
        elif word.isupper():  # a placeholder: `adwatch COMMAND --help`
            return path, problems
        elif word in command.commands:
            command, path = command.commands[word], (*path, word)
            at += 1
        else:
            problems.append(f"`adwatch {' '.join(path)}` has no command {word!r}")
            return path, problems
    if hasattr(command, "commands"):
        if complete:
            problems.append(f"`adwatch {' '.join(path)}` names a group, not a command")
        return path, problems
    shown_options: set[str] = set()
    positionals = 0
    while at < len(words):
        word = words[at]
        at += 1
        if not word.startswith("-"):
            positionals += 1
            continue
        option = _find_option(command, word)
        if option is None:
            problems.append(f"`adwatch {' '.join(path)}` has no option {word}")
            continue
        shown_options.add(option.name)
        if option.is_flag or at >= len(words) or words[at].startswith("-"):
            continue  # a flag, or the value is left out ("[--host --port]")
        value = words[at]
        at += 1
        choices = _choices(option)
        if choices and not re.search(r"[A-Z]", value):  # a placeholder like KIND is fine
            unknown = set(value.split("|")) - set(choices)
            if unknown:
                problems.append(f"{word} of `adwatch {' '.join(path)}` refuses {unknown}")
    arguments = [p for p in command.params if p.param_type_name == "argument"]
    if positionals > len(arguments) and not any(a.nargs == -1 for a in arguments):
        problems.append(f"`adwatch {' '.join(path)}` takes {len(arguments)} arguments")
    if complete:
        for param in command.params:
            if param.required and param.param_type_name == "option":
                if param.name not in shown_options:
                    problems.append(f"`adwatch {' '.join(path)}` needs {param.opts[0]}")
            elif param.required and positionals == 0:
                problems.append(f"`adwatch {' '.join(path)}` needs {param.metavar or param.name}")
    return path, problems


def _command_table_invocations() -> Iterator[list[str]]:
    """Each invocation in the first column; `adwatch db upgrade` / `status` continues a group."""
    for row in _table(_section("Commands")):
        parent: list[str] = []
        for span in _spans(row[0]):
            words = span.split()
            if words[0] == "adwatch":
                words = words[1:]
                subcommands = getattr(ROOT_COMMAND.commands.get(words[0]), "commands", None)
                parent = words[:1] if subcommands is not None else []
            else:
                words = parent + words
            yield words


def test_the_commands_table_covers_the_cli_exactly() -> None:
    documented: set[tuple[str, ...]] = set()
    problems: list[str] = []
    for words in _command_table_invocations():
        path, found = check_invocation(words, complete=True)
        documented.add(path)
        problems += found
    assert problems == []
    missing = sorted(" ".join(p) for p in set(_leaves(ROOT_COMMAND)) - documented)
    assert missing == [], f"commands missing from the README's table: {missing}"


def _readme_invocations() -> Iterator[list[str]]:
    """Every `adwatch …` in inline code and in sh blocks, anywhere in the README."""
    blocks = re.findall(r"^```(\w*)\n(.*?)^```", README, re.M | re.S)
    for language, body in blocks:
        if language != "sh":
            continue
        for line in body.splitlines():
            for part in re.split(r"&&|;|\|", line.split(" #")[0]):
                words = part.split()
                while words and "=" in words[0]:  # VAR=value prefixes
                    words = words[1:]
                if words and Path(words[0]).name == "adwatch":
                    yield words[1:]
    prose = re.sub(r"^```.*?^```", "", README, flags=re.M | re.S)
    for span in _spans(prose.replace("\\|", "|")):  # tables escape | as \|
        if re.match(r"adwatch [-a-zA-Z]", span):
            yield span.split()[1:]


def test_every_adwatch_invocation_in_the_readme_exists() -> None:
    problems: list[str] = []
    count = 0
    for words in _readme_invocations():
        problems += check_invocation(words, complete=False)[1]
        count += 1
    assert count > 20
    assert problems == []


def test_the_checker_catches_what_it_should() -> None:
    assert check_invocation(["crawl", "--no-such"], complete=False)[1]
    assert check_invocation(["keys", "create", "--name", "x"], complete=True)[1]  # --role
    assert check_invocation(["keys", "create", "--role", "boss", "--name", "x"], complete=True)[1]
    assert check_invocation(["nosuch"], complete=False)[1]
    assert check_invocation(["db"], complete=True)[1]
    assert check_invocation(["serve", "--host", "--port"], complete=True)[1] == []


# --- settings ---------------------------------------------------------------------------


def _variables() -> dict[str, str]:
    """Environment variable -> setting, for every variable a setting is read from."""
    names: dict[str, str] = {}
    for name, field in Settings.model_fields.items():
        alias = field.validation_alias
        if isinstance(alias, AliasChoices):
            names.update({str(choice): name for choice in alias.choices})
        names[environment_variable(name)] = name
    return names


def _documented_default(name: str, monkeypatch: pytest.MonkeyPatch) -> str | None:
    """How the table should show a setting's default: a code span, or None for prose."""
    field = Settings.model_fields[name]
    if name in ("models_dir", "labelled_samples_dir"):
        # In a checkout, the repository's folder (the README is read in one).
        return f"{Path(getattr(Settings(), name)).relative_to(REPO_ROOT).as_posix()}/"
    if field.default_factory is not None:
        if not sys.platform.startswith("linux"):
            return None
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
        return str(_default_data_dir()).replace(str(Path.home()), "~", 1)
    default = field.default
    if default is None or (isinstance(default, SecretStr) and not default.get_secret_value()):
        return None
    if isinstance(default, bool):
        return str(default).lower()
    if isinstance(default, Path):
        return f"{default.relative_to(REPO_ROOT).as_posix()}/"
    return str(default)


def test_the_settings_table_lists_every_setting_with_its_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    variables = _variables()
    listed: set[str] = set()
    problems: list[str] = []
    for row in _table(_section("Configuration")):
        settings: list[str] = []  # in order; `DATABASE_URL` (or `ADWATCH_DATABASE_URL`) is one
        for variable in _spans(row[0]):
            if variable not in variables:
                problems.append(f"{variable} is not a setting")
            elif variables[variable] not in settings:
                settings.append(variables[variable])
        # One default per setting: "`127.0.0.1`, `8000`" for two, the whole cell for one.
        cells = row[2].split(", ") if len(settings) > 1 else [row[2]]
        if len(cells) != len(settings):
            problems.append(f"{row[0]}: give one default per setting, not {row[2]!r}")
            continue
        for name, cell in zip(settings, cells, strict=True):
            listed.add(name)
            variable = environment_variable(name)
            expected = _documented_default(name, monkeypatch)
            default = Settings.model_fields[name].default
            if expected is not None and expected not in _spans(cell):
                problems.append(f"{variable}: default shown as {cell!r}, is {expected!r}")
            elif default is None and not cell.startswith("unset"):
                problems.append(f"{variable}: default shown as {cell!r}, is unset")
            elif isinstance(default, SecretStr) and not cell.startswith("empty"):
                problems.append(f"{variable}: default shown as {cell!r}, is empty")
    assert problems == []
    missing = sorted(environment_variable(n) for n in set(Settings.model_fields) - listed)
    assert missing == [], f"settings missing from the README's table: {missing}"


def test_every_variable_the_readme_names_is_a_setting() -> None:
    mentioned = set(re.findall(r"\bADWATCH_[A-Z0-9_]+\b", README))
    unknown = mentioned - set(_variables()) - TEST_ONLY_VARIABLES
    assert unknown == set()
    assert all(v in (REPO_ROOT / "tests" / "pg.py").read_text() for v in TEST_ONLY_VARIABLES)

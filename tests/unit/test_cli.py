"""The command line as users meet it: one-line errors, help at the terminal's width, flags.

Each case runs the real entry point (`adwatch.cli.main`) in-process on mistakes that fail
before any database or model is touched.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

import pytest
import typer.main
from pydantic import ValidationError

from adwatch.cli import app, main, terminal_width
from adwatch.cli_common import AdvertKind
from adwatch.cli_keys import Role
from config.errors import ConfigError
from config.settings import Settings, _describe, get_settings
from crawlers.profiles import SiteProfile
from store.api_keys import ROLES


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def adwatch(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> Iterator[Any]:
    """Run `adwatch ARGS…` through main() with a clean environment; returns a Result."""
    for name in ("DATABASE_URL", "ADWATCH_REDIS_URL", "COLUMNS", "ADWATCH_LOG_LEVEL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ADWATCH_DATA_DIR", str(tmp_path / "data"))
    sigterm = signal.getsignal(signal.SIGTERM)

    def run(*args: str, **env: str) -> Result:
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        monkeypatch.setattr(sys, "argv", ["adwatch", *args])
        get_settings.cache_clear()
        capsys.readouterr()
        with pytest.raises(SystemExit) as exit_:
            main()
        captured = capsys.readouterr()
        return Result(int(exit_.value.code or 0), captured.out, captured.err)

    yield run
    signal.signal(signal.SIGTERM, sigterm)
    get_settings.cache_clear()


def _one_error_line(result: Result, *fragments: str) -> None:
    assert result.code != 0
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("adwatch: error: "), lines[0]
    for fragment in fragments:
        assert fragment in lines[0]


def test_a_malformed_profile_names_the_file_and_key(adwatch: Any, tmp_path: Path) -> None:
    profile = tmp_path / "broken.toml"
    profile.write_text('name = "broken"\nkind = "job"\nstart_urls = ["http://x/"]\n[fields]\n')
    profile.write_text(profile.read_text() + "title = 3\nbodyy = 'css:p'\n")
    result = adwatch("crawl", str(profile))
    _one_error_line(result, str(profile), "fields.title", "fields.bodyy: unknown key")
    assert result.code == 1


def test_an_unknown_site_lists_the_known_ones(adwatch: Any) -> None:
    result = adwatch("crawl", "no-such-site")
    _one_error_line(result, "no site profile named 'no-such-site'", "demo-jobs")
    assert result.code == 1


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (["crawl", "--url", "notaurl"], ["'--url'", "'notaurl' is not an absolute http(s) URL"]),
        (["crawl", "--url", "ftp://example.org/"], ["'--url'", "ftp://example.org/"]),
        (["crawl", "--url", "https://jobs.example.org/", "--kind", "jobs"], ["'--kind'", "'jobs'"]),
        (["crawl", "demo-jobs", "--processes", "0"], ["'--processes'"]),
        (["crawl", "demo-jobs", "--processes", "2"], ["'--redis-url'"]),
        (["crawl"], ["give either a SITE profile or --url"]),
        (["crawl", "--foo"], ["no such option: --foo", "adwatch crawl --help"]),
        (["crawlx"], ["no such command 'crawlx'"]),
        (["train", "--no-no-transformer"], ["--no-no-transformer"]),
        (["train", "--version", "../x"], ["'--version'", "'../x'"]),
        (["train", "missing.jsonl"], ["'FILES'", "missing.jsonl", "does not exist"]),
        (["evaluate", "missing.jsonl"], ["'FILES'", "missing.jsonl"]),
        (["evaluate", "x.jsonl", "--split", "dev"], ["'--split'", "'dev'"]),
        (["score"], ["give --input FILE or --pending"]),
        (["score", "--input", "missing.jsonl"], ["'--input'", "missing.jsonl"]),
        (["keys", "create", "--role", "boss", "--name", "x"], ["'--role'", "'boss'", "analyst"]),
        (["keys", "revoke", "abc"], ["'ID'"]),
        (["agencies", "import", "missing.csv"], ["'FILE'", "missing.csv"]),
        (["export", "samples", "--output", "x.jsonl", "--kind", "jobs"], ["'--kind'"]),
        (["export", "samples", "--output", "/nonexistent/x.jsonl"], ["'--output'", "cannot write"]),
        (["worker", "--queues", "crawl,mail"], ["'--queues'", "unknown queues: mail"]),
        (["serve", "--port", "99999"], ["'--port'", "65535"]),
    ],
)
def test_usage_mistakes_are_one_line_with_exit_status_2(
    adwatch: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    fragments: list[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.jsonl").write_text("")
    result = adwatch(*args)
    _one_error_line(result, *fragments)
    assert result.code == 2
    assert "Traceback" not in result.err


@pytest.mark.parametrize(
    ("variable", "value", "fragment"),
    [
        ("ADWATCH_CRAWLER_DELAY_S", "abc", "DELAY_S='abc': input should be a valid"),
        ("ADWATCH_CRAWLER_MAX_PAGES", "0", "ADWATCH_CRAWLER_MAX_PAGES='0'"),
        ("ADWATCH_EXECUTION", "cloud", "ADWATCH_EXECUTION='cloud': input should be 'local'"),
        ("ADWATCH_LOG_LEVEL", "verbose", "ADWATCH_LOG_LEVEL='verbose': expected DEBUG"),
    ],
)
def test_a_bad_setting_names_the_variable_and_value(
    adwatch: Any, variable: str, value: str, fragment: str
) -> None:
    result = adwatch("crawl", "--status", **{variable: value})
    _one_error_line(result, "invalid setting", fragment)
    assert result.code == 1


def test_a_secret_setting_is_named_but_never_shown() -> None:
    with pytest.raises(ValidationError) as raised:
        Settings.model_validate({"hash_secret": 123456789, "DATABASE_URL": 987654321})
    message = _describe(raised.value)
    assert "ADWATCH_HASH_SECRET (value not shown)" in message
    assert "DATABASE_URL (value not shown)" in message
    assert "123456789" not in message and "987654321" not in message


def test_get_settings_raises_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADWATCH_API_PORT", "eighty")
    get_settings.cache_clear()
    try:
        with pytest.raises(ConfigError, match="ADWATCH_API_PORT='eighty'"):
            get_settings()
    finally:
        get_settings.cache_clear()


def test_a_bare_group_prints_its_help(adwatch: Any) -> None:
    result = adwatch("keys")
    assert "create" in result.out and "revoke" in result.out and result.err == ""


def _commands(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _commands(sub, (*path, name))


COMMANDS = list(_commands(typer.main.get_command(app)))


@pytest.mark.parametrize("columns", [80, 160])
@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_help_fits_the_terminal_and_names_every_option_whole(
    adwatch: Any, columns: int, path: tuple[str, ...], command: Any
) -> None:
    result = adwatch(*path, "--help", COLUMNS=str(columns))
    assert result.code == 0
    lines = result.out.splitlines()
    assert max(len(line) for line in lines) <= columns
    assert "…" not in result.out
    for param in command.params:
        for name in [*param.opts, *param.secondary_opts]:
            if name.startswith("-"):
                assert name in result.out.split() or f"{name}," in result.out, name


def test_help_uses_the_whole_width_it_has(adwatch: Any) -> None:
    wide = adwatch("crawl", "--help", COLUMNS="200").out
    narrow = adwatch("crawl", "--help", COLUMNS="80").out
    assert len(wide.splitlines()) < len(narrow.splitlines())
    assert max(len(line) for line in wide.splitlines()) > 80


def test_terminal_width_prefers_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "132")
    assert terminal_width() == 132
    monkeypatch.setenv("COLUMNS", "wide")
    assert terminal_width() > 0


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_boolean_flags_read_naturally(path: tuple[str, ...], command: Any) -> None:
    """A flag is one switch (--status, --no-api) or a pair --x/--no-x; never --no-no-x."""
    for param in command.params:
        if not getattr(param, "is_flag", False) or param.name == "help":
            continue
        names = [*param.opts, *param.secondary_opts]
        assert not any(n.startswith("--no-no-") for n in names), names
        long_opts = [n for n in param.opts if n.startswith("--")]
        if param.secondary_opts:
            assert param.secondary_opts == [f"--no-{long_opts[0][2:]}"], names
            assert not long_opts[0].startswith("--no-"), names
        elif param.default is True:
            pytest.fail(f"{names} is on by default and cannot be turned off")


def test_option_types_match_what_they_stand_for() -> None:
    assert get_args(AdvertKind) == get_args(SiteProfile.model_fields["kind"].annotation)
    assert get_args(Role) == ROLES

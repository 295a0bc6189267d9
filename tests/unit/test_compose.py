"""docker-compose.yml and the README's scale-out example, checked against the real CLI
(`adwatch.cli:app`) and settings (`config.settings.Settings`).

The file is read with PyYAML (anchors and `<<` merges resolved) and interpolated here as
Compose does it; where a Compose is installed (`docker compose`, or Debian's
`docker-compose`), its own `config` rendering of the README's example must agree.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import typer.main
import yaml
from pydantic import AliasChoices

from adwatch import healthcheck
from adwatch.cli import app
from config.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = ROOT / "docker-compose.yml"
README = (ROOT / "README.md").read_text(encoding="utf-8")
MIGRATE = ["adwatch", "db", "upgrade"]
# Deliberately not Settings' defaults: paths inside the image, and queue mode because this
# file runs workers (in local mode they would sit idle).
CONTAINER_DEFAULTS = {
    "DATABASE_URL",
    "ADWATCH_DATA_DIR",
    "ADWATCH_MODELS_DIR",
    "ADWATCH_LABELLED_SAMPLES_DIR",
    "ADWATCH_HASH_SECRET",
    "ADWATCH_EXECUTION",
    "ADWATCH_REDIS_URL",
    "ADWATCH_API_HOST",
}
# Where the image puts models/ (Dockerfile: ENV ADWATCH_MODELS_DIR=...).
IMAGE_MODELS_DIR = re.findall(
    r"ADWATCH_MODELS_DIR=(\S+)", (ROOT / "Dockerfile").read_text(encoding="utf-8")
)[-1]
INTERPOLATION = re.compile(r"\$(?:(\$)|\{(\w+)(?:(:?[-?])([^}]*))?\})")


class MissingValue(Exception):
    pass


# ---- reading the file as Compose does -----------------------------------------------------


def interpolate(value: Any, env: dict[str, str]) -> Any:
    """${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error} and $$."""
    if isinstance(value, dict):
        return {k: interpolate(v, env) for k, v in value.items()}
    if isinstance(value, list):
        return [interpolate(v, env) for v in value]
    if not isinstance(value, str):
        return value

    def substitute(m: re.Match[str]) -> str:
        if m[1]:
            return "$"
        name, op, arg = m[2], m[3], m[4]
        got = env.get(name)
        unset = got is None or (got == "" and op is not None and op.startswith(":"))
        if op in (":?", "?") and unset:
            raise MissingValue(f"{name}: {arg}")
        if op in (":-", "-") and unset:
            return str(arg)
        return got or ""

    return INTERPOLATION.sub(substitute, value)


def raw_compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))
    return data


def render(env: dict[str, str], profiles: tuple[str, ...] = ()) -> dict[str, dict[str, Any]]:
    """The active services, interpolated with `env` as the shell environment."""
    services = interpolate(raw_compose()["services"], env)
    return {
        name: service
        for name, service in services.items()
        if not service.get("profiles") or set(service["profiles"]) & set(profiles)
    }


def environment(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {k: str(v) for k, v in env.items()}


def adwatch_services(services: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {n: s for n, s in services.items() if (s.get("command") or [None])[0] == "adwatch"}


def readme_example() -> tuple[dict[str, str], list[str]]:
    """The README's `docker compose` line: its environment assignments and compose arguments."""
    blocks = re.findall(r"```sh\n(.*?)```", README, re.S)
    lines = [ln for b in blocks for ln in b.splitlines() if " docker compose " in f" {ln} "]
    assert len(lines) == 1, f"expected one `docker compose` example in README.md: {lines}"
    words = shlex.split(re.sub(r"\$\([^)]*\)", "generated-secret", lines[0]))
    env = {}
    while re.fullmatch(r"[A-Z_][A-Z0-9_]*=.*", words[0]):
        key, _, value = words.pop(0).partition("=")
        env[key] = value
    assert words[:2] == ["docker", "compose"], lines[0]
    return env, words[2:]


def _option_values(args: list[str], name: str) -> list[str]:
    return [args[i + 1] for i, a in enumerate(args[:-1]) if a == name] + [
        a.split("=", 1)[1] for a in args if a.startswith(name + "=")
    ]


# ---- the real settings and CLI --------------------------------------------------------------


def setting_names() -> dict[str, str]:
    """Environment name -> Settings field, for every field."""
    names = {}
    for field, info in Settings.model_fields.items():
        alias = info.validation_alias
        choices = alias.choices if isinstance(alias, AliasChoices) else [alias or ""]
        env_names = [c for c in choices if isinstance(c, str) and c] or [f"ADWATCH_{field}"]
        names[env_names[0].upper()] = field
    return names


@pytest.fixture
def settings_from() -> Iterator[Any]:
    """Settings as a process sees them given exactly this environment (and no .env file)."""
    saved = dict(os.environ)

    def build(env: dict[str, str]) -> Settings:
        for key in list(os.environ):
            if key.startswith("ADWATCH_") or key == "DATABASE_URL":
                del os.environ[key]
        os.environ.update(env)
        return Settings()

    yield build
    os.environ.clear()
    os.environ.update(saved)


def parse_cli(argv: list[str]) -> Any:
    """Parse argv with the real `adwatch` app down to the leaf command, without running it:
    unknown commands or options and invalid values raise. (Typer vendors Click, so its
    objects are used by their Click interface, not their class.)"""
    assert argv[0] == "adwatch"
    command: Any = typer.main.get_command(app)
    ctx = command.make_context("adwatch", list(argv[1:]))
    while hasattr(command, "resolve_command"):  # a group
        protected = getattr(ctx, "_protected_args", None)
        rest = [*(ctx.protected_args if protected is None else protected), *ctx.args]
        name, sub, args = command.resolve_command(ctx, rest)
        assert sub is not None and name is not None, f"no command {rest} in {argv}"
        command, ctx = sub, sub.make_context(name, args, parent=ctx)
    return ctx


def command_path(ctx: Any) -> list[str]:
    path: str = ctx.command_path
    return path.split()[1:]


# ---- the checks ---------------------------------------------------------------------------


README_ENV, README_ARGS = readme_example()
RENDERINGS = {
    "the README's example": README_ENV,
    "only the required secret": {"ADWATCH_HASH_SECRET": "secret"},
}


def test_the_readme_example_names_real_settings_and_services() -> None:
    assert README_ARGS[0] == "up"
    assert set(README_ENV) <= set(setting_names())
    services = render(README_ENV, tuple(_option_values(README_ARGS, "--profile")))
    for scale in _option_values(README_ARGS, "--scale"):
        assert scale.split("=")[0] in services, f"--scale {scale}: no such service"


def test_the_deployment_secret_is_required() -> None:
    with pytest.raises(MissingValue, match="ADWATCH_HASH_SECRET"):
        render({})


def test_every_setting_is_passed_to_every_adwatch_service() -> None:
    services = adwatch_services(render(README_ENV))
    assert set(services) >= {"migrate", "api", "scheduler", "worker"}
    for name, service in services.items():
        assert set(environment(service)) == set(setting_names()), name


def test_every_setting_the_readme_documents_is_passed() -> None:
    section = README.split("\n## Configuration", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"`((?:ADWATCH_|DATABASE_)[A-Z0-9_]+)`", section))
    documented.discard("ADWATCH_DATABASE_URL")  # the other spelling of DATABASE_URL
    assert "ADWATCH_EXECUTION" in documented
    assert documented <= set(setting_names()), "README documents settings that do not exist"
    for name, service in adwatch_services(render(README_ENV)).items():
        assert documented <= set(environment(service)), name


def test_defaults_are_the_settings_defaults(settings_from: Any) -> None:
    defaults = settings_from({})
    env = raw_compose()["x-adwatch-environment"]
    for key, value in env.items():
        found = INTERPOLATION.fullmatch(str(value))
        if key in CONTAINER_DEFAULTS:
            continue
        assert found and found[3] == ":-", f"{key}: pass it as ${{{key}:-default}}"
        field = setting_names()[key]
        got = getattr(settings_from({key: found[4]}), field)
        assert got == getattr(defaults, field), f"{key}: {found[4]!r} is not Settings' default"


@pytest.mark.parametrize("shell_env", RENDERINGS.values(), ids=RENDERINGS.keys())
def test_each_service_gets_valid_settings_and_queue_mode(
    shell_env: dict[str, str], settings_from: Any
) -> None:
    services = render(shell_env)
    assert "worker" in services
    for name, service in adwatch_services(services).items():
        settings = settings_from(environment(service))  # validates every value
        assert settings.execution == "queue", f"{name}: workers would sit idle"
        assert settings.database_url
        assert str(settings.models_dir) == IMAGE_MODELS_DIR, f"{name}: not the image's models"


@pytest.mark.parametrize("name", ["migrate", "api", "scheduler", "worker"])
def test_commands_are_real_cli_commands(name: str) -> None:
    service = render(README_ENV)[name]
    ctx = parse_cli(service["command"])
    expected = {
        "migrate": ["db", "upgrade"],
        "api": ["serve"],
        "scheduler": ["run"],
        "worker": ["worker"],
    }
    assert command_path(ctx) == expected[name]
    if name == "scheduler":
        assert ctx.params["no_api"] is True  # the API is its own service


def test_services_wait_for_postgres_and_the_migration() -> None:
    services = render(README_ENV)
    assert "healthcheck" in services["postgres"]
    assert services["migrate"]["command"] == MIGRATE
    assert services["migrate"]["depends_on"] == {"postgres": {"condition": "service_healthy"}}
    assert services["migrate"]["restart"] == "no"
    for name, service in adwatch_services(services).items():
        if name == "migrate":
            continue
        assert service["depends_on"] == {
            "postgres": {"condition": "service_healthy"},
            "migrate": {"condition": "service_completed_successfully"},
        }, name


def test_long_running_services_probe_their_own_command() -> None:
    for name, service in adwatch_services(render(README_ENV)).items():
        if name == "migrate":
            assert service["healthcheck"] == {"disable": True}
            continue
        test = service["healthcheck"]["test"]
        leaf = command_path(parse_cli(service["command"]))[0]
        assert leaf in healthcheck.COMMANDS
        assert test == ["CMD", "python", "-m", "adwatch.healthcheck", leaf], name


def test_the_database_url_is_the_compose_postgres(settings_from: Any) -> None:
    for shell_env in [README_ENV, {**README_ENV, "POSTGRES_PASSWORD": "s3cret"}]:
        services = render(shell_env)
        pg = environment(services["postgres"])
        for name, service in adwatch_services(services).items():
            url = urlsplit(environment(service)["DATABASE_URL"])
            assert url.hostname in services, name
            assert (url.username, url.password, url.path) == (
                pg["POSTGRES_USER"],
                pg["POSTGRES_PASSWORD"],
                "/" + pg["POSTGRES_DB"],
            ), name


@pytest.mark.parametrize("port", [None, "9000"])
def test_the_api_listens_on_all_interfaces_and_publishes_its_port(
    port: str | None, settings_from: Any
) -> None:
    shell_env = {**README_ENV, **({"ADWATCH_API_PORT": port} if port else {})}
    api = render(shell_env)["api"]
    settings = settings_from(environment(api))
    assert settings.api_host == "0.0.0.0"
    assert "--port" not in api["command"] and "--host" not in api["command"]
    published = [str(p).rsplit(":", 1)[-1] for p in api["ports"]]
    assert published == [str(settings.api_port)] == [port or "8000"]


def test_the_redis_url_names_the_redis_profile_service(settings_from: Any) -> None:
    services = render(README_ENV, profiles=("redis",))
    settings = settings_from(environment(services["worker"]))
    host = urlsplit(settings.redis_url or "").hostname
    assert host in services and services[str(host)]["profiles"] == ["redis"]


def _conditions(service: dict[str, Any]) -> dict[str, str]:
    return {k: v["condition"] for k, v in service.get("depends_on", {}).items()}


def _probe(service: dict[str, Any]) -> list[str] | None:
    check = service.get("healthcheck", {})
    disabled = check.get("disable") or check.get("test") == ["NONE"]
    return None if disabled else check.get("test")


def _compose() -> list[str] | None:
    docker = shutil.which("docker")
    if (
        docker
        and subprocess.run([docker, "compose", "version"], capture_output=True).returncode == 0
    ):
        return [docker, "compose"]
    legacy = shutil.which("docker-compose")
    return [legacy] if legacy else None


@pytest.mark.skipif(_compose() is None, reason="no `docker compose` or `docker-compose` here")
def test_compose_itself_renders_the_readme_example_the_same(tmp_path: Path) -> None:
    compose = _compose()
    assert compose is not None
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ADWATCH_", "POSTGRES_"))}
    rendered = subprocess.run(
        [*compose, "--file", str(COMPOSE_FILE), "--project-directory", str(tmp_path), "config"],
        env={**env, **README_ENV},
        capture_output=True,
        text=True,
    )
    assert rendered.returncode == 0, rendered.stderr
    theirs = yaml.safe_load(rendered.stdout)["services"]
    ours = render(README_ENV, tuple(_option_values(README_ARGS, "--profile")))
    # Compose's `config` shows services of every profile; `up` starts only the active ones.
    theirs = {n: s for n, s in theirs.items() if n in ours or not s.get("profiles")}
    assert set(theirs) == set(ours)
    for name, service in ours.items():
        assert theirs[name].get("command") == service.get("command"), name
        assert environment(theirs[name]) == environment(service), name
        assert _conditions(theirs[name]) == _conditions(service), name
        assert _probe(theirs[name]) == _probe(service), name


def test_sharded_crawls_work_under_compose() -> None:
    """The image installs the scale extra (redis, scrapy-redis: requirements/runtime.txt is
    what the Dockerfile installs), and ADWATCH_REDIS_URL names the compose redis service."""
    lock = (ROOT / "requirements" / "runtime.txt").read_text(encoding="utf-8")
    pinned = {line.split("==")[0].lower() for line in lock.splitlines() if "==" in line}
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    scale = re.search(r"^scale = \[(.*)\]$", pyproject, re.M)
    assert scale is not None
    wanted = {re.split(r"[<>=!~\[ ]", dep.strip().strip('"'))[0].lower()
              for dep in scale[1].split(",")}  # fmt: skip
    assert wanted and wanted <= pinned, f"the image lacks the scale extra: {wanted - pinned}"
    assert "--extra=scale" in (ROOT / "requirements" / "compile").read_text(encoding="utf-8")
    services = render(README_ENV, ("redis",))
    for name, service in adwatch_services(services).items():
        redis_host = urlsplit(environment(service)["ADWATCH_REDIS_URL"]).hostname
        assert redis_host == "redis" and "redis" in services, name

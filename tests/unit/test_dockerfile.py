"""The Dockerfile and .dockerignore, read: dependencies before code, a non-editable install,
models outside the source tree, an unprivileged user, and a build context holding the
service's packages and nothing of the demo world, tests or training data."""

from __future__ import annotations

import fnmatch
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    text = re.sub(r"\\\n", " ", (ROOT / "Dockerfile").read_text(encoding="utf-8"))
    lines = [ln.strip() for ln in text.splitlines()]
    return [
        (word.upper(), rest.strip())
        for word, _, rest in (ln.partition(" ") for ln in lines if ln and not ln.startswith("#"))
    ]


def stages() -> list[list[tuple[str, str]]]:
    found: list[list[tuple[str, str]]] = []
    for instruction in instructions():
        if instruction[0] == "FROM":
            found.append([])
        if found:
            found[-1].append(instruction)
    return found


def context_patterns() -> list[str]:
    lines = (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


def in_context(path: str) -> bool:
    """Whether a path is sent to the build (the last matching .dockerignore line decides)."""
    sent = True
    for pattern in context_patterns():
        negated = pattern.startswith("!")
        pattern = pattern.lstrip("!").rstrip("/")
        parts = path.split("/")
        prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
        if any(fnmatch.fnmatchcase(p, pattern) for p in prefixes) or (
            pattern.startswith("**/") and any(fnmatch.fnmatchcase(x, pattern[3:]) for x in parts)
        ):
            sent = negated
    return sent


def env_of(stage: list[tuple[str, str]]) -> dict[str, str]:
    env: dict[str, str] = {}
    for instruction, args in stage:
        if instruction == "ENV":
            env.update(re.findall(r"(\w+)=(\S+)", args))
    return env


def test_dependencies_install_from_the_lock_before_any_code() -> None:
    deps = stages()[0]
    copies = [args for instruction, args in deps if instruction == "COPY"]
    assert copies == ["requirements/runtime.txt /tmp/runtime.txt"]
    [install] = [args for instruction, args in deps if "pip install" in args]
    assert "-r /tmp/runtime.txt" in install and "--no-deps" in install


def test_adwatch_is_installed_as_a_wheel_not_editable() -> None:
    text = " ".join(args for _, args in instructions())
    assert not re.search(r"pip install[^&]*(\s-e\s|--editable)", text)
    assert "pip wheel" in text and re.search(r"pip install --no-deps \S+\.whl", text)


def test_the_service_runs_unprivileged_with_models_outside_the_source() -> None:
    final = stages()[-1]
    [user] = [args for instruction, args in final if instruction == "USER"]
    assert user.split(":")[0] not in ("root", "0")
    models = env_of(final)["ADWATCH_MODELS_DIR"]
    assert f"models {models}" in [args for instruction, args in final if instruction == "COPY"]
    assert any(
        "adwatch.healthcheck" in args for instruction, args in final if instruction == "HEALTHCHECK"
    )


def test_the_build_context_holds_every_package_and_nothing_else() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    packages = [
        p.rstrip("*") for p in pyproject["tool"]["setuptools"]["packages"]["find"]["include"]
    ]
    for package in packages:
        assert in_context(f"{package}/__init__.py"), f"{package}/ is missing from .dockerignore"
    for needed in ("pyproject.toml", pyproject["project"]["readme"], "requirements/runtime.txt"):
        assert in_context(needed), needed
    assert in_context("models/ACTIVE")
    for kept_out in (
        "demo/__init__.py", "tests/conftest.py", "bench/run.py", "labelled_samples/x.jsonl",
        ".venv/bin/python", ".git/config", "requirements/dev.txt", ".env",
        "adwatch/__pycache__/cli.cpython-311.pyc",
    ):  # fmt: skip
        assert not in_context(kept_out), kept_out


def test_every_copy_from_the_context_is_in_it() -> None:
    for instruction, args in instructions():
        if instruction == "COPY" and not args.startswith("--from"):
            *sources, _ = args.split()
            for source in sources:
                assert source == "." or in_context(source.rstrip("/")), source

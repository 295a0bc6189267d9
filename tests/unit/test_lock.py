"""The lock files (requirements/, made by requirements/compile) satisfy pyproject.toml: a
dependency added or re-ranged without recompiling the lock fails here, not in the image."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)")


def _pins(lock: str) -> dict[str, Version]:
    pins: dict[str, Version] = {}
    for line in (ROOT / "requirements" / lock).read_text(encoding="utf-8").splitlines():
        if found := PIN.match(line):
            pins[canonicalize_name(found[1])] = Version(found[2])
    return pins


def _project(path: str) -> dict[str, Any]:
    project: dict[str, Any] = tomllib.loads((ROOT / path).read_text(encoding="utf-8"))["project"]
    return project


def _requirements(*groups: list[str]) -> list[Requirement]:
    return [Requirement(dep) for group in groups for dep in group]


PROJECT = _project("pyproject.toml")
DEMO = _project("demo/pyproject.toml")
# The image installs the scale extra too, so sharded crawls work under docker compose.
RUNTIME = _requirements(PROJECT["dependencies"], PROJECT["optional-dependencies"]["scale"])
DEV = RUNTIME + _requirements(PROJECT["optional-dependencies"]["dev"], DEMO["dependencies"])


@pytest.mark.parametrize(("lock", "wanted"), [("runtime.txt", RUNTIME), ("dev.txt", DEV)])
def test_the_lock_satisfies_every_requirement(lock: str, wanted: list[Requirement]) -> None:
    pins = _pins(lock)
    missing = [str(r) for r in wanted if canonicalize_name(r.name) not in pins]
    assert not missing, f"requirements/{lock} lacks {missing}: run requirements/compile"
    wrong = [
        f"{r} (locked {pins[canonicalize_name(r.name)]})"
        for r in wanted
        if not r.specifier.contains(pins[canonicalize_name(r.name)], prereleases=True)
    ]
    assert not wrong, f"requirements/{lock} pins {wrong}: run requirements/compile"


def test_both_locks_agree_and_torch_is_the_cpu_build() -> None:
    runtime, dev = _pins("runtime.txt"), _pins("dev.txt")
    assert {name: dev[name] for name in runtime} == runtime
    assert runtime["torch"].local == "cpu"
    assert not [name for name in dev if name.startswith("nvidia-")]

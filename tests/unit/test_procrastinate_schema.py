"""procrastinate's schema is frozen in a migration: the release pyproject.toml admits and the
one installed must be the release it was copied from, or a new migration is due."""

from __future__ import annotations

import importlib.metadata
import importlib.resources
import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
MIGRATION = ROOT / "store" / "migrations" / "0002_procrastinate.sql"
HEADER_LINES = 3  # our comments above procrastinate's own schema.sql


def _migration_release() -> tuple[int, int]:
    found = re.match(r"-- procrastinate (\d+)\.(\d+) job-queue schema", MIGRATION.read_text())
    assert found, f"{MIGRATION.name} must start by naming the procrastinate release it copies"
    return int(found[1]), int(found[2])


def test_the_migration_is_the_installed_procrastinates_schema() -> None:
    major, minor = _migration_release()
    installed = Version(importlib.metadata.version("procrastinate"))
    assert (installed.major, installed.minor) == (major, minor)
    ours = MIGRATION.read_text(encoding="utf-8").split("\n", HEADER_LINES)[HEADER_LINES]
    theirs = importlib.resources.files("procrastinate").joinpath("sql/schema.sql")
    assert ours == theirs.read_text(encoding="utf-8"), (
        f"procrastinate {installed} changed its schema: add a migration with its upgrade SQL"
    )


def test_pyproject_admits_only_the_migrations_release() -> None:
    major, minor = _migration_release()
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    [spec] = [
        Requirement(dep).specifier
        for dep in pyproject["project"]["dependencies"]
        if Requirement(dep).name == "procrastinate"
    ]
    assert spec.contains(f"{major}.{minor}.0")
    assert not spec.contains(f"{major}.{minor + 1}.0")
    earlier = f"{major}.{minor - 1}.99" if minor else f"{major - 1}.99"
    assert not spec.contains(earlier)

"""One owner per concern in crawlers/: the launcher reads the settings and opens and closes
crawl runs; the spider only fetches and extracts, and touches no database."""

from __future__ import annotations

import ast
from pathlib import Path

CRAWLERS = Path(__file__).resolve().parents[2] / "crawlers"
LAUNCHER = CRAWLERS / "launch.py"


def _names_used(path: Path) -> set[str]:
    """Every name and attribute a module mentions, e.g. get_settings or finish_run."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, ast.Attribute):
            names.add(node.attr)
        elif isinstance(node, ast.alias):
            names.add(node.name.rsplit(".", 1)[-1])
    return names


def _modules_using(*names: str) -> list[str]:
    return sorted(
        str(path.relative_to(CRAWLERS))
        for path in CRAWLERS.rglob("*.py")
        if _names_used(path) & set(names)
    )


def test_only_the_launcher_reads_the_settings() -> None:
    assert _modules_using("get_settings") == ["launch.py"]


def test_only_the_launcher_opens_and_closes_runs() -> None:
    # The launcher is two modules: claims.py opens a run (and closes a dead crawl's).
    assert _modules_using("start_run", "finish_run", "record_missing_from_run") == [
        "claims.py",
        "launch.py",
    ]


def test_only_the_launcher_registers_sites() -> None:
    assert _modules_using("upsert_site") == ["claims.py"]


def test_the_spider_touches_no_database() -> None:
    for path in (CRAWLERS / "spiders").rglob("*.py"):
        imported = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module.split(".")[0])
            elif isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
        assert not imported & {"store", "psycopg", "psycopg_pool"}, path

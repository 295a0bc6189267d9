"""The import graph reads as the data path: no cycles, no hidden imports.

The layer order itself is checked by import-linter (`lint-imports`, contracts in
pyproject.toml); these tests catch what a layers contract cannot: cycles between modules of
one package, and imports tucked into functions to dodge a cycle.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = (
    "config", "store", "crawlers", "classifier", "linking", "review", "share", "api", "adwatch",
    "demo",
)  # fmt: skip


def _strongly_connected(graph: grimp.ImportGraph) -> list[set[str]]:
    """Tarjan's algorithm, iterative; returns the components with more than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(component)
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph.find_modules_directly_imported_by(child)))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return found


def test_no_module_imports_itself_through_others() -> None:
    graph = grimp.build_graph(*PACKAGES)
    assert _strongly_connected(graph) == []


def _local_imports(path: Path) -> Iterator[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for inner in ast.walk(node):
            if isinstance(inner, ast.ImportFrom) and inner.level == 0 and inner.module:
                names = [inner.module]
            elif isinstance(inner, ast.Import):
                names = [alias.name for alias in inner.names]
            else:
                continue
            for name in names:
                if name.split(".")[0] in PACKAGES:
                    yield inner.lineno, name


def _explained(lines: list[str], lineno: int) -> bool:
    """A comment on the import, or above the block of imports it belongs to."""
    for number in range(lineno, 0, -1):
        text = lines[number - 1].strip()
        if "#" in text:
            return True
        in_import_block = (
            number == lineno
            or not text
            or text.startswith(("from ", "import ", ")"))
            or text.endswith((",", "("))
        )
        if not in_import_block:
            return False
    return False


def test_function_local_imports_of_the_project_say_why() -> None:
    unexplained = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            lines = path.read_text(encoding="utf-8").splitlines()
            for lineno, name in _local_imports(path):
                if not _explained(lines, lineno):
                    unexplained.append(f"{path.relative_to(ROOT)}:{lineno} imports {name}")
    assert unexplained == []


def test_the_worker_command_offers_exactly_the_work_queues() -> None:
    from adwatch.cli_worker import WORK_QUEUES
    from adwatch.workqueue import QUEUES

    assert WORK_QUEUES == QUEUES

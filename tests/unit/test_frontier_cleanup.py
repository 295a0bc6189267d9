"""Frontier folders left by a launcher that was killed (SIGKILL skips its clean-up) are deleted
by the next crawl on the host; those of live launchers, of other hosts sharing the data
directory, and folders with no owner are kept."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

from crawlers.launch import claim_frontier, clear_orphaned_frontiers


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def frontier(root: Path, name: str, owner: str | None) -> Path:
    folder = root / name
    (folder / "requests.queue").mkdir(parents=True)
    (folder / "requests.queue" / "p0").write_bytes(b"queued requests")
    if owner is not None:
        (folder / "launcher").write_text(owner)
    return folder


def test_only_frontiers_of_dead_launchers_on_this_host_are_deleted(tmp_path: Path) -> None:
    host = socket.gethostname()
    frontier(tmp_path, "run-1-dead", f"{host} {dead_pid()}")
    live = tmp_path / "run-2-live"
    live.mkdir()
    claim_frontier(live)  # this process: alive
    frontier(tmp_path, "run-2-elsewhere", f"another-host-{host} {dead_pid()}")
    frontier(tmp_path, "run-3-unowned", None)
    frontier(tmp_path, "run-4-garbled", "no pid here at all")
    (tmp_path / "notes.txt").write_text("not a frontier")
    assert clear_orphaned_frontiers(tmp_path) == 1
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == ["notes.txt", "run-2-elsewhere", "run-2-live", "run-3-unowned", "run-4-garbled"]
    assert (live / "launcher").read_text() == f"{host} {os.getpid()}\n"
    assert clear_orphaned_frontiers(tmp_path) == 0

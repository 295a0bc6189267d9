"""The crawl processes of one run: started from one order, waited for, and read back.

No database here: the launcher opens the run before and closes it after, from the outcomes.
"""

from __future__ import annotations

import contextlib
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError

from crawlers.handoff import CrawlOrder, CrawlOutcome

TICK_S = 0.5


class CrawlProcesses:
    """`count` crawl processes of one order; their files live in `directory`, which the
    launcher keeps private (the order holds the database URL, password included)."""

    def __init__(self, directory: Path, order: CrawlOrder, count: int = 1) -> None:
        self.order = order
        self.order_file = directory / "order.json"
        self.outcome_files = [directory / f"outcome-{n}.json" for n in range(count)]
        self.children: list[subprocess.Popen[bytes]] = []

    def run(self, tick: Callable[[], None]) -> None:
        """Start the processes and wait for all of them, calling `tick` meanwhile. Ctrl-C stops
        them gracefully; any other failure here terminates them."""
        self.order_file.write_text(self.order.model_dump_json(), encoding="utf-8")
        try:
            for outcome_file in self.outcome_files:
                command = [sys.executable, "-m", "crawlers.child"]
                command += [str(self.order_file), str(outcome_file)]
                self.children.append(subprocess.Popen(command))
            self._wait(tick)
        finally:
            for child in self.children:
                if child.poll() is None:
                    child.terminate()
                    child.wait()

    def _wait(self, tick: Callable[[], None]) -> None:
        # Waiting on a running child (not sleeping a whole tick) returns as soon as the last
        # one exits: a short crawl no longer ends up to a tick late.
        try:
            while running := [child for child in self.children if child.poll() is None]:
                tick()
                with contextlib.suppress(subprocess.TimeoutExpired):
                    running[0].wait(timeout=TICK_S)
        except KeyboardInterrupt:
            for child in self.children:  # Scrapy shuts down gracefully and flushes its batch
                child.send_signal(signal.SIGINT)
            for child in self.children:
                child.wait()
            raise

    def outcomes(self) -> list[CrawlOutcome | None]:
        """Each process's outcome; None for one that never started or died without one."""
        return [_read_outcome(path) for path in self.outcome_files]


def _read_outcome(path: Path) -> CrawlOutcome | None:
    try:
        return CrawlOutcome.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValidationError):
        return None

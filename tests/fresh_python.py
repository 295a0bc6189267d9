"""Code run in a fresh interpreter, for what a test process may already have loaded or changed
(imported modules, the garbage collector's settings)."""

from __future__ import annotations

import subprocess
import sys


def printed_words(code: str) -> list[str]:
    """What `code` prints in a fresh interpreter, split into words; it must exit 0."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.split()

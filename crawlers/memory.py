"""A crawl process's memory as the kernel counts it for this program, not its parent's.

``getrusage().ru_maxrss``, which Scrapy's MemoryUsage extension and a plain peak reading use,
survives ``exec`` on Linux: a crawl process started from a large launcher (a scheduler holding
models, a test run hundreds of MB big) starts with the launcher's peak, so a 1 GB limit would
stop a crawl that had used 200 MB. ``/proc/self/status`` counts this program's own memory:
VmRSS now, VmHWM its peak.
"""

from __future__ import annotations

import resource
from pathlib import Path

from scrapy.extensions.memusage import MemoryUsage

_STATUS = Path("/proc/self/status")


def _status_kib(field: str) -> int | None:
    try:
        lines = _STATUS.read_text(encoding="ascii").splitlines()
    except OSError:
        return None  # not Linux
    for line in lines:
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    return None


def resident_bytes() -> int:
    """Resident memory now (ru_maxrss where /proc is missing)."""
    kib = _status_kib("VmRSS")
    return (kib if kib is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) * 1024


def peak_resident_mb() -> int:
    """This program's peak resident memory in MB."""
    kib = _status_kib("VmHWM")
    return (kib if kib is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) // 1024


class ProcessMemoryUsage(MemoryUsage):
    """Scrapy's memory limit, on the crawl process's own resident memory."""

    def get_virtual_size(self) -> int:
        return resident_bytes()

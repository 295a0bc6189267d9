"""A crawl process lives only as long as its launcher, and holds its site's lock meanwhile.

A launcher killed outright (kill -9, out of memory) cannot stop its crawl processes, and an
orphaned one went on crawling beside the next crawl of its site: twice the request rate, two
writers of one site. So a crawl process asks Linux to kill it when its parent dies
(PR_SET_PDEATHSIG), and a watchdog thread also compares its parent pid with the launcher's
(elsewhere, or if the parent died before the request). It also holds the site's crawl lock
(store.crawl_locks) on its own connection, so that even a process that outlived its launcher
keeps every other crawl of the site refused until it is gone.
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import sys
import threading
import time

from crawlers.handoff import CrawlOrder
from store.crawl_locks import SiteLockHolder

log = logging.getLogger(__name__)
WATCH_S = 0.5
LOCK_CHECK_S = 2.0
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def tie_to_launcher(order: CrawlOrder) -> SiteLockHolder:
    """Die with the launcher and hold the site's lock; returns the lock's holder."""
    if order.launcher_pid is not None:
        _ask_kernel_to_kill_orphan()
        _die_if_orphaned(order.launcher_pid)  # the parent may have died before the request
    holder = SiteLockHolder(order.database_url, order.site_id)
    holder.keep()
    watchdog = threading.Thread(
        target=_watch, args=(order.launcher_pid, holder), name="lifeline", daemon=True
    )
    watchdog.start()
    return holder


def _ask_kernel_to_kill_orphan() -> None:
    if not sys.platform.startswith("linux"):
        return  # the watchdog alone, elsewhere
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            log.warning("prctl(PR_SET_PDEATHSIG) failed: errno %d", ctypes.get_errno())
    except (OSError, AttributeError) as exc:
        log.warning("prctl unavailable, relying on the watchdog: %s", exc)


def _die_if_orphaned(launcher_pid: int) -> None:
    if os.getppid() != launcher_pid:
        # SIGKILL, not an exit: nothing of an orphan's crawl may be written after this.
        os.kill(os.getpid(), signal.SIGKILL)


def _watch(launcher_pid: int | None, holder: SiteLockHolder) -> None:
    last_kept = time.monotonic()
    while True:
        time.sleep(WATCH_S)
        if launcher_pid is not None:
            _die_if_orphaned(launcher_pid)
        if time.monotonic() - last_kept >= LOCK_CHECK_S:
            holder.keep()
            last_kept = time.monotonic()

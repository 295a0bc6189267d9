"""Building requested exports: claim the oldest waiting request, write its file whole into
DATA_DIR/exports/built, record its SHA-256 and size. Run by the API's own threads
(ADWATCH_EXECUTION=local) or by `adwatch worker`s (queue), always through `drain`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import psycopg

from api import export_files
from config.settings import Settings
from store import exports

log = logging.getLogger(__name__)
Connect = Callable[[], AbstractContextManager[psycopg.Connection[Any]]]
# A build still "building" after this long lost its builder (killed): another takes it over.
STALE_BUILD_S = 900.0


def build_one(connect: Connect, settings: Settings) -> bool:
    """Build one waiting export; False when none waits."""
    with connect() as conn:
        job = exports.claim_next(conn, STALE_BUILD_S)
        if job is None:
            return False
        name = f"export-{job.id}.{export_files.EXTENSIONS[job.kind]}"
        try:
            write = export_files.writer_for(conn, job.kind, job.parameters, job.actor)
            built = export_files.build_file(export_files.built_dir(settings), name, write)
        except Exception as exc:  # recorded on the request; the builder goes on to the next
            log.exception("export %s failed", job.id)
            exports.mark_failed(conn, job.id, f"{type(exc).__name__}: {exc}")
            return True
        exports.mark_ready(conn, job.id, name, built.sha256, built.size, settings.export_ttl_hours)
        log.info("export %s (%s) ready: %d bytes", job.id, job.kind, built.size)
    return True


def drain(connect: Connect, settings: Settings) -> int:
    """Build waiting exports until none is left; returns how many were taken."""
    taken = 0
    while build_one(connect, settings):
        taken += 1
    return taken


def purge_expired(conn: psycopg.Connection[Any], settings: Settings) -> int:
    """Retention: expired exports' files go, and files no request points to any longer."""
    removed = export_files.remove(settings, exports.expire_due(conn))
    return removed + export_files.sweep_orphans(settings, exports.live_file_names(conn))

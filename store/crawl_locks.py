"""The lock a live crawl holds on its site, so the database itself knows which crawls are alive.

A crawl's launcher and each of its crawl processes hold a *shared* session-level advisory lock
keyed by the site, each on its own connection. A process that dies (killed, crashed, its
machine gone) loses its connection and with it the lock, whoever it was: so "nobody holds the
site's lock" means "no process of any crawl of this site is alive", on any host. A launcher
claims a site by taking the lock *exclusively* for a moment (which fails while any holder is
alive), then shared, then dropping the exclusive one: two launchers cannot both succeed.

A database restart drops every lock at once; holders take theirs again when they reconnect,
so for a short while after a restart a missing lock proves nothing (see `database_uptime_s`).
"""

from __future__ import annotations

import contextlib
import logging
import os
from typing import Any

import psycopg

from store.db import UNREACHABLE

log = logging.getLogger(__name__)
# The first key of the two-key advisory lock; the second is the site id. Any constant works,
# as long as every adwatch process uses the same one and nothing else uses it.
SITE_LOCK_SPACE = 741_017


def try_claim_site(conn: psycopg.Connection[Any], site_id: int) -> bool:
    """Take the site's lock for a new crawl; False while any process of a crawl holds it."""
    row = conn.execute(
        "SELECT pg_try_advisory_lock(%s, %s::int)", (SITE_LOCK_SPACE, site_id)
    ).fetchone()
    if not (row and row[0]):
        return False
    conn.execute("SELECT pg_advisory_lock_shared(%s, %s::int)", (SITE_LOCK_SPACE, site_id))
    conn.execute("SELECT pg_advisory_unlock(%s, %s::int)", (SITE_LOCK_SPACE, site_id))
    return True


def hold_site(conn: psycopg.Connection[Any], site_id: int) -> None:
    """Join the holders of the site's lock (a crawl process, or a launcher reconnecting)."""
    conn.execute("SELECT pg_advisory_lock_shared(%s, %s::int)", (SITE_LOCK_SPACE, site_id))


def site_crawl_alive(conn: psycopg.Connection[Any], site_id: int) -> bool:
    """Does any process hold the site's lock? Looks without taking it."""
    row = conn.execute(
        """SELECT EXISTS (SELECT 1 FROM pg_locks
                           WHERE locktype = 'advisory' AND granted AND objsubid = 2
                             AND classid = %s::int::oid AND objid = %s::int::oid)""",
        (SITE_LOCK_SPACE, site_id),
    ).fetchone()
    return bool(row and row[0])


def database_uptime_s(conn: psycopg.Connection[Any]) -> float:
    row = conn.execute(
        "SELECT extract(epoch FROM now() - pg_postmaster_start_time())::float8"
    ).fetchone()
    assert row is not None
    return float(row[0])


# Sockets of connections holding a site lock in this process. A process forked from it (the
# crawl's extraction workers) would share them, and the lock would outlive a killed crawl
# until every worker had gone too: the child closes its copies at once (only its copies; the
# parent's connection is untouched). subprocess's fork+exec runs no such hook, nor needs one.
_HELD_SOCKETS: set[int] = set()


def _drop_inherited_lock_sockets() -> None:
    for fd in _HELD_SOCKETS:
        with contextlib.suppress(OSError):
            os.close(fd)
    _HELD_SOCKETS.clear()


os.register_at_fork(after_in_child=_drop_inherited_lock_sockets)


class SiteLockHolder:
    """Keeps one process's hold on a site's lock, taking it again after a database restart.

    `keep()` is called now and then (it never raises while the database is unreachable: the
    crawl goes on, and the lock is taken again on a later call)."""

    def __init__(self, database_url: str, site_id: int) -> None:
        self.database_url = database_url
        self.site_id = site_id
        self.conn: psycopg.Connection[Any] | None = None
        self._socket: int | None = None

    def adopt(self, conn: psycopg.Connection[Any]) -> None:
        """Keep a connection that already holds the lock (the launcher's, after a claim)."""
        self._hold(conn)

    def _hold(self, conn: psycopg.Connection[Any]) -> None:
        self.conn = conn
        self._socket = conn.fileno()
        _HELD_SOCKETS.add(self._socket)

    def keep(self) -> bool:
        """True while the lock is held (checked with a round trip to the server)."""
        try:
            if self.conn is not None and not self.conn.closed:
                self.conn.execute("SELECT 1")
                return True
        except UNREACHABLE:
            self.close()
        try:
            self._hold(psycopg.connect(self.database_url, autocommit=True, connect_timeout=5))
            assert self.conn is not None
            hold_site(self.conn, self.site_id)
            log.info("holding the crawl lock of site %d again", self.site_id)
            return True
        except UNREACHABLE as exc:
            log.info("cannot hold the crawl lock of site %d yet: %s", self.site_id, exc)
            self.close()
            return False

    def close(self) -> None:
        if self.conn is not None:
            if self._socket is not None:
                _HELD_SOCKETS.discard(self._socket)
                self._socket = None
            with contextlib.suppress(*UNREACHABLE):  # a dead connection can complain
                self.conn.close()
            self.conn = None

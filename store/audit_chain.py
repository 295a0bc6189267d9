"""Verify the audit log's hash chain (built by the trigger of migration 0007).

The hashes are recomputed here, in Python, from the stored values, so the check does not
trust any function inside the database that an owner could have replaced.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import psycopg

GENESIS = "0" * 64

# Every field as PostgreSQL renders it; the timestamp in UTC with microseconds, as the
# trigger formats it.
_ROWS = """
SELECT id, prev_hash, row_hash, id::text,
       to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
       actor_id::text, actor, action, object_type, object_id, detail::text
FROM audit_log ORDER BY audit_log.id
"""


@dataclass(frozen=True)
class ChainReport:
    entries: int
    head: str  # the last row's hash: record it elsewhere to detect a truncated tail later
    broken_id: int | None = None  # the first altered or unlinked entry
    reason: str = ""  # why the chain is broken; empty when intact

    @property
    def intact(self) -> bool:
        return not self.reason


def _field(value: str | None) -> str:
    return "~" if value is None else f"{len(value.encode())}:{value}"


def row_hash(prev_hash: str, fields: Iterable[str | None]) -> str:
    """SHA-256 of the previous hash and the row's length-prefixed fields (see 0007)."""
    canonical = prev_hash + "".join(_field(value) for value in fields)
    return hashlib.sha256(canonical.encode()).hexdigest()


def verify(conn: psycopg.Connection[Any], anchor: str | None = None) -> ChainReport:
    """Walk the chain in id order; the first row that does not link or hash is reported.

    `anchor`, a head hash recorded earlier, must still be in the chain: entries cut from the
    end leave an intact but shorter chain, which only such an outside copy reveals."""
    report = _walk(conn)
    if report.intact and anchor and not _contains(conn, anchor):
        return ChainReport(report.entries, report.head, None, f"the recorded head {anchor} is gone")
    return report


def _contains(conn: psycopg.Connection[Any], row_hash: str) -> bool:
    found = conn.execute("SELECT 1 FROM audit_log WHERE row_hash = %s", (row_hash,)).fetchone()
    return found is not None


def _walk(conn: psycopg.Connection[Any]) -> ChainReport:
    previous, count = GENESIS, 0
    with conn.transaction(), conn.cursor(name="audit_chain_verify") as cur:
        cur.itersize = 2000
        cur.execute(_ROWS)
        for entry_id, prev_hash, stored_hash, *fields in cur:
            if prev_hash != previous:
                reason = "does not link to the row before it (a row was removed or altered)"
                return ChainReport(count, previous, entry_id, reason)
            if row_hash(previous, fields) != stored_hash:
                return ChainReport(count, previous, entry_id, "its content no longer matches")
            previous, count = stored_hash, count + 1
    return ChainReport(count, previous)

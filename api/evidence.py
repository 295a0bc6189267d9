"""Evidence package: a streamed ZIP of snapshots, texts, scores, decisions, notes + manifest.

Each version's raw page is read, written into the archive and sent before the next is read,
so memory stays at one snapshot. manifest.json lists the SHA-256 of every file in the ZIP and
whether each snapshot still matches the SHA-256 recorded when it was fetched.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterator
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

import psycopg
from psycopg_pool import ConnectionPool

from api.deps import Principal
from store import advert_queries as aq
from store import review, scores


class _Sink:
    """A write-only stream whose bytes are drained between files (ZipFile needs no seek)."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []

    def write(self, data: bytes, /) -> int:
        self.chunks.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        return None

    def close(self) -> None:
        return None

    def drain(self) -> bytes:
        data, self.chunks = b"".join(self.chunks), []
        return data


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=2, default=str).encode()


_EXTENSIONS = {"text/html": "html", "application/json": "json", "text/plain": "txt"}


def _snapshot_name(version: aq.VersionRow) -> str:
    mime = (version.content_type or "text/html").split(";")[0].strip().lower()
    return f"versions/{version.version}/snapshot.{_EXTENSIONS.get(mime, 'bin')}"


def _files(
    conn: psycopg.Connection[Any], advert_id: int
) -> Iterator[tuple[str, bytes, dict[str, Any]]]:
    """(path, bytes, manifest extras) for every file of the package, one at a time."""
    row = aq.advert(conn, advert_id)
    assert row is not None
    yield "advert.json", _json(asdict(row)), {}
    for version, raw in aq.snapshots(conn, advert_id):
        meta = {k: v for k, v in asdict(version).items() if k not in ("title", "body")}
        yield f"versions/{version.version}/metadata.json", _json(meta), {}
        yield (
            f"versions/{version.version}/text.txt",
            f"{version.title}\n\n{version.body}".encode(),
            {},
        )
        if raw is None:
            continue
        ok = hashlib.sha256(raw).hexdigest() == version.raw_sha256
        yield _snapshot_name(version), raw, {"recorded_sha256": version.raw_sha256, "matches": ok}
    score = scores.latest_score(conn, advert_id)
    yield "scores.json", _json(asdict(score) if score else None), {}
    yield "entities.json", _json([asdict(e) for e in aq.entities(conn, advert_id)]), {}
    yield "decisions.json", _json([asdict(d) for d in review.decisions(conn, advert_id)]), {}
    yield "notes.json", _json([asdict(n) for n in review.notes(conn, advert_id)]), {}


def stream_evidence(pool: ConnectionPool[Any], advert_id: int, user: Principal) -> Iterator[bytes]:
    """The ZIP as chunks, read in one transaction (one consistent view of the advert).

    The caller audits the export, and commits that, before the response starts: a client that
    drops the connection halfway has still been recorded."""
    sink = _Sink()
    manifest: list[dict[str, Any]] = []
    with pool.connection() as conn, conn.transaction():
        with zipfile.ZipFile(sink, mode="w", compression=zipfile.ZIP_DEFLATED) as archive:
            for path, data, extras in _files(conn, advert_id):
                archive.writestr(path, data)
                manifest.append(
                    {
                        "path": path,
                        "sha256": hashlib.sha256(data).hexdigest(),
                        "size": len(data),
                        **extras,
                    }
                )
                yield sink.drain()
            archive.writestr(
                "manifest.json",
                _json(
                    {
                        "advert_id": advert_id,
                        "generated_at": datetime.now(UTC).isoformat(),
                        "generated_by": user.actor,
                        "files": manifest,
                    }
                ),
            )
        yield sink.drain()

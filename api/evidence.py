"""Evidence package: a ZIP of snapshots, texts, scores, decisions, notes and a manifest.

Each version's raw page is read and written into the archive (a file on disk) before the
next is read, so memory stays at one snapshot. manifest.json lists the SHA-256 of every file
in the ZIP and whether each snapshot still matches the SHA-256 recorded when it was fetched.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterator
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any, BinaryIO

import psycopg

from store import advert_queries as aq
from store import review, scores


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


def write_evidence(
    conn: psycopg.Connection[Any], advert_id: int, actor: str, out: BinaryIO
) -> None:
    """Write the ZIP to `out`, read in one transaction (one consistent view of the advert).

    The caller audits the export, and commits that, before the file is sent; the file is
    written in full before any byte goes out, so the connection is free before the reader
    starts (a slow reader holds a file, never a database connection)."""
    manifest: list[dict[str, Any]] = []
    with (
        conn.transaction(),
        zipfile.ZipFile(out, mode="w", compression=zipfile.ZIP_DEFLATED) as archive,
    ):
        for path, data, extras in _files(conn, advert_id):
            archive.writestr(path, data)
            digest = hashlib.sha256(data).hexdigest()
            manifest.append({"path": path, "sha256": digest, "size": len(data), **extras})
        archive.writestr(
            "manifest.json",
            _json(
                {
                    "advert_id": advert_id,
                    "generated_at": datetime.now(UTC).isoformat(),
                    "generated_by": actor,
                    "files": manifest,
                }
            ),
        )

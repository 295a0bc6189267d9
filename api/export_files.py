"""Export files on disk (DATA_DIR/exports): written whole to a temporary name and renamed, so
a reader never sees half a file; served from disk, so a slow reader holds a file, not a
database connection.

`built/` holds the files of export requests (kept until they expire); `spool/` the one-off
files the direct export routes build before sending (removed once sent).
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import psycopg

from api.evidence import write_evidence
from config.settings import Settings
from share.depersonalise import sample
from store import labels

# A spooled file left by a crashed process is removed by retention after this long.
SPOOL_MAX_AGE_S = 24 * 3600
EXTENSIONS = {"evidence": "zip", "samples": "jsonl"}
MEDIA_TYPES = {"evidence": "application/zip", "samples": "application/x-ndjson"}


@dataclass(frozen=True)
class Built:
    path: Path
    sha256: str
    size: int


def built_dir(settings: Settings) -> Path:
    return settings.data_dir / "exports" / "built"


def spool_dir(settings: Settings) -> Path:
    return settings.data_dir / "exports" / "spool"


class _Hashing:
    """A write-only file wrapper that hashes and counts what passes through it."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw, self.digest, self.size = raw, hashlib.sha256(), 0

    def write(self, data: bytes, /) -> int:
        self.digest.update(data)
        self.size += len(data)
        return self.raw.write(data)

    def flush(self) -> None:
        self.raw.flush()


def build_file(folder: Path, name: str, write: Callable[[BinaryIO], None]) -> Built:
    """Write a file through `write` under a temporary name in `folder`, then rename it to
    `name`: the file appears whole or not at all."""
    folder.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=folder, prefix=".building-")
    try:
        with os.fdopen(fd, "wb") as raw:
            hashing = _Hashing(raw)
            write(hashing)  # type: ignore[arg-type]  # a write-only stream is all they need
            raw.flush()
            os.fsync(raw.fileno())
        final = folder / name
        os.replace(temp, final)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return Built(final, hashing.digest.hexdigest(), hashing.size)


def spool(settings: Settings, suffix: str, write: Callable[[BinaryIO], None]) -> Built:
    """A one-off file for a direct export route (removed once sent)."""
    return build_file(spool_dir(settings), f"{secrets.token_hex(16)}.{suffix}", write)


def write_lines(lines: Iterable[str]) -> Callable[[BinaryIO], None]:
    def write(out: BinaryIO) -> None:
        for line in lines:
            out.write(line.encode())

    return write


def write_samples(
    conn: psycopg.Connection[Any], filters: dict[str, str | None]
) -> Callable[[BinaryIO], None]:
    """De-personalised labelled samples as JSONL, read through one server-side cursor."""
    rows = labels.export_rows(conn, **filters)
    return write_lines(json.dumps(sample(row), ensure_ascii=False) + "\n" for row in rows)


def writer_for(
    conn: psycopg.Connection[Any], kind: str, parameters: dict[str, Any], actor: str
) -> Callable[[BinaryIO], None]:
    if kind == "evidence":
        advert_id = int(parameters["advert_id"])
        return lambda out: write_evidence(conn, advert_id, actor, out)
    if kind == "samples":
        return write_samples(conn, {k: parameters.get(k) for k in ("source", "split", "kind")})
    raise ValueError(f"unknown export kind {kind!r}")


def remove(settings: Settings, names: Iterable[str]) -> int:
    """Remove built files by name (names from the database, kept to one folder)."""
    removed = 0
    for name in names:
        path = built_dir(settings) / Path(name).name
        if path.exists():
            path.unlink()
            removed += 1
    return removed


def sweep_orphans(settings: Settings, keep: set[str]) -> int:
    """Remove built files no request points to any longer and spooled files a crashed process
    left behind (older than a day: a live download may still be reading a newer one)."""
    removed, cutoff = 0, time.time() - SPOOL_MAX_AGE_S
    for folder, keep_names in ((built_dir(settings), keep), (spool_dir(settings), set())):
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            if path.name in keep_names or path.stat().st_mtime > cutoff:
                continue
            path.unlink(missing_ok=True)
            removed += 1
    return removed

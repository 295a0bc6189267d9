"""Image bytes on disk: one file per distinct content, named by its SHA-256.

The key is ``ab/cd/<sha256>`` (two levels of 256 folders, so no folder grows past a few
thousand files at millions of images) relative to the images root (DATA_DIR/images), so the
data directory can move. Files are written atomically (a temporary file in the same folder,
then a rename): a crawl killed mid-write leaves no half image under a real name, and two
processes writing the same image at once both end with the same whole file.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from pathlib import Path

__all__ = ["delete_image", "image_path", "images_root", "storage_key", "write_image"]

_SHA256 = re.compile(r"[0-9a-f]{64}")


def images_root(data_dir: Path) -> Path:
    """Where a deployment keeps image bytes."""
    return data_dir / "images"


def storage_key(sha256: str) -> str:
    """The relative key of an image's bytes; ValueError for anything but a SHA-256 hex digest
    (the key becomes a path: nothing else may reach it)."""
    if not _SHA256.fullmatch(sha256):
        raise ValueError(f"not a SHA-256 hex digest: {sha256[:80]!r}")
    return f"{sha256[:2]}/{sha256[2:4]}/{sha256}"


def image_path(root: Path, key: str) -> Path:
    """The file of a stored key (checked like storage_key: no other path is reachable)."""
    name = key.rsplit("/", 1)[-1]
    if storage_key(name) != key:
        raise ValueError(f"not an image storage key: {key[:120]!r}")
    return root / key


def write_image(root: Path, data: bytes) -> str:
    """Store bytes once under their SHA-256 (a second write of the same bytes is a no-op);
    returns the key."""
    key = storage_key(hashlib.sha256(data).hexdigest())
    path = root / key
    if path.is_file() and path.stat().st_size == len(data):
        return key
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".part-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return key


def delete_image(root: Path, key: str) -> bool:
    """Remove an image's bytes; False when they were already gone."""
    try:
        image_path(root, key).unlink()
    except FileNotFoundError:
        return False
    return True

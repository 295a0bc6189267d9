"""The rehash worker reads an image's kept bytes as hostile input: the full-size PDQ of bytes
that are the image, and a reason (never an exception, never another file) otherwise."""

from __future__ import annotations

import hashlib
from pathlib import Path

from crawlers.image_check import inspect_image
from crawlers.rehash import MISSING, UNREADABLE, hash_kept_bytes
from store.image_files import write_image
from store.image_rehash import OldHash, Rehashed
from tests.image_support import SVG, bomb_png, pattern_jpeg


def kept(root: Path, data: bytes, media_type: str = "image/jpeg") -> OldHash:
    key = write_image(root, data)
    return OldHash(7, key.rsplit("/", 1)[-1], media_type, key)


def test_kept_bytes_get_the_capture_hash(tmp_path: Path) -> None:
    data = pattern_jpeg(3, (900, 700))
    record = inspect_image(data, "image/jpeg")
    assert hash_kept_bytes(str(tmp_path), kept(tmp_path, data)) == Rehashed(
        7, record.pdq, record.pdq_quality
    )


def test_missing_bytes_and_foreign_keys_are_reasons(tmp_path: Path) -> None:
    sha = hashlib.sha256(b"gone").hexdigest()
    gone = OldHash(1, sha, "image/jpeg", f"{sha[:2]}/{sha[2:4]}/{sha}")
    assert hash_kept_bytes(str(tmp_path), gone) == MISSING
    for key in ("../../etc/passwd", "/etc/passwd", "", f"{sha[:2]}/{sha}"):
        assert hash_kept_bytes(str(tmp_path), OldHash(1, sha, "image/jpeg", key)) == UNREADABLE


def test_bytes_that_are_not_the_image_keep_the_old_hash(tmp_path: Path) -> None:
    image = kept(tmp_path, pattern_jpeg(4))
    (tmp_path / image.storage_key).write_bytes(pattern_jpeg(5))  # replaced on disk
    assert hash_kept_bytes(str(tmp_path), image) == UNREADABLE
    for data, media_type in ((SVG, "image/svg+xml"), (bomb_png(), "image/png"), (b"\0" * 9, "")):
        assert hash_kept_bytes(str(tmp_path), kept(tmp_path, data, media_type)) == UNREADABLE

"""Image bytes on disk: named by content, written once and atomically, nothing else reachable."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from store.image_files import delete_image, image_path, storage_key, write_image


def test_bytes_are_kept_once_under_their_hash(tmp_path: Path) -> None:
    data = b"\xff\xd8 not really a jpeg, but bytes are bytes"
    sha = hashlib.sha256(data).hexdigest()
    key = write_image(tmp_path, data)
    assert key == f"{sha[:2]}/{sha[2:4]}/{sha}" == storage_key(sha)
    assert write_image(tmp_path, data) == key
    assert (tmp_path / key).read_bytes() == data
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == [tmp_path / key]  # no temp left


def test_a_truncated_file_under_the_name_is_rewritten(tmp_path: Path) -> None:
    data = b"0123456789" * 10
    key = write_image(tmp_path, data)
    (tmp_path / key).write_bytes(data[:5])
    assert write_image(tmp_path, data) == key
    assert (tmp_path / key).read_bytes() == data


def test_delete_removes_the_file_once(tmp_path: Path) -> None:
    key = write_image(tmp_path, b"bytes")
    assert delete_image(tmp_path, key) is True
    assert delete_image(tmp_path, key) is False
    assert not (tmp_path / key).exists()


@pytest.mark.parametrize(
    "key", ["../../etc/passwd", "ab/cd/" + "0" * 64, "/" + "0" * 64, "0" * 64, "00/00/x"]
)
def test_keys_that_are_not_content_keys_reach_no_path(tmp_path: Path, key: str) -> None:
    with pytest.raises(ValueError):
        image_path(tmp_path, key)


@pytest.mark.parametrize("sha", ["../x", "0" * 63, "G" * 64, "0" * 64 + "/"])
def test_a_key_is_made_only_from_a_sha256_digest(sha: str) -> None:
    with pytest.raises(ValueError, match="not a SHA-256"):
        storage_key(sha)

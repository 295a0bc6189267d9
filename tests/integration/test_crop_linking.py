"""Image clusters with the crop signal: a copy cropped by up to a tenth of the area joins its
original's cluster whichever arrives first, through window hashes kept in
image_crop_windows; different photos stay apart, and an image whose bytes are gone is linked
by PDQ alone."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Any

import psycopg
import pytest

from demo.site.images.draw import draw_photo
from demo.site.images.encode import crop_box
from linking.crop_linker import CropLinker
from linking.crop_windows import HASH_BYTES, WINDOWS
from linking.image_linker import link_images
from linking.linker import link_pending
from linking.pdq import MIN_QUALITY, pdq_distance
from store import adverts
from store.image_files import images_root
from store.images import ImageRecord
from tests.image_support import escort_snapshot, record_photo, store_photo

pytestmark = pytest.mark.integration


def ad(conn: psycopg.Connection[Any], n: int) -> int:
    snapshot = escort_snapshot(n, f"City {n}")
    return adverts.ingest_advert(conn, snapshot).advert_id


def photo(name: str, cut: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)) -> bytes:
    master = draw_photo(f"crop-linking:{name}")
    out = io.BytesIO()
    master.crop(crop_box(master.size, cut)).save(out, "JPEG", quality=85)
    return out.getvalue()


def image_clusters(conn: psycopg.Connection[Any]) -> list[list[int]]:
    rows = conn.execute(
        """SELECT array_agg(m.advert_id ORDER BY m.advert_id) FROM cluster_members m
           JOIN clusters c ON c.id = m.cluster_id AND c.kind = 'image' GROUP BY c.id ORDER BY 1"""
    ).fetchall()
    return [list(r[0]) for r in rows]


def pdq_of(conn: psycopg.Connection[Any], image_id: int) -> str:
    row = conn.execute("SELECT pdq FROM images WHERE id = %s", (image_id,)).fetchone()
    assert row is not None
    return str(row[0])


def test_cropped_copies_join_their_original_whichever_comes_first(
    conn: psycopg.Connection[Any], tmp_path: Path
) -> None:
    ids = [ad(conn, n) for n in range(6)]
    # a one-sided crop (a tenth of the width) arrives first, alone: nothing to link yet
    one_side = store_photo(conn, tmp_path, ids[0], photo("a", (0.10, 0.0, 0.0, 0.0)))
    link_pending(conn, images_dir=images_root(tmp_path))
    assert image_clusters(conn) == []
    # then the original, a centred crop and a corner crop of it, and another photo
    original = store_photo(conn, tmp_path, ids[1], photo("a"))
    store_photo(conn, tmp_path, ids[2], photo("a", (0.0256,) * 4))
    store_photo(conn, tmp_path, ids[3], photo("a", (0.0, 0.051, 0.051, 0.0)))
    store_photo(conn, tmp_path, ids[4], photo("b"))
    store_photo(conn, tmp_path, ids[5], photo("b", (0.0, 0.0, 0.0, 0.10)))
    assert pdq_distance(pdq_of(conn, one_side), pdq_of(conn, original)) > 31  # PDQ misses it
    link_pending(conn, images_dir=images_root(tmp_path))
    assert image_clusters(conn) == [ids[:4], ids[4:]]
    stored = conn.execute("SELECT count(*), min(octet_length(hashes)) FROM image_crop_windows")
    assert stored.fetchone() == (6, HASH_BYTES * len(WINDOWS))


def test_without_the_images_folder_pdq_alone_links(
    conn: psycopg.Connection[Any], tmp_path: Path
) -> None:
    ids = [ad(conn, n) for n in range(2)]
    store_photo(conn, tmp_path, ids[0], photo("c"))
    store_photo(conn, tmp_path, ids[1], photo("c", (0.0, 0.10, 0.0, 0.0)))
    link_images(conn)
    assert image_clusters(conn) == []
    assert conn.execute("SELECT count(*) FROM image_crop_windows").fetchone() == (0,)


def test_an_image_whose_bytes_are_missing_links_by_pdq_alone(
    conn: psycopg.Connection[Any], tmp_path: Path
) -> None:
    ids = [ad(conn, n) for n in range(3)]
    kept = store_photo(conn, tmp_path, ids[0], photo("d"))
    sha = hashlib.sha256(b"gone").hexdigest()
    gone = ImageRecord(sha, 4, "image/jpeg", 480, 600, pdq_of(conn, kept), 100, f"{sha[:2]}/x")
    record_photo(conn, ids[1], "https://img.example.org/gone.jpg", gone)
    store_photo(conn, tmp_path, ids[2], photo("d", (0.0, 0.0, 0.10, 0.0)))
    link_images(conn, images_dir=images_root(tmp_path))
    assert image_clusters(conn) == [ids]  # the missing one by PDQ, the crop by its windows
    assert conn.execute("SELECT count(*) FROM image_crop_windows").fetchone() == (2,)


def test_an_image_queued_after_the_index_was_built_gets_windows_and_matches(
    conn: psycopg.Connection[Any], tmp_path: Path
) -> None:
    ids = [ad(conn, n) for n in range(2)]
    original = store_photo(conn, tmp_path, ids[0], photo("e"))
    crop = CropLinker(images_root(tmp_path), MIN_QUALITY)
    crop.prepare(conn)
    copy = store_photo(conn, tmp_path, ids[1], photo("e", (0.0, 0.0, 0.0, 0.09)))
    assert crop.pairs(conn, [copy]) == {(copy, original)}
    assert crop.pairs(conn, [original]) == {(original, copy)}


def test_the_crop_index_holds_only_the_newest_photos(
    conn: psycopg.Connection[Any], tmp_path: Path
) -> None:
    """ADWATCH_CROP_INDEX_IMAGES bounds the index: a crop of a photo older than the newest N
    is not linked by the crop signal (PDQ alone cannot follow it), one within them is."""
    ids = [ad(conn, n) for n in range(5)]
    store_photo(conn, tmp_path, ids[0], photo("old"))
    store_photo(conn, tmp_path, ids[1], photo("other-1"))
    store_photo(conn, tmp_path, ids[2], photo("other-2"))
    link_pending(conn, images_dir=images_root(tmp_path), crop_images=2)
    store_photo(conn, tmp_path, ids[3], photo("old", (0.10, 0.0, 0.0, 0.0)))
    link_pending(conn, images_dir=images_root(tmp_path), crop_images=2)
    assert image_clusters(conn) == []  # "old" is not among the newest 2 with windows
    store_photo(conn, tmp_path, ids[4], photo("other-2", (0.0, 0.10, 0.0, 0.0)))
    link_pending(conn, images_dir=images_root(tmp_path), crop_images=3)
    assert image_clusters(conn) == [[ids[2], ids[4]]]

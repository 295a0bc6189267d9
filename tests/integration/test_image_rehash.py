"""`adwatch images rehash` on real PostgreSQL, with pictures drawn by Pillow and kept in a
temporary DATA_DIR: hashes stored by the former 512-pixel method become exactly pdqhash's
full-size hash, with their band rows replaced and their images queued for linking again; purged
and missing bytes keep the old hash and are counted; a second run does nothing; a batch that
fails leaves nothing half-written and the next run finishes; a warm index answers with the new
hashes; partners receive the new hashes from then on."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import pdqhash
import psycopg
import pytest
from PIL import Image
from typer.testing import CliRunner

from adwatch.cli import app
from crawlers.rehash import HashBatch, RehashCounts, hash_kept_bytes, rehash_images
from linking import image_linker
from linking.image_search import find_neighbours
from linking.pdq import pdq_bands
from linking.pdq_warm import WarmIndex
from store.image_files import delete_image, images_root, write_image
from store.image_rehash import OldHash, Rehashed
from store.images import link_advert_image
from tests.image_support import bridal_advert, encoded, pattern
from tests.integration.test_api_feed import decide, env, get_feed, secret_env

pytestmark = pytest.mark.integration
__all__ = ["env", "secret_env"]  # fixtures shared with the feed tests
SIZES = [(1200, 900), (1600, 1000), (700, 1100), (2000, 1500), (900, 640)]


def pdqhash_of(picture: Image.Image) -> tuple[str, int]:
    bits, quality = pdqhash.compute(np.asarray(picture.convert("RGB")))
    return np.packbits(np.asarray(bits, dtype=np.uint8)).tobytes().hex(), int(quality)


def shrunk_pdq(data: bytes) -> tuple[str, int]:
    """The former method (until 2026-12-07): shrunk to 512 pixels a side, then pdqhash."""
    picture = Image.open(io.BytesIO(data))
    picture.draft("RGB", (512, 512))
    rgb = picture.convert("RGB")
    rgb.thumbnail((512, 512), Image.Resampling.BOX)
    return pdqhash_of(rgb)


def old_photo(conn: psycopg.Connection[Any], root: Path, advert_id: int, data: bytes) -> int:
    """An image as stored before migration 0019: the shrunk hash, its bands, pdq_method left
    to the column's default, linked to its advert (and queued, as then)."""
    key = write_image(root, data)
    pdq, quality = shrunk_pdq(data)
    width, height = Image.open(io.BytesIO(data)).size
    with conn.transaction():
        row = conn.execute(
            """INSERT INTO images (sha256, byte_size, media_type, width, height, pdq,
                                   pdq_quality, storage_key)
               VALUES (%s, %s, 'image/jpeg', %s, %s, %s, %s, %s) RETURNING id""",
            (key.rsplit("/", 1)[-1], len(data), width, height, pdq, quality, key),
        ).fetchone()
        assert row is not None
        image_id = int(row[0])
        for band, value in enumerate(pdq_bands(pdq)):
            conn.execute(
                "INSERT INTO image_pdq_bands (band, value, image_id) VALUES (%s, %s, %s)",
                (band, value, image_id),
            )
        link_advert_image(
            conn, advert_id, image_id, f"https://img.example.org/{key[-8:]}", 0, datetime.now(UTC)
        )
    return image_id


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return images_root(tmp_path / "data")


@pytest.fixture
def pictures() -> list[bytes]:
    return [encoded(pattern(seed, size), "JPEG", quality=92) for seed, size in enumerate(SIZES)]


@pytest.fixture
def stored(conn: psycopg.Connection[Any], root: Path, pictures: list[bytes]) -> list[int]:
    """One advert per picture, each showing it; linked once, as a deployment would have."""
    ids = [old_photo(conn, root, bridal_advert(conn, n), data) for n, data in enumerate(pictures)]
    image_linker.link_images(conn)
    conn.commit()
    return ids


def in_process(root: Path) -> HashBatch:
    def hash_batch(images: Sequence[OldHash]) -> list[Rehashed | str]:
        return [hash_kept_bytes(str(root), image) for image in images]

    return hash_batch


def rehash(conn: psycopg.Connection[Any], root: Path, **options: Any) -> RehashCounts:
    conn.commit()  # the test's reads opened a transaction; the batches commit on their own
    return rehash_images(conn, in_process(root), 50, **options)


def image_row(conn: psycopg.Connection[Any], image_id: int) -> tuple[str, int, int]:
    row = conn.execute(
        "SELECT pdq, pdq_quality, pdq_method FROM images WHERE id = %s", (image_id,)
    ).fetchone()
    assert row is not None
    return str(row[0]), int(row[1]), int(row[2])


def bands(conn: psycopg.Connection[Any], image_id: int) -> list[int]:
    rows = conn.execute(
        "SELECT value FROM image_pdq_bands WHERE image_id = %s ORDER BY band", (image_id,)
    ).fetchall()
    return [int(r[0]) for r in rows]


def queued(conn: psycopg.Connection[Any]) -> list[int]:
    rows = conn.execute("SELECT image_id FROM image_link_queue ORDER BY 1").fetchall()
    return [int(r[0]) for r in rows]


def generation(conn: psycopg.Connection[Any]) -> int:
    row = conn.execute("SELECT generation FROM pdq_generation").fetchone()
    return int(row[0]) if row else -1


def test_old_hashes_become_pdqhash_full_size_values_with_new_bands_and_requeued(
    conn: psycopg.Connection[Any], root: Path, pictures: list[bytes], stored: list[int]
) -> None:
    expected = [pdqhash_of(Image.open(io.BytesIO(data))) for data in pictures]
    old = [image_row(conn, i) for i in stored]
    assert all(method == 1 for _, _, method in old) and queued(conn) == []
    moved = [
        i for i, (o, e) in zip(stored, zip(old, expected, strict=True), strict=True) if o[:2] != e
    ]
    assert moved, "the test pictures must hash differently when shrunk"
    counts = rehash(conn, root, batch=2)
    assert (counts.rehashed, counts.changed) == (len(stored), len(moved))
    assert (counts.missing, counts.unreadable, counts.purged) == (0, 0, 0)
    for image_id, (pdq, quality) in zip(stored, expected, strict=True):
        assert image_row(conn, image_id) == (pdq, quality, 2)
        assert bands(conn, image_id) == pdq_bands(pdq)  # the old band rows are gone
    assert queued(conn) == moved
    assert generation(conn) == 3  # one bump a batch that changed hashes (2 + 2 + 1 images)
    linked, _ = image_linker.link_images(conn)
    assert linked == len(moved) and queued(conn) == []


def test_purged_and_missing_bytes_keep_their_old_hash_and_are_counted(
    conn: psycopg.Connection[Any], root: Path, stored: list[int]
) -> None:
    purged, missing = stored[0], stored[3]
    keys = dict(conn.execute("SELECT id, storage_key FROM images").fetchall())
    conn.execute("UPDATE images SET purged_at = now() WHERE id = %s", (purged,))
    conn.commit()
    assert delete_image(root, keys[purged]) and delete_image(root, keys[missing])
    before = {i: (image_row(conn, i), bands(conn, i)) for i in (purged, missing)}
    counts = rehash(conn, root)
    assert (counts.rehashed, counts.purged, counts.missing) == (len(stored) - 2, 1, 1)
    assert {i: (image_row(conn, i), bands(conn, i)) for i in (purged, missing)} == before
    assert "1 purged, 1 missing" in counts.line()


def test_a_second_run_does_nothing(
    conn: psycopg.Connection[Any], root: Path, stored: list[int]
) -> None:
    rehash(conn, root)
    image_linker.link_images(conn)
    conn.commit()
    rows, bumped = [image_row(conn, i) for i in stored], generation(conn)
    again = rehash(conn, root)
    assert again == RehashCounts()
    assert [image_row(conn, i) for i in stored] == rows
    assert generation(conn) == bumped and queued(conn) == []


def test_a_failed_batch_leaves_nothing_half_written_and_the_next_run_finishes(
    conn: psycopg.Connection[Any], root: Path, stored: list[int]
) -> None:
    before = [(image_row(conn, i), bands(conn, i)) for i in stored]
    conn.execute(  # the database refuses the third image's update: the batch in flight fails
        f"""CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'interrupted'; END $$;
            CREATE TRIGGER refuse BEFORE UPDATE ON images FOR EACH ROW
            WHEN (NEW.id = {stored[2]}) EXECUTE FUNCTION refuse();"""
    )
    conn.commit()
    with pytest.raises(psycopg.errors.RaiseException):
        rehash(conn, root, batch=2)
    methods = [image_row(conn, i)[2] for i in stored]
    assert methods == [2, 2, 1, 1, 1]
    assert [(image_row(conn, i), bands(conn, i)) for i in stored[2:]] == before[2:]
    conn.execute("DROP TRIGGER refuse ON images")
    conn.commit()
    counts = rehash(conn, root, batch=2)
    assert counts.rehashed == 3 and [image_row(conn, i)[2] for i in stored] == [2] * 5


def test_limit_stops_after_that_many_and_a_later_run_resumes(
    conn: psycopg.Connection[Any], root: Path, stored: list[int]
) -> None:
    assert rehash(conn, root, batch=2, limit=3).rehashed == 3
    assert [image_row(conn, i)[2] for i in stored] == [2, 2, 2, 1, 1]
    assert rehash(conn, root, batch=2).rehashed == 2


def test_a_warm_index_answers_with_the_new_hashes(
    db_url: str,
    conn: psycopg.Connection[Any],
    root: Path,
    pictures: list[bytes],
    stored: list[int],
) -> None:
    warm = WarmIndex(partial(psycopg.connect, db_url), 50, 10**9)
    warm.start()
    warm.close()
    old = [image_row(conn, i)[0] for i in stored]
    assert [n.image_id for n in warm.lookup(conn, old, 0, 50) or []] == stored
    rehash(conn, root)
    new = [image_row(conn, i)[0] for i in stored]
    moved = [n for n, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
    assert moved
    assert warm.lookup(conn, new, 0, 50) is None  # stale: the table answers while it reloads
    table = find_neighbours(conn, new, 0, 50)
    assert [(n.query, n.image_id) for n in table] == list(enumerate(stored))
    warm.close()
    assert warm.state == "ready"
    assert warm.lookup(conn, new, 0, 50) == table
    assert [n.query for n in warm.lookup(conn, old, 0, 50) or []] == [
        n for n in range(len(old)) if n not in moved
    ]
    warm.close()


def test_the_command_hashes_in_a_pool_and_prints_one_line(
    adwatch_env: str,
    conn: psycopg.Connection[Any],
    tmp_path: Path,
    pictures: list[bytes],
    stored: list[int],
) -> None:
    # adwatch_env points DATA_DIR at tmp_path / "data", where `root` wrote the bytes
    result = CliRunner().invoke(app, ["images", "rehash", "--batch", "2", "--workers", "2"])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"rehashed {len(stored)} images (")
    expected = [pdqhash_of(Image.open(io.BytesIO(data))) for data in pictures]
    assert [image_row(conn, i) for i in stored] == [(p, q, 2) for p, q in expected]


def test_partners_receive_the_new_hash_from_then_on(
    env: Any, conn: psycopg.Connection[Any], root: Path, pictures: list[bytes]
) -> None:
    c, keys, ids = env
    images = [old_photo(conn, root, ids[n], pictures[n]) for n in (0, 1)]
    conn.commit()
    old = [image_row(conn, i)[0] for i in images]
    decide(c, keys, ids[0], "confirmed")
    first = get_feed(c, keys).json()
    assert [i["pdq"] for i in first["items"][0]["images"]] == [old[0]]
    rehash(conn, root)
    new_pdq, quality, _ = image_row(conn, images[1])
    assert new_pdq != old[1]
    decide(c, keys, ids[1], "confirmed")
    after = get_feed(c, keys, cursor=first["next_cursor"]).json()["items"]
    assert [i["advert_id"] for i in after] == [ids[1]]
    assert after[0]["images"] == [{"pdq": new_pdq, "pdq_quality": quality}]

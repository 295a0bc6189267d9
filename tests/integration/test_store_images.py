"""store/images.py on real PostgreSQL: one row per distinct image however often it is
captured, PDQ bands written as linking.pdq cuts them, only hashes of enough quality queued for
linking, and image bytes purged by the raw-snapshot retention rule while the hashes stay."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest

from adwatch.jobs import retention_job
from crawlers.image_check import inspect_image
from linking.pdq import pdq_bands
from store import images
from store.image_files import image_path, images_root, write_image
from store.images import CapturedImage, ImageRecord
from tests.image_support import bridal_advert, flat_png, pattern_jpeg

pytestmark = pytest.mark.integration
T0 = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def record(seed: int) -> ImageRecord:
    return replace(inspect_image(pattern_jpeg(seed), "image/jpeg"), storage_key=f"k/{seed}")


def count(conn: psycopg.Connection[Any], table: str) -> int:
    row = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
    return int(row[0]) if row else 0


def test_an_image_is_stored_once_with_its_bands_and_queued_once(
    conn: psycopg.Connection[Any],
) -> None:
    image = record(1)
    first = images.upsert_image(conn, image)
    again = images.upsert_image(conn, replace(image, storage_key="other/key"))
    assert first[1] is True and again == (first[0], False)
    row = images.get_image(conn, image.sha256)
    assert row is not None and row["pdq"] == image.pdq and row["storage_key"] == "k/1"
    bands = conn.execute(
        "SELECT band, value FROM image_pdq_bands WHERE image_id = %s ORDER BY band", (first[0],)
    ).fetchall()
    assert image.pdq is not None
    assert [value for _, value in bands] == pdq_bands(image.pdq)
    assert [band for band, _ in bands] == list(range(16))
    assert conn.execute("SELECT image_id FROM image_link_queue").fetchall() == [(first[0],)]


def test_a_hash_below_the_quality_threshold_is_kept_but_not_matched(
    conn: psycopg.Connection[Any],
) -> None:
    flat = replace(inspect_image(flat_png(), "image/png"), storage_key="k/flat")
    assert flat.pdq_quality is not None and flat.pdq_quality < images.DEFAULT_MIN_QUALITY
    image_id, _ = images.upsert_image(conn, flat)
    strict_id, _ = images.upsert_image(conn, record(2), min_quality=101)
    unhashed_id, _ = images.upsert_image(conn, replace(record(3), pdq=None, pdq_quality=None))
    assert images.get_image(conn, flat.sha256) is not None
    assert count(conn, "image_pdq_bands") == 0 and count(conn, "image_link_queue") == 0
    assert len({image_id, strict_id, unhashed_id}) == 3


def test_captures_link_adverts_and_repeat_without_duplicates(
    conn: psycopg.Connection[Any],
) -> None:
    a, b = bridal_advert(conn, 1), bridal_advert(conn, 2)
    shared, own = record(4), record(5)
    batch = [
        CapturedImage("https://brides.example.org/p/1", "https://cdn/x.jpg", 0, T0, shared),
        CapturedImage("https://brides.example.org/p/1", "https://cdn/y.jpg", 1, T0, own),
        CapturedImage("https://brides.example.org/p/2", "https://cdn/x2.jpg", 0, T0, shared),
        CapturedImage("https://brides.example.org/p/9", "https://cdn/z.jpg", 0, T0, own),
    ]
    stored = images.store_captures(conn, batch)
    assert (stored.new_images, stored.links) == (2, 3)
    assert stored.unknown_adverts == ("https://brides.example.org/p/9",)
    later = [replace(c, fetched_at=T0 + timedelta(days=1)) for c in batch]
    assert images.store_captures(conn, later).new_images == 0
    assert count(conn, "images") == 2 and count(conn, "advert_images") == 3
    shown = images.advert_images(conn, a)
    assert [(r["url"], r["position"], r["sha256"]) for r in shown] == [
        ("https://cdn/x.jpg", 0, shared.sha256),
        ("https://cdn/y.jpg", 1, own.sha256),
    ]
    assert shown[0]["fetched_at"] == T0 + timedelta(days=1)
    assert [r["sha256"] for r in images.advert_images(conn, b)] == [shared.sha256]


def test_concurrent_captures_of_one_image_store_it_once(db_url: str) -> None:
    with psycopg.connect(db_url) as conn:
        bridal_advert(conn, 1)
        conn.commit()
    image = record(6)
    errors: list[BaseException] = []

    def capture(position: int) -> None:
        try:
            with psycopg.connect(db_url) as conn:
                url = "https://brides.example.org/p/1"
                images.store_captures(conn, [CapturedImage(url, "u", position, T0, image)])
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=capture, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with psycopg.connect(db_url) as conn:
        assert count(conn, "images") == 1 and count(conn, "advert_images") == 1
        assert count(conn, "image_pdq_bands") == 16 and count(conn, "image_link_queue") == 1


def decide(conn: psycopg.Connection[Any], advert_id: int, decision: str, at: datetime) -> None:
    conn.execute(
        "INSERT INTO decisions (advert_id, decision, decided_at) VALUES (%s, %s, %s)",
        (advert_id, decision, at),
    )


def test_retention_purges_bytes_only_shown_by_long_dismissed_adverts(adwatch_env: str) -> None:
    root = images_root(Path(__import__("os").environ["ADWATCH_DATA_DIR"]))
    old = datetime.now(UTC) - timedelta(days=200)
    data = {seed: pattern_jpeg(seed) for seed in (7, 8, 9)}
    recs = {
        s: replace(inspect_image(d, "image/jpeg"), storage_key=write_image(root, d))
        for s, d in data.items()
    }
    with psycopg.connect(adwatch_env) as conn:
        ids = [bridal_advert(conn, n) for n in (1, 2, 3)]
        url = "https://brides.example.org/p/{}".format
        images.store_captures(
            conn,
            [
                CapturedImage(url(1), "a", 0, T0, recs[7]),  # only a dismissed advert: purged
                CapturedImage(url(1), "b", 1, T0, recs[8]),  # also on a confirmed one: kept
                CapturedImage(url(2), "b", 0, T0, recs[8]),
                CapturedImage(url(3), "c", 0, T0, recs[9]),  # dismissed yesterday: kept
            ],
        )
        decide(conn, ids[0], "dismissed", old)
        decide(conn, ids[1], "confirmed", old)
        decide(conn, ids[2], "dismissed", datetime.now(UTC) - timedelta(days=1))
        conn.commit()
    retention_job(days=90)
    with psycopg.connect(adwatch_env) as conn:
        purged = {s: images.get_image(conn, r.sha256) for s, r in recs.items()}
        assert purged[7] is not None and purged[7]["purged_at"] is not None
        assert purged[7]["pdq"] == recs[7].pdq  # the hashes stay
        assert purged[8] is not None and purged[8]["purged_at"] is None
        assert purged[9] is not None and purged[9]["purged_at"] is None
        assert images.purge_dismissed_images(conn, 90) == []  # purged once
        # captured again on a new advert: the bytes are back and the row says so
        bridal_advert(conn, 4)
        images.store_captures(conn, [CapturedImage(url(4), "a", 0, T0, recs[7])])
        conn.commit()
        restored = images.get_image(conn, recs[7].sha256)
        assert restored is not None and restored["purged_at"] is None
    assert not image_path(root, recs[7].storage_key).exists()
    assert image_path(root, recs[8].storage_key).read_bytes() == data[8]

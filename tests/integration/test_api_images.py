"""Photos in the review UI: served only to analysts, audited, typed from the stored media
type (never SVG), kept inside the data directory; search by upload or PDQ; blur setting."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient
from PIL import Image

from config.settings import get_settings
from linking.linker import link_pending
from linking.pdq_hashing import hash_image
from store import reviewer_settings
from tests.api_support import Ad, Keys, client, h, make_keys, seed
from tests.image_support import rect_jpeg, store_photo

pytestmark = pytest.mark.integration


@pytest.fixture
def env(
    request: pytest.FixtureRequest,
    db_url: str,
    conn: psycopg.Connection[Any],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[tuple[TestClient, Keys, list[int], list[int]]]:
    """Lookups through the warm PDQ index, loaded before the first request (or, with the
    parameter "table", through the band table: the index turned off)."""
    through_table = getattr(request, "param", "warm") == "table"
    monkeypatch.setenv("ADWATCH_IMAGE_INDEX_MAX_MB", "0" if through_table else "64")
    monkeypatch.setenv("ADWATCH_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ADWATCH_MAX_UPLOAD_BYTES", "300000")
    get_settings.cache_clear()
    ids = seed(conn, [Ad(n, title=f"Hostess abroad {n}") for n in range(1, 4)])
    photos = [
        store_photo(conn, tmp_path, ids[0], rect_jpeg(1)),
        store_photo(conn, tmp_path, ids[1], rect_jpeg(1, size=200)),  # resized copy
        store_photo(
            conn, tmp_path, ids[2], b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml"
        ),
    ]
    link_pending(conn)
    with client(db_url) as test_client:
        index = test_client.app.state.pdq_index  # type: ignore[attr-defined]
        if index is not None:
            index.close()  # waits for the load
            assert index.state == "ready" and len(index) == 2
        assert (index is None) == through_table
        yield test_client, make_keys(conn), ids, photos
    get_settings.cache_clear()


def test_photo_bytes_for_analysts_only_typed_and_audited(
    env: Any, conn: psycopg.Connection[Any]
) -> None:
    c, keys, _, photos = env
    assert c.get(f"/images/{photos[0]}").status_code == 401
    assert c.get(f"/images/{photos[0]}", headers=h(keys.partner)).status_code == 403
    r = c.get(f"/images/{photos[0]}", headers=h(keys.analyst))
    assert r.status_code == 200 and r.content == rect_jpeg(1)
    assert r.headers["content-type"] == "image/jpeg"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert c.get(f"/images/{photos[2]}", headers=h(keys.analyst)).status_code == 404  # SVG
    audited = conn.execute(
        "SELECT count(*) FROM audit_log WHERE action = 'read_image' AND object_id = %s",
        (str(photos[0]),),
    ).fetchone()
    assert audited is not None and audited[0] == 1


def test_storage_key_outside_the_image_folder_is_not_served(
    env: Any, conn: psycopg.Connection[Any]
) -> None:
    c, keys, _, photos = env
    conn.execute("UPDATE images SET storage_key = '../../etc/passwd' WHERE id = %s", (photos[0],))
    conn.commit()
    assert c.get(f"/images/{photos[0]}", headers=h(keys.analyst)).status_code == 404


@pytest.mark.parametrize("env", ["warm", "table"], indirect=True)
def test_search_by_upload_or_pdq_lists_matches_with_distance(env: Any) -> None:
    c, keys, ids, photos = env
    upload = {"photo": ("copy.jpg", rect_jpeg(1, size=240), "image/jpeg")}
    r = c.post("/images/search", files=upload, headers=h(keys.analyst))
    assert r.status_code == 200, r.text
    assert f'data-image-id="{photos[0]}"' in r.text and f'data-image-id="{photos[1]}"' in r.text
    assert f"/adverts/{ids[0]}" in r.text and f"/adverts/{ids[2]}" not in r.text
    pdq, _ = hash_image(rect_jpeg(1))
    r = c.post("/images/search", data={"pdq": pdq.upper()}, headers=h(keys.analyst))
    assert f'data-image-id="{photos[0]}" data-distance="0"' in r.text
    same = c.get(f"/images/{photos[1]}/adverts", headers=h(keys.analyst))
    assert f"/adverts/{ids[0]}" in same.text and f"/adverts/{ids[1]}" in same.text
    page = c.get(f"/adverts/{ids[0]}", headers=h(keys.analyst)).text
    assert 'class="photo blurred"' in page and "cluster:image" in page


def test_bad_uploads_are_refused(env: Any) -> None:
    c, keys, _, _ = env
    bomb = io_png(Image.new("1", (7_000, 7_000)))  # 49 million pixels, a few kB
    r = c.post("/images/search", files={"photo": ("b.png", bomb)}, headers=h(keys.analyst))
    assert r.status_code == 200 and "more than 40000000 pixels" in r.text
    big = {"photo": ("big.jpg", b"\xff" * 400_000, "image/jpeg")}
    assert c.post("/images/search", files=big, headers=h(keys.analyst)).status_code == 413
    r = c.post("/images/search", data={"pdq": "<b>nothex</b>"}, headers=h(keys.analyst))
    assert "64 hexadecimal digits" in r.text and "<b>nothex" not in r.text


def test_blur_setting_is_kept_per_key(env: Any, conn: psycopg.Connection[Any]) -> None:
    c, keys, ids, _ = env
    form = {"unblurred": "true", "back": f"/adverts/{ids[0]}"}
    r = c.post("/settings/images", data=form, headers=h(keys.analyst), follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/adverts/{ids[0]}"
    page = c.get(f"/adverts/{ids[0]}", headers=h(keys.analyst)).text
    assert 'class="photo blurred"' not in page and 'class="photo"' in page
    assert not reviewer_settings.images_unblurred(conn, 10**9)
    bad = {"unblurred": "true", "back": "//evil.example/"}
    assert c.post("/settings/images", data=bad, headers=h(keys.analyst)).status_code == 422


def io_png(img: Image.Image) -> bytes:
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()

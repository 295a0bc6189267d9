"""Photos in a real browser: blurred and greyscale by default, revealed per photo on click,
the reviewer's unblurred setting kept across pages, matches listed for a photo and a hash."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from config.settings import get_settings
from linking.linker import link_pending
from linking.pdq_hashing import hash_image
from tests.api_support import Ad, make_keys, seed
from tests.e2e.test_review_ui_browser import browser_page
from tests.image_support import rect_jpeg, store_photo
from tests.live_server import live_server

pytestmark = [pytest.mark.e2e, pytest.mark.integration]
__all__ = ["browser_page"]  # the shared chromium fixture


@pytest.fixture
def photo_server(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("ADWATCH_DATA_DIR", str(tmp_path))
    get_settings.cache_clear()
    with live_server(db_url) as base_url:
        yield base_url
    get_settings.cache_clear()


def img_filter(page: Any, selector: str) -> str:
    return str(page.eval_on_selector(selector, "el => getComputedStyle(el).filter"))


def test_blur_reveal_setting_and_matches(
    photo_server: str, browser_page: Any, conn: psycopg.Connection[Any], tmp_path: Path
) -> None:
    server, page = photo_server, browser_page
    ids = seed(conn, [Ad(1, title="Model work in Milan"), Ad(2, title="Hostess in Berlin")])
    first = store_photo(conn, tmp_path, ids[0], rect_jpeg(3))
    store_photo(conn, tmp_path, ids[1], rect_jpeg(3, size=200))  # the same photo, resized
    link_pending(conn)
    keys = make_keys(conn)
    page.goto(f"{server}/login")
    page.fill("input#key", keys.analyst)
    page.click("form.login button[type=submit]")
    page.wait_for_url(f"{server}/queue")

    page.goto(f"{server}/adverts/{ids[0]}")
    shown = f"#photos img[data-image-id='{first}']"
    # polled from here: the page's CSP forbids eval, which wait_for_function's predicate needs
    photo = page.locator(shown)
    deadline = time.monotonic() + 15
    while photo.evaluate("img => img.naturalWidth") == 0 and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert photo.evaluate("img => img.naturalWidth") > 0  # the bytes were served and decoded
    assert "blur" in img_filter(page, shown) and "grayscale" in img_filter(page, shown)
    page.click(shown)
    assert img_filter(page, shown) == "none"
    assert "cluster:image" in page.locator("#linked").inner_text()  # the image cluster

    page.click("#photos form.blur-setting button")
    page.wait_for_url(f"{server}/adverts/{ids[0]}")
    assert img_filter(page, shown) == "none"
    page.goto(f"{server}/adverts/{ids[1]}")  # another page, same reviewer: still unblurred
    assert img_filter(page, "#photos label.photo img") == "none"

    page.click("#photos a.same-photo")
    rows = page.locator("#matches tr.match")
    assert rows.count() == 2
    assert set(rows.evaluate_all("rs => rs.map(r => r.dataset.distance)")) <= {
        str(d) for d in range(32)
    }
    listed = page.locator("#matches").inner_text()
    assert "Model work in Milan" in listed and "Hostess in Berlin" in listed

    page.goto(f"{server}/images/search")
    page.fill("input[name=pdq]", hash_image(rect_jpeg(3))[0])
    page.click("#photo-search button[type=submit]")
    assert (
        page.locator(f"#matches tr.match[data-image-id='{first}']").get_attribute("data-distance")
        == "0"
    )

"""/docs and /redoc in a real browser (Debian's chromium) with every request that leaves
127.0.0.1 blocked: Swagger UI and ReDoc render the API from local files alone (issue 15)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import psycopg
import pytest

from tests.api_support import make_keys
from tests.live_server import live_server

pytestmark = [pytest.mark.e2e, pytest.mark.integration]

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


@pytest.fixture
def offline_page(
    db_url: str, conn: psycopg.Connection[Any]
) -> Iterator[tuple[Any, str, list[str]]]:
    """A page sending an admin key, on a live server, with outside requests blocked and kept."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    admin = make_keys(conn).admin
    blocked: list[str] = []

    def only_local(route: Any) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    with live_server(db_url) as base_url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        context = browser.new_context(extra_http_headers={"X-API-Key": admin})
        context.route("**/*", only_local)
        page = context.new_page()
        page.set_default_timeout(20_000)
        yield page, base_url, blocked
        browser.close()


def test_swagger_ui_renders_offline_with_authorize(offline_page: Any) -> None:
    page, base_url, blocked = offline_page
    page.goto(f"{base_url}/docs")
    page.wait_for_selector(".swagger-ui .opblock")
    assert page.locator(".swagger-ui .opblock").count() > 40
    assert page.locator(".opblock-summary-path", has_text="/api/v1/feed").count() >= 1
    page.locator("button.authorize").first.click()  # the security scheme's Authorize dialog
    page.wait_for_selector(".auth-container")
    assert "X-API-Key" in page.locator(".modal-ux").inner_text()
    assert blocked == []


def test_redoc_renders_offline(offline_page: Any) -> None:
    page, base_url, blocked = offline_page
    page.goto(f"{base_url}/redoc")
    page.wait_for_selector("text=adwatch API")
    page.wait_for_selector("[data-section-id^='tag/partner']")
    assert page.locator("[data-section-id^='tag/partner/operation/']").count() >= 5
    assert blocked == []

"""The review UI in a real browser (Debian's chromium): log in, claim, read spans, decide, next,
log out."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from store.adverts import EntityRecord
from tests.api_support import Ad, hit, make_keys, seed
from tests.live_server import live_server

pytestmark = [pytest.mark.e2e, pytest.mark.integration]

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
BODY = (
    "Earn 3000 EUR a month, no experience needed. Travel paid by us. "
    "Written contract before departure. Write only on Telegram."
)


@pytest.fixture
def server(db_url: str) -> Iterator[str]:
    with live_server(db_url) as base_url:
        yield base_url


@pytest.fixture
def browser_page() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        page = browser.new_page()
        page.set_default_timeout(15_000)
        yield page
        browser.close()


def test_claim_highlight_decide_next(
    server: str, browser_page: Any, conn: psycopg.Connection[Any]
) -> None:
    hits = [
        hit(BODY, "Earn 3000 EUR a month, no experience", "high_pay_no_experience"),
        hit(BODY, "Travel paid", "travel_paid", weight=0.5),
        hit(
            BODY,
            "Written contract before departure",
            "written_contract_before_departure",
            polarity="mitigating",
            weight=-0.5,
        ),
    ]
    phone = (EntityRecord("phone", "+37360000123", "0600 00 123"),)
    ids = seed(
        conn,
        [
            Ad(1, "Warehouse work in Germany", BODY, risk=0.9, hits=hits, entities=phone),
            Ad(2, "Second advert", "Urgent, departure this week.", risk=0.7, entities=phone),
        ],
    )
    keys = make_keys(conn)
    page = browser_page

    page.goto(f"{server}/queue")
    assert page.locator("input#key").count() == 1  # not logged in: the login form
    page.fill("input#key", keys.analyst)
    page.click("form.login button[type=submit]")
    page.wait_for_url(f"{server}/queue")
    # the browser holds a session id, never the key, out of scripts' and other sites' reach
    (cookie,) = page.context.cookies()
    assert cookie["name"] == "adwatch_session" and keys.analyst not in cookie["value"]
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    rows = page.locator("tr.queue-item")
    assert rows.first.get_attribute("data-advert-id") == str(ids[0])

    rows.first.locator("button.claim").click()
    page.wait_for_url(f"{server}/adverts/{ids[0]}")
    risk = page.locator("#advert-body mark.hit-risk")
    assert risk.all_inner_texts() == ["Earn 3000 EUR a month, no experience", "Travel paid"]
    assert risk.first.get_attribute("data-indicators") == "high_pay_no_experience"
    assert "no experience" in (risk.first.get_attribute("title") or "").lower()
    mitigating = page.locator("#advert-body mark.hit-mitigating")
    assert mitigating.all_inner_texts() == ["Written contract before departure"]
    assert page.locator("#linked").inner_text().count("Second advert") == 1

    # htmx swaps the review panel in place: release, then claim again without a page load
    page.click("#review-panel button:has-text('Release')")
    page.wait_for_selector("#review-panel #claim")
    assert page.url == f"{server}/adverts/{ids[0]}"
    page.click("#review-panel #claim")
    page.wait_for_selector("#decision-form")

    page.check("input[name=decision][value=confirmed]")
    page.fill("#decision-note", "template seen before; confirmed")
    page.click("#decide")
    page.wait_for_url(f"{server}/queue?decided={ids[0]}")
    assert page.locator(".flash").inner_text().startswith(f"Decision recorded on advert #{ids[0]}")
    assert page.locator("tr.queue-item").first.get_attribute("data-advert-id") == str(ids[1])
    row = conn.execute("SELECT decision, note FROM decisions WHERE advert_id = %s", (ids[0],))
    assert row.fetchone() == ("confirmed", "template seen before; confirmed")

    # the two-person rule: not shared yet; the confirming analyst may only withdraw
    page.goto(f"{server}/adverts/{ids[0]}")
    state = page.locator("#sharing-state")
    assert state.get_attribute("data-state") == "awaiting"
    assert page.locator("#withdraw").count() == 1 and page.locator("#agree").count() == 0
    assert _feed_events(conn, ids[0]) == []

    # a second analyst agrees (the form carries the CSRF token), and only then is it shared
    page.context.clear_cookies()
    page.goto(f"{server}/login")
    page.fill("input#key", keys.analyst2)
    page.click("form.login button[type=submit]")
    page.wait_for_url(f"{server}/queue")
    page.goto(f"{server}/adverts/{ids[0]}")
    page.click("#agree")
    page.wait_for_selector("#sharing-state[data-state=shared]")
    assert _feed_events(conn, ids[0]) == ["confirmed"]

    # logging out ends the session on the server: a saved copy of the cookie is refused
    (cookie,) = page.context.cookies()
    page.click("form[action='/logout'] button[type=submit]")
    page.wait_for_url(f"{server}/login")
    assert page.context.cookies() == []
    page.context.add_cookies([cookie])
    page.goto(f"{server}/queue")
    assert page.locator("input#key").count() == 1


def _feed_events(conn: psycopg.Connection[Any], advert_id: int) -> list[str]:
    rows = conn.execute(
        "SELECT event FROM feed_events WHERE advert_id = %s ORDER BY seq", (advert_id,)
    )
    return [str(r[0]) for r in rows.fetchall()]

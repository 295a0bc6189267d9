"""Advert text is hostile input: the review UI must render it escaped everywhere."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient

from tests.api_support import Ad, Keys, client, hit, make_keys, seed

pytestmark = pytest.mark.integration

TITLE = "Work <script>alert(1)</script> abroad"
BODY = (
    'Travel paid <img src=x onerror="alert(2)"> and "quotes" & <b>bold</b>. '
    "Urgent</mark><script>alert(3)</script>"
)
PAYLOADS = (
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "<b>bold</b>",
    "</mark><script>alert(3)</script>",
)


@pytest.fixture
def env(db_url: str, conn: psycopg.Connection[Any]) -> Iterator[tuple[TestClient, Keys, int]]:
    hits = [
        hit(BODY, 'Travel paid <img src=x onerror="alert(2)">', "travel_paid"),
        hit(BODY, "Urgent</mark><script>alert(3)</script>", "urgency"),
        hit(TITLE, "<script>alert(1)</script>", "vague_employer", field_name="title"),
    ]
    (advert_id,) = seed(conn, [Ad(1, TITLE, BODY, hits=hits)])
    keys = make_keys(conn)
    with client(db_url) as test_client:
        r = test_client.post("/login", data={"key": keys.analyst}, follow_redirects=False)
        assert r.status_code == 303
        yield test_client, keys, advert_id


def assert_escaped(html: str) -> None:
    for payload in PAYLOADS:
        assert payload not in html, payload
    assert "<script>alert" not in html and "onerror=" not in html.replace("onerror=&#34;", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_detail_page_escapes_and_highlights(env: Any) -> None:
    c, _, advert_id = env
    r = c.get(f"/adverts/{advert_id}")
    assert r.status_code == 200
    assert_escaped(r.text)
    marks = re.findall(
        r'<mark class="hit hit-(\w+)" data-indicators="([^"]*)"[^>]*>(.*?)</mark>', r.text, re.S
    )
    assert (
        "risk",
        "travel_paid",
        "Travel paid &lt;img src=x onerror=&#34;alert(2)&#34;&gt;",
    ) in marks
    assert ("risk", "urgency", "Urgent&lt;/mark&gt;&lt;script&gt;alert(3)&lt;/script&gt;") in marks
    assert ("risk", "vague_employer", "&lt;script&gt;alert(1)&lt;/script&gt;") in marks
    assert "script-src 'self'" in r.headers["content-security-policy"]


def test_queue_and_search_pages_escape(env: Any) -> None:
    c, _, _ = env
    for page in ("/queue", "/search?q=work"):
        r = c.get(page)
        assert r.status_code == 200, page
        assert_escaped(r.text)


def test_ui_login_cookie_and_csrf(env: Any) -> None:
    c, keys, advert_id = env
    cookie = c.cookies.get("adwatch_session")
    assert cookie and keys.analyst not in cookie and c.cookies.get("adwatch_key") is None
    login = c.post("/login", data={"key": keys.analyst}, follow_redirects=False)
    set_cookie = login.headers["set-cookie"].lower()
    assert "httponly" in set_cookie and "samesite=strict" in set_cookie
    no_token = c.post(f"/adverts/{advert_id}/claim", follow_redirects=False)
    assert no_token.status_code == 403
    page = c.get(f"/adverts/{advert_id}").text
    token = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page)
    assert token is not None
    ok = c.post(
        f"/adverts/{advert_id}/claim", data={"csrf_token": token[1]}, follow_redirects=False
    )
    assert ok.status_code == 303
    partner_login = c.post("/login", data={"key": keys.partner}, follow_redirects=False)
    assert partner_login.status_code == 401
    c.cookies.clear()
    anonymous = c.get("/queue", headers={"Accept": "text/html"})
    assert anonymous.status_code == 401 and 'name="key"' in anonymous.text

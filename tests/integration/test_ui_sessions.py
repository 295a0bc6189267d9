"""Review UI sessions: the cookie holds a random session id, never the API key, and the
session ends on logout, when idle or old, and when its key is revoked."""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.sessions import csrf_token_for
from store import api_keys, audit
from tests.api_support import Ad, Keys, client, h, make_keys, seed

pytestmark = pytest.mark.integration
HTML = {"Accept": "text/html"}

Env = tuple[TestClient, Keys, int, psycopg.Connection[Any]]


@pytest.fixture
def env(db_url: str, conn: psycopg.Connection[Any]) -> Iterator[Env]:
    (advert_id,) = seed(conn, [Ad(1)])
    keys = make_keys(conn)
    conn.commit()
    with client(db_url) as test_client:
        yield test_client, keys, advert_id, conn


def _login(c: TestClient, key: str) -> str:
    """Log in through the form; returns the session cookie's value."""
    r = c.post("/login", data={"key": key}, follow_redirects=False)
    assert r.status_code == 303, r.text
    session_id = c.cookies.get("adwatch_session")
    assert session_id
    return session_id


def _csrf(c: TestClient, advert_id: int) -> str:
    match = re.search(r'name="csrf_token" value="([0-9a-f]+)"', c.get(f"/adverts/{advert_id}").text)
    assert match is not None
    return match[1]


def _session_row(conn: psycopg.Connection[Any], session_id: str) -> tuple[Any, ...]:
    digest = hashlib.sha256(session_id.encode()).hexdigest()
    row = conn.execute(
        "SELECT id, key_id, last_seen_at, revoked_at FROM ui_sessions WHERE session_hash = %s",
        (digest,),
    ).fetchone()
    conn.commit()
    assert row is not None
    return tuple(row)


def _move(conn: psycopg.Connection[Any], assignment: str, session_id: str) -> None:
    """Age a session in the database, in place of waiting."""
    digest = hashlib.sha256(session_id.encode()).hexdigest()
    conn.execute(f"UPDATE ui_sessions SET {assignment} WHERE session_hash = %s", (digest,))
    conn.commit()


def _refused(c: TestClient, session_id: str) -> bool:
    """The cookie gets the login page (HTML) and a 401 problem (JSON) instead of the queue."""
    c.cookies.clear()
    c.cookies.set("adwatch_session", session_id)
    page, problem = c.get("/queue", headers=HTML), c.get("/queue")
    c.cookies.clear()
    return page.status_code == 401 and 'name="key"' in page.text and problem.status_code == 401


def test_cookie_holds_a_session_id_not_the_key(env: Env) -> None:
    c, keys, _, conn = env
    c.cookies.set("adwatch_key", keys.analyst)  # left over from before sessions
    r = c.post("/login", data={"key": keys.analyst}, follow_redirects=False)
    cookies = r.headers.get_list("set-cookie")
    (session_cookie,) = [v for v in cookies if v.startswith("adwatch_session=")]
    (legacy,) = [v for v in cookies if v.startswith("adwatch_key=")]
    attributes = {a.strip().lower() for a in session_cookie.split(";")[1:]}
    assert {"httponly", "samesite=strict", "path=/", "max-age=28800"} <= attributes
    assert "secure" not in attributes  # plain http here; see the https test
    assert "max-age=0" in legacy.lower()  # the old key cookie is deleted
    session_id = c.cookies["adwatch_session"]
    assert keys.analyst not in session_cookie and len(session_id) >= 43
    key_id, stored = _session_row(conn, session_id)[1], conn.execute("TABLE ui_sessions")
    assert key_id == api_keys.verify_key(conn, keys.analyst).id  # type: ignore[union-attr]
    assert session_id not in str(stored.fetchall())  # only the hash is stored
    conn.commit()
    assert c.get("/queue").status_code == 200
    (login,) = [e for e in audit.entries(conn) if e.action == "ui_login"]
    assert login.actor_id == key_id and login.object_type == "ui_session"
    assert session_id not in str(login.detail) and keys.analyst not in str(login.detail)


def test_https_login_sets_a_secure_cookie(db_url: str, conn: psycopg.Connection[Any]) -> None:
    keys = make_keys(conn)
    conn.commit()
    with TestClient(create_app(db_url), base_url="https://testserver") as c:
        r = c.post("/login", data={"key": keys.analyst}, follow_redirects=False)
    (session_cookie,) = [
        v for v in r.headers.get_list("set-cookie") if v.startswith("adwatch_session=")
    ]
    assert "secure" in {a.strip().lower() for a in session_cookie.split(";")}


def test_logout_revokes_the_session_on_the_server(env: Env) -> None:
    c, keys, advert_id, conn = env
    session_id = _login(c, keys.analyst)
    r = c.post("/logout", data={"csrf_token": _csrf(c, advert_id)}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login"
    assert c.cookies.get("adwatch_session") is None
    assert _session_row(conn, session_id)[3] is not None
    assert _refused(c, session_id)  # a copy of the cookie no longer works
    actions = [e.action for e in audit.entries(conn) if e.action.startswith("ui_")]
    assert actions == ["ui_logout", "ui_login"]  # newest first


def test_idle_and_old_sessions_are_refused(env: Env) -> None:
    c, keys, _, conn = env
    idle = _login(c, keys.analyst)
    _move(conn, "last_seen_at = now() - interval '31 minutes'", idle)
    assert _refused(c, idle)
    old = _login(c, keys.analyst)
    _move(conn, "expires_at = now() - interval '1 second'", old)
    assert _refused(c, old)
    _login(c, keys.analyst)
    assert c.get("/queue").status_code == 200


def test_each_request_slides_the_idle_timeout_at_most_once_a_minute(env: Env) -> None:
    c, keys, _, conn = env
    session_id = _login(c, keys.analyst)
    _move(conn, "last_seen_at = now() - interval '29 minutes'", session_id)
    aged = _session_row(conn, session_id)[2]
    assert c.get("/queue").status_code == 200
    slid = _session_row(conn, session_id)[2]
    assert slid > aged
    assert c.get("/queue").status_code == 200
    assert _session_row(conn, session_id)[2] == slid  # seen within the minute: no write
    _move(conn, "last_seen_at = last_seen_at - interval '29 minutes'", session_id)
    assert c.get("/queue").status_code == 200  # still within 30 minutes of the slide


def test_revoking_the_key_ends_its_sessions(env: Env) -> None:
    c, keys, _, conn = env
    session_id = _login(c, keys.analyst)
    key_id = _session_row(conn, session_id)[1]
    r = c.delete(f"/api/v1/admin/keys/{key_id}", headers=h(keys.admin))
    assert r.status_code == 204
    assert _session_row(conn, session_id)[3] is not None
    assert _refused(c, session_id)


def test_a_key_revoked_behind_the_apis_back_stops_its_session_at_once(env: Env) -> None:
    c, keys, _, conn = env
    session_id = _login(c, keys.analyst)
    assert c.get("/queue").status_code == 200
    key_id = _session_row(conn, session_id)[1]
    conn.execute("UPDATE api_keys SET revoked_at = now() WHERE id = %s", (key_id,))
    conn.commit()
    assert _session_row(conn, session_id)[3] is None  # the session row itself still live
    assert _refused(c, session_id)


def test_the_old_key_cookie_is_refused(env: Env) -> None:
    c, keys, _, _ = env
    c.cookies.set("adwatch_key", keys.analyst)
    page = c.get("/queue", headers=HTML)
    assert page.status_code == 401 and 'name="key"' in page.text
    c.cookies.set("adwatch_key", keys.admin)
    assert c.get("/docs").status_code == 401
    assert _refused(c, "not-a-session")


def test_ui_posts_need_the_sessions_csrf_token(env: Env) -> None:
    c, keys, advert_id, _ = env
    first = _login(c, keys.analyst)
    token = _csrf(c, advert_id)
    assert hmac.compare_digest(token, csrf_token_for(first))
    key_derived = hmac.new(keys.analyst.encode(), b"adwatch-csrf-v1", hashlib.sha256).hexdigest()
    claim = f"/adverts/{advert_id}/claim"
    for wrong in ({}, {"csrf_token": key_derived}, {"csrf_token": "0" * 64}):
        assert c.post(claim, data=wrong, follow_redirects=False).status_code == 403
    second = _login(c, keys.analyst)  # a new session: a new token; the first one's is refused
    assert second != first and _csrf(c, advert_id) != token
    assert c.post(claim, data={"csrf_token": token}, follow_redirects=False).status_code == 403
    ok = c.post(claim, data={"csrf_token": _csrf(c, advert_id)}, follow_redirects=False)
    assert ok.status_code == 303


def test_body_guard_accepts_a_live_session_and_the_api_still_wants_a_header(env: Env) -> None:
    """/api/ posts are checked before their body is read: a live session passes that check
    (as the key cookie did), and the route itself still answers header keys only."""
    c, keys, advert_id, conn = env
    session_id = _login(c, keys.analyst)
    passed = c.post(f"/api/v1/queue/{advert_id}/claim")
    assert passed.status_code == 401 and "an API key is required" in passed.json()["detail"]
    _move(conn, "revoked_at = now()", session_id)
    stopped = c.post(f"/api/v1/queue/{advert_id}/claim")
    assert stopped.status_code == 401 and "a valid API key" in stopped.json()["detail"]

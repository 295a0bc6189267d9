"""Partners manage their webhook (issue 15): status with approval, delete, a signed test ping
through the vetted transport, test pings in the delivery log, and the README's three-line
verification with replay protection."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient

from config.settings import get_settings
from store import audit, partners
from tests.api_support import SECRET, Ad, Keys, client, h, make_keys, seed
from tests.webhook_support import confirm, free_port, receiving

pytestmark = pytest.mark.integration

PARTNER_SECRET = "partner-webhook-secret-0001"
README = Path(__file__).resolve().parents[2] / "README.md"
TEST_PATH = "/api/v1/partner/webhook/test"


def _env(db_url: str, conn: Any, monkeypatch: pytest.MonkeyPatch, private: bool) -> Iterator[Any]:
    monkeypatch.setenv("ADWATCH_HASH_SECRET", SECRET)
    monkeypatch.setenv("ADWATCH_WEBHOOK_ALLOW_HTTP", "true")
    monkeypatch.setenv("ADWATCH_WEBHOOK_ALLOW_PRIVATE", "true" if private else "false")
    get_settings.cache_clear()
    ids = seed(conn, [Ad(n) for n in range(1, 3)])
    keys = make_keys(conn)
    with client(db_url) as test_client:
        yield test_client, keys, ids
    get_settings.cache_clear()


@pytest.fixture
def env(db_url: str, conn: psycopg.Connection[Any], monkeypatch: pytest.MonkeyPatch) -> Any:
    """A deployment that may deliver to the local receiver (development settings)."""
    yield from _env(db_url, conn, monkeypatch, private=True)


@pytest.fixture
def strict_env(db_url: str, conn: psycopg.Connection[Any], monkeypatch: pytest.MonkeyPatch) -> Any:
    """A deployment that refuses loopback addresses, as production does."""
    yield from _env(db_url, conn, monkeypatch, private=False)


def approve(c: TestClient, keys: Keys, url: str) -> None:
    r = c.put(
        "/api/v1/partner/webhook",
        json={"url": url, "secret": PARTNER_SECRET},
        headers=h(keys.partner),
    )
    assert r.status_code == 202, r.text
    r = c.post(
        f"/api/v1/admin/partners/{keys.partner_id}/webhook/approve",
        json={"url": url},
        headers=h(keys.admin),
    )
    assert r.status_code == 200, r.text


def verify(secret: str, body: bytes, timestamp: str, signature: str) -> bool:
    """The README's snippet, run as written."""
    text = README.read_text()
    snippet = re.search(r"<!-- webhook-verify -->\n```python\n(.*?)```", text, re.S)
    lines = [line for line in (snippet.group(1) if snippet else "").splitlines() if line]
    assert len(lines) == 3  # the three lines the README promises
    scope = {"secret": secret, "body": body, "timestamp": timestamp, "signature": signature}
    exec("\n".join(lines), scope)  # our own README: the code partners copy
    return bool(scope["valid"])


def test_status_approval_and_delete(env: Any, conn: psycopg.Connection[Any]) -> None:
    c, keys, ids = env
    status = c.get("/api/v1/partner/webhook", headers=h(keys.partner)).json()
    assert status["approval"] == "none"
    with receiving() as receiver:
        approve(c, keys, receiver.url())
        new = {"url": receiver.url(path="/other"), "secret": PARTNER_SECRET}
        c.put("/api/v1/partner/webhook", json=new, headers=h(keys.partner))
        status = c.get("/api/v1/partner/webhook", headers=h(keys.partner)).json()
        assert status["approval"] == "approved_change_pending"
        assert status["webhook_url"] == receiver.url()
        confirm(c, keys, ids[0])  # a delivery is queued for the approved URL
        assert c.delete("/api/v1/partner/webhook", headers=h(keys.partner)).status_code == 204
    status = c.get("/api/v1/partner/webhook", headers=h(keys.partner)).json()
    assert (status["approval"], status["webhook_url"], status["webhook_pending_url"]) == (
        "none",
        None,
        None,
    )
    log = c.get("/api/v1/partner/webhook/deliveries", headers=h(keys.partner)).json()
    assert [(d["kind"], d["status"]) for d in log] == [("event", "cancelled")]
    assert "delete_webhook" in {e.action for e in audit.entries(conn)}
    assert c.delete("/api/v1/partner/webhook", headers=h(keys.admin)).status_code == 403


def test_ping_is_signed_logged_and_verifiable(env: Any, conn: psycopg.Connection[Any]) -> None:
    c, keys, _ = env
    with receiving() as receiver:
        approve(c, keys, receiver.url())
        r = c.post(TEST_PATH, headers=h(keys.partner))
        assert r.status_code == 200, r.text
        assert (r.json()["kind"], r.json()["status"], r.json()["feed_seq"]) == (
            "test",
            "delivered",
            None,
        )
        headers, body = receiver.requests[0], receiver.bodies[0]
    assert json.loads(body)["test"] is True
    ts, signature = headers["X-Adwatch-Timestamp"], headers["X-Adwatch-Signature"]
    assert verify(PARTNER_SECRET, body, ts, signature)
    assert not verify(PARTNER_SECRET, body + b" ", ts, signature)  # body altered
    assert not verify(PARTNER_SECRET, body, str(int(ts) + 1), signature)  # replayed, new time
    old = str(int(time.time()) - 3600)
    old_signature = (
        "sha256="
        + hmac.new(PARTNER_SECRET.encode(), f"{old}.".encode() + body, hashlib.sha256).hexdigest()
    )
    assert not verify(PARTNER_SECRET, body, old, old_signature)  # genuine but an hour old
    log = c.get("/api/v1/partner/webhook/deliveries", headers=h(keys.partner)).json()
    assert [(d["kind"], d["status"]) for d in log] == [("test", "delivered")]
    assert "test_webhook" in {e.action for e in audit.entries(conn)}


def test_failed_ping_tells_partner_little_and_admin_all(env: Any) -> None:
    c, keys, _ = env
    with receiving() as receiver:
        approve(c, keys, receiver.url())
        receiver.answers.append((500, {}))
        assert c.post(TEST_PATH, headers=h(keys.partner)).json()["last_error"] == (
            "HTTP 500 from your endpoint"
        )
    dead = f"http://127.0.0.1:{free_port()}/hook"
    approve(c, keys, dead)
    r = c.post(TEST_PATH, headers=h(keys.partner))
    assert r.status_code == 200
    assert (r.json()["status"], r.json()["last_error"]) == (
        "failed",
        "delivery failed: connection error",
    )
    admin_path = f"/api/v1/admin/partners/{keys.partner_id}/webhook/deliveries"
    admin_log = c.get(admin_path, headers=h(keys.admin)).json()
    assert admin_log[0]["kind"] == "test" and "Error" in admin_log[0]["last_error"]


def test_ping_obeys_address_rules(strict_env: Any, conn: psycopg.Connection[Any]) -> None:
    """An approved URL that now points at loopback is refused by the vetted transport."""
    c, keys, _ = strict_env
    with receiving() as receiver:
        partners.request_webhook(conn, keys.partner_id, receiver.url(), PARTNER_SECRET)
        assert partners.approve_webhook(conn, keys.partner_id, receiver.url(), None)
        r = c.post(TEST_PATH, headers=h(keys.partner))
        assert receiver.requests == []
    assert (r.json()["status"], r.json()["last_error"]) == (
        "failed",
        "delivery failed: connection error",
    )
    admin_path = f"/api/v1/admin/partners/{keys.partner_id}/webhook/deliveries"
    assert c.get(admin_path, headers=h(keys.admin)).json()[0]["last_error"].startswith("refused")


def test_no_ping_before_approval(env: Any) -> None:
    c, keys, _ = env
    with receiving() as receiver:
        body = {"url": receiver.url(), "secret": PARTNER_SECRET}
        c.put("/api/v1/partner/webhook", json=body, headers=h(keys.partner))
        r = c.post(TEST_PATH, headers=h(keys.partner))
        assert receiver.requests == []
    assert r.status_code == 409
    assert r.headers["content-type"] == "application/problem+json"

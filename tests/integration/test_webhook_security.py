"""Outbound webhooks cannot be turned against the server (issue 14): URLs checked when set and
at every connection, the connection pinned to the checked address, no redirects, approval by
an admin, partner-safe errors, nothing sent for deactivated partners."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient

from config.settings import get_settings
from share.webhook_policy import WebhookPolicy
from share.webhooks import deliver_pending
from store import audit, partners
from store.db import connect
from tests.api_support import SECRET, Ad, Keys, client, h, make_keys, seed
from tests.webhook_support import FakeResolver, confirm, free_port, receiving

pytestmark = pytest.mark.integration

DEVELOPMENT = WebhookPolicy(allow_http=True, allow_private=False)
LOCAL_RECEIVER = WebhookPolicy(allow_http=True, allow_private=True)
PARTNER_SECRET = "partner-webhook-secret-0001"


@pytest.fixture
def env(
    db_url: str, conn: psycopg.Connection[Any], monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[TestClient, Keys, list[int]]]:
    monkeypatch.setenv("ADWATCH_HASH_SECRET", SECRET)
    for name in ("ADWATCH_WEBHOOK_ALLOW_HTTP", "ADWATCH_WEBHOOK_ALLOW_PRIVATE"):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    ids = seed(conn, [Ad(n) for n in range(1, 4)])
    keys = make_keys(conn)
    with client(db_url) as test_client:
        yield test_client, keys, ids
    get_settings.cache_clear()


def deliver(db_url: str, policy: WebhookPolicy, *, later_s: float = 0) -> int:
    with connect(db_url, autocommit=True) as conn:
        now = datetime.now(UTC) + timedelta(seconds=later_s)
        return deliver_pending(conn, SECRET, now=now, policy=policy)


def approve(conn: psycopg.Connection[Any], partner_id: int, url: str) -> None:
    """An approved URL written through the store: a name that was public when approved."""
    partners.request_webhook(conn, partner_id, url, PARTNER_SECRET)
    assert partners.approve_webhook(conn, partner_id, url, None) is not None


def partner_log(c: TestClient, keys: Keys) -> list[dict[str, Any]]:
    r = c.get("/api/v1/partner/webhook/deliveries", headers=h(keys.partner))
    assert r.status_code == 200, r.text
    return list(r.json())


def admin_log(c: TestClient, keys: Keys) -> list[dict[str, Any]]:
    r = c.get(f"/api/v1/admin/partners/{keys.partner_id}/webhook/deliveries", headers=h(keys.admin))
    assert r.status_code == 200, r.text
    return list(r.json())


REFUSED_URLS = {
    "http://hooks.example.org/adwatch": "must use https",
    "https://user:pw@hooks.example.org/": "user name or password",
    "https://127.0.0.1:5432/": "loopback",
    "https://169.254.169.254/latest/meta-data/": "cloud metadata",
    "https://2130706433/": "loopback",
    "https://0x7f.1:6379/": "loopback",
    "https://[::ffff:127.0.0.1]/": "loopback",
    "https://10.0.0.8/hook": "private",
    "https://100.64.0.1/": "carrier-grade NAT",
    "https://localhost:8000/": "local name",
    "ftp://hooks.example.org/": "http(s)",
}


@pytest.mark.parametrize("url", sorted(REFUSED_URLS))
def test_unsafe_webhook_urls_are_refused_when_set(env: Any, url: str) -> None:
    c, keys, _ = env
    r = c.put(
        "/api/v1/partner/webhook",
        json={"url": url, "secret": PARTNER_SECRET},
        headers=h(keys.partner),
    )
    assert r.status_code == 422 and REFUSED_URLS[url] in r.text, r.text


def test_development_settings_allow_http_but_not_private_or_metadata(
    env: Any, monkeypatch: pytest.MonkeyPatch, db_url: str
) -> None:
    monkeypatch.setenv("ADWATCH_WEBHOOK_ALLOW_HTTP", "true")
    get_settings.cache_clear()
    with client(db_url) as c:
        keys = env[1]
        put = {"secret": PARTNER_SECRET}
        for url, status in (
            ("http://hooks.example.org/adwatch", 202),
            ("http://127.0.0.1:5432/", 422),
            ("http://169.254.169.254/latest/meta-data/", 422),
        ):
            r = c.put("/api/v1/partner/webhook", json={"url": url, **put}, headers=h(keys.partner))
            assert r.status_code == status, (url, r.text)
    assert LOCAL_RECEIVER.url_problem("http://169.254.169.254/") is not None
    assert LOCAL_RECEIVER.url_problem("http://127.0.0.1:8080/") is None


@pytest.mark.parametrize("host", ["localhost", "rebound.example.org"])
def test_a_name_resolving_to_loopback_reaches_nothing(
    env: Any, db_url: str, conn: Any, monkeypatch: pytest.MonkeyPatch, host: str
) -> None:
    """Approved while it was public, the name now resolves to 127.0.0.1 (DNS rebinding);
    "localhost" is also refused by its name."""
    c, keys, ids = env
    monkeypatch.setattr(socket, "getaddrinfo", FakeResolver({host: [["127.0.0.1"]]}))
    with receiving() as receiver:
        approve(conn, keys.partner_id, receiver.url(host=host))
        confirm(c, keys, ids[0])
        assert deliver(db_url, DEVELOPMENT) == 0
        assert receiver.requests == []
    full = admin_log(c, keys)[0]["last_error"]
    assert full.startswith("refused: ")
    assert "local name" in full if host == "localhost" else "127.0.0.1 (loopback)" in full
    assert partner_log(c, keys)[0]["last_error"] == "delivery failed: connection error"


def test_any_refused_address_refuses_the_name(
    env: Any, db_url: str, conn: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    c, keys, ids = env
    resolver = FakeResolver({"mixed.example.org": [["93.184.215.14", "127.0.0.1"]]})
    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    with receiving() as receiver:
        approve(conn, keys.partner_id, receiver.url(host="mixed.example.org"))
        confirm(c, keys, ids[0])
        assert deliver(db_url, DEVELOPMENT) == 0
        assert receiver.requests == []
    assert "127.0.0.1 (loopback)" in admin_log(c, keys)[0]["last_error"]


def test_the_connection_goes_to_the_checked_address(
    env: Any, db_url: str, conn: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The name is resolved once and the socket opened to that address, with the original
    Host header: a second lookup (which would rebind to 127.0.0.2, where nothing listens) is
    never made."""
    c, keys, ids = env
    resolver = FakeResolver({"hooks.example.org": [["127.0.0.1"], ["127.0.0.2"]]})
    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    with receiving() as receiver:
        approve(conn, keys.partner_id, receiver.url(host="hooks.example.org"))
        confirm(c, keys, ids[0])
        assert deliver(db_url, LOCAL_RECEIVER) == 1
        assert [r["Host"] for r in receiver.requests] == [f"hooks.example.org:{receiver.port}"]
    assert resolver.lookups == {"hooks.example.org": 1}


def test_redirects_are_not_followed(env: Any, db_url: str, conn: Any) -> None:
    c, keys, ids = env
    with receiving() as first, receiving() as elsewhere:
        first.answers.append((307, {"Location": elsewhere.url()}))
        approve(conn, keys.partner_id, first.url())
        confirm(c, keys, ids[0])
        assert deliver(db_url, LOCAL_RECEIVER) == 0
        assert len(first.requests) == 1 and elsewhere.requests == []
    assert partner_log(c, keys)[0]["last_error"] == "HTTP 307 from your endpoint"


def test_partners_see_generic_errors_and_admins_the_full_one(
    env: Any, db_url: str, conn: Any
) -> None:
    c, keys, ids = env
    closed = free_port()
    approve(conn, keys.partner_id, f"http://127.0.0.1:{closed}/hook")
    confirm(c, keys, ids[0])
    assert deliver(db_url, LOCAL_RECEIVER) == 0
    seen = partner_log(c, keys)[0]
    assert seen["last_error"] == "delivery failed: connection error"
    assert str(closed) not in str(seen) and "127.0.0.1" not in str(seen)
    full = admin_log(c, keys)[0]
    assert "ConnectError" in full["last_error"]
    assert full["partner_error"] == "delivery failed: connection error"
    with receiving() as receiver:
        receiver.answers.append((500, {}))
        approve(conn, keys.partner_id, receiver.url())
        assert deliver(db_url, LOCAL_RECEIVER, later_s=600) == 0
    assert partner_log(c, keys)[0]["last_error"] == "HTTP 500 from your endpoint"


def request_url(c: TestClient, keys: Keys, url: str) -> None:
    r = c.put(
        "/api/v1/partner/webhook",
        json={"url": url, "secret": PARTNER_SECRET},
        headers=h(keys.partner),
    )
    assert r.status_code == 202, r.text


def decide_url(c: TestClient, keys: Keys, verdict: str, url: str) -> int:
    path = f"/api/v1/admin/partners/{keys.partner_id}/webhook/{verdict}"
    return c.post(path, json={"url": url}, headers=h(keys.admin)).status_code


def test_a_new_url_takes_effect_only_once_an_admin_approves_it(
    env: Any, db_url: str, conn: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    c, keys, ids = env
    monkeypatch.setattr(socket, "getaddrinfo", FakeResolver({"new.example.org": [["127.0.0.1"]]}))
    with receiving() as old, receiving() as new:
        approve(conn, keys.partner_id, old.url())
        new_url = f"https://new.example.org:{new.port}/hook"
        request_url(c, keys, new_url)
        pending = c.get("/api/v1/admin/webhooks/pending", headers=h(keys.admin)).json()
        assert [(p["partner_id"], p["url"]) for p in pending] == [(keys.partner_id, new_url)]
        confirm(c, keys, ids[0])
        assert deliver(db_url, LOCAL_RECEIVER) == 1
        assert len(old.requests) == 1 and new.requests == []
        assert decide_url(c, keys, "approve", "https://other.example.org/") == 409
        request_url(c, keys, "https://third.example.org/hook")
        assert decide_url(c, keys, "reject", "https://third.example.org/hook") == 204
        assert partners.get_partner(conn, keys.partner_id).webhook_url == old.url()  # type: ignore[union-attr]
    actions = [e.action for e in audit.entries(conn, object_type="partner")]
    assert {"request_webhook", "reject_webhook"} <= set(actions)


def test_approval_is_audited_and_switches_deliveries(env: Any, conn: Any) -> None:
    c, keys, _ = env
    request_url(c, keys, "https://hooks.example.org/adwatch")
    assert decide_url(c, keys, "approve", "https://hooks.example.org/adwatch") == 200
    partner = partners.get_partner(conn, keys.partner_id)
    assert partner is not None and partner.webhook_url == "https://hooks.example.org/adwatch"
    assert partner.webhook_pending_url is None and partner.webhook_approved_at is not None
    entries = audit.entries(conn, object_type="partner", object_id=keys.partner_id)
    assert [e.action for e in entries][:2] == ["approve_webhook", "request_webhook"]
    assert c.get("/api/v1/admin/webhooks/pending", headers=h(keys.admin)).json() == []


def test_queued_deliveries_of_a_deactivated_partner_are_cancelled(
    env: Any, db_url: str, conn: Any
) -> None:
    c, keys, ids = env
    with receiving() as receiver:
        approve(conn, keys.partner_id, receiver.url())
        confirm(c, keys, ids[0])
        r = c.patch(
            f"/api/v1/admin/partners/{keys.partner_id}",
            json={"active": False},
            headers=h(keys.admin),
        )
        assert r.status_code == 200
        assert deliver(db_url, LOCAL_RECEIVER) == 0
        assert receiver.requests == []
    assert [d["status"] for d in admin_log(c, keys)] == ["cancelled"]


def test_each_delivery_rechecks_the_partner_just_before_sending(
    env: Any, db_url: str, conn: Any
) -> None:
    """The partner is deactivated (behind the API's back) while the first of two claimed
    deliveries is being received: the second is not sent."""
    c, keys, ids = env

    def deactivate() -> None:
        with psycopg.connect(db_url, autocommit=True) as other:
            other.execute("UPDATE partners SET active = false WHERE id = %s", (keys.partner_id,))

    with receiving() as receiver:
        approve(conn, keys.partner_id, receiver.url())
        confirm(c, keys, ids[0])
        confirm(c, keys, ids[1])
        receiver.on_request = deactivate
        assert deliver(db_url, LOCAL_RECEIVER) == 1
        assert len(receiver.requests) == 1
    assert sorted(d["status"] for d in admin_log(c, keys)) == ["cancelled", "delivered"]


def test_a_withdrawn_webhook_gets_nothing(env: Any, db_url: str, conn: Any) -> None:
    c, keys, ids = env
    with receiving() as receiver:
        approve(conn, keys.partner_id, receiver.url())
        confirm(c, keys, ids[0])
        r = c.delete(f"/api/v1/admin/partners/{keys.partner_id}/webhook", headers=h(keys.admin))
        assert r.status_code == 204
        assert deliver(db_url, LOCAL_RECEIVER) == 0
        assert receiver.requests == []
    assert [d["status"] for d in partner_log(c, keys)] == ["cancelled"]

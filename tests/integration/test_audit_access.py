"""Reads of personal data and changes are audited: who, what, which object, and never the
personal value itself. Contact searches travel in POST bodies, never in URLs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient

from config.settings import get_settings
from store import audit
from store.adverts import EntityRecord
from tests.api_support import Ad, Keys, client, h, make_keys, seed
from tests.integration.test_cli_foundation import run_cli

pytestmark = pytest.mark.integration
PHONE = "+37360000123"
ENTITY = EntityRecord("phone", PHONE, "0600 00 123", 0, 0)


@pytest.fixture
def env(
    db_url: str, conn: psycopg.Connection[Any], monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[TestClient, Keys, list[int]]]:
    monkeypatch.setenv("ADWATCH_HASH_SECRET", "audit-test-secret-0123456789")
    get_settings.cache_clear()
    ids = seed(conn, [Ad(1, entities=(ENTITY,)), Ad(2), Ad(3, entities=(ENTITY,))])
    keys = make_keys(conn)
    with client(db_url) as test_client:
        yield test_client, keys, ids
    get_settings.cache_clear()


def _entries(conn: psycopg.Connection[Any], action: str) -> list[audit.AuditEntry]:
    return [e for e in audit.entries(conn, limit=1000) if e.action == action]


def _no_phone(entries: list[audit.AuditEntry]) -> bool:
    text = " ".join(f"{e.object_id} {e.detail}" for e in entries)
    return "60000123" not in text and "0600" not in text


def test_api_contact_search_is_a_post_and_audited_without_the_number(
    env: Any, conn: psycopg.Connection[Any]
) -> None:
    c, keys, ids = env
    r = c.post("/api/v1/adverts/search", json={"entity": PHONE}, headers=h(keys.analyst))
    assert r.status_code == 200
    assert {i["id"] for i in r.json()["items"]} == {ids[0], ids[2]}
    refused = c.get("/api/v1/adverts", params={"entity": PHONE}, headers=h(keys.analyst))
    assert refused.status_code == 400
    c.post("/api/v1/adverts/search", json={"entity": f"phone:{PHONE}"}, headers=h(keys.analyst))
    searches = _entries(conn, "search_contacts")
    assert len(searches) == 2 and _no_phone(searches)
    assert searches[1].actor == "analyst:analyst person"
    assert searches[1].detail["results"] == 2 and searches[1].detail["contact_kind"] == "any"
    assert searches[0].detail["contact_kind"] == "phone"
    assert len(searches[1].detail["contact_hmac"]) == 32
    # Words-only searches stay a GET and are no contact search.
    assert c.get("/api/v1/adverts", params={"q": "warehouse"}, headers=h(keys.analyst)).is_success
    assert len(_entries(conn, "search_contacts")) == 2


def _login(c: TestClient, keys: Keys) -> str:
    r = c.post("/login", data={"key": keys.analyst}, follow_redirects=False)
    assert r.status_code == 303
    page = c.get("/search").text
    assert re.search(r'<form method="post" action="/search"', page)
    match = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page)
    assert match is not None
    return match.group(1)


def test_ui_contact_search_posts_the_form_and_is_audited(
    env: Any, conn: psycopg.Connection[Any]
) -> None:
    c, keys, ids = env
    csrf = _login(c, keys)
    r = c.post("/search", data={"entity": PHONE, "q": "", "kind": "", "csrf_token": csrf})
    assert r.status_code == 200 and f"/adverts/{ids[0]}" in r.text
    assert c.post("/search", data={"entity": PHONE}).status_code == 403  # no CSRF token
    assert c.get("/search", params={"entity": PHONE}).status_code == 400
    advert_page = c.get(f"/adverts/{ids[0]}").text  # its contacts search by POST, not by link
    assert "search?entity" not in advert_page
    assert f'name="entity" value="phone:{PHONE}"' in advert_page
    searches = _entries(conn, "search_contacts")
    assert len(searches) == 1 and _no_phone(searches)
    assert searches[0].detail == searches[0].detail | {"results": 2, "via": "ui"}


def test_queue_claim_release_and_audit_reads_are_audited(
    env: Any, conn: psycopg.Connection[Any]
) -> None:
    c, keys, ids = env
    analyst = h(keys.analyst)
    assert c.get("/api/v1/queue", headers=analyst).status_code == 200
    assert c.post(f"/api/v1/queue/{ids[0]}/claim", headers=analyst).status_code == 200
    assert c.post(f"/api/v1/queue/{ids[0]}/release", headers=analyst).status_code == 204
    assert c.post(f"/api/v1/queue/{ids[0]}/release", headers=analyst).status_code == 409
    csrf = _login(c, keys)
    assert c.get("/queue").status_code == 200
    c.post(f"/adverts/{ids[1]}/claim", data={"csrf_token": csrf}, follow_redirects=False)
    c.post(f"/adverts/{ids[1]}/release", data={"csrf_token": csrf}, follow_redirects=False)
    assert c.get("/api/v1/admin/audit", headers=h(keys.admin)).status_code == 200
    assert [e.detail["via"] for e in _entries(conn, "read_queue")] == ["ui", "api"]
    claims = _entries(conn, "claim")
    assert [(e.object_id, e.detail["via"]) for e in claims] == [
        (str(ids[1]), "ui"),
        (str(ids[0]), "api"),
    ]
    assert len(_entries(conn, "release")) == 2
    reads = _entries(conn, "read_audit")
    assert len(reads) == 1 and reads[0].actor == "admin:admin person"


def test_partner_actions_and_partner_edits_are_audited(
    env: Any, conn: psycopg.Connection[Any]
) -> None:
    c, keys, ids = env
    r = c.post(
        f"/api/v1/adverts/{ids[0]}/decision",
        json={"decision": "confirmed"},
        headers=h(keys.analyst),
    )
    assert r.status_code == 201
    agreed = c.post(f"/api/v1/adverts/{ids[0]}/sharing/agree", json={}, headers=h(keys.analyst2))
    assert agreed.status_code == 200  # the two-person rule: now it is shared
    seq = conn.execute("SELECT max(seq) FROM feed_events").fetchone()[0]  # type: ignore[index]
    partner = h(keys.partner)
    assert c.post(f"/api/v1/feed/{seq}/ack", headers=partner).status_code == 204
    opinion = {"opinion": "disputed", "comment": "call +40 700 000 123 first"}
    assert c.post(f"/api/v1/adverts/{ids[0]}/opinion", json=opinion, headers=partner).is_success
    takedown = {"note": "removed"}
    assert c.post(f"/api/v1/adverts/{ids[0]}/takedown", json=takedown, headers=partner).is_success
    assert c.get("/api/v1/takedowns", headers=partner).status_code == 200
    hook = {"url": "https://hooks.example.org/adwatch", "secret": "s" * 32}
    assert c.put("/api/v1/partner/webhook", json=hook, headers=partner).status_code == 202
    admin = h(keys.admin)
    made = c.post(
        "/api/v1/admin/partners",
        json={"name": "ISP Two", "contact": "ops@example.org"},
        headers=admin,
    )
    assert made.status_code == 201
    patch = {"contact": "noc@example.org", "active": False}
    assert c.patch(
        f"/api/v1/admin/partners/{made.json()['id']}", json=patch, headers=admin
    ).is_success
    actions = {
        "ack_feed_event": str(seq),
        "set_opinion": str(ids[0]),
        "report_takedown": str(ids[0]),
        "read_takedowns": str(keys.partner_id),
        "request_webhook": str(keys.partner_id),
        "create_partner": made.json()["id"],
        "update_partner": made.json()["id"],
    }
    for action, object_id in actions.items():
        found = _entries(conn, action)
        assert len(found) == 1, action
        assert found[0].object_id == str(object_id), action
    everything = str([e.detail for e in audit.entries(conn, limit=1000)])
    assert "example.org/adwatch" not in everything and "s" * 32 not in everything
    assert "ops@example.org" not in everything and "noc@example.org" not in everything
    assert "700 000 123" not in everything
    assert _entries(conn, "request_webhook")[0].detail == {"host": "hooks.example.org"}
    assert _entries(conn, "update_partner")[0].detail["fields"] == ["active", "contact"]


def test_cli_keys_are_audited_with_the_os_user(
    db_url: str, conn: psycopg.Connection[Any], tmp_path: Path
) -> None:
    env = {"DATABASE_URL": db_url, "ADWATCH_DATA_DIR": str(tmp_path)}
    made = run_cli("keys", "create", "--role", "analyst", "--name", "Ana", env=env)
    assert made.returncode == 0, made.stderr
    key_id = conn.execute("SELECT max(id) FROM api_keys").fetchone()[0]  # type: ignore[index]
    assert run_cli("keys", "revoke", str(key_id), env=env).returncode == 0
    entries = [e for e in audit.entries(conn) if e.object_type == "api_key"]
    assert [(e.action, e.object_id) for e in entries] == [
        ("revoke_key", str(key_id)),
        ("create_key", str(key_id)),
    ]
    assert all(re.fullmatch(r"cli:\S+", e.actor) for e in entries)
    assert entries[1].detail["role"] == "analyst"

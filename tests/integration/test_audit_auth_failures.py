"""Wrong API keys: audited without the key, counted in PostgreSQL, locked out per address and
per key prefix (429 + Retry-After), shared by every API process."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from config.settings import get_settings
from store import audit
from tests.api_support import Keys, h, make_keys

pytestmark = pytest.mark.integration
LIMIT = 10  # the default ADWATCH_AUTH_FAILURE_LIMIT


@contextmanager
def api_from(db_url: str, address: str) -> Iterator[TestClient]:
    """An API process of its own (own pool), seen from one client address."""
    with TestClient(create_app(db_url), client=(address, 40000)) as test_client:
        yield test_client


@pytest.fixture
def keys(conn: psycopg.Connection[Any]) -> Keys:
    return make_keys(conn)


def _wrong(token: str, n: int) -> str:
    """The same key id with a wrong secret part: a guess at that key."""
    key_id = token.split("_")[1]
    return f"adw_{key_id}_wrong-secret-{n:04d}-xxxxxxxxxxxxxxxxxxxxxxxx"


def test_each_wrong_key_is_audited_without_the_key(
    db_url: str, keys: Keys, conn: psycopg.Connection[Any]
) -> None:
    wrong = _wrong(keys.analyst, 1)
    with api_from(db_url, "192.0.2.1") as c:
        assert c.get("/api/v1/queue", headers=h(wrong)).status_code == 401
    entries = [e for e in audit.entries(conn) if e.action == "auth_failed"]
    assert len(entries) == 1
    entry = entries[0]
    assert entry.actor == "anonymous"
    assert entry.detail["client_addr"] == "192.0.2.1"
    assert entry.detail["key_prefix"] == wrong[:16] == keys.analyst[:16]
    assert "wrong-secret" not in str(entry.detail) and "wrong-secret" not in str(entry.object_id)


def test_an_address_is_locked_out_after_too_many_wrong_keys(
    db_url: str, keys: Keys, conn: psycopg.Connection[Any]
) -> None:
    with api_from(db_url, "192.0.2.2") as c:
        for n in range(LIMIT):
            guess = f"adw_{n:012x}_guess"
            assert c.get("/api/v1/queue", headers=h(guess)).status_code == 401
        locked = c.get("/api/v1/queue", headers=h("adw_0000000000ff_guess"))
        assert locked.status_code == 429
        assert 0 < int(locked.headers["Retry-After"]) <= 300
        # While locked, even a right key from that address is refused unchecked.
        assert c.get("/api/v1/queue", headers=h(keys.analyst)).status_code == 429
    with api_from(db_url, "192.0.2.99") as other:
        assert other.get("/api/v1/queue", headers=h(keys.analyst)).status_code == 200
    failures = [e for e in audit.entries(conn, limit=1000) if e.action == "auth_failed"]
    assert len(failures) == LIMIT


def test_a_key_prefix_is_locked_across_addresses_and_processes(db_url: str, keys: Keys) -> None:
    """Guesses at one key from many addresses, through two API processes, lock that key."""
    for n in range(LIMIT):
        with api_from(db_url, f"198.51.100.{n + 1}") as c:
            assert c.get("/api/v1/queue", headers=h(_wrong(keys.analyst, n))).status_code == 401
    with api_from(db_url, "203.0.113.7") as fresh:
        refused = fresh.get("/api/v1/queue", headers=h(keys.analyst))
        assert refused.status_code == 429 and "Retry-After" in refused.headers
        assert fresh.get("/api/v1/queue", headers=h(keys.analyst2)).status_code == 200


def test_ui_login_failures_are_audited_and_counted(
    db_url: str, keys: Keys, conn: psycopg.Connection[Any]
) -> None:
    with api_from(db_url, "192.0.2.3") as c:
        for n in range(LIMIT):
            r = c.post("/login", data={"key": f"not-a-key-{n}"}, follow_redirects=False)
            assert r.status_code == 401
        r = c.post("/login", data={"key": keys.analyst}, follow_redirects=False)
        assert r.status_code == 429
    failures = [e for e in audit.entries(conn, limit=100) if e.action == "auth_failed"]
    assert len(failures) == LIMIT
    assert {e.detail["via"] for e in failures} == {"ui-login"}
    assert all(e.detail["key_prefix"] == "not-…" for e in failures)


def test_each_key_is_rate_limited(db_url: str, keys: Keys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADWATCH_API_RATE_LIMIT_PER_MINUTE", "3")
    get_settings.cache_clear()
    try:
        with api_from(db_url, "192.0.2.4") as c:
            statuses = [
                c.get("/api/v1/queue", headers=h(keys.analyst)).status_code for _ in range(3)
            ]
            assert statuses == [200, 200, 200]
            limited = c.get("/api/v1/queue", headers=h(keys.analyst))
            assert limited.status_code == 429
            assert 0 < int(limited.headers["Retry-After"]) <= 60
            assert c.get("/api/v1/queue", headers=h(keys.analyst2)).status_code == 200
    finally:
        get_settings.cache_clear()

"""Takedowns as an append-only history (issue 15): every report kept with its ticket and the
partner's own time, idempotent retries, the history per advert, confirmation by re-crawl."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient

from config.settings import get_settings
from store import adverts, api_keys, audit, migrate, partners
from tests.api_support import SECRET, Ad, Keys, client, h, make_keys, seed
from tests.webhook_support import confirm

pytestmark = pytest.mark.integration

URL0 = "https://jobs-demo.example.org/ad/1"


@pytest.fixture
def env(
    db_url: str, conn: psycopg.Connection[Any], monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[TestClient, Keys, list[int]]]:
    monkeypatch.setenv("ADWATCH_HASH_SECRET", SECRET)
    get_settings.cache_clear()
    ids = seed(conn, [Ad(n) for n in range(1, 4)])
    keys = make_keys(conn)
    with client(db_url) as test_client:
        confirm(test_client, keys, ids[0])
        yield test_client, keys, ids
    get_settings.cache_clear()


def _report(c: TestClient, token: str, advert_id: int, key: str | None = None, **body: Any) -> Any:
    headers = h(token) | ({"Idempotency-Key": key} if key else {})
    return c.post(f"/api/v1/adverts/{advert_id}/takedown", json=body, headers=headers)


def test_reports_are_appended_not_overwritten(env: Any) -> None:
    c, keys, ids = env
    first = _report(c, keys.partner, ids[0], ticket_ref="T-1", note="asked the host")
    second = _report(c, keys.partner, ids[0], ticket_ref="T-2", note="removed")
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] != second.json()["id"]
    history = c.get(f"/api/v1/takedowns/{ids[0]}", headers=h(keys.partner)).json()
    assert [(t["ticket_ref"], t["note"]) for t in history] == [
        ("T-1", "asked the host"),
        ("T-2", "removed"),
    ]


def test_time_to_removal_from_partner_time_confirmed_by_recrawl(
    env: Any, conn: psycopg.Connection[Any]
) -> None:
    c, keys, ids = env
    # shared a day ago, so that the partner's time of removal lies in the past
    with conn.transaction():
        conn.execute("UPDATE feed_events SET created_at = created_at - interval '1 day'")
    shared = c.get("/api/v1/feed", headers=h(keys.partner)).json()["items"][0]["event_at"]
    removed = datetime.fromisoformat(shared) + timedelta(hours=3)
    r = _report(c, keys.partner, ids[0], removed_at=removed.isoformat(), ticket_ref="T-9")
    assert r.status_code == 201, r.text
    assert round(r.json()["seconds_to_removal"]) == 3 * 3600
    assert r.json()["confirmed_at"] is None  # the partner's word, not yet seen by adwatch
    seen_gone = removed + timedelta(hours=5)
    assert adverts.mark_removed(conn, URL0, "HTTP 404", seen_gone) == ids[0]
    rows = c.get(f"/api/v1/takedowns/{ids[0]}", headers=h(keys.analyst)).json()
    assert round(rows[0]["seconds_to_removal"]) == 3 * 3600  # still the partner's time
    assert datetime.fromisoformat(rows[0]["confirmed_at"]) == seen_gone


def test_missing_from_listing_is_not_confirmation(env: Any, conn: psycopg.Connection[Any]) -> None:
    c, keys, ids = env
    assert _report(c, keys.partner, ids[0]).status_code == 201
    assert adverts.mark_removed(conn, URL0, "missing from listing", datetime.now(UTC))
    row = c.get(f"/api/v1/takedowns/{ids[0]}", headers=h(keys.partner)).json()[0]
    # no partner time: the crawler's time of removal counts, but it proves nothing
    assert row["removed_at"] is not None and row["confirmed_at"] is None


def test_idempotency_key_replays_and_conflicts(env: Any, conn: psycopg.Connection[Any]) -> None:
    c, keys, ids = env
    first = _report(c, keys.partner, ids[0], "retry-1", ticket_ref="T-1")
    again = _report(c, keys.partner, ids[0], "retry-1", ticket_ref="T-1")
    assert again.status_code == 201 and again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true"
    other = _report(c, keys.partner, ids[0], "retry-1", ticket_ref="T-2")
    assert other.status_code == 409
    assert other.headers["content-type"] == "application/problem+json"
    history = c.get(f"/api/v1/takedowns/{ids[0]}", headers=h(keys.partner)).json()
    assert [t["ticket_ref"] for t in history] == ["T-1"]
    audited = [e for e in audit.entries(conn) if e.action == "report_takedown"]
    assert len(audited) == 1


def test_partner_sees_own_reports_analysts_all(env: Any, conn: psycopg.Connection[Any]) -> None:
    c, keys, ids = env
    other = partners.ensure_partner(conn, "Platform Two")
    other_key = api_keys.create_key(conn, "platform person", "partner", other.id)[1]
    assert _report(c, keys.partner, ids[0], ticket_ref="ONE").status_code == 201
    assert _report(c, other_key, ids[0], ticket_ref="TWO").status_code == 201
    mine = c.get(f"/api/v1/takedowns/{ids[0]}", headers=h(other_key)).json()
    assert [t["ticket_ref"] for t in mine] == ["TWO"]
    for token in (keys.analyst, keys.admin):
        every = c.get(f"/api/v1/takedowns/{ids[0]}", headers=h(token)).json()
        assert sorted((t["partner"], t["ticket_ref"]) for t in every) == [
            ("ISP One", "ONE"),
            ("Platform Two", "TWO"),
        ]
    assert c.get(f"/api/v1/takedowns/{ids[0]}", headers=h(keys.researcher)).status_code == 403


@pytest.mark.parametrize(
    ("path_id", "body", "headers", "status"),
    [
        (1, {"removed_at": "2026-11-01T12:00:00"}, {}, 422),  # no time zone
        (1, {"removed_at": "2999-01-01T00:00:00Z"}, {}, 422),  # future
        (1, {"removed_at": "0001-01-01T00:00:00+14:00"}, {}, 422),  # BC in UTC
        (1, {"removed_at": "not a time"}, {}, 422),
        (1, {"ticket_ref": "x" * 201}, {}, 422),
        (1, {"note": "a\x00b"}, {}, 422),
        (1, {}, {"Idempotency-Key": "x" * 201}, 422),
        (1, {}, {"Idempotency-Key": "has space"}, 422),
        (2, {}, {}, 404),  # never shared
    ],
)
def test_hostile_reports_get_clear_errors(
    env: Any, path_id: int, body: dict[str, Any], headers: dict[str, str], status: int
) -> None:
    c, keys, ids = env
    r = c.post(
        f"/api/v1/adverts/{ids[path_id - 1]}/takedown",
        json=body,
        headers=h(keys.partner) | headers,
    )
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "application/problem+json"


def test_history_of_unknown_or_unshared_advert(env: Any) -> None:
    c, keys, ids = env
    assert c.get(f"/api/v1/takedowns/{ids[1]}", headers=h(keys.partner)).status_code == 404
    assert c.get("/api/v1/takedowns/999999", headers=h(keys.analyst)).status_code == 404
    assert c.get(f"/api/v1/takedowns/{ids[1]}", headers=h(keys.analyst)).json() == []


def test_migration_keeps_reports_and_history_cannot_be_rewritten(
    pg_admin_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests import pg

    name = "adwatch_0012_" + uuid.uuid4().hex[:8]
    with psycopg.connect(pg_admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    everything = migrate.available_migrations()
    try:
        with psycopg.connect(pg.with_dbname(pg_admin_url, name)) as conn:
            monkeypatch.setattr(
                migrate, "available_migrations", lambda: [m for m in everything if m.version < 12]
            )
            migrate.upgrade(conn)
            conn.execute(
                """INSERT INTO partners (id, name) VALUES (1, 'ISP One');
                   INSERT INTO adverts (id, canonical_url, kind, content_hash, first_seen,
                       last_seen) VALUES (1, 'https://a.example.org/1', 'job', 'h', now(), now());
                   INSERT INTO takedowns (partner_id, advert_id, note) VALUES (1, 1, 'old');"""
            )
            conn.commit()
            monkeypatch.setattr(migrate, "available_migrations", lambda: everything)
            assert 12 in [m.version for m in migrate.upgrade(conn)]
            kept = conn.execute("SELECT note, ticket_ref FROM takedowns").fetchall()
            assert kept == [("old", "")]
            conn.execute("INSERT INTO takedowns (partner_id, advert_id) VALUES (1, 1)")
            with pytest.raises(psycopg.errors.RaiseException, match="append-only"):
                conn.execute("UPDATE takedowns SET note = 'rewritten'")
    finally:
        pg.drop_database(pg_admin_url, name)

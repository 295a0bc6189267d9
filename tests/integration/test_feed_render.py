"""Each feed event's shared content is rendered once and kept (issue 15): what a partner was
sent does not change when the advert does, the scheduler renders new events before anyone
reads them, and a new deployment secret renders them again (no stale keyed hashes)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient

from config.errors import AdwatchError
from config.settings import get_settings
from share import feed_format, feed_render
from tests.api_support import SECRET, Ad, Keys, client, h, make_keys, seed
from tests.integration.test_api_feed import CONTACTS, decide

pytestmark = pytest.mark.integration


@pytest.fixture
def env(
    db_url: str, conn: psycopg.Connection[Any], monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[TestClient, Keys, list[int]]]:
    monkeypatch.setenv("ADWATCH_HASH_SECRET", SECRET)
    get_settings.cache_clear()
    ids = seed(conn, [Ad(n, entities=CONTACTS) for n in range(1, 3)])
    keys = make_keys(conn)
    with client(db_url) as c:
        for advert_id in ids:
            decide(c, keys, advert_id, "confirmed")
        yield c, keys, ids
    get_settings.cache_clear()


def _items(c: TestClient, keys: Keys) -> list[dict[str, Any]]:
    return list(c.get("/api/v1/feed", headers=h(keys.partner)).json()["items"])


def test_scheduler_renders_new_events_and_pages_read_them(
    env: Any, conn: psycopg.Connection[Any]
) -> None:
    c, keys, _ = env
    assert feed_render.render_new(conn, SECRET) == 2
    assert feed_render.render_new(conn, SECRET) == 0
    conn.commit()  # as the deliver job's autocommit connection does
    kept = conn.execute("SELECT item_json FROM feed_events ORDER BY seq").fetchall()
    assert [json.loads(r[0]) for r in kept] == _items(c, keys)


def test_what_was_published_does_not_change_with_the_advert(
    env: Any, conn: psycopg.Connection[Any]
) -> None:
    c, keys, ids = env
    before = _items(c, keys)
    with conn.transaction():
        conn.execute("UPDATE adverts SET band = 'low', risk_score = 0.1 WHERE id = %s", (ids[0],))
        conn.execute("DELETE FROM advert_entities WHERE advert_id = %s", (ids[0],))
    assert _items(c, keys) == before
    assert before[0]["band"] != "low" and before[0]["contacts"]


def test_a_new_secret_renders_events_again(
    env: Any, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    c, keys, _ = env
    old = _items(c, keys)[0]["contacts"]
    monkeypatch.setenv("ADWATCH_HASH_SECRET", "a-rotated-secret")
    get_settings.cache_clear()
    with client(db_url) as fresh:
        new = _items(fresh, keys)[0]["contacts"]
    expected = [
        {"kind": e.kind, "hmac_sha256": feed_format.keyed_hash("a-rotated-secret", e.kind, e.value)}
        for e in sorted(CONTACTS, key=lambda e: (e.kind, e.value))
    ]
    assert new == expected and new != old


def test_feed_render_command_renders_the_backlog_once(
    env: Any, conn: psycopg.Connection[Any], db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from adwatch.cli import app

    monkeypatch.setenv("DATABASE_URL", db_url)
    get_settings.cache_clear()
    first = CliRunner().invoke(app, ["feed", "render"])
    assert first.exit_code == 0, first.output
    assert first.output.strip() == "rendered 2 feed events"
    left = conn.execute("SELECT count(*) FROM feed_events WHERE item_json IS NULL").fetchone()
    assert left == (0,)
    again = CliRunner().invoke(app, ["feed", "render"])
    assert again.output.strip() == "rendered 0 feed events"


def test_feed_render_command_needs_the_secret(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from adwatch.cli import app

    monkeypatch.setenv("DATABASE_URL", db_url)
    monkeypatch.setenv("ADWATCH_HASH_SECRET", "")
    get_settings.cache_clear()
    result = CliRunner().invoke(app, ["feed", "render"])
    get_settings.cache_clear()
    # adwatch's entry point prints an AdwatchError as one line (tests/unit/test_cli.py)
    assert isinstance(result.exception, AdwatchError)
    assert "ADWATCH_HASH_SECRET is not set" in str(result.exception)

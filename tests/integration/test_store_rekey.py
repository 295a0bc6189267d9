"""`adwatch db rekey`: stored adverts take the canonical URLs this version makes, none doubled."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest

from adwatch.cli_db import _keep_unreadable
from crawlers.extract.urls import canonical_url
from store import adverts
from store.canonical_urls import rekey_adverts
from tests.integration.test_store_ingest import snapshot

pytestmark = pytest.mark.integration

# Keys an older canonicaliser stored (it kept %20, ~-escapes and dot segments as they came).
OLD_KEYS = {
    "spaced": "https://jobs.example.org/search?q=night%20shift",
    "dotted": "https://jobs.example.org/ads/../ad/7",
    "tilde": "https://jobs.example.org/%7Eagency/ad/8",
    "current": "https://jobs.example.org/ad/9",
    "taken": "https://jobs.example.org/ad/10?q=a%20b",
    "holder": "https://jobs.example.org/ad/10?q=a+b",
}


def _stored(conn: psycopg.Connection[Any]) -> dict[int, str]:
    rows = conn.execute("SELECT id, canonical_url FROM adverts").fetchall()
    return {int(i): str(u) for i, u in rows}


def _seed(conn: psycopg.Connection[Any]) -> dict[str, int]:
    ids = {}
    for n, (name, key) in enumerate(OLD_KEYS.items()):
        ids[name] = adverts.ingest_advert(conn, snapshot(n, canonical_url=key)).advert_id
    return ids


def test_a_dry_run_reports_and_writes_nothing(conn: psycopg.Connection[Any]) -> None:
    _seed(conn)
    before = _stored(conn)
    result = rekey_adverts(conn, canonical_url, apply=False)
    assert (result.adverts, result.changed, len(result.collisions)) == (6, 3, 1)
    assert _stored(conn) == before


def test_adverts_take_the_new_keys_and_a_taken_key_is_left_alone(
    conn: psycopg.Connection[Any],
) -> None:
    ids = _seed(conn)
    result = rekey_adverts(conn, _keep_unreadable, apply=True)
    stored = _stored(conn)
    assert stored[ids["spaced"]] == "https://jobs.example.org/search?q=night+shift"
    assert stored[ids["dotted"]] == "https://jobs.example.org/ad/7"
    assert stored[ids["tilde"]] == "https://jobs.example.org/~agency/ad/8"
    assert stored[ids["current"]] == OLD_KEYS["current"]
    assert stored[ids["taken"]] == OLD_KEYS["taken"]  # its new key is another advert's
    assert result.collisions == [(ids["taken"], OLD_KEYS["holder"], ids["holder"])]
    # Every key is now what this version makes of it, so a re-crawl finds each advert again.
    assert all(canonical_url(u) == u for i, u in stored.items() if i != ids["taken"])
    again = rekey_adverts(conn, canonical_url, apply=True)
    assert again.changed == 0 and len(again.collisions) == 1


def test_a_key_this_version_cannot_read_is_kept(conn: psycopg.Connection[Any]) -> None:
    advert_id = adverts.ingest_advert(
        conn, snapshot(1, canonical_url="https://jobs.example.org:99999/ad")
    ).advert_id
    rekey_adverts(conn, _keep_unreadable, apply=True)
    assert _stored(conn)[advert_id] == "https://jobs.example.org:99999/ad"

"""Takedowns in the partner feed (issue 15): a partner's report and a re-crawl's 404/410 reach
the partners who received the advert, once each, as STIX notes (TAXII, taxii2-client) and as
'taken_down' items (JSON, CSV), never naming the reporting partner or its ticket."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient
from stix2validator import ValidationOptions, validate_instance
from taxii2client.v21 import Server, as_pages

from config.settings import get_settings
from share import stix_feed
from store import adverts, api_keys, partners
from tests.api_support import SECRET, Ad, Keys, client, h, make_keys, seed
from tests.integration.test_api_feed import decide
from tests.live_server import live_server

pytestmark = pytest.mark.integration

URL0 = "https://jobs-demo.example.org/ad/1"
TICKET = "TICKET-SECRET-4411"
NOTE = "removed by the abuse desk of ISP One"
TAXII = "application/taxii+json;version=2.1"
REMOVED = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


@dataclass(frozen=True)
class World:
    c: TestClient
    db_url: str
    keys: Keys  # ISP One reports; analysts decide
    other: str  # Host Two: same group, did not report
    outsider: str  # NGO Three: another sharing group only
    ids: list[int]


def _partner_key(conn: psycopg.Connection[Any], name: str) -> tuple[int, str]:
    partner = partners.ensure_partner(conn, name)
    return partner.id, api_keys.create_key(conn, f"{name} feed", "partner", partner.id)[1]


def _move_to_ngo(c: TestClient, keys: Keys, partner_id: int) -> None:
    r = c.post("/api/v1/admin/sharing-groups", json={"name": "ngo"}, headers=h(keys.admin))
    assert r.status_code == 201, r.text
    for method, group in (("PUT", "ngo"), ("DELETE", "default")):
        path = f"/api/v1/admin/sharing-groups/{group}/partners/{partner_id}"
        assert c.request(method, path, headers=h(keys.admin)).status_code == 200


@pytest.fixture
def world(
    db_url: str, conn: psycopg.Connection[Any], monkeypatch: pytest.MonkeyPatch
) -> Iterator[World]:
    """Two adverts confirmed for 'default'; ISP One reports the first one taken down (Host
    Two reports it too), then a re-crawl sees it answer 410."""
    monkeypatch.setenv("ADWATCH_HASH_SECRET", SECRET)
    get_settings.cache_clear()
    ids = seed(conn, [Ad(n) for n in range(1, 4)])
    keys = make_keys(conn)
    _, other = _partner_key(conn, "Host Two")
    outsider_id, outsider = _partner_key(conn, "NGO Three")
    with client(db_url) as c:
        _move_to_ngo(c, keys, outsider_id)
        for advert_id in ids[:2]:
            decide(c, keys, advert_id, "confirmed")
        body = {"ticket_ref": TICKET, "note": NOTE, "removed_at": REMOVED.isoformat()}
        r = c.post(f"/api/v1/adverts/{ids[0]}/takedown", json=body, headers=h(keys.partner))
        assert r.status_code == 201, r.text
        again = {"ticket_ref": "HOST-2", "note": "gone here too"}
        r = c.post(f"/api/v1/adverts/{ids[0]}/takedown", json=again, headers=h(other))
        assert r.status_code == 201, r.text
        seen_gone = REMOVED + timedelta(hours=6)
        assert adverts.mark_removed(conn, URL0, "HTTP 410", seen_gone) == ids[0]
        yield World(c, db_url, keys, other, outsider, ids)
    get_settings.cache_clear()


def _taxii_objects(base: str, token: str, **filters: Any) -> list[dict[str, Any]]:
    root = Server(f"{base}/taxii2/", user="partner", password=token).default
    assert root is not None
    collection = next(c for c in root.collections if c.title == "adwatch: default")
    pages = as_pages(collection.get_objects, per_request=2, **filters)
    return [o for page in pages for o in page.get("objects", [])]


def test_taxii2_client_sees_each_takedown_note_once_and_valid(world: World) -> None:
    with live_server(world.db_url) as base:
        objects = _taxii_objects(base, world.other, version="all")
        later = _taxii_objects(base, world.other, type="note")
    assert len({(o["id"], o.get("modified", o["created"])) for o in objects}) == len(objects)
    indicators = [o for o in objects if o["type"] == "indicator"]
    notes = [o for o in objects if o["type"] == "note"]
    first = next(i for i in indicators if _props(i)["advert_id"] == world.ids[0])
    # the first report, and the re-crawl's confirmation; Host Two's report adds nothing
    assert [(_props(n)["confirmed_by_recrawl"], n["object_refs"]) for n in notes] == [
        (False, [first["id"]]),
        (True, [first["id"]]),
    ]
    assert _props(notes[0])["removed_at"] == REMOVED.isoformat()
    assert objects[-2:] == notes  # in the feed's order, after the confirmations
    assert [n["id"] for n in later] == [n["id"] for n in notes]
    options = ValidationOptions(strict=True, version="2.1")
    for obj in objects:
        result = validate_instance(obj, options)
        assert result.is_valid and not result.errors and not result.warnings, [
            str(e) for e in result.errors
        ]


def _props(obj: dict[str, Any]) -> dict[str, Any]:
    return dict(obj["extensions"][stix_feed.EXTENSION_ID])


def _everything(c: TestClient, token: str) -> str:
    """All a partner can read about the feed: JSON, CSV, STIX, TAXII, takedown history."""
    texts = [c.get("/api/v1/feed", params={"format": f}, headers=h(token)).text for f in FORMATS]
    headers = {"Accept": TAXII}
    auth = ("partner", token)
    for col in c.get("/taxii2/api/collections/", headers=headers, auth=auth).json()["collections"]:
        path = f"/taxii2/api/collections/{col['id']}/objects/"
        texts.append(c.get(path, params={"match[version]": "all"}, headers=headers, auth=auth).text)
    return "\n".join(texts)


FORMATS = ("json", "csv", "stix")


def test_other_partners_learn_neither_reporter_nor_ticket(world: World) -> None:
    seen = _everything(world.c, world.other)
    assert "taken_down" in seen and "note--" in seen
    for secret in (TICKET, NOTE, "ISP One", "HOST-2", "gone here too", "Host Two"):
        assert secret not in seen
    mine = world.c.get(f"/api/v1/takedowns/{world.ids[0]}", headers=h(world.other)).json()
    assert [t["ticket_ref"] for t in mine] == ["HOST-2"]  # its own report only
    reporter = world.c.get(f"/api/v1/takedowns/{world.ids[0]}", headers=h(world.keys.partner))
    assert [t["ticket_ref"] for t in reporter.json()] == [TICKET]


def test_a_partner_outside_the_sharing_group_sees_nothing(world: World) -> None:
    feed = world.c.get("/api/v1/feed", headers=h(world.outsider)).json()
    assert feed["items"] == []
    seen = _everything(world.c, world.outsider)
    assert "taken_down" not in seen and "note--" not in seen and "indicator--" not in seen


def test_json_and_csv_carry_takedown_events_and_retractions_still_work(world: World) -> None:
    c, keys, ids = world.c, world.keys, world.ids
    decide(c, keys, ids[0], "dismissed")  # a retraction after the takedown
    body = {"ticket_ref": "T-late"}
    r = c.post(f"/api/v1/adverts/{ids[1]}/takedown", json=body, headers=h(keys.partner))
    assert r.status_code == 201, r.text
    items = c.get("/api/v1/feed", headers=h(world.other)).json()["items"]
    events = [(i["advert_id"], i["event"], i["confirmed_by_recrawl"]) for i in items]
    assert events == [
        (ids[0], "confirmed", None),
        (ids[1], "confirmed", None),
        (ids[0], "taken_down", False),
        (ids[0], "taken_down", True),
        (ids[0], "retracted", None),
        (ids[1], "taken_down", False),
    ]
    assert items[2]["removed_at"] == REMOVED.isoformat()
    text = c.get("/api/v1/feed", params={"format": "csv"}, headers=h(world.other)).text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["event"], r["confirmed_by_recrawl"]) for r in rows][2:4] == [
        ("taken_down", "false"),
        ("taken_down", "true"),
    ]
    assert rows[3]["removed_at"] == (REMOVED + timedelta(hours=6)).isoformat()


def test_no_takedown_event_for_a_retracted_or_unshared_advert(
    world: World, conn: psycopg.Connection[Any]
) -> None:
    c, keys, ids = world.c, world.keys, world.ids
    decide(c, keys, ids[1], "dismissed")
    assert adverts.mark_removed(conn, "https://jobs-demo.example.org/ad/2", "HTTP 404", REMOVED)
    assert adverts.mark_removed(conn, "https://jobs-demo.example.org/ad/3", "HTTP 404", REMOVED)
    rows = conn.execute(
        "SELECT advert_id FROM feed_events WHERE event = 'taken_down' ORDER BY seq"
    ).fetchall()
    assert [r[0] for r in rows] == [ids[0], ids[0]]

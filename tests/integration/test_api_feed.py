"""Partner feed: confirmed items only, retractions, cursors, CSV, STIX, keyed hashes, webhooks."""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import json
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any, ClassVar

import psycopg
import pytest
from fastapi.testclient import TestClient
from stix2validator import ValidationOptions, validate_string

from config.settings import get_settings
from share import stix_feed
from share.webhooks import deliver_pending
from store import adverts, feed, sharing
from store.adverts import EntityRecord
from store.db import connect
from tests.api_support import SECRET, Ad, Keys, client, h, hit, make_keys, seed

pytestmark = pytest.mark.integration

BODY = "Earn 3000 EUR, no experience. Write only on Telegram @anna_jobs or 0600 00 123."
CONTACTS = (
    EntityRecord("phone", "+37360000123", "0600 00 123", 0, 0),
    EntityRecord("handle", "telegram:anna_jobs", "@anna_jobs", 0, 0),
)
# Contacts never leave raw; matched text does, de-identified (the feed contract).
RAW_BITS = ("+37360000123", "0600 00 123", "anna_jobs", "37360000123")


def deliver(db_url: str, now: datetime | None = None) -> int:
    with connect(db_url, autocommit=True) as conn:
        return deliver_pending(conn, SECRET, now=now)


@pytest.fixture
def secret_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("ADWATCH_HASH_SECRET", SECRET)
    # the receiver below listens on http://127.0.0.1: allowed for this test deployment only
    monkeypatch.setenv("ADWATCH_WEBHOOK_ALLOW_HTTP", "true")
    monkeypatch.setenv("ADWATCH_WEBHOOK_ALLOW_PRIVATE", "true")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def env(db_url: str, conn: psycopg.Connection[Any], secret_env: None) -> Iterator[Any]:
    hits = [
        hit(BODY, "Earn 3000 EUR, no experience", "high_pay_no_experience"),
        hit(BODY, "Write only on Telegram", "messenger_only_contact"),
        hit(BODY, "Telegram @anna_jobs or 0600 00 123", "messenger_only_contact"),
    ]
    ids = seed(
        conn,
        [Ad(n, body=BODY, hits=hits, entities=CONTACTS, risk=0.9 - n / 100) for n in range(1, 5)],
    )
    keys = make_keys(conn)
    with client(db_url) as test_client:
        yield test_client, keys, ids


def decide(c: TestClient, keys: Keys, advert_id: int, decision: str) -> None:
    """Decide as the first analyst; a confirmation is shared once the second one agrees."""
    r = c.post(
        f"/api/v1/adverts/{advert_id}/decision",
        json={"decision": decision},
        headers=h(keys.analyst),
    )
    assert r.status_code == 201, r.text
    if decision == "confirmed":
        agreed = c.post(
            f"/api/v1/adverts/{advert_id}/sharing/agree", json={}, headers=h(keys.analyst2)
        )
        assert agreed.status_code == 200, agreed.text


def get_feed(c: TestClient, keys: Keys, **params: Any) -> Any:
    r = c.get("/api/v1/feed", params=params, headers=h(keys.partner))
    assert r.status_code == 200, r.text
    return r


def test_only_confirmed_items_with_keyed_hashes(env: Any) -> None:
    c, keys, ids = env
    decide(c, keys, ids[0], "confirmed")
    decide(c, keys, ids[1], "dismissed")
    decide(c, keys, ids[2], "escalated")
    r = get_feed(c, keys)
    page = r.json()
    assert [(i["advert_id"], i["event"]) for i in page["items"]] == [(ids[0], "confirmed")]
    item = page["items"][0]
    assert item["url"].endswith("/ad/1") and item["kind"] == "job" and item["band"] == "high"
    assert item["indicators"] == ["high_pay_no_experience", "messenger_only_contact"]
    assert item["tlp"] == "amber" and item["decided_at"]
    assert page["next_cursor"] == str(item["seq"]) and page["more"] is False
    assert "spans" not in item  # offsets into text the partner never receives
    assert item["matches"] == [
        {
            "indicator_id": "high_pay_no_experience",
            "polarity": "risk",
            "field": "body",
            "text": "Earn 3000 EUR, no experience",
        },
        {
            "indicator_id": "messenger_only_contact",
            "polarity": "risk",
            "field": "body",
            "text": "Write only on Telegram",
        },
        {
            "indicator_id": "messenger_only_contact",
            "polarity": "risk",
            "field": "body",
            "text": "Telegram [HANDLE] or [PHONE]",
        },
    ]
    assert item["first_seen"] and item["last_seen"]
    assert len(item["snapshot_sha256"]) == 64
    assert (
        item["snapshot_sha256"]
        == hashlib.sha256(
            f"<html><h1>Warehouse work abroad</h1><p>{BODY}</p></html>".encode()
        ).hexdigest()
    )
    phone = next(x for x in item["contacts"] if x["kind"] == "phone")["hmac_sha256"]
    expected = hmac.new(SECRET.encode(), b"phone:+37360000123", hashlib.sha256).hexdigest()
    assert phone == expected
    assert phone != hashlib.sha256(b"phone:+37360000123").hexdigest()
    assert phone != hashlib.sha256(b"+37360000123").hexdigest()
    for bit in RAW_BITS:
        assert bit not in r.text


def test_retractions_and_cursor_resume(env: Any) -> None:
    c, keys, ids = env
    decide(c, keys, ids[0], "confirmed")
    first = get_feed(c, keys).json()
    assert len(first["items"]) == 1
    decide(c, keys, ids[1], "confirmed")
    decide(c, keys, ids[0], "dismissed")
    rest = get_feed(c, keys, cursor=first["next_cursor"]).json()
    assert [(i["advert_id"], i["event"]) for i in rest["items"]] == [
        (ids[1], "confirmed"),
        (ids[0], "retracted"),
    ]
    assert get_feed(c, keys, cursor=rest["next_cursor"]).json() == {
        "items": [],
        "next_cursor": rest["next_cursor"],
        "more": False,
    }
    limited = get_feed(c, keys, limit=1).json()
    assert len(limited["items"]) == 1 and limited["next_cursor"] == first["next_cursor"]
    assert limited["more"] is True


@pytest.mark.parametrize("bad", ["x", "-1", "1.5", "99999999999999999999", "999"])
def test_malformed_or_unknown_cursor_is_a_problem(env: Any, bad: str) -> None:
    c, keys, ids = env
    decide(c, keys, ids[0], "confirmed")
    for fmt in ("json", "csv", "stix"):
        r = c.get("/api/v1/feed", params={"cursor": bad, "format": fmt}, headers=h(keys.partner))
        assert r.status_code == 400, (bad, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
        assert r.json()["status"] == 400 and "cursor" in r.json()["detail"]


def test_since_without_an_offset_is_utc(
    env: Any, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not the database session's time zone (PGTZ sets it for the API's connections here)."""
    c, keys, ids = env
    decide(c, keys, ids[0], "confirmed")
    decide(c, keys, ids[1], "confirmed")
    later = get_feed(c, keys).json()["items"][1]["event_at"]
    naive = datetime.fromisoformat(later).astimezone(UTC).replace(tzinfo=None).isoformat()
    monkeypatch.setenv("PGTZ", "Pacific/Auckland")
    with client(db_url) as far_east:
        items = get_feed(far_east, keys, since=naive).json()["items"]
    assert [i["advert_id"] for i in items] == [ids[1]]


def test_cursor_stays_valid_when_its_event_is_purged(
    env: Any, conn: psycopg.Connection[Any]
) -> None:
    """Retention deletes an advert's feed events with it; the cursor a partner holds at the
    newest of them must not turn into a 400."""
    c, keys, ids = env
    decide(c, keys, ids[0], "confirmed")
    decide(c, keys, ids[1], "confirmed")
    cursor = get_feed(c, keys).json()["next_cursor"]
    conn.execute("DELETE FROM adverts WHERE id = %s", (ids[1],))
    conn.commit()
    assert get_feed(c, keys, cursor=cursor).json() == {
        "items": [],
        "next_cursor": cursor,
        "more": False,
    }


def test_since_kind_and_site_filters(env: Any, conn: psycopg.Connection[Any]) -> None:
    c, keys, ids = env
    conn.execute("UPDATE adverts SET kind = 'bridal' WHERE id = %s", (ids[1],))
    conn.commit()
    decide(c, keys, ids[0], "confirmed")
    decide(c, keys, ids[1], "confirmed")
    seqs = {i["advert_id"]: i for i in get_feed(c, keys).json()["items"]}
    bridal = get_feed(c, keys, kind="bridal").json()["items"]
    assert [i["advert_id"] for i in bridal] == [ids[1]]
    assert get_feed(c, keys, site="jobs-demo").json()["items"] == list(seqs.values())
    assert get_feed(c, keys, site="elsewhere").json()["items"] == []
    later = seqs[ids[1]]["event_at"]
    assert [i["advert_id"] for i in get_feed(c, keys, since=later).json()["items"]] == [ids[1]]
    for bad in ({"kind": "weapons"}, {"site": ""}, {"since": "yesterday"}, {"limit": 0}):
        r = c.get("/api/v1/feed", params=bad, headers=h(keys.partner))
        assert r.status_code == 422 and r.json()["status"] == 422, bad


def test_csv_and_stix(env: Any) -> None:
    c, keys, ids = env
    decide(c, keys, ids[0], "confirmed")
    decide(c, keys, ids[1], "confirmed")
    decide(c, keys, ids[0], "dismissed")
    r = get_feed(c, keys, format="csv")
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [(int(x["advert_id"]), x["event"]) for x in rows] == [
        (ids[0], "confirmed"),
        (ids[1], "confirmed"),
        (ids[0], "retracted"),
    ]
    assert rows[0]["indicators"] == "high_pay_no_experience;messenger_only_contact"
    assert json.loads(rows[0]["matches"])[1] == ["messenger_only_contact", "Write only on Telegram"]
    assert rows[0]["contact_hashes"].count(":") == 2 and len(rows[0]["snapshot_sha256"]) == 64
    assert (r.headers["x-next-cursor"], r.headers["x-more"]) == (rows[-1]["seq"], "false")
    paged = get_feed(c, keys, format="csv", limit=2)
    assert paged.headers["x-next-cursor"] == rows[1]["seq"] and paged.headers["x-more"] == "true"
    assert f"cursor={rows[1]['seq']}" in paged.headers["link"]
    assert paged.headers["link"].endswith('rel="next"')
    s = get_feed(c, keys, format="stix")
    assert s.headers["x-next-cursor"] == rows[-1]["seq"] and s.headers["x-more"] == "false"
    for text in (r.text, s.text):
        assert not any(bit in text for bit in RAW_BITS)
    results = validate_string(s.text, ValidationOptions(strict=True, version="2.1"))
    assert results.is_valid and not results.errors and not results.warnings
    objects = json.loads(s.text)["objects"]
    indicators = [o for o in objects if o["type"] == "indicator"]
    assert len(indicators) == 3
    assert all(o["object_marking_refs"] == [stix_feed.tlp_marking_id("amber")] for o in indicators)
    by_type = {o["type"]: o for o in objects}
    assert by_type["extension-definition"]["id"] == stix_feed.EXTENSION_ID
    assert stix_feed.tlp_marking_id("amber") in {o["id"] for o in objects}
    confirm, retract = indicators[0], indicators[2]
    assert retract["id"] == confirm["id"] and retract["revoked"] and not confirm["revoked"]
    assert retract["modified"] > confirm["modified"] and confirm["description"]
    assert uuid.UUID(confirm["id"].split("--")[1]).version == 4
    ext = confirm["extensions"][stix_feed.EXTENSION_ID]
    assert ext["advert_id"] == ids[0] and ext["contact_hashes"][0]["hmac_sha256"]
    assert confirm["pattern"] == "[url:value = 'https://jobs-demo.example.org/ad/1']"
    again = json.loads(get_feed(c, keys, format="stix").text)["objects"]
    assert [o["id"] for o in again] == [o["id"] for o in objects]  # stable ids


def test_feed_refuses_without_hash_secret(
    db_url: str, conn: psycopg.Connection[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADWATCH_HASH_SECRET", "")
    get_settings.cache_clear()
    keys = make_keys(conn)
    with client(db_url) as c:
        r = c.get("/api/v1/feed", headers=h(keys.partner))
    get_settings.cache_clear()
    assert r.status_code == 503 and "ADWATCH_HASH_SECRET" in r.json()["detail"]


def test_cursor_never_skips_an_in_flight_lower_seq(env: Any, db_url: str) -> None:
    c, keys, ids = env
    with psycopg.connect(db_url) as slow, psycopg.connect(db_url) as second:
        groups = sharing.group_ids(slow, ["default"])
        # the open transaction holds `low` and the feed lock
        low = feed.append_event(slow, ids[0], "confirmed", None, group_ids=groups, tlp="amber")
        appended: list[int] = []
        writer = threading.Thread(
            target=lambda: appended.append(
                feed.append_event(second, ids[1], "confirmed", None, group_ids=groups, tlp="amber")
            )
        )
        writer.start()
        writer.join(timeout=1.0)
        assert writer.is_alive()  # a second writer waits for the first to commit
        during = get_feed(c, keys).json()
        assert during["items"] == [] and during["next_cursor"] == "0"
        slow.commit()
        writer.join(timeout=30)
        second.commit()
    assert appended and appended[0] > low
    after = get_feed(c, keys, cursor=during["next_cursor"]).json()
    assert [i["seq"] for i in after["items"]] == [low, appended[0]]


def test_a_long_transaction_elsewhere_does_not_hide_the_feed(env: Any, db_url: str) -> None:
    """A write transaction left open on the server (another job, another database) used to
    hold back every partner's feed until it ended."""
    c, keys, ids = env
    with psycopg.connect(db_url) as idle:
        idle.execute("SELECT txid_current()")  # holds a transaction id, as a bulk load would
        decide(c, keys, ids[0], "confirmed")
        items = get_feed(c, keys).json()["items"]
        idle.rollback()
    assert [(i["advert_id"], i["event"]) for i in items] == [(ids[0], "confirmed")]


def test_ack_opinion_takedown(env: Any, conn: psycopg.Connection[Any]) -> None:
    c, keys, ids = env
    decide(c, keys, ids[0], "confirmed")
    seq = get_feed(c, keys).json()["items"][0]["seq"]
    assert c.post(f"/api/v1/feed/{seq}/ack", headers=h(keys.partner)).status_code == 204
    assert c.post("/api/v1/feed/999999/ack", headers=h(keys.partner)).status_code == 404
    body = {"opinion": "disputed", "comment": "looks like a real agency"}
    assert (
        c.post(f"/api/v1/adverts/{ids[0]}/opinion", json=body, headers=h(keys.partner)).status_code
        == 204
    )
    assert (
        c.post(f"/api/v1/adverts/{ids[3]}/opinion", json=body, headers=h(keys.partner)).status_code
        == 404
    )  # never shared
    detail = c.get(f"/api/v1/adverts/{ids[0]}", headers=h(keys.analyst)).json()
    assert [
        (o["partner"], o["opinion"], bool(o["acknowledged_at"])) for o in detail["opinions"]
    ] == [("ISP One", "disputed", True)]
    r = c.post(
        f"/api/v1/adverts/{ids[0]}/takedown", json={"note": "removed"}, headers=h(keys.partner)
    )
    assert r.status_code == 201 and r.json()["seconds_to_removal"] is None
    # time to removal runs from when the advert was shared to when it was seen gone
    shared = datetime.fromisoformat(r.json()["shared_at"])
    adverts.mark_removed(
        conn, "https://jobs-demo.example.org/ad/1", "HTTP 410", shared + timedelta(hours=2)
    )
    for token in (keys.partner, keys.analyst):
        rows = c.get("/api/v1/takedowns", headers=h(token)).json()
        assert [(t["advert_id"], round(t["seconds_to_removal"])) for t in rows] == [(ids[0], 7200)]


class _Receiver(BaseHTTPRequestHandler):
    received: ClassVar[list[tuple[dict[str, str], bytes]]] = []
    statuses: ClassVar[list[int]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).received.append((dict(self.headers), body))
        status = type(self).statuses.pop(0) if type(self).statuses else 200
        self.send_response(status)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        return None


@pytest.fixture
def receiver() -> Iterator[tuple[str, type[_Receiver]]]:
    handler = type("Receiver", (_Receiver,), {"received": [], "statuses": []})
    server = HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hook", handler
    server.shutdown()
    server.server_close()


def test_webhook_signed_delivery_and_retry(env: Any, db_url: str, receiver: Any) -> None:
    c, keys, ids = env
    url, handler = receiver
    partner_secret = "partner-webhook-secret-0001"
    r = c.put(
        "/api/v1/partner/webhook",
        json={"url": url, "secret": partner_secret},
        headers=h(keys.partner),
    )
    assert r.status_code == 202 and r.json()["webhook_pending_url"] == url
    r = c.post(
        f"/api/v1/admin/partners/{keys.partner_id}/webhook/approve",
        json={"url": url},
        headers=h(keys.admin),
    )
    assert r.status_code == 200 and r.json()["webhook_url"] == url
    handler.statuses.append(500)
    decide(c, keys, ids[0], "confirmed")
    assert deliver(db_url) == 0  # the receiver answered 500
    log = c.get("/api/v1/partner/webhook/deliveries", headers=h(keys.partner)).json()
    assert [(d["status"], d["attempts"], d["last_http_status"]) for d in log] == [
        ("pending", 1, 500)
    ]
    assert deliver(db_url) == 0 and len(handler.received) == 1  # not due yet (backoff)
    with psycopg.connect(db_url, autocommit=True) as other:  # the advert changes meanwhile
        other.execute("UPDATE adverts SET band = 'low' WHERE id = %s", (ids[0],))
    assert deliver(db_url, now=datetime.now(UTC) + timedelta(minutes=5)) == 1
    headers, body = handler.received[-1]
    signed = headers["X-Adwatch-Timestamp"].encode() + b"." + body
    expected = "sha256=" + hmac.new(partner_secret.encode(), signed, hashlib.sha256).hexdigest()
    assert headers["X-Adwatch-Signature"] == expected
    assert headers["X-Adwatch-Timestamp"].isdigit()
    payload = json.loads(body)
    assert payload["item"]["advert_id"] == ids[0] and payload["item"]["event"] == "confirmed"
    assert payload["sent_at"] == headers["X-Adwatch-Timestamp"]
    assert not any(bit in body.decode() for bit in RAW_BITS)
    # the retry says what the first attempt and the feed published (one kept rendering)
    assert payload["item"] == json.loads(handler.received[0][1])["item"]
    assert payload["item"] == get_feed(c, keys).json()["items"][0]
    assert payload["item"]["band"] != "low"
    log = c.get("/api/v1/partner/webhook/deliveries", headers=h(keys.partner)).json()
    assert [(d["status"], d["attempts"]) for d in log] == [("delivered", 2)]
    assert deliver(db_url, now=datetime.now(UTC) + timedelta(hours=1)) == 0


NAMED_URL = "https://escorts.example.org/ads/sophie-19-new-in-town-4411"
REDACTED_URL = "https://escorts.example.org/ads/[NAME]-[AGE]-new-in-town-4411"


def test_names_in_advert_urls_do_not_reach_partners(
    env: Any, db_url: str, conn: psycopg.Connection[Any], receiver: Any
) -> None:
    c, keys, ids = env
    url, handler = receiver
    secret = "partner-webhook-secret-0002"
    c.put("/api/v1/partner/webhook", json={"url": url, "secret": secret}, headers=h(keys.partner))
    approve = f"/api/v1/admin/partners/{keys.partner_id}/webhook/approve"
    assert c.post(approve, json={"url": url}, headers=h(keys.admin)).status_code == 200
    conn.execute("UPDATE adverts SET canonical_url = %s WHERE id = %s", (NAMED_URL, ids[0]))
    conn.commit()  # the API's own connections must see it (and not wait on the row lock)
    decide(c, keys, ids[0], "confirmed")
    assert deliver(db_url) == 1
    item = get_feed(c, keys).json()["items"][0]
    assert item["url"] == REDACTED_URL and item["advert_id"] == ids[0]
    csv_text = get_feed(c, keys, format="csv").text
    stix_text = get_feed(c, keys, format="stix").text
    takedown = c.post(f"/api/v1/adverts/{ids[0]}/takedown", json={}, headers=h(keys.partner))
    partner_view = c.get("/api/v1/takedowns", headers=h(keys.partner)).text
    for shared in (
        csv_text,
        stix_text,
        handler.received[-1][1].decode(),
        takedown.text,
        partner_view,
    ):
        assert "sophie" not in shared.lower() and "-19-" not in shared, shared
    assert REDACTED_URL in csv_text and REDACTED_URL in takedown.text
    objects = json.loads(stix_text)["objects"]
    pattern = next(o for o in objects if o["type"] == "indicator")["pattern"]
    assert pattern.startswith("[url:value MATCHES '^https://escorts")
    analyst_view = c.get("/api/v1/takedowns", headers=h(keys.analyst)).json()
    assert analyst_view[0]["url"] == NAMED_URL  # analysts work inside adwatch

"""Sharing groups and TLP: each item reaches only partners in its groups, carrying its own TLP,
in every feed format, through cursors, acknowledgements and webhooks (issue 14)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient

from config.settings import get_settings
from share import stix_feed
from store import api_keys, audit, partners
from tests.api_support import SECRET, Ad, Keys, client, h, make_keys, seed

pytestmark = pytest.mark.integration


@pytest.fixture
def env(
    db_url: str, conn: psycopg.Connection[Any], monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[TestClient, Keys, str, list[int]]]:
    monkeypatch.setenv("ADWATCH_HASH_SECRET", SECRET)
    monkeypatch.setenv("ADWATCH_SHARING_DEFAULT_GROUPS", "default,ngo")
    get_settings.cache_clear()
    ids = seed(conn, [Ad(n, risk=0.9 - n / 100) for n in range(1, 5)])
    keys = make_keys(conn)  # ISP One, in 'default' like every new partner
    ngo = partners.ensure_partner(conn, "NGO Two")
    _, ngo_key = api_keys.create_key(conn, "NGO Two feed", "partner", ngo.id)
    for partner_id in (keys.partner_id, ngo.id):
        partners.request_webhook(conn, partner_id, "https://hooks.example.org/in", "s3cret")
        partners.approve_webhook(conn, partner_id, "https://hooks.example.org/in", None)
    with client(db_url) as c:
        assert (
            c.post(
                "/api/v1/admin/sharing-groups", json={"name": "ngo"}, headers=h(keys.admin)
            ).status_code
            == 201
        )
        for method in ("PUT", "DELETE"):  # moved out of 'default' and into 'ngo'
            group = "ngo" if method == "PUT" else "default"
            r = c.request(
                method,
                f"/api/v1/admin/sharing-groups/{group}/partners/{ngo.id}",
                headers=h(keys.admin),
            )
            assert r.status_code == 200, r.text
        yield c, keys, ngo_key, ids
    get_settings.cache_clear()


def taxii_items(c: TestClient, token: str) -> dict[str, list[int]]:
    """Advert ids in each TAXII collection the partner sees (one per sharing group)."""
    headers = {"Accept": "application/taxii+json;version=2.1"}
    found = {}
    auth = ("partner", token)
    for col in c.get("/taxii2/api/collections/", headers=headers, auth=auth).json()["collections"]:
        if "(" in col["title"]:
            continue  # a group's per-kind collections; the whole group's is enough here
        path = f"/taxii2/api/collections/{col['id']}/objects/"
        params = {"match[type]": "indicator"}
        objects = c.get(path, params=params, headers=headers, auth=auth).json()["objects"]
        found[col["title"]] = [
            o["extensions"][stix_feed.EXTENSION_ID]["advert_id"] for o in objects
        ]
    return found


def share(c: TestClient, keys: Keys, advert_id: int, **terms: Any) -> None:
    body = {"decision": "confirmed", **terms}
    r = c.post(f"/api/v1/adverts/{advert_id}/decision", json=body, headers=h(keys.analyst))
    assert r.status_code == 201, r.text
    agreed = c.post(f"/api/v1/adverts/{advert_id}/sharing/agree", json={}, headers=h(keys.analyst2))
    assert agreed.status_code == 200, agreed.text


def feed(c: TestClient, token: str, **params: Any) -> Any:
    r = c.get("/api/v1/feed", params=params, headers=h(token))
    assert r.status_code == 200, r.text
    return r


def test_items_reach_only_their_groups_with_their_tlp(
    env: Any, conn: psycopg.Connection[Any]
) -> None:
    c, keys, ngo_key, ids = env
    share(c, keys, ids[0], groups=["ngo"], tlp="red")
    share(c, keys, ids[1])  # the defaults: both groups, amber
    share(c, keys, ids[2], groups=["default"])
    isp = feed(c, keys.partner).json()["items"]
    ngo = feed(c, ngo_key).json()["items"]
    assert [(i["advert_id"], i["tlp"]) for i in isp] == [(ids[1], "amber"), (ids[2], "amber")]
    assert [(i["advert_id"], i["tlp"]) for i in ngo] == [(ids[0], "red"), (ids[1], "amber")]
    rows = list(csv.DictReader(io.StringIO(feed(c, ngo_key, format="csv").text)))
    assert [(int(r["advert_id"]), r["tlp"]) for r in rows] == [(ids[0], "red"), (ids[1], "amber")]
    objects = json.loads(feed(c, ngo_key, format="stix").text)["objects"]
    indicators = [o for o in objects if o["type"] == "indicator"]
    ext = stix_feed.EXTENSION_ID
    assert [(o["extensions"][ext]["advert_id"], o["object_marking_refs"]) for o in indicators] == [
        (ids[0], [stix_feed.tlp_marking_id("red")]),
        (ids[1], [stix_feed.tlp_marking_id("amber")]),
    ]
    markings = {o["id"] for o in objects if o["type"] == "marking-definition"}
    assert {stix_feed.tlp_marking_id("red"), stix_feed.tlp_marking_id("amber")} <= markings
    assert taxii_items(c, keys.partner) == {"adwatch: default": [ids[1], ids[2]]}
    assert taxii_items(c, ngo_key) == {"adwatch: ngo": [ids[0], ids[1]]}
    webhooks = conn.execute(
        """SELECT p.name, e.advert_id FROM webhook_deliveries w
           JOIN partners p ON p.id = w.partner_id JOIN feed_events e ON e.seq = w.feed_seq
           ORDER BY w.feed_seq, p.name"""
    ).fetchall()
    assert webhooks == [
        ("NGO Two", ids[0]),
        ("ISP One", ids[1]),
        ("NGO Two", ids[1]),
        ("ISP One", ids[2]),
    ]


def test_cursor_pages_skip_nothing_of_the_partners_items(env: Any) -> None:
    c, keys, ngo_key, ids = env
    share(c, keys, ids[0], groups=["default"])
    share(c, keys, ids[1], groups=["ngo"])
    share(c, keys, ids[2], groups=["default"])
    share(c, keys, ids[3], groups=["ngo"])
    seen, cursor = [], "0"
    for _ in range(5):
        page = feed(c, ngo_key, cursor=cursor, limit=1).json()
        if not page["items"]:
            break
        seen += [i["advert_id"] for i in page["items"]]
        cursor = page["next_cursor"]
    assert seen == [ids[1], ids[3]]
    r = c.post(
        f"/api/v1/adverts/{ids[1]}/decision",
        json={"decision": "dismissed"},
        headers=h(keys.analyst),
    )
    assert r.status_code == 201
    # the retraction goes where the confirmation went
    after = feed(c, ngo_key, cursor=cursor).json()["items"]
    assert [(i["advert_id"], i["event"]) for i in after] == [(ids[1], "retracted")]
    assert [i["advert_id"] for i in feed(c, keys.partner).json()["items"]] == [ids[0], ids[2]]


def test_partners_act_only_on_items_shared_with_them(env: Any) -> None:
    c, keys, ngo_key, ids = env
    share(c, keys, ids[0], groups=["ngo"])
    seq = feed(c, ngo_key).json()["items"][0]["seq"]
    assert c.post(f"/api/v1/feed/{seq}/ack", headers=h(keys.partner)).status_code == 404
    assert c.post(f"/api/v1/feed/{seq}/ack", headers=h(ngo_key)).status_code == 204
    opinion = {"opinion": "positive"}
    url = f"/api/v1/adverts/{ids[0]}/opinion"
    assert c.post(url, json=opinion, headers=h(keys.partner)).status_code == 404
    assert c.post(url, json=opinion, headers=h(ngo_key)).status_code == 204
    takedown = f"/api/v1/adverts/{ids[0]}/takedown"
    assert c.post(takedown, json={}, headers=h(keys.partner)).status_code == 404


def test_analysts_may_only_narrow_the_defaults(env: Any) -> None:
    c, keys, _, ids = env
    url = f"/api/v1/adverts/{ids[0]}/decision"
    widening: list[dict[str, Any]] = [
        {"groups": ["everyone"]},
        {"groups": []},
        {"tlp": "green"},
        {"tlp": "clear"},
    ]
    for terms in widening:
        r = c.post(url, json={"decision": "confirmed", **terms}, headers=h(keys.analyst))
        assert r.status_code == 422, terms
    proposal = {"decision": "confirmed", "groups": ["ngo"], "tlp": "red"}
    assert c.post(url, json=proposal, headers=h(keys.analyst)).status_code == 201
    state = c.get(f"/api/v1/adverts/{ids[0]}/sharing", headers=h(keys.analyst2)).json()
    assert state["proposal"]["groups"] == ["ngo"] and state["proposal"]["tlp"] == "red"


def test_admin_manages_groups_audited(env: Any, conn: psycopg.Connection[Any]) -> None:
    c, keys, _, _ = env
    base = "/api/v1/admin/sharing-groups"
    groups = {g["name"]: g["partners"] for g in c.get(base, headers=h(keys.admin)).json()}
    assert groups == {"default": ["ISP One"], "ngo": ["NGO Two"]}
    assert c.post(base, json={"name": "ngo"}, headers=h(keys.admin)).status_code == 409
    assert c.post(base, json={"name": "Bad Name"}, headers=h(keys.admin)).status_code == 422
    assert c.put(f"{base}/nope/partners/1", headers=h(keys.admin)).status_code == 404
    assert c.put(f"{base}/ngo/partners/99999", headers=h(keys.admin)).status_code == 404
    assert c.post(base, json={"name": "tmp"}, headers=h(keys.analyst)).status_code == 403
    assert c.delete(f"{base}/ngo", headers=h(keys.admin)).status_code == 204
    assert c.delete(f"{base}/ngo", headers=h(keys.admin)).status_code == 404
    logged = [e.action for e in audit.entries(conn, object_type="sharing_group")]
    assert logged == [
        "delete_sharing_group",
        "remove_group_partner",
        "add_group_partner",
        "create_sharing_group",
    ]

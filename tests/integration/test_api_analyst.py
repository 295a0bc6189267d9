"""Analyst API against real PostgreSQL: search, detail, queue claims, decisions, evidence."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from datetime import timedelta
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient

from store import audit
from store.adverts import EntityRecord
from tests.api_support import T0, Ad, Keys, client, h, hit, make_keys, seed

pytestmark = pytest.mark.integration

BODY = (
    "Earn 3000 EUR, no experience. Travel paid. Written contract before departure. "
    "Call 0600 00 123."
)
PHONE = EntityRecord("phone", "+37360000123", "0600 00 123", 0, 0)


def corpus() -> list[Ad]:
    hits = [
        hit(BODY, "Earn 3000 EUR, no experience", "high_pay_no_experience"),
        hit(BODY, "Travel paid", "travel_paid", weight=0.5),
        hit(
            BODY,
            "Written contract before departure",
            "written_contract_before_departure",
            polarity="mitigating",
            weight=-0.5,
        ),
    ]
    return [
        Ad(
            1,
            "Bridal agency Chisinau",
            "Marry abroad fast, agency keeps passport.",
            kind="bridal",
            risk=0.95,
            site="brides-demo",
            language="ro",
        ),
        Ad(2, "Warehouse job Germany", BODY, risk=0.8, hits=hits, entities=(PHONE,)),
        Ad(3, "Warehouse job Poland", "Same phone, other advert.", risk=0.8, entities=(PHONE,)),
        Ad(
            4,
            "Hostess wanted",
            "New girls every week, 24/7.",
            kind="escort",
            risk=0.6,
            band="medium",
            site="escort-demo",
        ),
        Ad(
            5,
            "Cook in a hotel",
            "12 EUR/hour gross, 40 h/week.",
            risk=0.1,
            band="low",
            flagged=False,
        ),
        Ad(
            6,
            "Fruit pickers",
            "Seasonal work, licence 123.",
            risk=0.3,
            band="low",
            flagged=False,
            language="uk",
        ),
    ]


@pytest.fixture
def env(db_url: str, conn: psycopg.Connection[Any]) -> Any:
    ids = seed(conn, corpus())
    keys = make_keys(conn)
    with client(db_url) as test_client:
        yield test_client, keys, ids


def _ids(c: TestClient, keys: Keys, **params: Any) -> list[int]:
    r = c.get("/api/v1/adverts", params={"limit": 100, **params}, headers=h(keys.analyst))
    assert r.status_code == 200, r.text
    return [item["id"] for item in r.json()["items"]]


def _searched_ids(c: TestClient, keys: Keys, **body: Any) -> list[int]:
    r = c.post("/api/v1/adverts/search", json={"limit": 100, **body}, headers=h(keys.analyst))
    assert r.status_code == 200, r.text
    return [item["id"] for item in r.json()["items"]]


def test_search_filters(env: Any) -> None:
    c, keys, ids = env
    a1, a2, a3, a4, a5, a6 = ids
    assert _ids(c, keys) == [a1, a2, a3, a4, a6, a5]  # riskiest first, then id
    assert _ids(c, keys, kind="bridal") == [a1]
    assert _ids(c, keys, band="low") == [a6, a5]
    assert _ids(c, keys, score_min=0.5, score_max=0.9) == [a2, a3, a4]
    assert _ids(c, keys, site="escort-demo") == [a4]
    assert _ids(c, keys, language="uk") == [a6]
    assert _ids(c, keys, status="active", flagged=False) == [a6, a5]
    assert _ids(c, keys, indicator="travel_paid") == [a2]
    assert _searched_ids(c, keys, entity="+37360000123") == [a2, a3]
    assert _searched_ids(c, keys, entity="phone:+37360000123") == [a2, a3]
    assert _searched_ids(c, keys, entity="+37360000123", kind="job", limit=1) == [a2]
    refused = c.get("/api/v1/adverts", params={"entity": "+37360000123"}, headers=h(keys.analyst))
    assert refused.status_code == 400  # contact values never travel in URLs
    assert _ids(c, keys, q="warehouse") == [a2, a3]
    assert _ids(c, keys, q="warehouse -poland") == [a2]
    assert _ids(c, keys, since=(T0 - timedelta(days=1)).isoformat()) == _ids(c, keys)
    assert _ids(c, keys, until=(T0 - timedelta(days=1)).isoformat()) == []
    assert (
        c.get("/api/v1/adverts", params={"kind": "car"}, headers=h(keys.analyst)).status_code == 422
    )


@pytest.mark.parametrize("order", ["risk", "id"])
def test_cursor_pagination_walks_everything_once(env: Any, order: str) -> None:
    c, keys, ids = env
    seen: list[int] = []
    cursor: str | None = None
    for _ in range(10):
        params: dict[str, Any] = {"limit": 2, "order": order}
        if cursor:
            params["cursor"] = cursor
        page = c.get("/api/v1/adverts", params=params, headers=h(keys.analyst)).json()
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == _ids(c, keys, order=order)
    assert len(seen) == len(ids) == len(set(seen))
    bad = c.get("/api/v1/adverts", params={"cursor": "!!"}, headers=h(keys.analyst))
    assert bad.status_code == 400


def test_detail_has_spans_entities_versions_links_and_is_audited(
    env: Any, conn: psycopg.Connection[Any]
) -> None:
    c, keys, ids = env
    r = c.get(f"/api/v1/adverts/{ids[1]}", headers=h(keys.analyst))
    assert r.status_code == 200, r.text
    d = r.json()
    spans = {x["indicator_id"]: x for x in d["score"]["indicator_hits"]}
    travel = spans["travel_paid"]
    assert d["body"][travel["start"] : travel["end"]] == "Travel paid"
    assert spans["written_contract_before_departure"]["polarity"] == "mitigating"
    assert travel["description"]
    assert [(e["kind"], e["value"], e["shared_with"]) for e in d["entities"]] == [
        ("phone", "+37360000123", 1)
    ]
    raw = f"<html><h1>Warehouse job Germany</h1><p>{BODY}</p></html>".encode()
    assert d["versions"][0]["raw_sha256"] == hashlib.sha256(raw).hexdigest()
    assert [(x["id"], x["reasons"]) for x in d["linked"]] == [(ids[2], ["phone:+37360000123"])]
    assert d["review"]["state"] == "open"
    entries = audit.entries(conn, object_type="advert", object_id=ids[1])
    assert [(e.action, e.actor_id is not None) for e in entries] == [("read", True)]
    assert c.get("/api/v1/adverts/999999", headers=h(keys.analyst)).status_code == 404


def test_queue_claims_expire_and_conflict(env: Any, conn: psycopg.Connection[Any]) -> None:
    c, keys, ids = env
    queue = c.get("/api/v1/queue", headers=h(keys.analyst)).json()
    assert [i["advert_id"] for i in queue] == ids[:4]  # only flagged adverts, by risk
    top = ids[0]
    r = c.post(f"/api/v1/queue/{top}/claim", headers=h(keys.analyst))
    assert r.status_code == 200 and r.json()["claimed_by"]
    assert c.post(f"/api/v1/queue/{top}/claim", headers=h(keys.analyst)).status_code == 200
    assert c.post(f"/api/v1/queue/{top}/claim", headers=h(keys.analyst2)).status_code == 409
    other = [i["advert_id"] for i in c.get("/api/v1/queue", headers=h(keys.analyst2)).json()]
    assert top not in other
    mine = [i["advert_id"] for i in c.get("/api/v1/queue", headers=h(keys.analyst)).json()]
    assert mine[0] == top
    assert c.post(f"/api/v1/queue/{top}/release", headers=h(keys.analyst2)).status_code == 409
    conn.execute(
        "UPDATE review_items SET claim_expires_at = now() - interval '1 minute' "
        "WHERE advert_id = %s",
        (top,),
    )
    conn.commit()
    assert top in [i["advert_id"] for i in c.get("/api/v1/queue", headers=h(keys.analyst2)).json()]
    assert c.post(f"/api/v1/queue/{top}/claim", headers=h(keys.analyst2)).status_code == 200
    assert c.post(f"/api/v1/queue/{top}/release", headers=h(keys.analyst2)).status_code == 204
    assert c.post("/api/v1/queue/999999/claim", headers=h(keys.analyst)).status_code == 404


def _feed_events(conn: psycopg.Connection[Any], advert_id: int) -> list[str]:
    rows = conn.execute(
        "SELECT event FROM feed_events WHERE advert_id = %s ORDER BY seq", (advert_id,)
    ).fetchall()
    return [r[0] for r in rows]


def test_decide_confirm_then_reverse(env: Any, conn: psycopg.Connection[Any]) -> None:
    c, keys, ids = env
    target = ids[1]
    assert c.post(f"/api/v1/queue/{target}/claim", headers=h(keys.analyst)).status_code == 200
    body = {"decision": "confirmed", "note": "recruiter pattern"}
    blocked = c.post(f"/api/v1/adverts/{target}/decision", json=body, headers=h(keys.analyst2))
    assert blocked.status_code == 409
    r = c.post(f"/api/v1/adverts/{target}/decision", json=body, headers=h(keys.analyst))
    assert r.status_code == 201 and r.json()["decision"] == "confirmed"
    assert _feed_events(conn, target) == []  # awaiting a second analyst
    agreed = c.post(f"/api/v1/adverts/{target}/sharing/agree", json={}, headers=h(keys.analyst2))
    assert agreed.status_code == 200, agreed.text
    assert _feed_events(conn, target) == ["confirmed"]
    assert target not in [
        i["advert_id"] for i in c.get("/api/v1/queue", headers=h(keys.analyst)).json()
    ]
    label = conn.execute(
        "SELECT label, source FROM labels WHERE advert_id = %s", (target,)
    ).fetchone()
    assert label == (1, "analyst")
    # Confirming a shared item again adds no event; only the confirming analyst (or an
    # admin) may reverse it, which retracts it.
    again = c.post(f"/api/v1/adverts/{target}/decision", json=body, headers=h(keys.analyst2))
    assert again.status_code == 201
    assert _feed_events(conn, target) == ["confirmed"]
    dismiss = {"decision": "dismissed"}
    refused = c.post(f"/api/v1/adverts/{target}/decision", json=dismiss, headers=h(keys.analyst2))
    assert refused.status_code == 403
    r = c.post(f"/api/v1/adverts/{target}/decision", json=dismiss, headers=h(keys.analyst))
    assert r.status_code == 201 and r.json()["supersedes"] == again.json()["id"]
    assert _feed_events(conn, target) == ["confirmed", "retracted"]
    assert conn.execute("SELECT label FROM labels WHERE advert_id = %s", (target,)).fetchone() == (
        0,
    )
    actions = [e.action for e in audit.entries(conn, object_type="advert", object_id=target)]
    assert actions.count("decide") == 3
    bad = c.post(
        f"/api/v1/adverts/{target}/decision", json={"decision": "maybe"}, headers=h(keys.analyst)
    )
    assert bad.status_code == 422


def test_notes(env: Any, conn: psycopg.Connection[Any]) -> None:
    c, keys, ids = env
    r = c.post(
        f"/api/v1/adverts/{ids[0]}/notes",
        json={"body": "same template as last month"},
        headers=h(keys.analyst),
    )
    assert r.status_code == 201 and r.json()["author"] == "analyst person"
    detail = c.get(f"/api/v1/adverts/{ids[0]}", headers=h(keys.analyst)).json()
    assert [n["body"] for n in detail["notes"]] == ["same template as last month"]
    assert "note" in [e.action for e in audit.entries(conn, object_type="advert", object_id=ids[0])]
    assert (
        c.post(
            f"/api/v1/adverts/{ids[0]}/notes", json={"body": ""}, headers=h(keys.analyst)
        ).status_code
        == 422
    )


def test_evidence_zip_manifest_matches(env: Any, conn: psycopg.Connection[Any]) -> None:
    c, keys, ids = env
    c.post(
        f"/api/v1/adverts/{ids[1]}/notes", json={"body": "evidence note"}, headers=h(keys.analyst)
    )
    r = c.get(f"/api/v1/adverts/{ids[1]}/evidence.zip", headers=h(keys.analyst))
    assert r.status_code == 200 and r.headers["content-type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(r.content))
    assert archive.testzip() is None
    manifest = json.loads(archive.read("manifest.json"))
    listed = {f["path"]: f for f in manifest["files"]}
    assert set(listed) == set(archive.namelist()) - {"manifest.json"}
    for path, entry in listed.items():
        assert hashlib.sha256(archive.read(path)).hexdigest() == entry["sha256"], path
    snapshot = archive.read("versions/1/snapshot.html")
    assert snapshot.startswith(b"<html><h1>Warehouse job Germany")
    assert listed["versions/1/snapshot.html"]["matches"] is True
    assert json.loads(archive.read("notes.json"))[0]["body"] == "evidence note"
    assert json.loads(archive.read("scores.json"))["risk_score"] == 0.8
    actions = [e.action for e in audit.entries(conn, object_type="advert", object_id=ids[1])]
    assert "export_evidence" in actions
    assert c.get("/api/v1/adverts/999999/evidence.zip", headers=h(keys.analyst)).status_code == 404


def test_dashboard_health_and_metrics(env: Any) -> None:
    c, keys, _ = env
    d = c.get("/api/v1/dashboard", params={"days": 3650 // 10}, headers=h(keys.analyst)).json()
    assert d["totals"]["flagged"] == 4 and d["totals"]["queue_open"] == 4
    assert c.get("/healthz").json()["status"] == "ok"
    metrics = c.get("/metrics", headers=h(keys.admin)).text  # admins only (issue 14)
    assert 'route="/api/v1/dashboard"' in metrics
    assert "adwatch_http_request_duration_seconds_bucket" in metrics

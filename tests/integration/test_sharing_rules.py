"""Sharing rules: the two-person rule before anything reaches partners, who may retract, and
the API and UI steps for it (issue 14)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient

from config.settings import get_settings
from store import api_keys, audit, partners
from tests.api_support import SECRET, Ad, Keys, client, h, make_keys, seed

pytestmark = pytest.mark.integration


@pytest.fixture
def settings_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    monkeypatch.setenv("ADWATCH_HASH_SECRET", SECRET)
    get_settings.cache_clear()
    yield monkeypatch
    get_settings.cache_clear()


@pytest.fixture
def env(
    db_url: str, conn: psycopg.Connection[Any], settings_env: pytest.MonkeyPatch
) -> Iterator[tuple[TestClient, Keys, list[int]]]:
    ids = seed(conn, [Ad(n, risk=0.9 - n / 100) for n in range(1, 4)])
    keys = make_keys(conn)
    partners.request_webhook(conn, keys.partner_id, "https://isp.example.org/hook", "s3cret")
    partners.approve_webhook(conn, keys.partner_id, "https://isp.example.org/hook", None)
    with client(db_url) as test_client:
        yield test_client, keys, ids


def decide(c: TestClient, token: str, advert_id: int, decision: str, **extra: Any) -> Any:
    body = {"decision": decision, **extra}
    return c.post(f"/api/v1/adverts/{advert_id}/decision", json=body, headers=h(token))


def step(c: TestClient, token: str, advert_id: int, name: str, note: str = "") -> Any:
    return c.post(
        f"/api/v1/adverts/{advert_id}/sharing/{name}", json={"note": note}, headers=h(token)
    )


def partner_feed(c: TestClient, keys: Keys) -> list[tuple[int, str]]:
    r = c.get("/api/v1/feed", headers=h(keys.partner))
    assert r.status_code == 200, r.text
    return [(i["advert_id"], i["event"]) for i in r.json()["items"]]


def deliveries(conn: psycopg.Connection[Any]) -> int:
    row = conn.execute("SELECT count(*) FROM webhook_deliveries").fetchone()
    return int(row[0]) if row else 0


def actions(conn: psycopg.Connection[Any], advert_id: int) -> list[str]:
    return [e.action for e in audit.entries(conn, object_type="advert", object_id=advert_id)]


def test_one_confirmation_shares_nothing_until_another_analyst_agrees(
    env: Any, conn: psycopg.Connection[Any]
) -> None:
    c, keys, ids = env
    assert decide(c, keys.analyst, ids[0], "confirmed").status_code == 201
    assert partner_feed(c, keys) == [] and deliveries(conn) == 0
    state = c.get(f"/api/v1/adverts/{ids[0]}/sharing", headers=h(keys.analyst)).json()
    assert state["awaiting_second_analyst"] and not state["shared"]
    assert state["proposal"]["proposer"] == "analyst person"
    awaiting = c.get("/api/v1/sharing/awaiting", headers=h(keys.analyst2)).json()
    assert [p["advert_id"] for p in awaiting] == [ids[0]]

    assert step(c, keys.analyst, ids[0], "agree").status_code == 403  # the same key
    # another key issued to the same holder is the same person
    _, same_person = api_keys.create_key(conn, "Analyst Person ", "analyst")
    conn.commit()  # the reads above left a transaction open
    assert step(c, same_person, ids[0], "agree").status_code == 403
    # nothing else can be decided while it awaits
    assert decide(c, keys.analyst2, ids[0], "dismissed").status_code == 409
    assert partner_feed(c, keys) == [] and deliveries(conn) == 0

    agreed = step(c, keys.analyst2, ids[0], "agree", "same template as last week")
    assert agreed.status_code == 200, agreed.text
    assert partner_feed(c, keys) == [(ids[0], "confirmed")] and deliveries(conn) == 1
    assert step(c, keys.analyst2, ids[0], "agree").status_code == 409  # nothing awaits now
    state = c.get(f"/api/v1/adverts/{ids[0]}/sharing", headers=h(keys.analyst)).json()
    assert state["shared"] and state["proposal"]["state"] == "shared"
    assert state["proposal"]["resolver"] == "second analyst"
    assert {"decide", "share_agree"} <= set(actions(conn, ids[0]))


def test_second_analyst_disagrees_and_the_item_returns_to_review(
    env: Any, conn: psycopg.Connection[Any]
) -> None:
    c, keys, ids = env
    assert decide(c, keys.analyst, ids[0], "confirmed").status_code == 201
    queue = c.get("/api/v1/queue", headers=h(keys.analyst2)).json()
    assert ids[0] not in [q["advert_id"] for q in queue]
    assert step(c, keys.analyst, ids[0], "disagree", "no").status_code == 403  # own proposal
    empty = c.post(f"/api/v1/adverts/{ids[0]}/sharing/disagree", json={}, headers=h(keys.analyst2))
    assert empty.status_code == 422  # a disagreement says why
    assert step(c, keys.analyst2, ids[0], "disagree", "real agency").status_code == 204
    assert partner_feed(c, keys) == [] and deliveries(conn) == 0
    queue = c.get("/api/v1/queue", headers=h(keys.analyst)).json()
    assert ids[0] in [q["advert_id"] for q in queue]
    detail = c.get(f"/api/v1/adverts/{ids[0]}", headers=h(keys.analyst)).json()
    last = detail["decisions"][-1]
    assert last["decision"] == "escalated" and "real agency" in last["note"]
    assert "share_disagree" in actions(conn, ids[0])
    # confirming again starts a new proposal
    assert decide(c, keys.analyst, ids[0], "confirmed").status_code == 201
    assert step(c, keys.analyst2, ids[0], "agree").status_code == 200
    assert partner_feed(c, keys) == [(ids[0], "confirmed")]


def test_only_the_confirming_analyst_or_an_admin_withdraws(
    env: Any, conn: psycopg.Connection[Any]
) -> None:
    c, keys, ids = env
    for advert_id in ids[:2]:
        assert decide(c, keys.analyst, advert_id, "confirmed").status_code == 201
    assert step(c, keys.analyst2, ids[0], "withdraw").status_code == 403
    assert step(c, keys.analyst, ids[0], "withdraw", "wrong advert").status_code == 204
    assert step(c, keys.admin, ids[1], "withdraw").status_code == 204
    assert step(c, keys.analyst2, ids[0], "agree").status_code == 409  # nothing left to agree
    assert partner_feed(c, keys) == [] and deliveries(conn) == 0
    assert "share_withdraw" in actions(conn, ids[0]) and "share_withdraw" in actions(conn, ids[1])


def test_only_the_confirming_analyst_or_an_admin_retracts(
    env: Any, conn: psycopg.Connection[Any]
) -> None:
    c, keys, ids = env
    for advert_id in ids[:2]:
        assert decide(c, keys.analyst, advert_id, "confirmed").status_code == 201
        assert step(c, keys.analyst2, advert_id, "agree").status_code == 200
    # the agreeing analyst did not confirm it, so may not retract it either
    refused = decide(c, keys.analyst2, ids[0], "dismissed")
    assert refused.status_code == 403 and "confirmed" in refused.json()["detail"]
    assert decide(c, keys.analyst, ids[0], "dismissed").status_code == 201
    assert decide(c, keys.admin, ids[1], "escalated").status_code == 201
    assert partner_feed(c, keys) == [
        (ids[0], "confirmed"),
        (ids[1], "confirmed"),
        (ids[0], "retracted"),
        (ids[1], "retracted"),
    ]


def test_rule_off_shares_at_once(
    db_url: str, conn: psycopg.Connection[Any], settings_env: pytest.MonkeyPatch
) -> None:
    settings_env.setenv("ADWATCH_SHARING_TWO_PERSON", "false")
    get_settings.cache_clear()
    ids = seed(conn, [Ad(1)])
    keys = make_keys(conn)
    with client(db_url) as c:
        assert decide(c, keys.analyst, ids[0], "confirmed").status_code == 201
        assert partner_feed(c, keys) == [(ids[0], "confirmed")]
        awaiting = c.get("/api/v1/sharing/awaiting", headers=h(keys.analyst)).json()
        assert awaiting == []


def _csrf(page: str) -> str:
    match = re.search(r'name="csrf_token" value="([0-9a-f]+)"', page)
    assert match
    return match.group(1)


def test_review_ui_shows_the_state_and_agrees_with_csrf(
    env: Any, conn: psycopg.Connection[Any]
) -> None:
    c, keys, ids = env
    assert decide(c, keys.analyst, ids[0], "confirmed").status_code == 201
    c.cookies.clear()
    assert c.post("/login", data={"key": keys.analyst}).status_code in (200, 303)
    page = c.get(f"/adverts/{ids[0]}").text
    assert 'data-state="awaiting"' in page and 'id="withdraw"' in page and 'id="agree"' not in page
    c.cookies.clear()
    c.post("/login", data={"key": keys.analyst2})
    queue = c.get("/queue").text
    assert f'class="awaiting-item" data-advert-id="{ids[0]}"' in queue
    page = c.get(f"/adverts/{ids[0]}").text
    assert 'id="agree"' in page and 'id="disagree"' in page and "Awaiting a second analyst" in page
    forged = c.post(f"/adverts/{ids[0]}/sharing/agree", data={"csrf_token": "0" * 64})
    assert forged.status_code == 403 and partner_feed(c, keys) == []
    r = c.post(
        f"/adverts/{ids[0]}/sharing/agree",
        data={"csrf_token": _csrf(page)},
        follow_redirects=False,
    )
    assert r.status_code == 303
    assert partner_feed(c, keys) == [(ids[0], "confirmed")]
    assert 'data-state="shared"' in c.get(f"/adverts/{ids[0]}").text


def test_review_ui_confirms_with_a_stricter_tlp(env: Any, conn: psycopg.Connection[Any]) -> None:
    c, keys, ids = env
    assert c.post(f"/api/v1/queue/{ids[0]}/claim", headers=h(keys.analyst)).status_code == 200
    c.cookies.clear()
    c.post("/login", data={"key": keys.analyst})
    page = c.get(f"/adverts/{ids[0]}").text
    assert 'name="groups" value="default"' in page and 'value="red"' in page
    assert 'value="green"' not in page  # only the default TLP or stricter is offered
    form = {"csrf_token": _csrf(page), "decision": "confirmed", "groups": "default"}
    lax = c.post(f"/adverts/{ids[0]}/decide", data={**form, "tlp": "green"})
    assert lax.status_code == 422
    r = c.post(f"/adverts/{ids[0]}/decide", data={**form, "tlp": "red"}, follow_redirects=False)
    assert r.status_code == 303
    state = c.get(f"/api/v1/adverts/{ids[0]}/sharing", headers=h(keys.analyst2)).json()
    assert state["proposal"]["tlp"] == "red" and state["proposal"]["groups"] == ["default"]

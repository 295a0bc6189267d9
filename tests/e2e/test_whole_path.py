"""The whole path on real PostgreSQL: demo sites → crawl → score → link → queue → decision →
partner feed, using the shipped model and the same steps `adwatch demo` runs."""

from __future__ import annotations

import json
from typing import Any

import psycopg
import pytest
from rich.console import Console

from adwatch.demo import prepare
from config.settings import get_settings
from store import api_keys, partners
from tests.api_support import client, h
from tests.e2e.demo_support import demo_server

pytestmark = [pytest.mark.e2e, pytest.mark.integration]
SECRET = "e2e-deployment-secret"


@pytest.fixture
def service(adwatch_env: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("ADWATCH_HASH_SECRET", SECRET)
    get_settings.cache_clear()
    return adwatch_env


def cluster_of(conn: psycopg.Connection[Any], kind: str, urls: list[str]) -> set[int]:
    rows = conn.execute(
        """SELECT DISTINCT m.cluster_id FROM cluster_members m
           JOIN clusters c ON c.id = m.cluster_id AND c.kind = %s
           JOIN adverts a ON a.id = m.advert_id WHERE a.canonical_url = ANY(%s)""",
        (kind, urls),
    ).fetchall()
    return {int(r[0]) for r in rows}


def test_demo_path_from_crawl_to_partner_feed(service: str) -> None:
    console = Console(quiet=True)
    with demo_server() as server:
        first = prepare(server, console)
        key = server.answer_key()
        again = prepare(server, console)  # running the demo twice reuses the data
    total = sum(s.expected_count for s in key.sites.values())
    assert sum(first.adverts.values()) == total == sum(again.adverts.values())
    assert first.scored == total and again.scored == 0 and first.flagged > 0

    with psycopg.connect(service) as conn:
        risky = {a.url for s in key.sites.values() for a in s.adverts if a.risky}
        flagged = {r[0] for r in conn.execute("SELECT canonical_url FROM adverts WHERE flagged")}
        for template, urls in key.templates.items():
            assert len(cluster_of(conn, "template", list(urls))) == 1, template
        for contact, urls in key.shared_contacts.items():
            if not contact.startswith("url:"):
                assert len(cluster_of(conn, "contact", list(urls))) == 1, contact
        # Photos reused across adverts (resized, re-encoded, cropped, watermarked) link them;
        # mirrored copies need PDQ's dihedral hashes, which the matcher does not use.
        for photo, uses in key.image_groups.items():
            shared = {u.advert for u in uses if u.edit != "mirror"}
            if len(shared) > 1:
                assert len(cluster_of(conn, "image", list(shared))) == 1, photo
        spanning = conn.execute("SELECT count(*) FROM clusters WHERE kind = 'image' AND sites > 1")
        assert (spanning.fetchone() or (0,))[0] >= 1, "the demo shows a photo used on two sites"
        partner = partners.ensure_partner(conn, "ISP One")
        _, partner_key = api_keys.create_key(conn, "ISP One feed", "partner", partner.id)
    assert len(flagged & risky) / len(flagged) >= 0.8, "most flagged adverts are risky ones"

    with client(service) as api:
        queue = api.get("/api/v1/queue", headers=h(first.analyst_key)).json()
        # ordered by the documented priority (score, evidence, network, recency)
        assert queue and queue[0]["priority"] == max(q["priority"] for q in queue)
        priorities = [q["priority"] for q in queue]
        assert priorities == sorted(priorities, reverse=True)
        top = queue[0]["advert_id"]
        detail = api.get(f"/api/v1/adverts/{top}", headers=h(first.analyst_key)).json()
        assert detail["score"]["indicator_hits"], "a flagged advert shows why"
        claim = api.post(f"/api/v1/queue/{top}/claim", headers=h(first.analyst_key))
        assert claim.status_code == 200, claim.text
        decision = {"decision": "confirmed", "note": "manager voice, debt"}
        decided = api.post(
            f"/api/v1/adverts/{top}/decision", headers=h(first.analyst_key), json=decision
        )
        assert decided.status_code == 201, decided.text
        awaiting = api.get("/api/v1/feed", headers=h(partner_key))
        assert awaiting.status_code == 200 and awaiting.json()["items"] == []
        # the two-person rule: the demo's second analyst agrees, and only then is it shared
        agreed = api.post(
            f"/api/v1/adverts/{top}/sharing/agree", headers=h(first.second_analyst_key), json={}
        )
        assert agreed.status_code == 200, agreed.text
        next_top = api.get("/api/v1/queue", headers=h(first.analyst_key)).json()[0]
        assert next_top["advert_id"] != top
        feed = api.get("/api/v1/feed", headers=h(partner_key))
        assert feed.status_code == 200, feed.text
    items = feed.json()["items"]
    assert [i["advert_id"] for i in items] == [top]
    assert items[0]["url"] == detail["canonical_url"] and items[0]["contacts"]
    raw_contacts = [e["value"] for e in detail["entities"]]
    assert not any(value in json.dumps(items) for value in raw_contacts)

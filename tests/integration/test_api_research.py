"""Researcher API: de-personalised JSONL export of labels, validated JSONL upload."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient

from store import audit
from store.adverts import EntityRecord
from tests.api_support import Ad, Keys, client, h, hit, make_keys, seed

pytestmark = pytest.mark.integration

TITLE = "Hostess job, ask for Maria"
BODY = (
    "My name is Elena. Earn 3000 EUR, no experience! Call 0600 00 123 or +40 700 000 555, "
    "mail hr@example.org, Telegram @anna_jobs, see https://agency.example.org/jobs?id=7 ."
)
ENTITIES = (  # offsets into title + "\n" + body, as the extractor stores them
    EntityRecord(
        "phone",
        "+37360000123",
        "0600 00 123",
        len(TITLE) + 1 + BODY.index("0600"),
        len(TITLE) + 1 + BODY.index("0600") + 11,
    ),
    EntityRecord("email", "hr@example.org", "hr@example.org"),
    EntityRecord("handle", "telegram:anna_jobs", "@anna_jobs"),
)
SAMPLE_KEYS = {
    "id",
    "kind",
    "language",
    "title",
    "text",
    "label",
    "indicators",
    "provenance",
    "split",
}


@pytest.fixture
def env(db_url: str, conn: psycopg.Connection[Any]) -> Iterator[tuple[TestClient, Keys, list[int]]]:
    hits = [hit(BODY, "Earn 3000 EUR, no experience", "high_pay_no_experience")]
    ids = seed(
        conn,
        [
            Ad(1, TITLE, BODY, hits=hits, entities=ENTITIES),
            Ad(2, "Cook", "12 EUR/hour gross, 40 h/week.", risk=0.2, band="low"),
        ],
    )
    keys = make_keys(conn)
    with client(db_url) as test_client:
        for advert_id, decision in zip(ids, ("confirmed", "dismissed"), strict=True):
            r = test_client.post(
                f"/api/v1/adverts/{advert_id}/decision",
                json={"decision": decision},
                headers=h(keys.analyst),
            )
            assert r.status_code == 201
        yield test_client, keys, ids


def export(c: TestClient, keys: Keys, **params: Any) -> list[dict[str, Any]]:
    r = c.get("/api/v1/export/samples", params=params, headers=h(keys.researcher))
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-ndjson")
    return [json.loads(line) for line in r.text.splitlines()]


def test_export_is_depersonalised(env: Any, conn: psycopg.Connection[Any]) -> None:
    c, keys, ids = env
    rows = export(c, keys)
    assert [(r["id"], r["label"]) for r in rows] == [
        (f"adwatch-advert-{ids[0]}", 1),
        (f"adwatch-advert-{ids[1]}", 0),
    ]
    first = rows[0]
    assert set(first) == SAMPLE_KEYS
    assert first["indicators"] == ["high_pay_no_experience"]
    assert first["split"] in ("train", "test") and first["provenance"]["source"] == "analyst"
    text = first["title"] + " " + first["text"]
    for secret in (
        "0600 00 123",
        "+40 700 000 555",
        "hr@example.org",
        "anna_jobs",
        "agency.example.org",
        "Elena",
        "Maria",
    ):
        assert secret not in text, secret
    for placeholder in ("[PHONE]", "[EMAIL]", "[HANDLE]", "[URL]", "[NAME]"):
        assert placeholder in text, placeholder
    assert "Earn 3000 EUR, no experience" in first["text"]
    assert rows[1]["text"] == "12 EUR/hour gross, 40 h/week."
    assert "export_samples" in [e.action for e in audit.entries(conn, object_type="labels")]


NAMED_ADS = (
    ("Sophie, 19, new in town", "Hi, I'm Sophie. Kisses, your Sophie", "Sophie"),
    ("Марина, 23", "Меня зовут Марина, мне 23 года, живу в Москве. Пишите, Марина", "Марина"),
    ("Ionuț caută de lucru", "Mă numesc Ionuț Rusu, am 21 de ani, sunt din Chișinău.", "Ionuț"),
    ("Оксана, 27", "Мене звати Оксана Коваленко. Звоніть, Оксана", "Оксана"),
)


def test_export_keeps_no_names_ages_or_cities(db_url: str, conn: psycopg.Connection[Any]) -> None:
    ads = [
        Ad(10 + n, title, body, kind="escort", language=lang)
        for n, ((title, body, _), lang) in enumerate(
            zip(NAMED_ADS, ("en", "ru", "ro", "uk"), strict=True)
        )
    ]
    ids = seed(conn, ads)
    keys = make_keys(conn)
    with client(db_url) as c:
        for advert_id in ids:
            r = c.post(
                f"/api/v1/adverts/{advert_id}/decision",
                json={"decision": "confirmed"},
                headers=h(keys.analyst),
            )
            assert r.status_code == 201
        rows = export(c, keys)
    assert len(rows) == len(NAMED_ADS)
    dumped = json.dumps(rows, ensure_ascii=False)
    for _, _, name in NAMED_ADS:
        assert name not in dumped, name
    for secret in ("Rusu", "Коваленко", "19", "23", "Москве", "Chișinău", "example.org"):
        assert secret not in dumped, secret
    assert "18–24" in dumped and "[Russia]" in dumped and "[Moldova]" in dumped


def test_upload_labels(env: Any, conn: psycopg.Connection[Any]) -> None:
    c, keys, ids = env
    lines = [
        {
            "id": "up-1",
            "kind": "bridal",
            "language": "ro",
            "title": "Agenție",
            "text": "Căsătorie rapidă în străinătate, scrie la 0700 000 123",
            "label": 1,
            "indicators": ["marriage_abroad_fast"],
            "provenance": {"source": "synthetic"},
            "split": "test",
        },
        {
            "id": "up-2",
            "kind": "job",
            "text": "Licensed agency, contract before departure.",
            "label": 0,
        },
        {"id": f"adwatch-advert-{ids[0]}", "kind": "job", "text": "clash", "label": 0},
    ]
    body = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n"
    r = c.post("/api/v1/labels", content=body.encode(), headers=h(keys.researcher))
    assert r.status_code == 200, r.text
    assert r.json() == {"received": 3, "stored": 2, "skipped": 1}
    uploaded = export(c, keys, source="upload")
    assert [x["id"] for x in uploaded] == ["up-1", "up-2"]
    assert uploaded[0]["split"] == "test" and "[PHONE]" in uploaded[0]["text"]
    assert uploaded[0]["text"].startswith("Căsătorie rapidă")
    # the analyst label with the clashing id is untouched
    assert conn.execute(
        "SELECT label, source FROM labels WHERE sample_id = %s", (f"adwatch-advert-{ids[0]}",)
    ).fetchone() == (1, "analyst")
    bad = '{"id": "x", "kind": "car", "text": "t", "label": 1}\nnot json\n'
    r = c.post("/api/v1/labels", content=bad.encode(), headers=h(keys.researcher))
    assert r.status_code == 422
    assert [e["line"] for e in r.json()["errors"]] == [1, 2]
    assert c.post("/api/v1/labels", content=b"\n", headers=h(keys.researcher)).status_code == 422
    assert conn.execute("SELECT count(*) FROM labels WHERE source = 'upload'").fetchone() == (2,)

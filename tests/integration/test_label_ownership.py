"""Uploaded labels belong to their uploader: another researcher can neither replace nor
delete them; an admin can; refusals and changes are audited (issue 14)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient

from store import api_keys, audit
from tests.api_support import Keys, client, h, make_keys

pytestmark = pytest.mark.integration


@pytest.fixture
def env(db_url: str, conn: psycopg.Connection[Any]) -> Iterator[tuple[TestClient, Keys, str]]:
    keys = make_keys(conn)
    _, other = api_keys.create_key(conn, "other researcher", "researcher")
    with client(db_url) as c:
        yield c, keys, other


def upload(c: TestClient, token: str, *labels: tuple[str, int]) -> Any:
    lines = [
        json.dumps({"id": sample_id, "kind": "job", "text": f"text {label}", "label": label})
        for sample_id, label in labels
    ]
    return c.post("/api/v1/labels", content="\n".join(lines).encode(), headers=h(token))


def stored(conn: psycopg.Connection[Any], sample_id: str) -> tuple[Any, ...] | None:
    return conn.execute(
        """SELECT l.label, k.name FROM labels l LEFT JOIN api_keys k ON k.id = l.created_by
           WHERE sample_id = %s""",
        (sample_id,),
    ).fetchone()


def test_another_researcher_cannot_overwrite_or_delete(
    env: Any, conn: psycopg.Connection[Any]
) -> None:
    c, keys, other = env
    assert upload(c, keys.researcher, ("mine-1", 1), ("mine-2", 1)).status_code == 200
    refused = upload(c, other, ("theirs-1", 0), ("mine-1", 0))
    assert refused.status_code == 403
    assert [e["sample_id"] for e in refused.json()["errors"]] == ["mine-1"]
    assert stored(conn, "mine-1") == (1, "researcher person")
    assert stored(conn, "theirs-1") is None  # the whole upload was refused
    assert c.delete("/api/v1/labels/mine-2", headers=h(other)).status_code == 403
    assert stored(conn, "mine-2") == (1, "researcher person")
    # the uploader still may replace and delete their own
    again = upload(c, keys.researcher, ("mine-1", 0))
    assert again.status_code == 200 and again.json()["stored"] == 1
    assert stored(conn, "mine-1") == (0, "researcher person")
    assert c.delete("/api/v1/labels/mine-2", headers=h(keys.researcher)).status_code == 204
    assert c.delete("/api/v1/labels/mine-2", headers=h(keys.researcher)).status_code == 404
    logged = [e.action for e in audit.entries(conn, object_type="labels")]
    assert "upload_labels_refused" in logged and "delete_label_refused" in logged


def test_admins_may_replace_and_delete_any_upload(env: Any, conn: psycopg.Connection[Any]) -> None:
    c, keys, other = env
    assert upload(c, other, ("theirs-1", 1), ("theirs-2", 1)).status_code == 200
    assert upload(c, keys.admin, ("theirs-1", 0)).status_code == 200
    assert stored(conn, "theirs-1") == (0, "other researcher")  # still the uploader's
    assert c.delete("/api/v1/labels/theirs-2", headers=h(keys.admin)).status_code == 204
    assert stored(conn, "theirs-2") is None
    assert [e.action for e in audit.entries(conn, object_type="label")] == ["delete_label"]
    assert c.delete("/api/v1/labels/theirs-1", headers=h(keys.analyst)).status_code == 403

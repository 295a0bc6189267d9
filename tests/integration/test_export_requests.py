"""Export requests (issue 14): POST answers 202 with a Location, a builder writes the file into
DATA_DIR/exports, GET says where it stands, GET …/file sends it from disk to its requester or
an admin only, audited; retention removes it once expired; a key's waiting requests are
limited (429 with Retry-After)."""

from __future__ import annotations

import hashlib
import io
import json
import os
import time
import zipfile
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient

from adwatch import workqueue
from adwatch.jobs import retention_job
from config.settings import get_settings
from store import api_keys
from tests.api_support import Ad, Keys, client, h, make_keys, seed

pytestmark = pytest.mark.integration


@pytest.fixture
def env(
    adwatch_env: str, conn: psycopg.Connection[Any]
) -> Iterator[tuple[TestClient, Keys, list[int]]]:
    ids = seed(conn, [Ad(n, f"Job {n}", f"Advert body number {n}.") for n in range(1, 3)])
    keys = make_keys(conn)
    with client(adwatch_env) as test_client:
        yield test_client, keys, ids


def _wait_until_built(test_client: TestClient, location: str, token: str) -> dict[str, Any]:
    """Poll as a client would; the build runs in the API's own threads."""
    for _ in range(300):
        body: dict[str, Any] = test_client.get(location, headers=h(token)).json()
        if body["status"] not in ("queued", "building"):
            return body
        time.sleep(0.05)
    raise AssertionError(f"export never finished: {body}")


def _actions(conn: psycopg.Connection[Any], action: str) -> list[tuple[Any, ...]]:
    return conn.execute(
        "SELECT actor, object_id FROM audit_log WHERE action = %s ORDER BY id", (action,)
    ).fetchall()


def test_evidence_request_is_built_on_disk_and_downloaded_by_its_requester_only(
    env: tuple[TestClient, Keys, list[int]], conn: psycopg.Connection[Any]
) -> None:
    test_client, keys, ids = env
    r = test_client.post(
        "/api/v1/exports", json={"type": "evidence", "advert_id": ids[0]}, headers=h(keys.analyst)
    )
    assert r.status_code == 202
    location = r.headers["location"]
    assert location == f"/api/v1/exports/{r.json()['id']}"
    status = _wait_until_built(test_client, location, keys.analyst)
    assert status["status"] == "ready"
    on_disk = get_settings().data_dir / "exports" / "built"
    assert [p.name for p in on_disk.iterdir()] == [f"export-{status['id']}.zip"]

    # another analyst learns nothing of it; the partner role may not use the route at all
    assert test_client.get(location, headers=h(keys.analyst2)).status_code == 404
    assert test_client.get(status["download"], headers=h(keys.analyst2)).status_code == 404
    assert test_client.get(status["download"], headers=h(keys.partner)).status_code == 403

    got = test_client.get(status["download"], headers=h(keys.analyst))
    assert got.status_code == 200
    assert hashlib.sha256(got.content).hexdigest() == status["sha256"]
    names = zipfile.ZipFile(io.BytesIO(got.content)).namelist()
    assert "manifest.json" in names and "advert.json" in names
    assert test_client.get(status["download"], headers=h(keys.admin)).status_code == 200

    assert _actions(conn, "request_export") == [("analyst:analyst person", str(status["id"]))]
    assert [a for a, _ in _actions(conn, "download_export")] == [
        "analyst:analyst person",
        "admin:admin person",
    ]


def test_roles_and_missing_adverts(env: tuple[TestClient, Keys, list[int]]) -> None:
    test_client, keys, ids = env
    evidence = {"type": "evidence", "advert_id": ids[0]}
    assert (
        test_client.post("/api/v1/exports", json=evidence, headers=h(keys.researcher)).status_code
        == 403
    )
    samples = {"type": "samples", "split": "train"}
    assert (
        test_client.post("/api/v1/exports", json=samples, headers=h(keys.analyst)).status_code
        == 403
    )
    missing = {"type": "evidence", "advert_id": 999_999}
    assert (
        test_client.post("/api/v1/exports", json=missing, headers=h(keys.analyst)).status_code
        == 404
    )
    odd = {"type": "evidence", "advert_id": ids[0], "split": "train\x00"}
    assert test_client.post("/api/v1/exports", json=odd, headers=h(keys.analyst)).status_code == 422
    assert test_client.get("/api/v1/exports/5", headers=h(keys.analyst)).status_code == 404


def test_samples_request_is_de_personalised_jsonl(
    env: tuple[TestClient, Keys, list[int]],
) -> None:
    test_client, keys, ids = env
    for advert_id in ids:  # decisions make analyst labels
        test_client.post(
            f"/api/v1/adverts/{advert_id}/decision",
            json={"decision": "dismissed"},
            headers=h(keys.analyst),
        )
    r = test_client.post("/api/v1/exports", json={"type": "samples"}, headers=h(keys.researcher))
    status = _wait_until_built(test_client, r.headers["location"], keys.researcher)
    got = test_client.get(status["download"], headers=h(keys.researcher))
    lines = [json.loads(line) for line in got.text.splitlines()]
    assert len(lines) == 2 and all("url" not in line for line in lines)


def test_queued_requests_are_limited_per_key_and_built_by_workers(
    env: tuple[TestClient, Keys, list[int]],
    adwatch_env: str,
    conn: psycopg.Connection[Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    test_client, keys, ids = env
    # queue mode: the API only records the requests (and queues a job for the workers)
    monkeypatch.setattr(test_client.app.state.settings, "execution", "queue")  # type: ignore[attr-defined]
    body = {"type": "evidence", "advert_id": ids[0]}
    answers = [
        test_client.post("/api/v1/exports", json=body, headers=h(keys.analyst)) for _ in range(3)
    ]
    assert [a.status_code for a in answers] == [202, 202, 429]
    assert answers[2].headers["retry-after"].isdigit()
    assert answers[2].json()["status"] == 429
    jobs = conn.execute(
        "SELECT count(*) FROM procrastinate_jobs WHERE task_name = 'adwatch.build_exports'"
    ).fetchone()
    assert jobs == (2,)
    # another key is not held back by this one's
    assert test_client.post("/api/v1/exports", json=body, headers=h(keys.admin)).status_code == 202

    # a real `adwatch worker` on the export queue takes the jobs the API queued, until none is left
    app = workqueue.queue_app(adwatch_env)
    with app.open():
        app.run_worker(queues=["export"], wait=False, install_signal_handlers=False)
    with psycopg.connect(adwatch_env) as other:
        statuses = other.execute("SELECT status, count(*) FROM exports GROUP BY 1").fetchall()
    assert statuses == [("ready", 3)]
    status = test_client.get(answers[0].headers["location"], headers=h(keys.analyst)).json()
    assert status["status"] == "ready"
    assert (
        test_client.post("/api/v1/exports", json=body, headers=h(keys.analyst)).status_code == 202
    )


def test_retention_removes_expired_files(
    env: tuple[TestClient, Keys, list[int]], conn: psycopg.Connection[Any]
) -> None:
    test_client, keys, ids = env
    r = test_client.post(
        "/api/v1/exports", json={"type": "evidence", "advert_id": ids[1]}, headers=h(keys.analyst)
    )
    status = _wait_until_built(test_client, r.headers["location"], keys.analyst)
    path = get_settings().data_dir / "exports" / "built" / f"export-{status['id']}.zip"
    assert path.is_file()
    orphan = path.with_name("export-999.zip")
    orphan.write_bytes(b"left by a request no longer on record")
    old = time.time() - 3 * 86400
    os.utime(orphan, (old, old))
    conn.execute("UPDATE exports SET expires_at = now() - interval '1 minute'")
    conn.commit()
    # past its time, it is no longer served, even before retention has run
    late = test_client.get(f"{r.headers['location']}/file", headers=h(keys.analyst))
    assert late.status_code == 409

    retention_job(days=90)  # the scheduled purge, as `adwatch run` runs it
    assert not path.exists() and not orphan.exists()
    after = test_client.get(r.headers["location"], headers=h(keys.analyst)).json()
    assert after["status"] == "expired" and after["download"] is None
    gone = test_client.get(f"{r.headers['location']}/file", headers=h(keys.analyst))
    assert gone.status_code == 409


def test_a_revoked_requester_cannot_download(
    env: tuple[TestClient, Keys, list[int]], conn: psycopg.Connection[Any]
) -> None:
    test_client, keys, ids = env
    r = test_client.post(
        "/api/v1/exports", json={"type": "evidence", "advert_id": ids[0]}, headers=h(keys.analyst)
    )
    status = _wait_until_built(test_client, r.headers["location"], keys.analyst)
    key_id = conn.execute("SELECT key_id FROM exports WHERE id = %s", (status["id"],)).fetchone()
    assert key_id is not None
    api_keys.revoke_key(conn, key_id[0])
    conn.commit()
    assert test_client.get(status["download"], headers=h(keys.analyst)).status_code == 401
    assert test_client.get(status["download"], headers=h(keys.admin)).status_code == 200

"""Exports and evidence packages are audited, and committed, before their first byte.

A client that reads the first chunk and drops the connection has still been recorded: the
check runs from another connection at the moment the first body chunk reaches the client.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
from collections.abc import Iterator, MutableMapping
from typing import Any

import psycopg
import pytest
from fastapi import FastAPI

from tests.api_support import Ad, Keys, client, h, make_keys, seed

pytestmark = pytest.mark.integration


class ClientWentAway(Exception):
    pass


def _audited(db_url: str, action: str) -> int:
    with psycopg.connect(db_url) as other:
        row = other.execute("SELECT count(*) FROM audit_log WHERE action = %s", (action,))
        return int(row.fetchone()[0])  # type: ignore[index]


def _read_first_chunk_and_drop(
    app: FastAPI, path: str, headers: dict[str, str], on_first_chunk: Any
) -> int:
    """Run one GET through the ASGI app; at the first body chunk call `on_first_chunk`, then
    fail the send as a vanished client does. Returns the response status."""
    status: list[int] = []
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "client": ("192.0.2.10", 50000),
        "server": ("testserver", 80),
    }

    requested: list[bool] = []

    async def receive() -> dict[str, Any]:
        if not requested:
            requested.append(True)
            return {"type": "http.request", "body": b"", "more_body": False}
        await asyncio.sleep(3600)  # the client says nothing more; it just goes away
        return {"type": "http.disconnect"}

    async def send(message: MutableMapping[str, Any]) -> None:
        if message["type"] == "http.response.start":
            status.append(message["status"])
        elif message["type"] == "http.response.body" and message.get("body"):
            on_first_chunk()
            raise ClientWentAway

    with contextlib.suppress(Exception):
        asyncio.run(app(scope, receive, send))
    gc.collect()  # close the abandoned body generator (and its connection) while the db exists
    return status[0]


@pytest.fixture
def env(db_url: str, conn: psycopg.Connection[Any]) -> Iterator[tuple[Any, Keys, list[int]]]:
    ids = seed(conn, [Ad(n, f"Job {n}", f"Advert body number {n}.") for n in range(1, 4)])
    keys = make_keys(conn)
    with client(db_url) as test_client:
        for advert_id in ids:
            r = test_client.post(
                f"/api/v1/adverts/{advert_id}/decision",
                json={"decision": "confirmed"},
                headers=h(keys.analyst),
            )
            assert r.status_code == 201
        yield test_client.app, keys, ids


@pytest.mark.parametrize(
    ("role", "path", "action"),
    [
        ("analyst", "/api/v1/adverts/{id}/evidence.zip", "export_evidence"),
        ("researcher", "/api/v1/export/samples", "export_samples"),
    ],
)
def test_export_is_committed_before_the_first_byte(
    env: Any, db_url: str, role: str, path: str, action: str
) -> None:
    app, keys, ids = env
    seen_at_first_chunk: list[int] = []
    status = _read_first_chunk_and_drop(
        app,
        path.format(id=ids[0]),
        h(keys.of(role)),
        lambda: seen_at_first_chunk.append(_audited(db_url, action)),
    )
    assert status == 200
    assert seen_at_first_chunk == [1]
    assert _audited(db_url, action) == 1

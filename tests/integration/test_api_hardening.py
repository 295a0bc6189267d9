"""Hostile input against the app (issue 14): body size and key before the body, odd text,
malformed cursors, out-of-range numbers, one error shape, admin-only docs, no-store."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from typing import Any

import anyio
import psycopg
import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from starlette.types import ASGIApp, Message

from api.app import create_app
from config.settings import get_settings
from tests.api_support import Ad, Keys, client, h, make_keys, seed

pytestmark = pytest.mark.integration

MB = 1024 * 1024
PROBLEM_KEYS = {"type", "title", "status", "detail"}


@pytest.fixture
def env(db_url: str, conn: psycopg.Connection[Any]) -> Iterator[tuple[TestClient, Keys, int]]:
    ids = seed(conn, [Ad(1), Ad(2, title="Bridal agency", kind="bridal")])
    keys = make_keys(conn)
    with client(db_url) as test_client:
        yield test_client, keys, ids[0]


class Upload:
    """An ASGI receive that hands out `chunks` body chunks and counts those taken."""

    def __init__(self, chunks: int, size: int) -> None:
        self.left, self.size, self.taken = chunks, size, 0

    async def receive(self) -> Message:
        if self.left == 0:
            return {"type": "http.disconnect"}
        self.left -= 1
        self.taken += 1
        return {"type": "http.request", "body": b"x" * self.size, "more_body": self.left > 0}


def asgi_call(
    app: ASGIApp,
    path: str,
    headers: dict[str, str],
    upload: Upload,
    method: str = "POST",
    query: bytes = b"",
) -> int:
    """A request straight into the ASGI app (TestClient would read the whole body first)."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode("utf-8", "surrogateescape"),
        "root_path": "",
        "query_string": query,
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "client": ("127.0.0.1", 5000),
        "server": ("testserver", 80),
    }
    status: list[int] = []

    async def send(message: Message) -> None:
        if message["type"] == "http.response.start":
            status.append(message["status"])

    async def call() -> None:
        await app(scope, upload.receive, send)

    anyio.run(call)
    return status[0]


def assert_problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert set(body) >= PROBLEM_KEYS and body["status"] == status and body["type"]
    return body


# --- request size and the key before the body ---------------------------------------------


def test_keyless_streamed_post_is_refused_before_the_body_is_read(
    env: tuple[TestClient, Keys, int],
) -> None:
    c, keys, advert = env
    chunked = {"transfer-encoding": "chunked", "content-type": "application/json"}
    for headers in (chunked, {**chunked, "x-api-key": keys.analyst[:-4] + "AAAA"}):
        upload = Upload(chunks=100, size=MB)  # 100 MB, never produced
        assert asgi_call(c.app, f"/api/v1/adverts/{advert}/notes", headers, upload) == 401
        assert upload.taken == 0


def test_declared_oversize_body_is_refused_before_it_is_read(
    env: tuple[TestClient, Keys, int],
) -> None:
    c, keys, advert = env
    headers = {"content-length": str(100 * MB), "x-api-key": keys.analyst}
    upload = Upload(chunks=100, size=MB)
    assert asgi_call(c.app, f"/api/v1/adverts/{advert}/notes", headers, upload) == 413
    assert upload.taken == 0
    upload = Upload(chunks=100, size=MB)
    assert asgi_call(c.app, "/api/v1/labels", {"content-length": str(100 * MB)}, upload) == 413
    assert upload.taken == 0


def test_chunked_body_is_cut_at_the_limit(env: tuple[TestClient, Keys, int]) -> None:
    c, keys, advert = env
    headers = {"transfer-encoding": "chunked", "x-api-key": keys.analyst}
    headers["content-type"] = "application/json"
    upload = Upload(chunks=100, size=MB)
    assert asgi_call(c.app, f"/api/v1/adverts/{advert}/notes", headers, upload) == 413
    assert upload.taken == 3  # the default limit is 2 MB: the third MB crosses it


def test_only_the_labels_upload_gets_the_larger_limit(
    db_url: str, conn: psycopg.Connection[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ADWATCH_MAX_BODY_BYTES", "2000")
    monkeypatch.setenv("ADWATCH_MAX_UPLOAD_BYTES", "20000")
    get_settings.cache_clear()
    keys = make_keys(conn)
    (advert,) = seed(conn, [Ad(1)])
    line = json.dumps({"id": "s-{}", "kind": "job", "text": "Warehouse job " * 10, "label": 0})
    jsonl = "\n".join(line.replace("s-{}", f"s-{n}") for n in range(40)).encode()
    assert 2000 < len(jsonl) < 20000
    try:
        with client(db_url) as c:
            note = {"body": "n" * 3000}
            r = c.post(f"/api/v1/adverts/{advert}/notes", json=note, headers=h(keys.analyst))
            assert_problem(r, 413)
            r = c.post("/api/v1/labels", content=jsonl, headers=h(keys.researcher))
            assert r.status_code == 200 and r.json()["received"] == 40, r.text
            big = b"\n".join([jsonl] * 3)
            r = c.post("/api/v1/labels", content=big, headers=h(keys.researcher))
            assert_problem(r, 413)
    finally:
        get_settings.cache_clear()


# --- one error shape --------------------------------------------------------------------


def test_api_errors_are_problem_details(env: tuple[TestClient, Keys, int]) -> None:
    c, keys, advert = env
    assert_problem(c.get("/api/v1/adverts"), 401)
    assert_problem(c.get("/api/v1/adverts", headers=h(keys.partner)), 403)
    assert_problem(c.get("/api/v1/adverts/999999", headers=h(keys.analyst)), 404)
    assert_problem(c.get("/api/v1/nothing-here", headers=h(keys.analyst)), 404)
    c.post(f"/api/v1/queue/{advert}/claim", headers=h(keys.analyst2))
    assert_problem(c.post(f"/api/v1/queue/{advert}/claim", headers=h(keys.analyst)), 409)
    body = assert_problem(c.get("/api/v1/adverts?limit=0&kind=car", headers=h(keys.analyst)), 422)
    where = {tuple(e["loc"]) for e in body["errors"]}
    assert where == {("query", "limit"), ("query", "kind")}
    assert all("input" not in e for e in body["errors"])  # nothing echoed back


def test_ui_keeps_html_error_pages(env: tuple[TestClient, Keys, int]) -> None:
    c, keys, _ = env
    html = {"accept": "text/html", **h(keys.analyst)}
    r = c.get("/adverts/999999", headers=html)
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    r = c.get("/queue", headers={"accept": "text/html"})
    assert r.status_code == 401 and "log in" in r.text.lower()


# --- NUL characters, lone surrogates, cursors, numbers ----------------------------------


def test_nul_in_parameters_headers_and_cookies_is_400(env: tuple[TestClient, Keys, int]) -> None:
    c, keys, _ = env
    analyst = h(keys.analyst)
    assert_problem(c.get("/api/v1/adverts?q=a%00b", headers=analyst), 400)
    assert_problem(c.get("/api/v1/adverts?site=%00", headers=analyst), 400)
    assert_problem(c.get("/api/v1/adverts", headers={"X-API-Key": "adw_1_\x00"}), 400)
    assert_problem(c.post("/api/v1/queue/1/claim", headers={"X-API-Key": "adw\x00"}), 400)
    c.cookies.set("adwatch_session", '"abc\\000x"')  # a quoted cookie's octal escape is NUL
    assert c.get("/queue").status_code == 400
    c.cookies.clear()
    r = c.post("/login", data={"key": "adw_1_\x00"})
    assert r.status_code == 422


def test_nul_in_ui_forms_is_422(
    env: tuple[TestClient, Keys, int], conn: psycopg.Connection[Any]
) -> None:
    c, keys, advert = env
    analyst = h(keys.analyst)  # a header key needs no CSRF token
    r = c.post(f"/adverts/{advert}/notes", data={"body": "a\x00b"}, headers=analyst)
    assert r.status_code == 422
    form = {"decision": "dismissed", "note": "\x00"}
    r = c.post(f"/adverts/{advert}/decide", data=form, headers=analyst)
    assert r.status_code == 422
    assert conn.execute("SELECT count(*) FROM advert_notes").fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM decisions").fetchone() == (0,)


def test_unexpected_errors_are_problem_details_without_internals(
    db_url: str, conn: psycopg.Connection[Any]
) -> None:
    keys = make_keys(conn)
    app = create_app(db_url)
    with TestClient(app, raise_server_exceptions=False) as c:
        app.state.pool.close()  # every query now fails inside the route
        body = assert_problem(c.get("/api/v1/queue", headers=h(keys.analyst)), 500)
        assert "pool" not in body["detail"].lower()
        r = c.get("/queue", headers={"accept": "text/html", **h(keys.analyst)})
        assert r.status_code == 500 and r.headers["content-type"].startswith("text/html")
        assert r.headers["cache-control"] == "no-store"


def test_nul_and_lone_surrogates_in_bodies_are_422(
    env: tuple[TestClient, Keys, int], conn: psycopg.Connection[Any]
) -> None:
    c, keys, advert = env
    json_headers = {**h(keys.analyst), "content-type": "application/json"}
    for text in ('{"body": "a\\u0000b"}', '{"body": "a\\ud800b"}'):
        r = c.post(f"/api/v1/adverts/{advert}/notes", content=text, headers=json_headers)
        assert_problem(r, 422)
    # a lone surrogate in a refused value: the validation error must still render
    decision = '{"decision": "\\ud800", "note": "\\udfff"}'
    r = c.post(f"/api/v1/adverts/{advert}/decision", content=decision, headers=json_headers)
    assert_problem(r, 422)
    label = '{"id": "x", "kind": "job", "text": "t", "label": 0, "provenance": {"k": "\\u0000"}}'
    r = c.post("/api/v1/labels", content=label, headers=h(keys.researcher))
    assert_problem(r, 422)
    assert conn.execute("SELECT count(*) FROM advert_notes").fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM labels").fetchone() == (0,)


def test_lone_surrogates_in_path_and_query_never_crash(env: tuple[TestClient, Keys, int]) -> None:
    """A server may hand the app undecodable text (surrogate escapes): 400, and the error
    handler renders it without crashing."""
    c, keys, _ = env
    for path, query in (("/api/v1/adverts/\udcff", b""), ("/api/v1/adverts", b"q=%ED%A0%80")):
        upload = Upload(chunks=0, size=0)
        status = asgi_call(c.app, path, h(keys.analyst), upload, method="GET", query=query)
        assert status in (200, 400, 404, 422)


def _b64(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "cursor",
    [
        "²",
        "9" * 5000,
        _b64("[" * 3000 + "]" * 3000),
        _b64('["risk", NaN, 1]'),
        _b64('["risk", 0.5, 99999999999999999999999]'),
        _b64('["risk", true, 1]'),
        "%%%%",
        "a" * 1000,
    ],
)
def test_malformed_cursors_are_400(env: tuple[TestClient, Keys, int], cursor: str) -> None:
    c, keys, _ = env
    assert_problem(
        c.get("/api/v1/adverts", params={"cursor": cursor}, headers=h(keys.analyst)), 400
    )
    r = c.get("/search", params={"cursor": cursor}, headers=h(keys.analyst))
    assert r.status_code == 400


@pytest.mark.parametrize("cursor", ["²", "9" * 5000, "99999999999999999999", "-1", "1e3"])
def test_malformed_feed_cursors_are_400(env: tuple[TestClient, Keys, int], cursor: str) -> None:
    c, keys, _ = env
    secret = SecretStr("test-deployment-secret-0123456789")
    app: Any = c.app
    app.state.settings = app.state.settings.model_copy(update={"hash_secret": secret})
    assert_problem(c.get("/api/v1/feed", params={"cursor": cursor}, headers=h(keys.partner)), 400)


def test_out_of_range_numbers_are_422(env: tuple[TestClient, Keys, int]) -> None:
    c, keys, _ = env
    analyst, huge = h(keys.analyst), str(10**30)
    assert_problem(c.get(f"/api/v1/adverts?limit={huge}", headers=analyst), 422)
    for advert in ("-1", "0", str(2**63), huge):
        assert_problem(c.get(f"/api/v1/adverts/{advert}", headers=analyst), 422)
        assert_problem(c.post(f"/api/v1/queue/{advert}/claim", headers=analyst), 422)
    assert_problem(c.post(f"/api/v1/feed/{huge}/ack", headers=h(keys.partner)), 422)
    assert_problem(c.delete(f"/api/v1/admin/keys/{2**63}", headers=h(keys.admin)), 422)


# --- admin-only views, caching ----------------------------------------------------------


@pytest.mark.parametrize("path", ["/metrics", "/docs", "/redoc", "/openapi.json"])
def test_docs_and_metrics_need_an_admin_key(env: tuple[TestClient, Keys, int], path: str) -> None:
    c, keys, _ = env
    assert c.get(path).status_code == 401
    assert c.get(path, headers=h(keys.analyst)).status_code == 403
    assert c.get(path, headers=h(keys.admin)).status_code == 200


def test_healthz_stays_open_and_says_nothing_more(env: tuple[TestClient, Keys, int]) -> None:
    c, _, _ = env
    r = c.get("/healthz")
    assert r.status_code == 200 and r.json() == {"status": "ok"}


def test_pages_and_api_answers_are_never_cached(env: tuple[TestClient, Keys, int]) -> None:
    c, keys, advert = env
    for path in ("/api/v1/adverts", f"/api/v1/adverts/{advert}", "/queue", f"/adverts/{advert}"):
        assert c.get(path, headers=h(keys.analyst)).headers["cache-control"] == "no-store"
    assert c.get("/login").headers["cache-control"] == "no-store"
    assert c.get("/api/v1/adverts").headers["cache-control"] == "no-store"  # errors too
    assert "no-store" not in c.get("/static/app.css").headers.get("cache-control", "")


TAXII = "application/taxii+json;version=2.1"  # TAXII clients parse TAXII error messages


def test_openapi_documents_problem_responses(env: tuple[TestClient, Keys, int]) -> None:
    c, keys, _ = env
    schema = c.get("/openapi.json", headers=h(keys.admin)).json()
    undocumented = [
        f"{method.upper()} {path}: {status}"
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        for status in ("400", "401", "403", "404", "409", "413", "422", "429")
        if (TAXII if path.startswith("/taxii2/") else "application/problem+json")
        not in operation["responses"].get(status, {}).get("content", {})
    ]
    assert not undocumented

"""The OpenAPI document partners and admins read (issue 15): an API-key security scheme on
every API operation (Swagger UI's Authorize), problem details for every error it documents,
schemas for the feed, takedowns and webhooks, and docs pages that load nothing from outside."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient

from tests.api_support import Keys, client, h, make_keys

pytestmark = pytest.mark.integration

PROBLEM = {"$ref": "#/components/schemas/Problem"}


@pytest.fixture
def env(db_url: str, conn: psycopg.Connection[Any]) -> Iterator[tuple[TestClient, Keys]]:
    keys = make_keys(conn)
    with client(db_url) as test_client:
        yield test_client, keys


@pytest.fixture
def document(env: tuple[TestClient, Keys]) -> dict[str, Any]:
    c, keys = env
    r = c.get("/openapi.json", headers=h(keys.admin))
    assert r.status_code == 200
    return dict(r.json())


def operations(document: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for path, ops in document["paths"].items():
        if path.startswith("/api/"):
            for method, op in ops.items():
                yield f"{method.upper()} {path}", op


def test_every_api_operation_is_secured_and_documents_its_errors(document: dict[str, Any]) -> None:
    schemes = document["components"]["securitySchemes"]
    assert schemes["ApiKeyHeader"] == {"type": "apiKey", "in": "header", "name": "X-API-Key"}
    assert schemes["BearerKey"]["scheme"] == "bearer"
    problem = document["components"]["schemas"]["Problem"]
    assert {"type", "title", "status", "detail"} <= set(problem["required"])
    wrong = []
    for name, op in operations(document):
        if op.get("security") != [{"ApiKeyHeader": []}, {"BearerKey": []}]:
            wrong.append(f"{name}: security")
        for status, response in op["responses"].items():
            content = response.get("content", {})
            if int(status) >= 400 and content != {"application/problem+json": {"schema": PROBLEM}}:
                wrong.append(f"{name}: {status} is not a problem")
        for status in ("401", "403", "422"):
            if status not in op["responses"]:
                wrong.append(f"{name}: no {status}")
        successes = [s for s in op["responses"] if s.startswith("2")]
        if not successes:
            wrong.append(f"{name}: no success response")
        for status in successes:
            if status != "204" and not op["responses"][status].get("content"):
                wrong.append(f"{name}: {status} has no schema")
    assert not wrong
    assert len(list(operations(document))) > 40


def _schema_of(document: dict[str, Any], path: str, method: str, status: str) -> Any:
    response = document["paths"][path][method]["responses"][status]
    return response["content"]["application/json"]["schema"]


def test_feed_takedowns_and_webhooks_have_response_schemas(document: dict[str, Any]) -> None:
    feed = document["paths"]["/api/v1/feed"]["get"]["responses"]
    assert feed["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/FeedPageOut"
    }
    assert {"text/csv", "application/stix+json;version=2.1"} <= set(feed["200"]["content"])
    assert "503" in feed
    item = document["components"]["schemas"]["FeedItemOut"]["properties"]
    assert {"seq", "event", "url", "contacts", "tlp"} <= set(item)
    takedown = {"$ref": "#/components/schemas/TakedownOut"}
    assert _schema_of(document, "/api/v1/adverts/{advert_id}/takedown", "post", "201") == takedown
    history = _schema_of(document, "/api/v1/takedowns/{advert_id}", "get", "200")
    assert history["items"] == takedown
    post = document["paths"]["/api/v1/adverts/{advert_id}/takedown"]["post"]
    assert "Idempotency-Key" in {p["name"] for p in post["parameters"]}
    ping = _schema_of(document, "/api/v1/partner/webhook/test", "post", "200")
    assert ping == {"$ref": "#/components/schemas/DeliveryOut"}
    status = document["components"]["schemas"]["WebhookStatusOut"]["properties"]
    assert "approval" in status


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_docs_pages_load_only_local_files(env: tuple[TestClient, Keys], page: str) -> None:
    c, keys = env
    html = c.get(page, headers=h(keys.admin)).text
    urls = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)""", html)
    urls += re.findall(r"""url:\s*['"]([^'"]+)""", html)
    assert urls and all(u.startswith("/") for u in urls), urls
    assert "googleapis" not in html and "cdn." not in html
    for asset in (u for u in urls if u.startswith("/static/docs/")):
        r = c.get(asset)  # the library's own files: no key needed, cacheable
        assert r.status_code == 200 and len(r.content) > 1000, asset
        assert "no-store" not in r.headers.get("cache-control", "")

"""Every route of the app refuses a missing key (401), a wrong key (401) and a wrong role (403)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.app import create_app
from config.settings import get_settings
from tests.api_support import Keys, client, make_keys

pytestmark = pytest.mark.integration

ROLES = ("analyst", "partner", "researcher", "admin")
ANALYST = {"analyst", "admin"}
PARTNER = {"partner"}
RESEARCHER = {"researcher"}
ADMIN = {"admin"}

# (method, path) -> roles allowed. A route missing here fails the test: add it with its roles.
ALLOWED: dict[tuple[str, str], set[str]] = {
    ("GET", "/api/v1/adverts"): ANALYST,
    ("POST", "/api/v1/adverts/search"): ANALYST,
    ("GET", "/api/v1/adverts/{advert_id}"): ANALYST,
    ("POST", "/api/v1/adverts/{advert_id}/decision"): ANALYST,
    ("POST", "/api/v1/adverts/{advert_id}/notes"): ANALYST,
    ("GET", "/api/v1/adverts/{advert_id}/evidence.zip"): ANALYST,
    ("GET", "/api/v1/dashboard"): ANALYST,
    ("GET", "/api/v1/queue"): ANALYST,
    ("POST", "/api/v1/queue/{advert_id}/claim"): ANALYST,
    ("POST", "/api/v1/queue/{advert_id}/release"): ANALYST,
    ("GET", "/api/v1/feed"): PARTNER,
    ("POST", "/api/v1/feed/{seq}/ack"): PARTNER,
    ("POST", "/api/v1/adverts/{advert_id}/opinion"): PARTNER,
    ("POST", "/api/v1/adverts/{advert_id}/takedown"): PARTNER,
    ("GET", "/api/v1/takedowns"): PARTNER | ANALYST,
    ("GET", "/api/v1/takedowns/{advert_id}"): PARTNER | ANALYST,
    ("PUT", "/api/v1/partner/webhook"): PARTNER,
    ("GET", "/api/v1/partner/webhook"): PARTNER,
    ("GET", "/api/v1/partner/webhook/deliveries"): PARTNER,
    ("DELETE", "/api/v1/partner/webhook"): PARTNER,
    ("POST", "/api/v1/partner/webhook/test"): PARTNER,
    ("GET", "/api/v1/export/samples"): RESEARCHER,
    # evidence for analysts, samples for researchers: the body's type is checked after the role
    ("POST", "/api/v1/exports"): ANALYST | RESEARCHER,
    ("GET", "/api/v1/exports/{export_id}"): ANALYST | RESEARCHER,
    ("GET", "/api/v1/exports/{export_id}/file"): ANALYST | RESEARCHER,
    ("POST", "/api/v1/labels"): RESEARCHER | ADMIN,
    ("DELETE", "/api/v1/labels/{sample_id}"): RESEARCHER | ADMIN,
    ("GET", "/api/v1/sharing/awaiting"): ANALYST,
    ("GET", "/api/v1/adverts/{advert_id}/sharing"): ANALYST,
    ("POST", "/api/v1/adverts/{advert_id}/sharing/agree"): ANALYST,
    ("POST", "/api/v1/adverts/{advert_id}/sharing/disagree"): ANALYST,
    ("POST", "/api/v1/adverts/{advert_id}/sharing/withdraw"): ANALYST,
    ("GET", "/api/v1/admin/sites"): ADMIN,
    ("POST", "/api/v1/admin/sites"): ADMIN,
    ("PATCH", "/api/v1/admin/sites/{site_id}"): ADMIN,
    ("DELETE", "/api/v1/admin/sites/{site_id}"): ADMIN,
    ("GET", "/api/v1/admin/sharing-groups"): ADMIN,
    ("POST", "/api/v1/admin/sharing-groups"): ADMIN,
    ("DELETE", "/api/v1/admin/sharing-groups/{name}"): ADMIN,
    ("PUT", "/api/v1/admin/sharing-groups/{name}/partners/{partner_id}"): ADMIN,
    ("DELETE", "/api/v1/admin/sharing-groups/{name}/partners/{partner_id}"): ADMIN,
    ("GET", "/api/v1/admin/keys"): ADMIN,
    ("POST", "/api/v1/admin/keys"): ADMIN,
    ("DELETE", "/api/v1/admin/keys/{key_id}"): ADMIN,
    ("GET", "/api/v1/admin/partners"): ADMIN,
    ("POST", "/api/v1/admin/partners"): ADMIN,
    ("PATCH", "/api/v1/admin/partners/{partner_id}"): ADMIN,
    ("GET", "/api/v1/admin/audit"): ADMIN,
    ("GET", "/api/v1/admin/webhooks/pending"): ADMIN,
    ("POST", "/api/v1/admin/partners/{partner_id}/webhook/approve"): ADMIN,
    ("POST", "/api/v1/admin/partners/{partner_id}/webhook/reject"): ADMIN,
    ("DELETE", "/api/v1/admin/partners/{partner_id}/webhook"): ADMIN,
    ("GET", "/api/v1/admin/partners/{partner_id}/webhook/deliveries"): ADMIN,
    # review UI (cookie or header key)
    ("POST", "/logout"): ANALYST,
    ("GET", "/"): ANALYST,
    ("GET", "/queue"): ANALYST,
    ("GET", "/search"): ANALYST,
    ("POST", "/search"): ANALYST,
    ("GET", "/dashboard"): ANALYST,
    ("GET", "/adverts/{advert_id}"): ANALYST,
    ("POST", "/adverts/{advert_id}/claim"): ANALYST,
    ("POST", "/adverts/{advert_id}/release"): ANALYST,
    ("POST", "/adverts/{advert_id}/decide"): ANALYST,
    ("POST", "/adverts/{advert_id}/notes"): ANALYST,
    # advert photos (issue 16)
    ("GET", "/images/search"): ANALYST,
    ("POST", "/images/search"): ANALYST,
    ("GET", "/images/{image_id}"): ANALYST,
    ("GET", "/images/{image_id}/adverts"): ANALYST,
    ("POST", "/settings/images"): ANALYST,
    # the API's description and the operators' views (issue 14)
    ("GET", "/openapi.json"): ADMIN,
    ("GET", "/docs"): ADMIN,
    ("GET", "/redoc"): ADMIN,
    ("GET", "/metrics"): ADMIN,
    ("POST", "/adverts/{advert_id}/sharing/{step}"): ANALYST,
    # TAXII 2.1, read-only for partners (issue 15)
    ("GET", "/taxii2/"): PARTNER,
    ("GET", "/taxii2/api/"): PARTNER,
    ("GET", "/taxii2/api/collections/"): PARTNER,
    ("GET", "/taxii2/api/collections/{collection}/"): PARTNER,
    ("GET", "/taxii2/api/collections/{collection}/objects/"): PARTNER,
    ("GET", "/taxii2/api/collections/{collection}/manifest/"): PARTNER,
    ("GET", "/taxii2/api/collections/{collection}/objects/{object_id}/"): PARTNER,
    ("GET", "/taxii2/api/collections/{collection}/objects/{object_id}/versions/"): PARTNER,
}
# The STIX extension's schema is public: consumers fetch it from the extension-definition.
PUBLIC = re.compile(r"^/(static.*|healthz|login|stix/adwatch-advert-extension-v1\.json)$")


def app_routes(app: FastAPI) -> Iterator[tuple[str, str]]:
    """(method, path) of every endpoint, through included routers of any FastAPI version."""
    stack: list[Any] = list(app.routes)
    while stack:
        route = stack.pop(0)
        if hasattr(route, "effective_route_contexts"):
            stack[:0] = list(route.effective_route_contexts())
            continue
        for method in sorted(getattr(route, "methods", None) or ()):
            if method != "HEAD":
                yield method, route.path


def test_the_table_covers_every_route() -> None:
    found = {r for r in app_routes(create_app("postgresql://unused")) if not PUBLIC.match(r[1])}
    assert found == set(ALLOWED), (
        f"routes without an entry: {sorted(found - set(ALLOWED))}; "
        f"stale entries: {sorted(set(ALLOWED) - found)}"
    )


@pytest.fixture
def env(
    db_url: str, conn: psycopg.Connection[Any], monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[TestClient, Keys]]:
    # Hundreds of wrong keys from one address here; the lockout has tests of its own.
    monkeypatch.setenv("ADWATCH_AUTH_FAILURE_LIMIT", "100000")
    get_settings.cache_clear()
    keys = make_keys(conn)
    with client(db_url) as test_client:
        yield test_client, keys
    get_settings.cache_clear()


def _call(c: TestClient, method: str, path: str, headers: dict[str, str], ident: str = "1") -> int:
    url = re.sub(r"\{[^}]+\}", ident, path)
    return c.request(method, url, headers=headers, follow_redirects=False).status_code


def test_every_route_checks_key_and_role(env: tuple[TestClient, Keys]) -> None:
    c, keys = env
    wrong = keys.analyst[:-4] + ("AAAA" if not keys.analyst.endswith("AAAA") else "BBBB")
    failures = []
    for method, path in sorted(ALLOWED):
        checks = [
            ("no key", {}, 401),
            ("wrong key", {"X-API-Key": wrong}, 401),
            ("garbage bearer", {"Authorization": "Bearer nope"}, 401),
        ]
        checks += [
            (f"role {role}", {"X-API-Key": keys.of(role)}, 403)
            for role in ROLES
            if role not in ALLOWED[(method, path)]
        ]
        for label, headers, expected in checks:
            status = _call(c, method, path, headers)
            if status != expected:
                failures.append(f"{method} {path} with {label}: {status} (expected {expected})")
    assert not failures, "\n".join(failures)


def test_allowed_roles_get_past_auth(env: tuple[TestClient, Keys]) -> None:
    """Not 401/403 for an allowed role (bearer header; ids that match nothing, so no key is
    revoked on the way)."""
    c, keys = env
    failures = []
    for method, path in sorted(ALLOWED):
        for role in sorted(ALLOWED[(method, path)]):
            headers = {"Authorization": f"Bearer {keys.of(role)}"}
            status = _call(c, method, path, headers, ident="999999")
            if status in (401, 403):
                failures.append(f"{method} {path} as {role}: {status}")
    assert not failures, "\n".join(failures)


def test_revoked_key_is_refused(
    env: tuple[TestClient, Keys], conn: psycopg.Connection[Any]
) -> None:
    c, keys = env
    assert c.get("/api/v1/queue", headers={"X-API-Key": keys.analyst}).status_code == 200
    conn.execute("UPDATE api_keys SET revoked_at = now() WHERE name = 'analyst person'")
    conn.commit()
    assert c.get("/api/v1/queue", headers={"X-API-Key": keys.analyst}).status_code == 401

"""Request dependencies: pooled connection, settings, API-key authentication and roles."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Annotated, Any

import psycopg
from fastapi import Depends, HTTPException, Path, Request
from psycopg_pool import ConnectionPool

from api import auth_guard
from config.settings import Settings
from store import api_keys

COOKIE_NAME = "adwatch_key"
ANALYSTS = ("analyst", "admin")
BIGINT_MAX = 2**63 - 1

# Row ids in paths: positive and within PostgreSQL's bigint, else 422 (not a 500 from SQL).
PathId = Annotated[int, Path(ge=1, le=BIGINT_MAX)]


@dataclass(frozen=True)
class Principal:
    """The caller: an API key (never its token, except to derive the CSRF token)."""

    key_id: int
    name: str
    role: str
    partner_id: int | None
    via_cookie: bool
    token: str

    @property
    def actor(self) -> str:
        return f"{self.role}:{self.name}"

    @property
    def csrf_token(self) -> str:
        return csrf_token_for(self.token)


def csrf_token_for(token: str) -> str:
    """A per-key CSRF token: only someone holding the (HttpOnly) key can compute it."""
    return hmac.new(token.encode(), b"adwatch-csrf-v1", hashlib.sha256).hexdigest()


def get_pool(request: Request) -> ConnectionPool[Any]:
    pool: ConnectionPool[Any] = request.app.state.pool
    return pool


def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


Pool = Annotated[ConnectionPool[Any], Depends(get_pool)]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]


def get_conn(pool: Pool) -> Iterator[psycopg.Connection[Any]]:
    """One autocommit connection per request; store functions open their own transactions."""
    with pool.connection() as conn:
        yield conn


Conn = Annotated[psycopg.Connection[Any], Depends(get_conn)]


def header_token(request: Request) -> str | None:
    key = request.headers.get("x-api-key")
    if key:
        return key.strip()
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return None


def authenticate(request: Request, conn: psycopg.Connection[Any], *, cookie: bool) -> Principal:
    """The caller's key from X-API-Key / Bearer (or the UI cookie); 401 when absent or wrong."""
    token, via_cookie = header_token(request), False
    if token is None and cookie:
        token, via_cookie = request.cookies.get(COOKIE_NAME), True
    if not token:
        raise HTTPException(401, "an API key is required (X-API-Key header)")
    auth_guard.refuse_if_locked(request, conn, token)
    key = api_keys.verify_key(conn, token)
    if key is None:
        auth_guard.record_wrong_key(request, conn, token, via="cookie" if via_cookie else "api")
        raise HTTPException(401, "invalid or revoked API key")
    auth_guard.refuse_if_over_rate(request, conn, key.id)
    api_keys.touch(conn, key.id)
    return Principal(key.id, key.name, key.role, key.partner_id, via_cookie, token)


def require(*roles: str, ui: bool = False) -> Callable[..., Principal]:
    """A dependency that authenticates and checks the caller's role (403 otherwise)."""

    def dependency(request: Request, conn: Conn) -> Principal:
        principal = authenticate(request, conn, cookie=ui)
        if principal.role not in roles:
            raise HTTPException(403, f"the {principal.role} role may not use this endpoint")
        return principal

    return dependency


async def _csrf_checked(
    request: Request, user: Annotated[Principal, Depends(require(*ANALYSTS, ui=True))]
) -> Principal:
    """UI form posts authenticated by the cookie must carry the key's CSRF token."""
    if user.via_cookie:
        form = await request.form()
        sent = str(form.get("csrf_token") or request.headers.get("x-csrf-token") or "")
        if not hmac.compare_digest(sent, user.csrf_token):
            raise HTTPException(403, "missing or wrong CSRF token; reload the page")
    return user


AnalystUser = Annotated[Principal, Depends(require(*ANALYSTS))]
PartnerUser = Annotated[Principal, Depends(require("partner"))]
ResearcherUser = Annotated[Principal, Depends(require("researcher"))]
AdminUser = Annotated[Principal, Depends(require("admin"))]
TakedownReader = Annotated[Principal, Depends(require("partner", *ANALYSTS))]
UiUser = Annotated[Principal, Depends(require(*ANALYSTS, ui=True))]
UiPostUser = Annotated[Principal, Depends(_csrf_checked)]

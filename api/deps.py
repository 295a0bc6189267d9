"""Request dependencies: pooled connection, settings, API-key authentication and roles."""

from __future__ import annotations

import base64
import hmac
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Annotated, Any

import psycopg
from fastapi import Depends, HTTPException, Path, Request
from psycopg_pool import ConnectionPool

from api import auth_guard, sessions
from config.settings import Settings
from linking.pdq_warm import WarmIndex
from store import api_keys, ui_sessions
from store.api_keys import ApiKey

ANALYSTS = ("analyst", "admin")
BIGINT_MAX = 2**63 - 1

# Row ids in paths: positive and within PostgreSQL's bigint, else 422 (not a 500 from SQL).
PathId = Annotated[int, Path(ge=1, le=BIGINT_MAX)]


@dataclass(frozen=True)
class Principal:
    """The caller: an API key (never its token), and for the UI its session (never its id)."""

    key_id: int
    name: str
    role: str
    partner_id: int | None
    via_cookie: bool
    session_row_id: int | None = None
    # Derived from the session id, so only UI sessions have one; kept out of any repr/log.
    csrf_token: str = field(default="", repr=False)

    @property
    def actor(self) -> str:
        return f"{self.role}:{self.name}"

    @classmethod
    def of_key(cls, key: ApiKey) -> Principal:
        return cls(key.id, key.name, key.role, key.partner_id, via_cookie=False)


def get_pool(request: Request) -> ConnectionPool[Any]:
    pool: ConnectionPool[Any] = request.app.state.pool
    return pool


def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_pdq_index(request: Request) -> WarmIndex | None:
    """The process's warm PDQ index (None when turned off, or before the lifespan set it)."""
    index: WarmIndex | None = getattr(request.app.state, "pdq_index", None)
    return index


Pool = Annotated[ConnectionPool[Any], Depends(get_pool)]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
PdqIndex = Annotated[WarmIndex | None, Depends(get_pdq_index)]


def get_conn(pool: Pool) -> Iterator[psycopg.Connection[Any]]:
    """One autocommit connection per request; store functions open their own transactions.

    Returned to the pool when the route function returns, before the response is sent
    (scope="function"): a client that reads slowly, or stops reading, holds no connection."""
    with pool.connection() as conn:
        yield conn


Conn = Annotated[psycopg.Connection[Any], Depends(get_conn, scope="function")]


def header_token(request: Request) -> str | None:
    """X-API-Key, Bearer, or the password of HTTP Basic: TAXII clients send a key as
    user:password, and the user name carries nothing (the key names its holder)."""
    key = request.headers.get("x-api-key")
    if key:
        return key.strip()
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    if scheme.lower() == "basic" and value.strip():
        return _basic_password(value.strip())
    return None


def _basic_password(value: str) -> str | None:
    try:
        decoded = base64.b64decode(value.encode("ascii"), validate=True).decode("utf-8")
    except (ValueError, UnicodeError):
        return None
    password = decoded.partition(":")[2].strip()
    return password or None


def authenticate(request: Request, conn: psycopg.Connection[Any], *, cookie: bool) -> Principal:
    """The caller's key from X-API-Key / Bearer (or, for UI pages, the session cookie); 401
    when absent or wrong."""
    token = header_token(request)
    if token is None and cookie:
        session_id = request.cookies.get(sessions.SESSION_COOKIE)
        if session_id:
            return _session_principal(request, conn, session_id)
    if not token:
        raise HTTPException(401, "an API key is required (X-API-Key header)")
    auth_guard.refuse_if_locked(request, conn, token)
    key = api_keys.verify_key(conn, token)
    if key is None:
        auth_guard.record_wrong_key(request, conn, token, via="api")
        raise HTTPException(401, "invalid or revoked API key")
    auth_guard.refuse_if_over_rate(request, conn, key.id)
    api_keys.touch(conn, key.id)
    return Principal.of_key(key)


def _session_principal(
    request: Request, conn: psycopg.Connection[Any], session_id: str
) -> Principal:
    """The key behind a live UI session. An unknown or ended session is not counted as a
    wrong key: stale cookies are normal, and 256 random bits cannot be guessed."""
    idle = sessions.idle_timeout(get_settings_dep(request))
    live = ui_sessions.find_live_session(conn, session_id, idle)
    if live is None:
        raise HTTPException(401, "the session has ended; please log in again")
    auth_guard.refuse_if_over_rate(request, conn, live.key.id)
    ui_sessions.slide(conn, live.id)
    api_keys.touch(conn, live.key.id)
    key = live.key
    csrf = sessions.csrf_token_for(session_id)
    return Principal(key.id, key.name, key.role, key.partner_id, True, live.id, csrf)


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
    """UI form posts authenticated by the session cookie must carry the session's CSRF token."""
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

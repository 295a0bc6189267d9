"""The review UI's session cookie: a random session id (store.ui_sessions), never the API key.

The cookie is HttpOnly (no script reads it), SameSite=Strict (no other site's form sends it),
Secure over https (or always, with ADWATCH_UI_COOKIE_SECURE behind a TLS proxy), and lives no
longer than the session's absolute lifetime; the server also ends it when idle, on logout and
when its key is revoked.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta

from fastapi import Request, Response

from config.settings import Settings

SESSION_COOKIE = "adwatch_session"
# Before sessions the cookie held the API key itself; it is no longer read, only deleted.
LEGACY_KEY_COOKIE = "adwatch_key"


def csrf_token_for(session_id: str) -> str:
    """A per-session CSRF token: only someone holding the (HttpOnly) session id can compute it,
    and it ends with the session."""
    return hmac.new(session_id.encode(), b"adwatch-csrf-v2", hashlib.sha256).hexdigest()


def idle_timeout(settings: Settings) -> timedelta:
    return timedelta(minutes=settings.ui_session_idle_minutes)


def lifetime(settings: Settings) -> timedelta:
    return timedelta(hours=settings.ui_session_hours)


def set_session_cookie(
    response: Response, request: Request, settings: Settings, session_id: str
) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        session_id,
        max_age=int(lifetime(settings).total_seconds()),
        path="/",
        secure=request.url.scheme == "https" or settings.ui_cookie_secure,
        httponly=True,
        samesite="strict",
    )
    response.delete_cookie(LEGACY_KEY_COOKIE, path="/")


def clear_session_cookies(response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")
    response.delete_cookie(LEGACY_KEY_COOKIE, path="/")

"""The first look at every request, before any route reads a byte of its body.

FastAPI reads and parses a body before the route's dependencies (the API-key check among
them) run, so without this a keyless 100 MB POST would be held in memory just to be told 401.
Here, in order and without touching the body:

1. NUL characters or lone surrogates in the path, query, header or cookies: 400 (PostgreSQL
   cannot store NUL, and a lone surrogate cannot be encoded; either would end in a 500).
2. A Content-Length over the route's limit: 413 at once.
3. An /api/ request that may carry a body and has no valid key (or live UI session): 401
   (role checks stay in the route's dependency; this only keeps strangers from making us read).
4. The body is then counted as it streams (chunked bodies too) and cut with a 413 at the limit.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl

import anyio.to_thread
from fastapi import Request
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api import sessions
from api.clean import is_odd_text
from api.deps import header_token
from api.problems import error_response
from config.settings import Settings
from store import api_keys, ui_sessions

BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class BodyTooLarge(StarletteHTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body larger than {limit} bytes")


def _has_odd_text(request: Request) -> bool:
    query = parse_qsl(request.scope.get("query_string", b"").decode("latin-1"), True)
    texts = [request.scope["path"], *(text for pair in query for text in pair)]
    texts += [text for pair in request.headers.items() for text in pair]
    texts += [text for pair in request.cookies.items() for text in pair]
    return any(is_odd_text(text) for text in texts)


def _content_length(request: Request) -> int | None:
    """The declared length; -1 when it is not a plain decimal number."""
    value = request.headers.get("content-length")
    if value is None:
        return None
    value = value.strip()
    if not (value.isascii() and value.isdigit()):
        return -1
    return int(value) if len(value) < 19 else 2**63  # no int() of a 5,000-digit length


class RequestGuard:
    """ASGI middleware; `larger` maps (method, path) of upload routes to their own limit."""

    def __init__(
        self, app: ASGIApp, *, max_body: int, larger: Mapping[tuple[str, str], int]
    ) -> None:
        self.app = app
        self.max_body = max_body
        self.larger = dict(larger)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        limit = self.larger.get((request.method, scope["path"]), self.max_body)
        refusal = await self._refusal(request, limit)
        if refusal is not None:
            await error_response(request, *refusal)(scope, receive, send)
            return
        await self._counted(scope, receive, send, limit)

    async def _refusal(self, request: Request, limit: int) -> tuple[int, str] | None:
        if _has_odd_text(request):
            return 400, "NUL characters or lone surrogates in the path, query, headers or cookies"
        length = _content_length(request)
        if length == -1:
            return 400, "invalid Content-Length"
        if length is not None and length > limit:
            return 413, f"request body larger than {limit} bytes"
        may_have_body = request.method in BODY_METHODS or bool(length)
        may_have_body = may_have_body or "transfer-encoding" in request.headers
        if may_have_body and request.url.path.startswith("/api/"):
            valid = await self._key_is_valid(request)
            if not valid:
                return 401, "a valid API key is required (X-API-Key header)"
        return None

    async def _key_is_valid(self, request: Request) -> bool:
        token = header_token(request)
        session_id = request.cookies.get(sessions.SESSION_COOKIE)
        if not token and not session_id:
            return False
        pool: Any = request.app.state.pool
        settings: Settings = request.app.state.settings

        def verify() -> bool:
            with pool.connection() as conn:
                if token:
                    return api_keys.verify_key(conn, token) is not None
                idle = sessions.idle_timeout(settings)
                return ui_sessions.find_live_session(conn, session_id or "", idle) is not None

        return await anyio.to_thread.run_sync(verify)

    async def _counted(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        received, started = 0, False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        async def noting_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, noting_send)
        except BodyTooLarge as exc:
            # Normally the route's exception handler answers; this covers a body read
            # outside a route (a middleware), as long as no response has begun.
            if started:
                raise
            await error_response(Request(scope), 413, str(exc.detail))(scope, receive, send)

"""Response headers for every answer: no sniffing, no caching of personal data, and for the
review UI a strict CSP and no framing."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import Request
from fastapi.responses import Response

_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)

# Swagger UI and ReDoc start from an inline script and style themselves inline; everything
# else comes from here (/static/docs), and the browser is told to fetch nothing from outside,
# which also keeps ReDoc's footer from loading its logo from cdn.redoc.ly.
_DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'"
)


def headers_for(path: str) -> dict[str, str]:
    headers = {"X-Content-Type-Options": "nosniff"}
    if not path.startswith("/static/"):
        # Pages and API answers carry advert text and personal data: never cached.
        headers["Cache-Control"] = "no-store"
    if path in ("/docs", "/redoc"):
        headers["Content-Security-Policy"] = _DOCS_CSP
        headers["X-Frame-Options"] = "DENY"
    elif not path.startswith(("/api/", "/docs", "/redoc")):
        headers["Content-Security-Policy"] = _CSP
        headers["X-Frame-Options"] = "DENY"
        headers["Referrer-Policy"] = "same-origin"
    return headers


def apply(path: str, response: Response) -> Response:
    for name, value in headers_for(path).items():
        response.headers.setdefault(name, value)
    return response


async def middleware(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    """For app.middleware("http"). 500s bypass it (Starlette answers them outermost), so the
    error handler applies the same headers itself."""
    return apply(request.url.path, await call_next(request))

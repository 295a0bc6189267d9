"""The FastAPI application: JSON API under /api/v1, review UI, /healthz and /metrics."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from psycopg_pool import ConnectionPool
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.metrics import Metrics, MetricsMiddleware
from api.routes import (
    admin,
    admin_groups,
    analyst,
    partner,
    research,
    review,
    sharing,
    ui,
    ui_advert,
)
from api.templating import STATIC_DIR, templates
from config import __version__
from config.settings import get_settings
from store.bootstrap import ready_url

_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)


def _wants_html(request: Request) -> bool:
    path = request.url.path
    return not path.startswith("/api/") and "text/html" in request.headers.get("accept", "")


async def _http_error(request: Request, exc: Exception) -> Response:
    """JSON errors for the API; an HTML page (the login form for 401) for the UI."""
    assert isinstance(exc, StarletteHTTPException)
    headers = dict(exc.headers or {})
    if not _wants_html(request):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)
    if exc.status_code == 401:
        context: dict[str, Any] = {"user": None, "error": "Please log in with your analyst key."}
        return templates.TemplateResponse(request, "login.html", context, status_code=401)
    context = {"user": None, "status": exc.status_code, "message": exc.detail}
    return templates.TemplateResponse(request, "error.html", context, status_code=exc.status_code)


def _add_health(app: FastAPI, metrics: Metrics) -> None:
    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, str]:
        with app.state.pool.connection() as conn:
            conn.execute("SELECT 1")
        return {"status": "ok", "version": __version__}

    @app.get("/metrics", include_in_schema=False)
    def metrics_endpoint() -> PlainTextResponse:
        return PlainTextResponse(generate_latest(metrics.registry), media_type=CONTENT_TYPE_LATEST)


def create_app(database_url: str | None = None) -> FastAPI:
    """The app; the connection pool opens in the lifespan (DATABASE_URL / embedded default)."""
    settings = get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        url = database_url or ready_url()
        pool: ConnectionPool[Any] = ConnectionPool(
            url,
            min_size=1,
            max_size=10,
            kwargs={"autocommit": True},
            open=False,
            name="adwatch-api",
        )
        pool.open(wait=True, timeout=30)
        app.state.pool = pool
        try:
            yield
        finally:
            pool.close()

    app = FastAPI(
        title="adwatch API",
        version=__version__,
        lifespan=lifespan,
        description="Flagged adverts for analysts, confirmed items for partners, "
        "de-personalised samples for researchers.",
    )
    app.state.settings = settings
    metrics = Metrics()
    app.add_middleware(MetricsMiddleware, metrics=metrics)
    app.add_exception_handler(StarletteHTTPException, _http_error)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        if not request.url.path.startswith(("/api/", "/docs", "/redoc")):
            response.headers.setdefault("Content-Security-Policy", _CSP)
            response.headers.setdefault("X-Frame-Options", "DENY")
            response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    for module in (analyst, review, sharing, partner, research, admin, admin_groups, ui, ui_advert):
        app.include_router(module.router)
    _add_health(app, metrics)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app

"""The FastAPI application: JSON API under /api/v1, review UI, /healthz, admin-only /metrics
and API docs."""

from __future__ import annotations

from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from psycopg_pool import ConnectionPool

from api import heavy, problems, security_headers
from api.admin_views import add_admin_views
from api.guard import RequestGuard
from api.metrics import Metrics, MetricsMiddleware
from api.routes import (
    admin,
    admin_groups,
    analyst,
    exports,
    partner,
    research,
    review,
    sharing,
    takedowns,
    taxii,
    taxii_objects,
    ui,
    ui_advert,
    ui_images,
)
from api.templating import STATIC_DIR
from config import __version__
from config.settings import Settings, get_settings
from linking.pdq_warm import WarmIndex
from store.bootstrap import ready_url


def _add_health(app: FastAPI) -> None:
    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, str]:
        """Open to container health checks, so it says nothing but that the database answers."""
        with app.state.pool.connection() as conn:
            conn.execute("SELECT 1")
        return {"status": "ok"}


def _add_middleware(app: FastAPI, settings: Settings, metrics: Metrics) -> None:
    """Outermost first on the way in: metrics, security headers, the request guard."""
    uploads = {
        ("POST", "/api/v1/labels"): settings.max_upload_bytes,
        ("POST", ui_images.SEARCH_PATH): settings.max_upload_bytes,
    }
    app.add_middleware(RequestGuard, max_body=settings.max_body_bytes, larger=uploads)

    app.middleware("http")(security_headers.middleware)
    app.add_middleware(MetricsMiddleware, metrics=metrics)


def pdq_index(settings: Settings, pool: ConnectionPool[Any]) -> WarmIndex | None:
    """The photo lookups' warm index, loading from the start (None when turned off)."""
    if settings.image_index_max_mb == 0:
        return None
    index = WarmIndex(
        pool.connection,
        settings.pdq_min_quality,
        settings.image_index_max_mb * 1_000_000,
        settings.image_index_refresh_s,
    )
    index.start()
    return index


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
        builders = ThreadPoolExecutor(settings.export_workers, thread_name_prefix="export")
        app.state.export_builders = builders
        app.state.pdq_index = pdq_index(settings, pool)
        try:
            yield
        finally:
            builders.shutdown(wait=True, cancel_futures=True)
            if app.state.pdq_index is not None:
                app.state.pdq_index.close()
            pool.close()

    app = FastAPI(
        title="adwatch API",
        version=__version__,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        description="Flagged adverts for analysts, confirmed items for partners, "
        "de-personalised samples for researchers.",
    )
    app.state.settings = settings
    app.state.key_slots = heavy.KeySlots(settings.export_concurrency_per_key)
    metrics = Metrics()
    _add_middleware(app, settings, metrics)
    problems.install(app)
    routers = (analyst, exports, review, sharing, partner, takedowns, research, admin)
    for module in (*routers, admin_groups, ui, ui_advert, ui_images, taxii, taxii_objects):
        app.include_router(module.router)
    app.include_router(taxii.schema_router)
    _add_health(app)
    add_admin_views(app, metrics)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app

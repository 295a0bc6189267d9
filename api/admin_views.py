"""The API's description and the operators' views: /openapi.json, /docs, /redoc, /metrics.

They name every route, parameter and request rate, which helps an attacker more than a
partner, so they answer admin keys only (X-API-Key / Bearer, or the UI session cookie so an
admin logged into the review UI can open /docs in the browser). /healthz stays open and says
nothing but "ok": container health checks call it without a key.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import fastapi_offline
from fastapi import Depends, FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from api import openapi_docs
from api.deps import Principal, require
from api.metrics import Metrics

AdminViewer = Annotated[Principal, Depends(require("admin", ui=True))]
# Swagger UI's and ReDoc's files, from fastapi-offline, served here: /docs works offline.
DOCS_ASSETS = Path(fastapi_offline.__file__).parent / "static"
DOCS_STATIC = "/static/docs"


def openapi_with_problems(app: FastAPI) -> dict[str, Any]:
    """FastAPI's schema, with security schemes and problem details (api.openapi_docs)."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(
        title=app.title, version=app.version, description=app.description, routes=app.routes
    )
    app.openapi_schema = openapi_docs.document(schema)
    return app.openapi_schema


def add_admin_views(app: FastAPI, metrics: Metrics) -> None:
    """Register before the review UI's /static mount, so /static/docs is found first."""
    app.openapi = lambda: openapi_with_problems(app)  # type: ignore[method-assign]
    app.mount(DOCS_STATIC, StaticFiles(directory=DOCS_ASSETS), name="docs-static")

    @app.get("/openapi.json", include_in_schema=False)
    def openapi_json(user: AdminViewer) -> JSONResponse:
        return JSONResponse(app.openapi())

    @app.get("/docs", include_in_schema=False)
    def swagger_ui(user: AdminViewer) -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title=f"{app.title} docs",
            swagger_js_url=f"{DOCS_STATIC}/swagger-ui-bundle.js",
            swagger_css_url=f"{DOCS_STATIC}/swagger-ui.css",
            swagger_favicon_url=f"{DOCS_STATIC}/favicon.png",
            # no badge from the online validator: the document stays here
            swagger_ui_parameters={"validatorUrl": None, "persistAuthorization": False},
        )

    @app.get("/redoc", include_in_schema=False)
    def redoc(user: AdminViewer) -> HTMLResponse:
        return get_redoc_html(
            openapi_url="/openapi.json",
            title=f"{app.title} docs",
            redoc_js_url=f"{DOCS_STATIC}/redoc.standalone.js",
            redoc_favicon_url=f"{DOCS_STATIC}/favicon.png",
            with_google_fonts=False,
        )

    @app.get("/metrics", include_in_schema=False)
    def metrics_endpoint(user: AdminViewer) -> PlainTextResponse:
        return PlainTextResponse(generate_latest(metrics.registry), media_type=CONTENT_TYPE_LATEST)

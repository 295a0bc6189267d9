"""The API's description and the operators' views: /openapi.json, /docs, /redoc, /metrics.

They name every route, parameter and request rate, which helps an attacker more than a
partner, so they answer admin keys only (X-API-Key / Bearer, or the UI session cookie so an
admin logged into the review UI can open /docs in the browser). /healthz stays open and says
nothing but "ok": container health checks call it without a key.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Annotated, Any

from fastapi import Depends, FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel, Field

from api.deps import Principal, require
from api.metrics import Metrics
from api.problems import PROBLEM_JSON, TAXII_MEDIA

# Every /api/ operation can answer these (odd input, auth, role, missing row, conflict, size,
# validation, rate limits in front of it); documented once for all so none is a surprise.
PROBLEM_STATUSES = (400, 401, 403, 404, 409, 413, 422, 429)
AdminViewer = Annotated[Principal, Depends(require("admin", ui=True))]


class Problem(BaseModel):
    """RFC 9457 problem details."""

    type: str = Field(description='"about:blank": the status code says it all')
    title: str
    status: int
    detail: str
    errors: list[Any] | None = Field(
        default=None, description="validation errors: loc, msg, type (input never echoed)"
    )


class TaxiiError(BaseModel):
    """TAXII 2.1 error message (spec 3.6.1), what TAXII clients parse."""

    title: str
    description: str
    http_status: str


def openapi_with_problems(app: FastAPI) -> dict[str, Any]:
    """FastAPI's schema, with problem details as every /api/ operation's error responses."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(
        title=app.title, version=app.version, description=app.description, routes=app.routes
    )
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components["Problem"] = Problem.model_json_schema()
    for name in ("HTTPValidationError", "ValidationError"):
        components.pop(name, None)
    components["TaxiiError"] = TaxiiError.model_json_schema()
    problem = {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}
    taxii = {TAXII_MEDIA: {"schema": {"$ref": "#/components/schemas/TaxiiError"}}}
    for path, operations in schema.get("paths", {}).items():
        if not path.startswith(("/api/", "/taxii2/")):
            continue
        content = taxii if path.startswith("/taxii2/") else problem
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            statuses = (*PROBLEM_STATUSES, 406) if content is taxii else PROBLEM_STATUSES
            for status in statuses:
                description = HTTPStatus(status).phrase
                responses[str(status)] = {"description": description, "content": content}
    app.openapi_schema = schema
    return schema


def add_admin_views(app: FastAPI, metrics: Metrics) -> None:
    app.openapi = lambda: openapi_with_problems(app)  # type: ignore[method-assign]

    @app.get("/openapi.json", include_in_schema=False)
    def openapi_json(user: AdminViewer) -> JSONResponse:
        return JSONResponse(app.openapi())

    @app.get("/docs", include_in_schema=False)
    def swagger_ui(user: AdminViewer) -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title=f"{app.title} docs")

    @app.get("/redoc", include_in_schema=False)
    def redoc(user: AdminViewer) -> HTMLResponse:
        return get_redoc_html(openapi_url="/openapi.json", title=f"{app.title} docs")

    @app.get("/metrics", include_in_schema=False)
    def metrics_endpoint(user: AdminViewer) -> PlainTextResponse:
        return PlainTextResponse(generate_latest(metrics.registry), media_type=CONTENT_TYPE_LATEST)

"""One error shape: RFC 9457 problem details for the API, HTML pages for the review UI.

Every error leaves through `error_response`, from the exception handlers and from the request
guard alike. Nothing a client sent is echoed raw: validation errors list where and why, never
the input, and every string is made printable first, so a lone surrogate in a path, a query or
a body can never crash the handler that reports it.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from api import security_headers
from api.clean import printable
from api.templating import templates

PROBLEM_JSON = "application/problem+json"


class ProblemResponse(JSONResponse):
    media_type = PROBLEM_JSON


def _title(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def problem(
    status: int,
    detail: str,
    *,
    errors: list[Any] | None = None,
    headers: dict[str, str] | None = None,
) -> ProblemResponse:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": _title(status),
        "status": status,
        "detail": printable(detail),
    }
    if errors is not None:
        body["errors"] = errors
    return ProblemResponse(body, status_code=status, headers=headers)


TAXII_MEDIA = "application/taxii+json;version=2.1"


class TaxiiErrorResponse(JSONResponse):
    media_type = TAXII_MEDIA


def taxii_error(status: int, detail: str, headers: dict[str, str] | None = None) -> Response:
    """TAXII 2.1's error message (spec 3.6.1): what TAXII clients parse, under /taxii2/."""
    body = {"title": _title(status), "description": printable(detail), "http_status": str(status)}
    return TaxiiErrorResponse(body, status_code=status, headers=headers)


def _wants_html(request: Request) -> bool:
    path = request.url.path
    return not path.startswith("/api/") and "text/html" in request.headers.get("accept", "")


def error_response(
    request: Request,
    status: int,
    detail: str,
    *,
    errors: list[Any] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """Problem details, or for a browser on a UI page an HTML page (the login form for 401),
    or for TAXII clients a TAXII error message."""
    if request.url.path.startswith("/taxii2/"):
        return taxii_error(status, detail, headers)
    if not _wants_html(request):
        return problem(status, detail, errors=errors, headers=headers)
    if status == 401:
        context: dict[str, Any] = {"user": None, "error": "Please log in with your analyst key."}
        return templates.TemplateResponse(request, "login.html", context, status_code=401)
    context = {"user": None, "status": status, "message": printable(detail)}
    return templates.TemplateResponse(request, "error.html", context, status_code=status)


def _safe(value: Any) -> Any:
    """A JSON-ready copy with every string printable (locations, messages, line reports)."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {printable(str(k)): _safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_safe(item) for item in value]
    if isinstance(value, int | float | bool) or value is None:
        return value
    return printable(str(value))


def validation_errors(errors: Any) -> list[dict[str, Any]]:
    """Pydantic's errors as where/what/why, without the input (it may be personal data)."""
    return [
        {
            "loc": _safe(list(e.get("loc", ()))),
            "msg": _safe(e.get("msg", "")),
            "type": e.get("type"),
        }
        for e in errors
    ]


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    detail: Any = exc.detail
    errors = None
    if isinstance(detail, dict):  # {"message": ..., "errors": [...]}, e.g. a labels upload
        errors = _safe(detail.get("errors"))
        detail = detail.get("message", "")
    return error_response(
        request, exc.status_code, str(detail), errors=errors, headers=dict(exc.headers or {})
    )


async def request_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = validation_errors(exc.errors())
    where = ", ".join(".".join(str(p) for p in e["loc"]) for e in errors[:5])
    return error_response(request, 422, f"invalid request: {where}", errors=errors)


async def server_error(request: Request, exc: Exception) -> Response:
    # Starlette logs the traceback and re-raises after this response is sent; it answers
    # outside the other middleware, hence the security headers here.
    response = error_response(request, 500, "an unexpected error occurred; it has been logged")
    return security_headers.apply(request.url.path, response)


def install(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, request_validation_error)
    app.add_exception_handler(Exception, server_error)

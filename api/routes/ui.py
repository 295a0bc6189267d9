"""Review UI pages: login, queue, search, dashboard (server-rendered, htmx for small swaps)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from api import charts, cursor
from api.deps import ANALYSTS, COOKIE_NAME, Conn, UiPostUser, UiUser
from api.templating import templates
from store import advert_queries as aq
from store import api_keys, review, sharing

router = APIRouter(include_in_schema=False)


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request) -> HTMLResponse:
    return templates.TemplateResponse(request, "login.html", {"user": None})


@router.post("/login", response_model=None)
def login(request: Request, conn: Conn, key: Annotated[str, Form()]) -> Response:
    """Check the pasted key and keep it in an HttpOnly, SameSite=Strict cookie."""
    found = api_keys.verify_key(conn, key.strip())
    if found is None or found.role not in ANALYSTS:
        error = (
            "That key is not a valid analyst key."
            if found is None
            else ("Only analyst and admin keys can use the review UI.")
        )
        return templates.TemplateResponse(
            request, "login.html", {"user": None, "error": error}, status_code=401
        )
    response = RedirectResponse("/queue", status_code=303)
    response.set_cookie(
        COOKIE_NAME,
        key.strip(),
        httponly=True,
        samesite="strict",
        path="/",
        secure=request.url.scheme == "https",
        max_age=12 * 3600,
    )
    return response


@router.post("/logout")
def logout(user: UiPostUser) -> RedirectResponse:
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE_NAME, path="/")
    return response


@router.get("/")
def index(user: UiUser) -> RedirectResponse:
    return RedirectResponse("/queue", status_code=303)


@router.get("/queue", response_class=HTMLResponse)
def queue_page(
    request: Request, user: UiUser, conn: Conn, decided: int | None = None
) -> HTMLResponse:
    items = review.queue(conn, user.key_id, 100)
    context = {
        "user": user,
        "items": items,
        "decided": decided,
        "open_count": review.open_count(conn),
        "awaiting": sharing.awaiting_list(conn, 50),
    }
    return templates.TemplateResponse(request, "queue.html", context)


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    user: UiUser,
    conn: Conn,
    q: str | None = None,
    entity: str | None = None,
    kind: str | None = None,
) -> HTMLResponse:
    after = cursor.decode_advert_cursor("risk", request.query_params.get("cursor"))
    filters = aq.AdvertFilter(q=q or None, entity=entity or None, kind=kind or None)
    rows = aq.search(conn, filters, after=after, limit=51)
    page = rows[:50]
    next_cursor = (
        cursor.advert_cursor("risk", page[-1].risk_score, page[-1].id) if len(rows) > 50 else None
    )
    next_query = urlencode(
        {
            k: v
            for k, v in {"q": q, "entity": entity, "kind": kind, "cursor": next_cursor}.items()
            if v
        }
    )
    context = {
        "user": user,
        "items": page,
        "q": q,
        "entity": entity,
        "kind": kind,
        "next_cursor": next_cursor,
        "next_query": next_query,
    }
    return templates.TemplateResponse(request, "search.html", context)


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard_page(request: Request, user: UiUser, conn: Conn, days: int = 30) -> HTMLResponse:
    days = max(2, min(days, 365))
    today = datetime.now(UTC).date()
    context = {
        "user": user,
        "totals": aq.totals(conn),
        "by_kind": charts.line_chart(
            "Flagged adverts per day, by kind", aq.flagged_series(conn, "kind", days), days, today
        ),
        "by_site": charts.line_chart(
            "Flagged adverts per day, by site", aq.flagged_series(conn, "site", days), days, today
        ),
    }
    return templates.TemplateResponse(request, "dashboard.html", context)

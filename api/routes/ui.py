"""Review UI pages: login, queue, search, dashboard (server-rendered, htmx for small swaps)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from api import auditing, auth_guard, charts, cursor, sessions
from api.clean import NO_NUL
from api.deps import ANALYSTS, Conn, Principal, SettingsDep, UiPostUser, UiUser
from api.templating import templates
from store import advert_queries as aq
from store import api_keys, review, sharing, ui_sessions

router = APIRouter(include_in_schema=False)
# A pasted key: NUL (which PostgreSQL refuses) is a 422 here, not a 500 in the key lookup.
LoginKey = Annotated[str, Form(max_length=500, pattern=NO_NUL)]


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request) -> HTMLResponse:
    return templates.TemplateResponse(request, "login.html", {"user": None})


@router.post("/login", response_model=None)
def login(request: Request, conn: Conn, settings: SettingsDep, key: LoginKey) -> Response:
    """Check the pasted key and start a session; the cookie carries the session's random id,
    never the key (api.sessions)."""
    auth_guard.refuse_if_locked(request, conn, key.strip())
    found = api_keys.verify_key(conn, key.strip())
    if found is None:
        auth_guard.record_wrong_key(request, conn, key.strip(), via="ui-login")
    if found is None or found.role not in ANALYSTS:
        error = (
            "That key is not a valid analyst key."
            if found is None
            else ("Only analyst and admin keys can use the review UI.")
        )
        return templates.TemplateResponse(
            request, "login.html", {"user": None, "error": error}, status_code=401
        )
    row_id, session_id = ui_sessions.create_session(conn, found.id, sessions.lifetime(settings))
    detail = {"client_addr": auth_guard.client_address(request)}
    auditing.record(conn, Principal.of_key(found), "ui_login", "ui_session", row_id, detail)
    response = RedirectResponse("/queue", status_code=303)
    sessions.set_session_cookie(response, request, settings, session_id)
    return response


@router.post("/logout")
def logout(user: UiPostUser, conn: Conn) -> RedirectResponse:
    """End the session on the server too, so a copy of the cookie stops working as well."""
    if user.session_row_id is not None and ui_sessions.revoke_session(conn, user.session_row_id):
        auditing.record(conn, user, "ui_logout", "ui_session", user.session_row_id)
    response = RedirectResponse("/login", status_code=303)
    sessions.clear_session_cookies(response)
    return response


@router.get("/")
def index(user: UiUser) -> RedirectResponse:
    return RedirectResponse("/queue", status_code=303)


@router.get("/queue", response_class=HTMLResponse)
def queue_page(
    request: Request, user: UiUser, conn: Conn, decided: int | None = None
) -> HTMLResponse:
    items = review.queue(conn, user.key_id, 100)
    auditing.record(conn, user, "read_queue", "queue", detail={"items": len(items), "via": "ui"})
    context = {
        "user": user,
        "items": items,
        "decided": decided,
        "open_count": review.open_count(conn),
        "awaiting": sharing.awaiting_list(conn, 50),
    }
    return templates.TemplateResponse(request, "queue.html", context)


def _search_results(
    request: Request, user: Principal, conn: Conn, fields: dict[str, str | None]
) -> tuple[HTMLResponse, int]:
    """The results page and how many adverts it lists."""
    after = cursor.decode_advert_cursor("risk", fields.get("cursor"))
    filters = aq.AdvertFilter(
        q=fields["q"] or None, entity=fields["entity"] or None, kind=fields["kind"] or None
    )
    rows = aq.search(conn, filters, after=after, limit=51)
    page = rows[:50]
    next_cursor = (
        cursor.advert_cursor("risk", page[-1].risk_score, page[-1].id) if len(rows) > 50 else None
    )
    context = {"user": user, "items": page, "next_cursor": next_cursor, **fields}
    return templates.TemplateResponse(request, "search.html", context), len(page)


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    user: UiUser,
    conn: Conn,
    q: str | None = None,
    kind: str | None = None,
    entity: str | None = None,
) -> HTMLResponse:
    """Words and kind only: the form posts contact searches, which never go in a URL."""
    if entity:
        raise HTTPException(400, "contact searches are sent by the search form, not in a URL")
    fields = {"q": q, "entity": None, "kind": kind, "cursor": request.query_params.get("cursor")}
    return _search_results(request, user, conn, fields)[0]


@router.post("/search", response_class=HTMLResponse)
def search_post(
    request: Request,
    user: UiPostUser,
    conn: Conn,
    settings: SettingsDep,
    q: Annotated[str, Form(max_length=1_000)] = "",
    entity: Annotated[str, Form(max_length=1_000)] = "",
    kind: Annotated[str, Form(max_length=20)] = "",
    cursor_: Annotated[str, Form(alias="cursor", max_length=200)] = "",
) -> HTMLResponse:
    """The search form: a contact search is audited by kind, keyed hash and result count."""
    fields = {"q": q, "entity": entity, "kind": kind, "cursor": cursor_ or None}
    response, found = _search_results(request, user, conn, fields)
    if entity.strip():
        secret = settings.hash_secret.get_secret_value()
        detail = auditing.contact_search_detail(secret, entity, found, "ui")
        auditing.record(conn, user, "search_contacts", "advert", detail=detail)
    return response


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

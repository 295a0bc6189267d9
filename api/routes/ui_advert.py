"""Review UI for one advert: highlighted spans, links, versions; claim, decide, note."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from api import auditing, sharing
from api.clean import NO_NUL
from api.deps import Conn, PathId, Principal, SettingsDep, UiPostUser, UiUser
from api.detail import load_detail
from api.highlight import segments
from api.templating import templates
from config.settings import Settings
from store import image_index, review, review_sharing, reviewer_settings
from store import sharing as store_sharing

router = APIRouter(include_in_schema=False)


def _panel_or_page(
    request: Request,
    conn: Conn,
    settings: Settings,
    user: Principal,
    advert_id: int,
    error: str | None = None,
) -> Response:
    """htmx requests get the review panel back; plain form posts go to the advert page."""
    if request.headers.get("hx-request") != "true":
        return RedirectResponse(f"/adverts/{advert_id}", status_code=303)
    detail = load_detail(conn, advert_id, user, via="ui-panel")
    if detail is None:
        raise HTTPException(404, "no such advert")
    context = {
        "user": user,
        "a": detail,
        "review": detail.review,
        "error": error,
        "now": datetime.now(UTC),
        **_sharing_context(conn, settings, advert_id),
    }
    return templates.TemplateResponse(request, "_review_panel.html", context)


def _sharing_context(conn: Conn, settings: Settings, advert_id: int) -> dict[str, object]:
    """What the sharing box shows (the standing proposal, or whether partners see the item),
    and the choices a confirmation offers: fewer groups, a stricter TLP."""
    default_tlp = settings.sharing_default_tlp
    return {
        "proposal": store_sharing.awaiting(conn, advert_id),
        "shared": store_sharing.shared_confirmation(conn, advert_id) is not None,
        "share_groups": settings.sharing_group_names,
        "share_tlps": store_sharing.TLP_LEVELS[store_sharing.TLP_LEVELS.index(default_tlp) :],
    }


@router.get("/adverts/{advert_id}", response_class=HTMLResponse)
def advert_page(
    request: Request, advert_id: PathId, user: UiUser, conn: Conn, settings: SettingsDep
) -> HTMLResponse:
    detail = load_detail(conn, advert_id, user, via="ui")
    if detail is None:
        raise HTTPException(404, "no such advert")
    hits = [h.model_dump() for h in detail.score.indicator_hits] if detail.score else []
    context = {
        "user": user,
        "a": detail,
        "review": detail.review,
        "now": datetime.now(UTC),
        **_sharing_context(conn, settings, advert_id),
        "images": image_index.images_of_advert(conn, advert_id),
        "unblurred": reviewer_settings.images_unblurred(conn, user.key_id),
        "here": request.url.path,
        "title_segments": segments(detail.title, hits, "title"),
        "body_segments": segments(detail.body, hits, "body"),
    }
    return templates.TemplateResponse(request, "advert.html", context)


@router.post("/adverts/{advert_id}/claim", response_model=None)
def claim(
    request: Request, advert_id: PathId, user: UiPostUser, conn: Conn, settings: SettingsDep
) -> Response:
    try:
        with conn.transaction():
            review.claim(conn, advert_id, user.key_id, settings.claim_minutes)
            auditing.record(conn, user, "claim", "advert", advert_id, {"via": "ui"})
    except review.AdvertNotFound as exc:
        raise HTTPException(404, "no such advert") from exc
    except review.ReviewConflict as exc:
        raise HTTPException(409, str(exc)) from exc
    return _panel_or_page(request, conn, settings, user, advert_id)


@router.post("/adverts/{advert_id}/release", response_model=None)
def release(
    request: Request, advert_id: PathId, user: UiPostUser, conn: Conn, settings: SettingsDep
) -> Response:
    with conn.transaction():
        if review.release(conn, advert_id, user.key_id):
            auditing.record(conn, user, "release", "advert", advert_id, {"via": "ui"})
    return _panel_or_page(request, conn, settings, user, advert_id)


@router.post("/adverts/{advert_id}/decide")
def decide(
    advert_id: PathId,
    user: UiPostUser,
    conn: Conn,
    settings: SettingsDep,
    decision: Annotated[Literal["confirmed", "dismissed", "escalated"], Form()],
    note: Annotated[str, Form(max_length=10_000, pattern=NO_NUL)] = "",
    groups: Annotated[list[str] | None, Form()] = None,
    tlp: Annotated[Literal["clear", "green", "amber", "red"] | None, Form()] = None,
) -> RedirectResponse:
    """Record the decision and go back to the queue, where the next item is on top."""
    terms = sharing.terms_for(settings, groups, tlp)
    sharing.decide(conn, settings, user, advert_id, decision, note, terms)
    return RedirectResponse(f"/queue?decided={advert_id}", status_code=303)


@router.post("/adverts/{advert_id}/sharing/{step}")
def resolve_sharing(
    advert_id: PathId,
    step: Literal["agree", "disagree", "withdraw"],
    user: UiPostUser,
    conn: Conn,
    note: Annotated[str, Form(max_length=10_000)] = "",
) -> RedirectResponse:
    """The second analyst agrees or disagrees; the confirming analyst may withdraw."""
    if step == "disagree" and not note.strip():
        raise HTTPException(422, "say why you disagree: the note goes back to review")
    with sharing.http_errors():
        if step == "agree":
            review_sharing.agree(conn, advert_id, actor_id=user.key_id, actor=user.actor, note=note)
        elif step == "disagree":
            review_sharing.disagree(
                conn, advert_id, actor_id=user.key_id, actor=user.actor, note=note
            )
        else:
            review_sharing.withdraw(
                conn,
                advert_id,
                actor_id=user.key_id,
                actor=user.actor,
                is_admin=user.role == "admin",
                note=note,
            )
    return RedirectResponse(f"/adverts/{advert_id}", status_code=303)


@router.post("/adverts/{advert_id}/notes")
def add_note(
    advert_id: PathId,
    user: UiPostUser,
    conn: Conn,
    body: Annotated[str, Form(min_length=1, max_length=10_000, pattern=NO_NUL)],
) -> RedirectResponse:
    try:
        review.add_note(conn, advert_id, actor_id=user.key_id, actor=user.actor, body=body)
    except review.AdvertNotFound as exc:
        raise HTTPException(404, "no such advert") from exc
    return RedirectResponse(f"/adverts/{advert_id}", status_code=303)

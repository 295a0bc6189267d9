"""Review UI for advert photos: the bytes (authenticated, audited), "adverts with this photo",
search by uploaded photo or PDQ hash, and the reviewer's blur setting."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse

from api import auditing, images
from api.deps import Conn, PathId, PdqIndex, Principal, SettingsDep, UiPostUser, UiUser
from api.templating import templates
from linking.pdq import normalise
from linking.pdq_hashing import hash_image
from store import image_index, reviewer_settings

router = APIRouter(include_in_schema=False)
SEARCH_PATH = "/images/search"


# Before /images/{image_id}, which would take "search" for an id.
@router.get(SEARCH_PATH, response_class=HTMLResponse)
def image_search_page(request: Request, user: UiUser, conn: Conn) -> HTMLResponse:
    return _page(request, conn, user, {"matches": [], "searched": False})


@router.get("/images/{image_id}", response_class=FileResponse)
def image_bytes(image_id: PathId, user: UiUser, conn: Conn, settings: SettingsDep) -> FileResponse:
    """One photo's bytes, typed by its stored media type (never SVG); each view is audited."""
    stored = image_index.image(conn, image_id)
    path = images.image_path(settings, stored) if stored is not None else None
    if stored is None or path is None:
        raise HTTPException(404, "no such image, or its bytes are not kept")
    auditing.record(conn, user, "read_image", "image", image_id, {"via": "ui"})
    return FileResponse(
        path, media_type=stored.media_type, headers={"Content-Disposition": "inline"}
    )


def _page(
    request: Request, conn: Conn, user: Principal, context: dict[str, object]
) -> HTMLResponse:
    base = {
        "user": user,
        "unblurred": reviewer_settings.images_unblurred(conn, user.key_id),
        "here": request.url.path,
    }
    return templates.TemplateResponse(request, "images.html", {**base, **context})


@router.get("/images/{image_id}/adverts", response_class=HTMLResponse)
def adverts_with_photo(
    request: Request,
    image_id: PathId,
    user: UiUser,
    conn: Conn,
    settings: SettingsDep,
    warm: PdqIndex,
) -> HTMLResponse:
    """Every advert showing this photo or one within the match distance of it."""
    stored = image_index.image(conn, image_id)
    if stored is None:
        raise HTTPException(404, "no such image")
    found = images.matches(conn, settings, stored.pdq, warm) if stored.pdq else []
    if not any(m.image.id == image_id for m in found):  # too flat to match: itself only
        exact = image_index.adverts_showing(conn, [image_id])
        found.insert(0, images.Match(stored, 0, exact))
    detail = {"via": "ui", "image": image_id, "results": len(found)}
    auditing.record(conn, user, "search_images", "image", image_id, detail)
    return _page(request, conn, user, {"source": stored, "matches": found, "searched": True})


@router.post(SEARCH_PATH, response_class=HTMLResponse)
async def image_search(
    request: Request,
    user: UiPostUser,
    conn: Conn,
    settings: SettingsDep,
    warm: PdqIndex,
    photo: Annotated[UploadFile | None, File()] = None,
    pdq: Annotated[str, Form(max_length=200)] = "",
) -> HTMLResponse:
    """Hash an uploaded photo here (never stored) or take a PDQ hash, and list matches."""
    try:
        if photo is not None and photo.filename:
            query, quality = hash_image(await photo.read())
        else:
            query, quality = normalise(pdq), None
    except ValueError as exc:
        context = {"matches": [], "searched": False, "error": str(exc), "pdq": pdq}
        return _page(request, conn, user, context)
    found = images.matches(conn, settings, query, warm)
    detail = {"via": "ui", "by": "upload" if quality is not None else "pdq", "results": len(found)}
    auditing.record(conn, user, "search_images", "image", detail=detail)
    context = {"matches": found, "searched": True, "pdq": query, "quality": quality}
    return _page(request, conn, user, context)


@router.post("/settings/images")
def set_blur(
    user: UiPostUser,
    conn: Conn,
    unblurred: Annotated[bool, Form()],
    back: Annotated[str, Form(max_length=500, pattern=r"^(/[\w\-]+)+$")] = "/queue",
) -> RedirectResponse:
    """The reviewer's own choice, kept for their key; back to the page it was made on."""
    with conn.transaction():
        reviewer_settings.set_images_unblurred(conn, user.key_id, unblurred)
        auditing.record(
            conn, user, "set_images_unblurred", "api_key", user.key_id, {"unblurred": unblurred}
        )
    return RedirectResponse(back, status_code=303)

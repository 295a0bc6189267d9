"""Analyst JSON API: search, detail, decisions, notes, dashboard figures."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request

from api import auditing, cursor, export_files, heavy, openapi_docs, schemas, sharing
from api.deps import AnalystUser, Conn, PathId, SettingsDep
from api.detail import load_detail
from api.evidence import write_evidence
from store import advert_queries as aq
from store import review

router = APIRouter(prefix="/api/v1", tags=["analyst"])


def _search_page(conn: Conn, search: schemas.AdvertSearchIn) -> schemas.AdvertPage:
    filters = aq.AdvertFilter(
        **search.model_dump(exclude={"order", "cursor", "limit"}),
    )
    after = cursor.decode_advert_cursor(search.order, search.cursor)
    rows = aq.search(conn, filters, order=search.order, after=after, limit=search.limit + 1)
    page, more = rows[: search.limit], len(rows) > search.limit
    next_cursor = (
        cursor.advert_cursor(search.order, page[-1].risk_score, page[-1].id) if more else None
    )
    items = [schemas.AdvertSummaryOut.model_validate(r) for r in page]
    return schemas.AdvertPage(items=items, next_cursor=next_cursor)


@router.get("/adverts", response_model=schemas.AdvertPage)
def list_adverts(
    user: AnalystUser,
    conn: Conn,
    kind: Literal["job", "bridal", "escort"] | None = None,
    band: Literal["low", "medium", "high"] | None = None,
    score_min: Annotated[float | None, Query(ge=0, le=1)] = None,
    score_max: Annotated[float | None, Query(ge=0, le=1)] = None,
    indicator: str | None = None,
    site: str | None = None,
    language: str | None = None,
    status: Literal["active", "removed"] | None = None,
    flagged: bool | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    entity: Annotated[str | None, Query(include_in_schema=False)] = None,
    q: Annotated[str | None, Query(description="full-text search (websearch syntax)")] = None,
    order: Literal["risk", "id"] = "risk",
    cursor_: Annotated[str | None, Query(alias="cursor")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> schemas.AdvertPage:
    """Adverts matching every given filter, riskiest first (or by id), one page at a time.

    Contact searches go to POST /api/v1/adverts/search."""
    if entity is not None:
        raise HTTPException(
            400, "search contacts with POST /api/v1/adverts/search: never put them in a URL"
        )
    search = schemas.AdvertSearchIn(
        kind=kind,
        band=band,
        score_min=score_min,
        score_max=score_max,
        indicator=indicator,
        site=site,
        language=language,
        status=status,
        flagged=flagged,
        since=since,
        until=until,
        q=q,
        order=order,
        cursor=cursor_,
        limit=limit,
    )
    return _search_page(conn, search)


@router.post("/adverts/search", response_model=schemas.AdvertPage)
def search_adverts(
    body: schemas.AdvertSearchIn, user: AnalystUser, conn: Conn, settings: SettingsDep
) -> schemas.AdvertPage:
    """GET /adverts's filters and `entity` (a contact) in the body; contact searches are
    audited by kind, keyed hash and result count, never the value."""
    page = _search_page(conn, body)
    if body.entity:
        secret = settings.hash_secret.get_secret_value()
        detail = auditing.contact_search_detail(secret, body.entity, len(page.items), "api")
        auditing.record(conn, user, "search_contacts", "advert", detail=detail)
    return page


@router.get("/adverts/{advert_id}", response_model=schemas.AdvertDetailOut)
def get_advert(advert_id: PathId, user: AnalystUser, conn: Conn) -> schemas.AdvertDetailOut:
    """One advert: indicator spans, entities, versions (snapshot SHA-256), cluster, links."""
    detail = load_detail(conn, advert_id, user, via="api")
    if detail is None:
        raise HTTPException(404, "no such advert")
    return detail


@router.post("/adverts/{advert_id}/decision", response_model=schemas.DecisionOut, status_code=201)
def decide(
    advert_id: PathId,
    body: schemas.DecisionIn,
    user: AnalystUser,
    conn: Conn,
    settings: SettingsDep,
) -> schemas.DecisionOut:
    """Decide on an item you claimed (or an unclaimed one). Confirming shares it with the
    partners in its sharing groups, once a second analyst agrees where the two-person rule
    is on; retracting a shared item takes the analyst who confirmed it, or an admin."""
    terms = sharing.terms_for(settings, body.groups, body.tlp)
    row = sharing.decide(conn, settings, user, advert_id, body.decision, body.note, terms)
    return schemas.DecisionOut.model_validate(row)


@router.post("/adverts/{advert_id}/notes", response_model=schemas.NoteOut, status_code=201)
def add_note(
    advert_id: PathId, body: schemas.NoteIn, user: AnalystUser, conn: Conn
) -> schemas.NoteOut:
    try:
        note = review.add_note(
            conn, advert_id, actor_id=user.key_id, actor=user.actor, body=body.body
        )
    except review.AdvertNotFound as exc:
        raise HTTPException(404, "no such advert") from exc
    return schemas.NoteOut.model_validate(note)


@router.get("/dashboard", response_model=schemas.DashboardOut)
def dashboard(
    user: AnalystUser, conn: Conn, days: Annotated[int, Query(ge=1, le=365)] = 30
) -> schemas.DashboardOut:
    """Headline counts and flagged adverts per day by kind and by site."""

    def series(by: str) -> list[dict[str, object]]:
        return [
            {"day": p.day.date().isoformat(), "key": p.key, "count": p.count}
            for p in aq.flagged_series(conn, by, days)
        ]

    return schemas.DashboardOut(
        totals=aq.totals(conn), by_kind=series("kind"), by_site=series("site")
    )


@router.get(
    "/adverts/{advert_id}/evidence.zip",
    response_class=heavy.HeldFileResponse,
    status_code=200,
    responses=openapi_docs.file_response("application/zip", "the evidence package"),
)
def evidence(
    advert_id: PathId, user: AnalystUser, conn: Conn, settings: SettingsDep, request: Request
) -> heavy.HeldFileResponse:
    """A ZIP with every snapshot (gunzipped), texts, scores, decisions, notes and a manifest.

    Built whole into the data directory first, then sent from disk, so a slow reader holds no
    database connection (POST /api/v1/exports builds it in the background instead)."""
    if aq.advert(conn, advert_id) is None:
        raise HTTPException(404, "no such advert")
    slot = heavy.take_slot(request, user)
    with slot:
        with conn.transaction():  # committed before the first byte is sent
            auditing.record(conn, user, "export_evidence", "advert", advert_id)
        built = export_files.spool(
            settings, "zip", lambda out: write_evidence(conn, advert_id, user.actor, out)
        )
        return heavy.HeldFileResponse(
            built.path,
            slot,
            remove_after=True,
            media_type="application/zip",
            filename=f"advert-{advert_id}-evidence.zip",
        )

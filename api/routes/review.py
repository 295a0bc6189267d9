"""Review queue: open items by risk, expiring claims."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from api import auditing, schemas
from api.deps import AnalystUser, Conn, PathId, SettingsDep
from store import review

router = APIRouter(prefix="/api/v1/queue", tags=["analyst"])


@router.get("", response_model=list[schemas.QueueItemOut])
def get_queue(
    user: AnalystUser, conn: Conn, limit: Annotated[int, Query(ge=1, le=500)] = 50
) -> list[schemas.QueueItemOut]:
    """Open items, riskiest first; items claimed by others are hidden until the claim expires."""
    items = review.queue(conn, user.key_id, limit)
    auditing.record(conn, user, "read_queue", "queue", detail={"items": len(items), "via": "api"})
    return [schemas.QueueItemOut.model_validate(i) for i in items]


@router.post("/{advert_id}/claim", response_model=schemas.ClaimOut)
def claim(
    advert_id: PathId, user: AnalystUser, conn: Conn, settings: SettingsDep
) -> schemas.ClaimOut:
    """Claim (or renew) an item for settings.claim_minutes; 409 while another analyst holds it."""
    try:
        with conn.transaction():
            row = review.claim(conn, advert_id, user.key_id, settings.claim_minutes)
            auditing.record(conn, user, "claim", "advert", advert_id, {"via": "api"})
    except review.AdvertNotFound as exc:
        raise HTTPException(404, "no such advert") from exc
    except review.ReviewConflict as exc:
        raise HTTPException(409, str(exc)) from exc
    return schemas.ClaimOut.model_validate(row)


@router.post("/{advert_id}/release", status_code=204)
def release(advert_id: PathId, user: AnalystUser, conn: Conn) -> None:
    with conn.transaction():
        released = review.release(conn, advert_id, user.key_id)
        if released:
            auditing.record(conn, user, "release", "advert", advert_id, {"via": "api"})
    if not released:
        raise HTTPException(409, "you hold no claim on this item")

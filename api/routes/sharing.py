"""Two-person rule: confirmations awaiting a second analyst, and agree / disagree / withdraw."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from pydantic import BaseModel, Field

from api.deps import AnalystUser, Conn, PathId
from api.schemas import In, Out
from api.sharing import http_errors
from store import advert_queries as aq
from store import review_sharing, sharing

router = APIRouter(prefix="/api/v1", tags=["sharing"])


class ProposalOut(Out):
    id: int
    advert_id: int
    decision_id: int
    proposed_by: int | None
    proposer: str | None
    groups: list[str]
    tlp: str
    state: str = Field(description="awaiting, shared, withdrawn or disagreed")
    resolved_by: int | None
    resolver: str | None
    resolution_note: str
    created_at: datetime
    resolved_at: datetime | None


class SharingStateOut(BaseModel):
    advert_id: int
    shared: bool = Field(description="whether partners now see the item as confirmed")
    awaiting_second_analyst: bool
    proposal: ProposalOut | None = Field(description="the latest proposal, if any")


class AgreeOut(BaseModel):
    advert_id: int
    feed_seq: int


class ResolveIn(In):
    note: str = Field(default="", max_length=10_000)


class DisagreeIn(In):
    note: str = Field(min_length=1, max_length=10_000, description="why, for the review queue")


@router.get("/sharing/awaiting", response_model=list[ProposalOut])
def awaiting(
    user: AnalystUser, conn: Conn, limit: Annotated[int, Query(ge=1, le=500)] = 100
) -> list[ProposalOut]:
    """Confirmations waiting for a second analyst, oldest first."""
    return [ProposalOut.model_validate(p) for p in sharing.awaiting_list(conn, limit)]


@router.get("/adverts/{advert_id}/sharing", response_model=SharingStateOut)
def sharing_state(advert_id: PathId, user: AnalystUser, conn: Conn) -> SharingStateOut:
    if aq.advert(conn, advert_id) is None:
        raise HTTPException(404, "no such advert")
    latest = sharing.latest_proposal(conn, advert_id)
    return SharingStateOut(
        advert_id=advert_id,
        shared=sharing.shared_confirmation(conn, advert_id) is not None,
        awaiting_second_analyst=latest is not None and latest.state == "awaiting",
        proposal=ProposalOut.model_validate(latest) if latest else None,
    )


@router.post("/adverts/{advert_id}/sharing/agree", response_model=AgreeOut)
def agree(advert_id: PathId, body: ResolveIn, user: AnalystUser, conn: Conn) -> AgreeOut:
    """A second analyst (another key, another holder) agrees: the item is shared now."""
    with http_errors():
        seq = review_sharing.agree(
            conn, advert_id, actor_id=user.key_id, actor=user.actor, note=body.note
        )
    return AgreeOut(advert_id=advert_id, feed_seq=seq)


@router.post("/adverts/{advert_id}/sharing/disagree", status_code=204)
def disagree(advert_id: PathId, body: DisagreeIn, user: AnalystUser, conn: Conn) -> None:
    """A second analyst disagrees: nothing is shared; the item returns to review with the note."""
    with http_errors():
        review_sharing.disagree(
            conn, advert_id, actor_id=user.key_id, actor=user.actor, note=body.note
        )


@router.post("/adverts/{advert_id}/sharing/withdraw", status_code=204)
def withdraw(advert_id: PathId, body: ResolveIn, user: AnalystUser, conn: Conn) -> None:
    """The confirming analyst (or an admin) withdraws the confirmation before it is shared."""
    with http_errors():
        review_sharing.withdraw(
            conn,
            advert_id,
            actor_id=user.key_id,
            actor=user.actor,
            is_admin=user.role == "admin",
            note=body.note,
        )

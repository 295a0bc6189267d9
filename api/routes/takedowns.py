"""Partner takedown reports: an append-only history, idempotent when retried.

A partner's HTTP client may send a report again after a timeout; with the same
`Idempotency-Key` header the first answer comes back instead of a second report. The same key
with a different request is a client bug, refused with 409 rather than guessed at.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Header, HTTPException, Response
from pydantic import AwareDatetime, Field, field_validator

from api import auditing
from api.deps import Conn, PartnerUser, PathId, Principal, TakedownReader
from api.routes.partner import active_partner, shared_advert
from api.schemas import In, Out
from share.deid import redact_url
from store import takedowns

router = APIRouter(prefix="/api/v1", tags=["partner"])
_EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)

IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=200,
        pattern=r"^[\x21-\x7e]+$",
        description="any printable token; a retry with the same key and body is answered "
        "with the first report, the same key with another body is a 409",
    ),
]


class TakedownIn(In):
    ticket_ref: str = Field(
        default="", max_length=200, description="the partner's own ticket or case reference"
    )
    removed_at: AwareDatetime | None = Field(
        default=None,
        description="when the partner removed the content (with a time zone; not in the future)",
    )
    note: str = Field(default="", max_length=2_000)

    @field_validator("removed_at")
    @classmethod
    def _plausible(cls, value: datetime | None) -> datetime | None:
        # a little slack for clocks that run ahead; beyond it the time is a mistake, and
        # before 2000 it is one too (and year 1 in +14:00 lies BC, which Python cannot load)
        if value is not None and value > datetime.now(UTC) + timedelta(minutes=5):
            raise ValueError("removed_at lies in the future")
        if value is not None and value < _EARLIEST:
            raise ValueError("removed_at lies before 2000")
        return value


class TakedownOut(Out):
    """One report. Time to removal runs from when the advert was first shared to its removal:
    the partner's `partner_removed_at` when given, else when adwatch saw it gone;
    `confirmed_at` is set once a re-crawl saw the page answer 404 or 410."""

    id: int
    advert_id: int
    partner: str
    url: str
    reported_at: datetime
    ticket_ref: str
    partner_removed_at: datetime | None
    note: str
    shared_at: datetime | None
    removed_at: datetime | None
    seconds_to_removal: float | None
    confirmed_at: datetime | None


def _request_hash(advert_id: int, body: TakedownIn) -> str:
    canonical = json.dumps(
        {"advert_id": advert_id, **body.model_dump(mode="json")}, sort_keys=True
    ).encode()
    return hashlib.sha256(canonical).hexdigest()


@router.post("/adverts/{advert_id}/takedown", response_model=TakedownOut, status_code=201)
def report_takedown(
    advert_id: PathId,
    body: TakedownIn,
    user: PartnerUser,
    conn: Conn,
    response: Response,
    idempotency_key: IdempotencyKey = None,
) -> TakedownOut:
    """Report that the partner removed (or asked to remove) the advert; each report is kept."""
    partner = active_partner(conn, user)
    shared_advert(conn, advert_id, partner.id)
    new = takedowns.NewReport(
        partner.id,
        advert_id,
        body.ticket_ref,
        body.removed_at,
        body.note,
        idempotency_key,
        _request_hash(advert_id, body) if idempotency_key else None,
    )
    with conn.transaction():
        done = takedowns.report(conn, new)
        if not done.same_request:
            raise HTTPException(409, "this Idempotency-Key was used for another request")
        if done.created:
            detail = {"takedown": done.takedown.id, "ticket": bool(body.ticket_ref)}
            auditing.record(conn, user, "report_takedown", "advert", advert_id, detail)
    if not done.created:
        response.headers["Idempotent-Replayed"] = "true"
    return _out(done.takedown, "partner")


@router.get("/takedowns", response_model=list[TakedownOut])
def list_takedowns(user: TakedownReader, conn: Conn) -> list[TakedownOut]:
    """The latest reports with time to removal. Partners see their own; analysts see all."""
    partner_id = _reader_partner(conn, user)
    rows = takedowns.latest(conn, partner_id)
    auditing.record(conn, user, "read_takedowns", "takedown", partner_id, {"rows": len(rows)})
    return [_out(t, user.role) for t in rows]


@router.get("/takedowns/{advert_id}", response_model=list[TakedownOut])
def takedown_history(advert_id: PathId, user: TakedownReader, conn: Conn) -> list[TakedownOut]:
    """Every report on one advert, oldest first. Partners see their own reports on adverts
    shared with them; analysts and admins see every partner's."""
    partner_id = _reader_partner(conn, user)
    if partner_id is not None:
        shared_advert(conn, advert_id, partner_id)
    elif not takedowns.advert_exists(conn, advert_id):
        raise HTTPException(404, "no such advert")
    rows = takedowns.history(conn, advert_id, partner_id)
    auditing.record(conn, user, "read_takedown_history", "advert", advert_id, {"rows": len(rows)})
    return [_out(t, user.role) for t in rows]


def _reader_partner(conn: Conn, user: Principal) -> int | None:
    return active_partner(conn, user).id if user.role == "partner" else None


def _out(row: takedowns.Takedown, role: str) -> TakedownOut:
    """Partners get the advert URL as the feed gives it, names in the slug replaced."""
    out = TakedownOut.model_validate(row)
    return out if role != "partner" else out.model_copy(update={"url": redact_url(out.url)})

"""Partner API: the confirmed-items feed, acknowledgements, opinions, takedowns, webhooks."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request

from api import auditing, cursor, export_files, heavy, schemas
from api.deps import Conn, PartnerUser, PathId, Principal, SettingsDep, TakedownReader
from share import feed_format
from share.deid import redact_url
from share.webhook_policy import WebhookPolicy
from store import feed, partners, sharing_groups, webhook_deliveries

router = APIRouter(prefix="/api/v1", tags=["partner"])

_MEDIA = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "stix": "application/stix+json;version=2.1",
}


def _partner(conn: Conn, user: Principal) -> partners.Partner:
    partner = partners.get_partner(conn, user.partner_id) if user.partner_id else None
    if partner is None or not partner.active:
        raise HTTPException(403, "this key belongs to no active partner")
    return partner


@router.get("/feed", response_class=heavy.HeldFileResponse, status_code=200)
def get_feed(
    user: PartnerUser,
    conn: Conn,
    settings: SettingsDep,
    request: Request,
    cursor_: Annotated[
        str | None, Query(alias="cursor", description="next_cursor / last seq")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 500,
    format: Literal["json", "csv", "stix"] = "json",
) -> heavy.HeldFileResponse:
    """Confirmed items and retractions shared with one of the partner's sharing groups, in
    seq order, after `cursor`; each item carries its own TLP. The page is written to the
    data directory first and sent from there, so a slow reader holds no database connection."""
    secret = settings.hash_secret.get_secret_value()
    if not secret:
        raise HTTPException(
            503,
            "the feed is disabled: ADWATCH_HASH_SECRET is not set, and contacts are only "
            "shared as keyed hashes",
        )
    partner, after = _partner(conn, user), cursor.feed_cursor(cursor_)
    slot = heavy.take_slot(request, user)
    with slot:
        with conn.transaction():
            auditing.record(
                conn, user, "export_feed", "feed", after, {"limit": limit, "format": format}
            )
        group_ids = sharing_groups.partner_group_ids(conn, partner.id)
        rows = feed.read_events(conn, after, limit, group_ids=group_ids)
        built = export_files.spool(
            settings, format, export_files.write_lines(_formatted(rows, format, after, secret))
        )
        return heavy.HeldFileResponse(
            built.path, slot, remove_after=True, media_type=_MEDIA[format]
        )


def _formatted(rows: Iterable[feed.FeedRow], format: str, after: int, secret: str) -> Iterator[str]:
    pairs = ((row, feed_format.feed_item(row, row.tlp, secret)) for row in rows)
    if format == "stix":
        return feed_format.stix_stream(pairs)
    if format == "csv":
        return feed_format.csv_stream(item for _, item in pairs)
    return feed_format.json_stream((item for _, item in pairs), after)


@router.post("/feed/{seq}/ack", status_code=204)
def acknowledge(seq: PathId, user: PartnerUser, conn: Conn) -> None:
    with conn.transaction():
        acknowledged = feed.acknowledge(conn, _partner(conn, user).id, seq)
        if acknowledged:
            auditing.record(conn, user, "ack_feed_event", "feed_event", seq)
    if not acknowledged:
        raise HTTPException(404, "no such feed event")


def _shared_advert(conn: Conn, advert_id: int, partner_id: int) -> None:
    if not feed.is_shared(conn, advert_id, partner_id):
        raise HTTPException(404, "no such advert in the feed")


@router.post("/adverts/{advert_id}/opinion", status_code=204)
def opinion(advert_id: PathId, body: schemas.OpinionIn, user: PartnerUser, conn: Conn) -> None:
    """Send back positive / negative / disputed on a shared item."""
    partner = _partner(conn, user)
    _shared_advert(conn, advert_id, partner.id)
    with conn.transaction():
        feed.set_opinion(conn, partner.id, advert_id, body.opinion, body.comment)
        detail = {"opinion": body.opinion, "comment": bool(body.comment)}
        auditing.record(conn, user, "set_opinion", "advert", advert_id, detail)


@router.post("/adverts/{advert_id}/takedown", response_model=schemas.TakedownOut, status_code=201)
def takedown(
    advert_id: PathId, body: schemas.TakedownIn, user: PartnerUser, conn: Conn
) -> schemas.TakedownOut:
    """Report that the partner removed (or asked to remove) the advert."""
    partner = _partner(conn, user)
    _shared_advert(conn, advert_id, partner.id)
    with conn.transaction():
        row = feed.report_takedown(conn, partner.id, advert_id, body.note)
        auditing.record(conn, user, "report_takedown", "advert", advert_id)
    return _takedown_out(row, "partner")


@router.get("/takedowns", response_model=list[schemas.TakedownOut])
def list_takedowns(user: TakedownReader, conn: Conn) -> list[schemas.TakedownOut]:
    """Reports with time-to-removal (the crawler's removed_at minus the report time).

    Partners see their own reports; analysts see all.
    """
    partner_id = _partner(conn, user).id if user.role == "partner" else None
    rows = feed.takedowns(conn, partner_id)
    auditing.record(conn, user, "read_takedowns", "takedown", partner_id, {"rows": len(rows)})
    return [_takedown_out(t, user.role) for t in rows]


def _takedown_out(row: feed.Takedown, role: str) -> schemas.TakedownOut:
    """Partners get the advert URL as the feed gives it, names in the slug replaced."""
    out = schemas.TakedownOut.model_validate(row)
    return out if role != "partner" else out.model_copy(update={"url": redact_url(out.url)})


@router.put("/partner/webhook", response_model=schemas.WebhookStatusOut, status_code=202)
def set_webhook(
    body: schemas.WebhookIn, user: PartnerUser, conn: Conn, settings: SettingsDep
) -> schemas.WebhookStatusOut:
    """Ask for a new URL to receive each new feed event, signed with `secret`. It takes effect
    once an admin approves it; until then deliveries go to the approved URL, if any."""
    partner = _partner(conn, user)
    problem = WebhookPolicy.from_settings(settings).url_problem(body.url)
    if problem is not None:
        raise HTTPException(422, problem)
    with conn.transaction():
        partners.request_webhook(conn, partner.id, body.url, body.secret)
        # the URL's host only; never the signing secret
        detail = {"host": auditing.url_host(body.url)}
        auditing.record(conn, user, "request_webhook", "partner", partner.id, detail)
    return get_webhook(user, conn)


@router.get("/partner/webhook", response_model=schemas.WebhookStatusOut)
def get_webhook(user: PartnerUser, conn: Conn) -> schemas.WebhookStatusOut:
    """The approved webhook URL and the one awaiting approval, if any."""
    return schemas.WebhookStatusOut.model_validate(_partner(conn, user))


@router.get("/partner/webhook/deliveries", response_model=list[schemas.DeliveryOut])
def deliveries(user: PartnerUser, conn: Conn) -> list[schemas.DeliveryOut]:
    """The delivery log of this partner's webhook (latest first); errors say only what kind
    of failure it was (an HTTP status, or a connection error), never internal addresses."""
    rows = webhook_deliveries.partner_log(conn, _partner(conn, user).id)
    return [schemas.DeliveryOut.model_validate(d) for d in rows]

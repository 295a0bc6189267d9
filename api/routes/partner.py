"""Partner API: the confirmed-items feed, acknowledgements, opinions, webhooks (takedowns are
in api.routes.takedowns)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import StreamingResponse
from psycopg_pool import ConnectionPool

from api import auditing, cursor, openapi_docs, schemas
from api.deps import Conn, PartnerUser, PathId, Pool, Principal, SettingsDep
from share import feed_format, webhooks
from share.webhook_policy import WebhookPolicy
from store import feed, partners, sharing_groups, webhook_deliveries

router = APIRouter(prefix="/api/v1", tags=["partner"])

_MEDIA = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "stix": "application/stix+json;version=2.1",
}


def _rows(
    pool: ConnectionPool[Any], after: int, limit: int, group_ids: list[int]
) -> Iterator[feed.FeedRow]:
    with pool.connection() as conn:
        yield from feed.read_events(conn, after, limit, group_ids=group_ids)


def active_partner(conn: Conn, user: Principal) -> partners.Partner:
    partner = partners.get_partner(conn, user.partner_id) if user.partner_id else None
    if partner is None or not partner.active:
        raise HTTPException(403, "this key belongs to no active partner")
    return partner


@router.get("/feed", response_class=StreamingResponse, responses=openapi_docs.FEED_RESPONSES)
def get_feed(
    user: PartnerUser,
    conn: Conn,
    pool: Pool,
    settings: SettingsDep,
    cursor_: Annotated[
        str | None, Query(alias="cursor", description="next_cursor / last seq")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 500,
    format: Literal["json", "csv", "stix"] = "json",
) -> StreamingResponse:
    """Confirmed items and retractions shared with one of the partner's sharing groups, in
    seq order, after `cursor`, streamed; each item carries its own TLP."""
    secret = settings.hash_secret.get_secret_value()
    if not secret:
        raise HTTPException(
            503,
            "the feed is disabled: ADWATCH_HASH_SECRET is not set, and contacts are only "
            "shared as keyed hashes",
        )
    partner, after = active_partner(conn, user), cursor.feed_cursor(cursor_)
    with conn.transaction():
        auditing.record(
            conn, user, "export_feed", "feed", after, {"limit": limit, "format": format}
        )
    group_ids = sharing_groups.partner_group_ids(conn, partner.id)
    pairs = (
        (row, feed_format.feed_item(row, row.tlp, secret))
        for row in _rows(pool, after, limit, group_ids)
    )
    if format == "stix":
        body: Iterator[str] = feed_format.stix_stream(pairs)
    elif format == "csv":
        body = feed_format.csv_stream(item for _, item in pairs)
    else:
        body = feed_format.json_stream((item for _, item in pairs), after)
    return StreamingResponse(body, media_type=_MEDIA[format])


@router.post("/feed/{seq}/ack", status_code=204)
def acknowledge(seq: PathId, user: PartnerUser, conn: Conn) -> None:
    with conn.transaction():
        acknowledged = feed.acknowledge(conn, active_partner(conn, user).id, seq)
        if acknowledged:
            auditing.record(conn, user, "ack_feed_event", "feed_event", seq)
    if not acknowledged:
        raise HTTPException(404, "no such feed event")


def shared_advert(conn: Conn, advert_id: int, partner_id: int) -> None:
    if not feed.is_shared(conn, advert_id, partner_id):
        raise HTTPException(404, "no such advert in the feed")


@router.post("/adverts/{advert_id}/opinion", status_code=204)
def opinion(advert_id: PathId, body: schemas.OpinionIn, user: PartnerUser, conn: Conn) -> None:
    """Send back positive / negative / disputed on a shared item."""
    partner = active_partner(conn, user)
    shared_advert(conn, advert_id, partner.id)
    with conn.transaction():
        feed.set_opinion(conn, partner.id, advert_id, body.opinion, body.comment)
        detail = {"opinion": body.opinion, "comment": bool(body.comment)}
        auditing.record(conn, user, "set_opinion", "advert", advert_id, detail)


@router.put("/partner/webhook", response_model=schemas.WebhookStatusOut, status_code=202)
def set_webhook(
    body: schemas.WebhookIn, user: PartnerUser, conn: Conn, settings: SettingsDep
) -> schemas.WebhookStatusOut:
    """Ask for a new URL to receive each new feed event, signed with `secret`. It takes effect
    once an admin approves it; until then deliveries go to the approved URL, if any."""
    partner = active_partner(conn, user)
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
    return schemas.WebhookStatusOut.model_validate(active_partner(conn, user))


@router.get("/partner/webhook/deliveries", response_model=list[schemas.DeliveryOut])
def deliveries(user: PartnerUser, conn: Conn) -> list[schemas.DeliveryOut]:
    """The delivery log of this partner's webhook (latest first); errors say only what kind
    of failure it was (an HTTP status, or a connection error), never internal addresses."""
    rows = webhook_deliveries.partner_log(conn, active_partner(conn, user).id)
    return [schemas.DeliveryOut.model_validate(d) for d in rows]


@router.delete("/partner/webhook", status_code=204)
def delete_webhook(user: PartnerUser, conn: Conn) -> None:
    """Stop webhooks: the approved URL and any requested one are dropped, queued deliveries
    cancelled. A new URL needs an admin's approval again."""
    partner = active_partner(conn, user)
    with conn.transaction():
        partners.withdraw_webhook(conn, partner.id, with_pending=True)
        detail = {"host": auditing.url_host(partner.webhook_url)}
        auditing.record(conn, user, "delete_webhook", "partner", partner.id, detail)


@router.post("/partner/webhook/test", response_model=schemas.DeliveryOut)
def test_webhook(user: PartnerUser, conn: Conn, settings: SettingsDep) -> schemas.DeliveryOut:
    """Send a signed test ping to the approved URL now, as a delivery is sent (same
    signature, address rules and transport); logged with the other deliveries."""
    partner = active_partner(conn, user)
    if partner.webhook_url is None:
        raise HTTPException(409, "no approved webhook URL: an admin must approve one first")
    target = webhook_deliveries.Target(partner.webhook_url, partner.webhook_secret or "", "")
    outcome = webhooks.send_test_ping(target, WebhookPolicy.from_settings(settings))
    with conn.transaction():
        delivery_id = webhook_deliveries.record_test_ping(conn, partner.id, outcome)
        detail = {"host": auditing.url_host(partner.webhook_url), "ok": outcome.ok}
        auditing.record(conn, user, "test_webhook", "partner", partner.id, detail)
    log = webhook_deliveries.partner_log(conn, partner.id, limit=20)
    return schemas.DeliveryOut.model_validate(next(d for d in log if d.id == delivery_id))

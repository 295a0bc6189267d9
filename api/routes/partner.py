"""Partner API: the confirmed-items feed, acknowledgements, opinions, webhooks (takedowns are
in api.routes.takedowns)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request

from api import auditing, export_files, feed_pages, heavy, openapi_docs, schemas
from api.deps import Conn, PartnerUser, PathId, Pool, Principal, SettingsDep
from config.settings import Settings
from share import feed_format, webhooks
from share.webhook_policy import WebhookPolicy
from store import feed, partners, webhook_deliveries
from store.feed_query import FeedFilter
from store.feed_render import RenderedRow

router = APIRouter(prefix="/api/v1", tags=["partner"])

_MEDIA = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "stix": "application/stix+json;version=2.1",
}
_SITE_MAX = 200


def active_partner(conn: Conn, user: Principal) -> partners.Partner:
    return feed_pages.partner_of(conn, user)


@router.get(
    "/feed",
    response_class=heavy.HeldFileResponse,
    status_code=200,
    responses=openapi_docs.FEED_RESPONSES,
)
def get_feed(
    user: PartnerUser,
    conn: Conn,
    pool: Pool,
    settings: SettingsDep,
    request: Request,
    cursor_: Annotated[
        str | None, Query(alias="cursor", description="next_cursor of the previous page")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 500,
    format: Literal["json", "csv", "stix"] = "json",
    since: Annotated[datetime | None, Query(description="events added at or after")] = None,
    kind: Literal["job", "bridal", "escort"] | None = None,
    site: Annotated[str | None, Query(min_length=1, max_length=_SITE_MAX)] = None,
) -> heavy.HeldFileResponse:
    """Confirmed items and retractions shared with one of the partner's sharing groups, in
    seq order, after `cursor`; each item carries its own TLP. Every format gives the page's
    cursor and whether more items wait: JSON in the body, CSV and STIX in the X-Next-Cursor /
    X-More headers (and a Link rel="next"). The page is written to the data directory first
    and sent from there, so a slow reader holds no database connection."""
    feed_pages.hash_secret(settings)  # no secret: 503 before anything is read
    active_partner(conn, user)
    after = feed_pages.checked_cursor(conn, cursor_)
    if since is not None and since.tzinfo is None:
        since = since.replace(tzinfo=UTC)  # a time without an offset is UTC, not the server's
    filters = FeedFilter(feed_pages.group_ids(conn, user), since, kind, site)
    slot = heavy.take_slot(request, user)
    with slot:
        detail = {"limit": limit, "format": format, "kind": kind, "site": bool(site)}
        with conn.transaction():
            auditing.record(conn, user, "export_feed", "feed", after, detail)
        page = feed_pages.page(conn, after, limit, filters)
        secret = feed_pages.hash_secret(settings)
        content = "stix" if format == "stix" else "item"
        rows = feed_pages.rows(pool, page, secret, content)
        lines = _formatted(rows, format, page, settings)
        built = export_files.spool(settings, format, export_files.write_lines(lines))
        query = {"limit": limit, "format": format, "since": since, "kind": kind, "site": site}
        headers = page.headers("/api/v1/feed", query)
        return heavy.HeldFileResponse(
            built.path, slot, remove_after=True, media_type=_MEDIA[format], headers=headers
        )


def _formatted(
    rows: Iterable[RenderedRow], format: str, page: feed_pages.Page, settings: Settings
) -> Iterator[str]:
    """Each event's content was rendered once (share.feed_render); a page concatenates it."""
    if format == "stix":
        return feed_format.stix_stream((r.stix_json or "" for r in rows), settings.public_url)
    if format == "csv":
        return feed_format.csv_stream(json.loads(r.item_json or "{}") for r in rows)
    items = (r.item_json or "" for r in rows)
    return feed_format.json_stream(items, page.next_cursor, page.more)


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

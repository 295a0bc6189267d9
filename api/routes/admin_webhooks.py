"""Admin API for partners' webhooks: approving requested URLs, withdrawing approved ones, and
the delivery log with errors in full (partners see only what kind of failure it was).

An approval names the URL the admin reviewed: when the partner has asked for another URL in
the meantime, the approval is refused (409) rather than approving a URL nobody looked at.
"""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, HTTPException
from pydantic import Field

from api import auditing
from api.deps import AdminUser, Conn, PathId, Principal, SettingsDep
from api.schemas import DeliveryOut, In, Out
from share.webhook_policy import WebhookPolicy
from store import partners, webhook_deliveries

router = APIRouter(tags=["admin"])


class PendingWebhookOut(Out):
    partner_id: int
    partner: str
    url: str
    requested_at: datetime
    approved_url: str | None
    active: bool


class WebhookDecisionIn(In):
    url: str = Field(max_length=2_000, description="the pending URL that was reviewed")


class AdminDeliveryOut(DeliveryOut):
    partner_error: str | None = Field(description="what the partner's delivery log says")


class ApprovedWebhookOut(Out):
    id: int
    webhook_url: str | None
    webhook_approved_by: int | None
    webhook_approved_at: datetime | None
    webhook_pending_url: str | None


@router.get("/webhooks/pending", response_model=list[PendingWebhookOut])
def pending(user: AdminUser, conn: Conn) -> list[PendingWebhookOut]:
    """Webhook URLs partners asked for, oldest request first."""
    return [PendingWebhookOut.model_validate(p) for p in partners.pending_webhooks(conn)]


def _audit(conn: Conn, user: Principal, action: str, partner_id: int, url: str | None) -> None:
    # by host, as partners' requests are: no paths or tokens
    auditing.record(conn, user, action, "partner", partner_id, {"host": auditing.url_host(url)})


@router.post("/partners/{partner_id}/webhook/approve", response_model=ApprovedWebhookOut)
def approve(
    partner_id: PathId, body: WebhookDecisionIn, user: AdminUser, conn: Conn, settings: SettingsDep
) -> ApprovedWebhookOut:
    """Deliveries go to the approved URL from now on (checked again at every delivery)."""
    problem = WebhookPolicy.from_settings(settings).url_problem(body.url)
    if problem is not None:
        raise HTTPException(422, problem)
    with conn.transaction():
        approved = partners.approve_webhook(conn, partner_id, body.url, user.key_id)
        if approved is None:
            raise HTTPException(409, "that URL is not this partner's pending webhook URL")
        _audit(conn, user, "approve_webhook", partner_id, body.url)
    return ApprovedWebhookOut.model_validate(approved)


@router.post("/partners/{partner_id}/webhook/reject", status_code=204)
def reject(partner_id: PathId, body: WebhookDecisionIn, user: AdminUser, conn: Conn) -> None:
    """Drop the pending URL; the approved one, if any, stays in use."""
    with conn.transaction():
        if partners.reject_webhook(conn, partner_id, body.url) is None:
            raise HTTPException(409, "that URL is not this partner's pending webhook URL")
        _audit(conn, user, "reject_webhook", partner_id, body.url)


@router.delete("/partners/{partner_id}/webhook", status_code=204)
def withdraw(partner_id: PathId, user: AdminUser, conn: Conn) -> None:
    """Withdraw the approved URL: queued deliveries are cancelled, nothing more is sent."""
    with conn.transaction():
        withdrawn = partners.withdraw_webhook(conn, partner_id)
        if withdrawn is None:
            raise HTTPException(404, "no such partner")
        _audit(conn, user, "withdraw_webhook", partner_id, None)


@router.get("/partners/{partner_id}/webhook/deliveries", response_model=list[AdminDeliveryOut])
def deliveries(partner_id: PathId, user: AdminUser, conn: Conn) -> list[AdminDeliveryOut]:
    """The partner's delivery log with the full error of each failed attempt."""
    rows = webhook_deliveries.admin_log(conn, partner_id)
    return [AdminDeliveryOut.model_validate(d) for d in rows]

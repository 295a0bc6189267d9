"""Admin API: API keys, partners, sites and the audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query
from pydantic import BaseModel, Field

from api import auditing
from api.deps import AdminUser, Conn, PathId
from api.routes import admin_sites, admin_webhooks
from api.schemas import In, Out
from store import api_keys, audit, partners

router = APIRouter(prefix="/api/v1/admin", tags=["admin"])
router.include_router(admin_webhooks.router)
router.include_router(admin_sites.router)
Tlp = Literal["clear", "green", "amber", "red"]


class KeyOut(Out):
    id: int
    name: str
    role: str
    key_prefix: str
    partner_id: int | None
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class KeyIn(In):
    name: str = Field(min_length=1, max_length=200)
    role: Literal["analyst", "partner", "researcher", "admin"]
    partner: str | None = Field(default=None, description="partner name (partner keys)")


class NewKeyOut(BaseModel):
    key: KeyOut
    token: str = Field(description="shown once; only its hash is stored")


class PartnerOut(Out):
    id: int
    name: str
    contact: str | None
    tlp: str
    webhook_url: str | None
    webhook_pending_url: str | None
    active: bool
    created_at: datetime


class PartnerIn(In):
    name: str = Field(min_length=1, max_length=200)
    contact: str | None = None
    tlp: Tlp | None = None


class PartnerPatch(In):
    contact: str | None = None
    tlp: Tlp | None = None
    active: bool | None = None


class AuditOut(Out):
    id: int
    at: datetime
    actor_id: int | None
    actor: str
    action: str
    object_type: str
    object_id: str | None
    detail: dict[str, object]


@router.get("/keys", response_model=list[KeyOut])
def list_keys(user: AdminUser, conn: Conn) -> list[KeyOut]:
    return [KeyOut.model_validate(k) for k in api_keys.list_keys(conn)]


@router.post("/keys", response_model=NewKeyOut, status_code=201)
def create_key(body: KeyIn, user: AdminUser, conn: Conn) -> NewKeyOut:
    partner_id = None
    if body.role == "partner":
        partner_id = partners.ensure_partner(conn, body.partner or body.name).id
    key, token = api_keys.create_key(conn, body.name, body.role, partner_id)
    with conn.transaction():
        auditing.record(conn, user, "create_key", "api_key", key.id, {"role": key.role})
    return NewKeyOut(key=KeyOut.model_validate(key), token=token)


@router.delete("/keys/{key_id}", status_code=204)
def revoke_key(key_id: PathId, user: AdminUser, conn: Conn) -> None:
    """Revoke a key; never the caller's own, nor the last active admin key (409)."""
    try:
        revoked = api_keys.revoke_key(conn, key_id, acting_key_id=user.key_id)
    except api_keys.RevokeRefused as exc:
        raise HTTPException(409, str(exc)) from exc
    if not revoked:
        raise HTTPException(404, "no active key with that id")
    with conn.transaction():
        auditing.record(conn, user, "revoke_key", "api_key", key_id)


@router.get("/partners", response_model=list[PartnerOut])
def list_partners(user: AdminUser, conn: Conn) -> list[PartnerOut]:
    return [PartnerOut.model_validate(p) for p in partners.list_partners(conn)]


@router.post("/partners", response_model=PartnerOut, status_code=201)
def create_partner(body: PartnerIn, user: AdminUser, conn: Conn) -> PartnerOut:
    with conn.transaction():
        created = partners.ensure_partner(conn, body.name)
        updated = partners.update_partner(conn, created.id, contact=body.contact, tlp=body.tlp)
        auditing.record(conn, user, "create_partner", "partner", created.id, _changed(body))
    return PartnerOut.model_validate(updated or created)


def _changed(body: BaseModel) -> dict[str, object]:
    """The fields a partner edit set, by name; the contact (personal data) is not copied."""
    fields = body.model_dump(exclude_none=True)
    return {"fields": sorted(fields), "tlp": fields.get("tlp"), "active": fields.get("active")}


@router.patch("/partners/{partner_id}", response_model=PartnerOut)
def update_partner(
    partner_id: PathId, body: PartnerPatch, user: AdminUser, conn: Conn
) -> PartnerOut:
    with conn.transaction():
        updated = partners.update_partner(
            conn, partner_id, contact=body.contact, tlp=body.tlp, active=body.active
        )
        if updated is not None:
            auditing.record(conn, user, "update_partner", "partner", partner_id, _changed(body))
    if updated is None:
        raise HTTPException(404, "no such partner")
    return PartnerOut.model_validate(updated)


@router.get("/audit", response_model=list[AuditOut])
def audit_log(
    user: AdminUser,
    conn: Conn,
    object_type: str | None = None,
    object_id: str | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[AuditOut]:
    rows = audit.entries(conn, object_type=object_type, object_id=object_id, limit=limit)
    filters = {"object_type": object_type, "object_id": object_id, "limit": limit}
    auditing.record(conn, user, "read_audit", "audit_log", detail=filters | {"rows": len(rows)})
    return [AuditOut.model_validate(r) for r in rows]

"""Admin API: sharing groups and which partners belong to them (all changes audited)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, HTTPException
from pydantic import Field

from api import auditing
from api.deps import AdminUser, Conn, PathId, Principal
from api.schemas import In, Out
from store import sharing_groups

router = APIRouter(prefix="/api/v1/admin/sharing-groups", tags=["admin"])
GROUP_NAME = r"^[a-z0-9][a-z0-9_-]{0,63}$"


class GroupOut(Out):
    id: int
    name: str
    created_at: datetime
    partner_ids: list[int]
    partners: list[str]


class GroupIn(In):
    name: str = Field(pattern=GROUP_NAME, description="lower-case letters, digits, - and _")


def _audited(conn: Conn, user: Principal, action: str, name: str, **detail: Any) -> None:
    auditing.record(conn, user, action, "sharing_group", name, detail)


def _group(conn: Conn, name: str) -> GroupOut:
    found = sharing_groups.get_group(conn, name)
    if found is None:
        raise HTTPException(404, "no such sharing group")
    return GroupOut.model_validate(found)


@router.get("", response_model=list[GroupOut])
def list_groups(user: AdminUser, conn: Conn) -> list[GroupOut]:
    return [GroupOut.model_validate(g) for g in sharing_groups.list_groups(conn)]


@router.post("", response_model=GroupOut, status_code=201)
def create_group(body: GroupIn, user: AdminUser, conn: Conn) -> GroupOut:
    with conn.transaction():
        if not sharing_groups.create_group(conn, body.name):
            raise HTTPException(409, f"sharing group {body.name} already exists")
        _audited(conn, user, "create_sharing_group", body.name)
    return _group(conn, body.name)


@router.delete("/{name}", status_code=204)
def delete_group(name: str, user: AdminUser, conn: Conn) -> None:
    """Delete a group: items shared with it no longer reach its partners through it."""
    with conn.transaction():
        if not sharing_groups.delete_group(conn, name):
            raise HTTPException(404, "no such sharing group")
        _audited(conn, user, "delete_sharing_group", name)


@router.put("/{name}/partners/{partner_id}", response_model=GroupOut)
def add_partner(name: str, partner_id: PathId, user: AdminUser, conn: Conn) -> GroupOut:
    with conn.transaction():
        try:
            added = sharing_groups.add_member(conn, name, partner_id)
        except sharing_groups.GroupError as exc:
            raise HTTPException(404, str(exc)) from exc
        if added:
            _audited(conn, user, "add_group_partner", name, partner_id=partner_id)
    return _group(conn, name)


@router.delete("/{name}/partners/{partner_id}", response_model=GroupOut)
def remove_partner(name: str, partner_id: PathId, user: AdminUser, conn: Conn) -> GroupOut:
    with conn.transaction():
        try:
            removed = sharing_groups.remove_member(conn, name, partner_id)
        except sharing_groups.GroupError as exc:
            raise HTTPException(404, str(exc)) from exc
        if removed:
            _audited(conn, user, "remove_group_partner", name, partner_id=partner_id)
    return _group(conn, name)

"""Audit entries for API and UI actions: who did what to which object, never the personal
value itself (a contact search is recorded as its kind, a keyed hash and a result count)."""

from __future__ import annotations

import hashlib
import hmac
from typing import Any
from urllib.parse import urlsplit

import psycopg

from api.deps import Principal
from store import audit

# Entity kinds a contact search may name as "kind:value" (store.advert_queries).
_CONTACT_KINDS = ("phone", "email", "handle", "url")


def record(
    conn: psycopg.Connection[Any],
    user: Principal,
    action: str,
    object_type: str,
    object_id: str | int | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Write the entry in its own transaction, or in the caller's when one is open (so the
    entry and the act it records commit together)."""
    with conn.transaction():
        audit.record(
            conn,
            actor=user.actor,
            actor_id=user.key_id,
            action=action,
            object_type=object_type,
            object_id=object_id,
            detail=detail,
        )


def contact_search_detail(secret: str, entity: str, results: int, via: str) -> dict[str, Any]:
    """What a contact search leaves in the log: kind, count and, with a deployment secret, a
    keyed hash that matches other searches for the same value (a plain hash of a phone number
    could be reversed by trying every number)."""
    kind, sep, _ = entity.partition(":")
    detail: dict[str, Any] = {
        "contact_kind": kind if sep and kind in _CONTACT_KINDS else "any",
        "results": results,
        "via": via,
    }
    if secret:
        digest = hmac.new(secret.encode(), entity.strip().encode(), hashlib.sha256)
        detail["contact_hmac"] = digest.hexdigest()[:32]
    return detail


def url_host(url: str | None) -> str | None:
    """A webhook is recorded by its host: enough to see where events go, nothing secret."""
    return urlsplit(url).hostname if url else None

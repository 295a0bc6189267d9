"""TAXII 2.1 server (spec sections 4-5), read-only, for partners' own TAXII clients.

Discovery, one API root, and one collection per sharing group the partner belongs to; each
collection holds what the JSON feed gives for that group, as STIX 2.1 (share.stix_feed).
The partner's key is accepted as X-API-Key, Bearer, or as the password of HTTP Basic (what
TAXII clients send). Errors are TAXII error messages (api.problems), never a 5xx.
"""

from __future__ import annotations

import hashlib
import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import Response

from api import feed_pages
from api.deps import Conn, PartnerUser, SettingsDep
from share.stix_feed import SCHEMA_PATH, dumps, schema_text
from store import sharing_groups

TAXII_MEDIA = "application/taxii+json;version=2.1"
STIX_MEDIA = "application/stix+json;version=2.1"
MAX_PAGE = 1000
# Collection ids are UUIDs; the cap keeps a made-up path from being read at any length.
CollectionId = Annotated[str, Path(max_length=64)]


def accepts_taxii(request: Request) -> None:
    """406 unless the client accepts TAXII 2.1 (spec 1.6.8): the only media type served."""
    accept = request.headers.get("accept", "*/*")
    for part in accept.split(","):
        media, *params = (p.strip().lower() for p in part.split(";"))
        version = next((p.split("=", 1)[1] for p in params if p.startswith("version=")), "2.1")
        if media in ("*/*", "application/*") or (
            media == "application/taxii+json" and version.strip() == "2.1"
        ):
            return
    raise HTTPException(406, f"this server answers only {TAXII_MEDIA}")


class TaxiiResponse(Response):
    """Documents TAXII's media type as the 200 answer's content type in the OpenAPI schema."""

    media_type = TAXII_MEDIA


def taxii_router() -> APIRouter:
    return APIRouter(
        prefix="/taxii2",
        tags=["taxii"],
        dependencies=[Depends(accepts_taxii)],
        default_response_class=TaxiiResponse,
    )


router = taxii_router()


def taxii_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    """A TAXII response; `body` is an object, or the JSON text of one already made."""
    text = body if isinstance(body, str) else dumps(body)
    return TaxiiResponse(text, status, headers=headers)


@router.get("/")
def discovery(request: Request, user: PartnerUser) -> Response:
    root = str(request.url_for("api_root"))
    return taxii_response(
        {
            "title": "adwatch TAXII 2.1",
            "description": "Adverts two adwatch analysts confirmed as likely trafficking "
            "recruitment, and their retractions, for partners' sharing groups.",
            "default": root,
            "api_roots": [root],
        }
    )


@router.get("/api/", name="api_root")
def api_root(user: PartnerUser, settings: SettingsDep) -> Response:
    return taxii_response(
        {
            "title": "adwatch",
            "versions": [TAXII_MEDIA],
            "max_content_length": settings.max_body_bytes,
        }
    )


KINDS = ("job", "bridal", "escort")


def collection_id(group_id: int, kind: str | None = None) -> str:
    """A UUIDv4-shaped id per sharing group (and advert kind), stable across restarts."""
    name = f"adwatch-collection:{group_id}" + (f":{kind}" if kind else "")
    raw = bytearray(hashlib.sha256(name.encode()).digest()[:16])
    raw[6] = (raw[6] & 0x0F) | 0x40
    raw[8] = (raw[8] & 0x3F) | 0x80
    return str(uuid.UUID(bytes=bytes(raw)))


def _collection(group_id: int, group: str, kind: str | None) -> dict[str, Any]:
    what = f"{kind} adverts" if kind else "adverts"
    return {
        "id": collection_id(group_id, kind),
        "title": f"adwatch: {group}" + (f" ({kind} adverts)" if kind else ""),
        "description": f"Confirmed {what} and their retractions shared with sharing group "
        f"{group!r}, as STIX 2.1 indicators (TLP per item).",
        "can_read": True,
        "can_write": False,
        "media_types": [STIX_MEDIA],
        "_group": group_id,
        "_kind": kind,
    }


def _collections(conn: Conn, user: PartnerUser) -> dict[str, dict[str, Any]]:
    """Per sharing group of the partner: all its adverts, and one collection per advert kind
    (a platform that hosts only job adverts polls only those)."""
    mine = set(feed_pages.group_ids(conn, user))
    found = [
        _collection(g.id, g.name, kind)
        for g in sharing_groups.list_groups(conn)
        if g.id in mine
        for kind in (None, *KINDS)
    ]
    return {c["id"]: c for c in found}


def _public(collection: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in collection.items() if not k.startswith("_")}


@router.get("/api/collections/")
def collections(user: PartnerUser, conn: Conn) -> Response:
    found = [_public(c) for c in _collections(conn, user).values()]
    return taxii_response({"collections": found} if found else {})


def collection_of(conn: Conn, user: PartnerUser, collection: str) -> dict[str, Any]:
    found = _collections(conn, user).get(collection.lower())
    if found is None:
        raise HTTPException(404, "no such collection (or not one of your sharing groups)")
    return found


@router.get("/api/collections/{collection}/")
def get_collection(collection: CollectionId, user: PartnerUser, conn: Conn) -> Response:
    return taxii_response(_public(collection_of(conn, user, collection)))


schema_router = APIRouter(tags=["stix"])


@schema_router.get(SCHEMA_PATH, include_in_schema=False)
def extension_schema() -> Response:
    """The JSON schema of adwatch's STIX property extension, open to anyone: STIX consumers
    fetch an extension-definition's `schema` URL without partner credentials."""
    return Response(schema_text(), media_type="application/schema+json")

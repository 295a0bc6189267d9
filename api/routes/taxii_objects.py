"""TAXII 2.1 objects, manifest, one object and its versions (spec 5.4-5.8), read-only.

Every GET of objects is audited like a feed export. POST/DELETE are not offered: partners
read; the router answers 405 for them (as a TAXII error message).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Annotated

from fastapi import Depends, HTTPException, Path, Query
from fastapi.responses import Response

from api import auditing, feed_pages, taxii_pages
from api.deps import Conn, PartnerUser, SettingsDep
from api.routes.taxii import (
    MAX_PAGE,
    CollectionId,
    collection_of,
    taxii_response,
    taxii_router,
)

router = taxii_router()
_OBJECTS = "/api/collections/{collection}/objects/"

Text = Annotated[str | None, Query(max_length=100)]


def _list(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def _timestamp(value: str, what: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise HTTPException(400, f"{what}: not a timestamp") from exc
    if parsed.tzinfo is None:
        raise HTTPException(400, f"{what}: a timestamp needs a time zone (Z)")
    return parsed


def _version(value: str | None, default: str) -> tuple[str, list[datetime]]:
    """match[version]: first, last, all, or timestamps (spec 3.4.2). Several keywords mean
    several versions; an indicator has at most two (confirmation, retraction), so "all"."""
    wanted = _list(value) or [default]
    words = {w for w in wanted if w in ("first", "last", "all")}
    times = [_timestamp(w, "match[version]") for w in wanted if w not in words]
    if words and times:
        return "all", []
    if times:
        return "all", times
    return (words.pop() if len(words) == 1 else "all"), []


def _limit(value: str | None) -> int:
    if value is None:
        return MAX_PAGE
    if not (value.isascii() and value.isdigit() and 0 < len(value) <= 9 and int(value) > 0):
        raise HTTPException(400, "limit: a positive whole number")
    return min(int(value), MAX_PAGE)  # the server may give fewer (spec 3.4)


def _query(
    conn: Conn, args: dict[str, str | None], ids: list[str], version: str
) -> taxii_pages.Query:
    spec = _list(args["spec"])
    added = args["added_after"]
    mode, times = _version(args["version"], version)
    return taxii_pages.Query(
        after=taxii_pages.parse_next(conn, args["next"]),
        limit=_limit(args["limit"]),
        added_after=_timestamp(added, "added_after") if added else None,
        # only STIX 2.1 is served: asking for other spec versions matches nothing
        types=_list(args["type"]) if not spec or "2.1" in spec else ["-"],
        ids=ids,
        version=mode,
        versions_at=times,
    )


def _page(
    conn: Conn,
    settings: SettingsDep,
    user: PartnerUser,
    collection: str,
    query: taxii_pages.Query,
) -> taxii_pages.TaxiiPage:
    found = collection_of(conn, user, collection)
    group, query = found["_group"], replace(query, kind=found["_kind"])
    secret = feed_pages.hash_secret(settings)
    with conn.transaction():
        detail = {"limit": query.limit, "format": "taxii", "collection": collection}
        auditing.record(conn, user, "export_feed", "feed", max(query.after, 0), detail)
    secrets = (secret, settings.public_url)
    return taxii_pages.page(conn, secrets, [group], query)


def _args(
    added_after: Text = None,
    limit: Text = None,
    next_: Annotated[str | None, Query(alias="next", max_length=40)] = None,
    type_: Annotated[str | None, Query(alias="match[type]", max_length=1000)] = None,
    id_: Annotated[str | None, Query(alias="match[id]", max_length=8000)] = None,
    version: Annotated[str | None, Query(alias="match[version]", max_length=1000)] = None,
    spec: Annotated[str | None, Query(alias="match[spec_version]", max_length=100)] = None,
) -> dict[str, str | None]:
    return {
        "added_after": added_after,
        "limit": limit,
        "next": next_,
        "type": type_,
        "id": id_,
        "version": version,
        "spec": spec,
    }


Args = Annotated[dict[str, str | None], Depends(_args)]


@router.get(_OBJECTS)
def get_objects(
    collection: CollectionId,
    user: PartnerUser,
    conn: Conn,
    settings: SettingsDep,
    args: Args,
) -> Response:
    """Spec 5.4: an envelope of objects after `next`, `more` saying whether others wait."""
    query = _query(conn, args, _list(args["id"]), "last")
    found = _page(conn, settings, user, collection, query)
    headers = taxii_pages.date_headers(found.objects)
    return taxii_response("".join(taxii_pages.envelope_chunks(found)), headers=headers)


@router.get(_OBJECTS.replace("objects/", "manifest/"))
def get_manifest(
    collection: CollectionId,
    user: PartnerUser,
    conn: Conn,
    settings: SettingsDep,
    args: Args,
) -> Response:
    """Spec 5.3: id, date added, version and media type of the objects get_objects gives."""
    query = _query(conn, args, _list(args["id"]), "last")
    found = _page(conn, settings, user, collection, query)
    headers = taxii_pages.date_headers(found.objects)
    return taxii_response(taxii_pages.manifest(found), headers=headers)


@router.get(_OBJECTS + "{object_id}/")
def get_object(
    collection: CollectionId,
    object_id: Annotated[str, Path(max_length=100)],
    user: PartnerUser,
    conn: Conn,
    settings: SettingsDep,
    args: Args,
) -> Response:
    """Spec 5.6: one object's versions (by default its last) in an envelope; 404 if none."""
    query = _query(conn, {**args, "type": None}, [object_id], "last")
    found = _page(conn, settings, user, collection, query)
    if not found.objects and query.after == taxii_pages.FIRST:
        raise HTTPException(404, "no such object in this collection")
    headers = taxii_pages.date_headers(found.objects)
    return taxii_response("".join(taxii_pages.envelope_chunks(found)), headers=headers)


@router.get(_OBJECTS + "{object_id}/versions/")
def get_versions(
    collection: CollectionId,
    object_id: Annotated[str, Path(max_length=100)],
    user: PartnerUser,
    conn: Conn,
    settings: SettingsDep,
    args: Args,
) -> Response:
    """Spec 5.8: every version of one object, oldest first."""
    query = _query(conn, {**args, "type": None, "version": "all"}, [object_id], "all")
    found = _page(conn, settings, user, collection, query)
    if not found.objects and query.after == taxii_pages.FIRST:
        raise HTTPException(404, "no such object in this collection")
    body: dict[str, object] = {"more": found.more}
    if found.next is not None:
        body["next"] = found.next
    if found.objects:
        body["versions"] = [o.version for o in found.objects]
    headers = taxii_pages.date_headers(found.objects)
    return taxii_response(body, headers=headers)

"""Partner feed items and their encodings (JSON, CSV, STIX 2.1), streamed item by item.

One item, built here for every format (JSON, CSV, STIX, TAXII, webhooks), carries what a
platform needs to act: URL, site, first/last seen, kind, band, indicator ids with the matched
text de-identified, the snapshot's SHA-256, and contacts as keyed hashes.

Contacts leave adwatch only as HMAC-SHA256(hash_secret, "kind:value"): a plain hash of a
phone number could be reversed by enumerating numbers, a keyed hash cannot without the secret.
Matched text is quoted only after contacts, names, ages and cities are taken out of it
(share.depersonalise.scrub); offsets into advert text the partner never sees are not sent.
Advert URLs are shared with names and ages in them replaced (share.deid.urls): escort sites
put the advertised person's name in the slug. Host, path shape and advert number stay, so a
hosting partner can still find the advert; the STIX pattern then matches the original URL
with a regular expression instead of spelling it out.
"""

from __future__ import annotations

import csv
import hmac
import io
import json
import uuid
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from share import stix_feed
from share.deid import redact_url
from share.depersonalise import scrub
from store.feed_query import FeedRow

CSV_COLUMNS = (
    "seq",
    "event",
    "advert_id",
    "url",
    "site",
    "kind",
    "first_seen",
    "last_seen",
    "risk_score",
    "band",
    "decided_at",
    "tlp",
    "indicators",
    "matches",
    "snapshot_sha256",
    "contact_hashes",
    "pdq_hashes",
    "cluster_risk",
    "removed_at",
    "confirmed_by_recrawl",
)


def keyed_hash(secret: str, kind: str, value: str) -> str:
    # hmac.digest: the one-shot C path, several times faster than hmac.new per contact
    return hmac.digest(secret.encode(), f"{kind}:{value}".encode(), "sha256").hex()


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _as_written(contact: dict[str, str]) -> str:
    """A handle as adverts write it ("@name"), so no bare "@" is left before [HANDLE]."""
    if contact["kind"] != "handle":
        return ""
    return "@" + contact["value"].split(":", 1)[-1]


def _matches(hits: list[dict[str, Any]], contacts: list[dict[str, str]]) -> list[dict[str, Any]]:
    """Indicator hits as id + de-identified matched text; the advert's known contacts are
    taken out first (scrub's regexes then catch the ones the extractor missed)."""
    entities = [{"kind": c["kind"], "value": c["value"], "raw": _as_written(c)} for c in contacts]
    return [
        {
            "indicator_id": str(h.get("indicator_id")),
            "polarity": h.get("polarity"),
            "field": h.get("field"),
            "text": scrub(str(h.get("text") or ""), entities),
        }
        for h in hits
    ]


def feed_item(row: FeedRow, tlp: str, secret: str) -> dict[str, Any]:
    """One de-personalised item: what, where, why (indicator ids and matched text), and
    hashed contacts."""
    hits = [h for h in row.indicator_hits if isinstance(h, dict)]
    return {
        "seq": row.seq,
        "event": row.event,
        "advert_id": row.advert_id,
        "url": redact_url(row.url),
        "site": row.site,
        "kind": row.kind,
        "first_seen": _iso(row.first_seen),
        "last_seen": _iso(row.last_seen),
        "indicators": sorted({str(h.get("indicator_id")) for h in hits}),
        "matches": _matches(hits, row.contacts),
        "snapshot_sha256": row.snapshot_sha256,
        "risk_score": row.risk_score,
        "band": row.band,
        "decided_at": _iso(row.decided_at),
        "event_at": row.created_at.isoformat(),
        "tlp": tlp,
        "contacts": [
            {"kind": c["kind"], "hmac_sha256": keyed_hash(secret, c["kind"], c["value"])}
            for c in row.contacts
        ],
        # Photos leave only as PDQ hashes (with PDQ's quality), never as images.
        "images": [{"pdq": i["pdq"], "pdq_quality": i["quality"]} for i in row.images],
        "clusters": row.clusters,
        "cluster_risk": max((c["risk"] for c in row.clusters), default=None),
        # taken_down events only (None otherwise); never which partner reported it
        "removed_at": (row.detail or {}).get("removed_at"),
        "confirmed_by_recrawl": (row.detail or {}).get("confirmed_by_recrawl"),
    }


def item_json(item: dict[str, Any]) -> str:
    return json.dumps(item, ensure_ascii=False)


def json_stream(items: Iterable[str], next_cursor: str, more: bool) -> Iterator[str]:
    """{"items": [...], "next_cursor": ..., "more": ...} from items already encoded (each
    event's item is rendered once, share.feed_render), without holding the page in memory."""
    yield '{"items":['
    for n, item in enumerate(items):
        yield ("," if n else "") + item
    yield f'],"next_cursor":{json.dumps(next_cursor)},"more":{json.dumps(more)}}}'


def _csv_bool(value: bool | None) -> str | None:
    return None if value is None else str(value).lower()


def csv_stream(items: Iterable[dict[str, Any]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for item in items:
        contacts = ";".join(f"{c['kind']}:{c['hmac_sha256']}" for c in item["contacts"])
        matches = json.dumps(
            [[m["indicator_id"], m["text"]] for m in item["matches"]], ensure_ascii=False
        )
        pdq = ";".join(f"{i['pdq']}:{i['pdq_quality']}" for i in item["images"])
        flat = {
            **item,
            "indicators": ";".join(item["indicators"]),
            "matches": matches,
            "contact_hashes": contacts,
            "pdq_hashes": pdq,
            "confirmed_by_recrawl": _csv_bool(item.get("confirmed_by_recrawl")),
        }
        writer.writerow([flat[c] if flat[c] is not None else "" for c in CSV_COLUMNS])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def stix_stream(objects: Iterable[str], public_url: str) -> Iterator[str]:
    """A STIX 2.1 bundle, one object at a time: the identity, the adwatch extension-definition
    and the TLP 2.0 marking definitions first, then each event's object (already encoded):
    an indicator version, or a takedown note."""
    yield f'{{"type":"bundle","id":"bundle--{uuid.uuid4()}","objects":['
    yield ",".join(stix_feed.dumps(o) for o in stix_feed.static_objects(public_url))
    for obj in objects:
        yield "," + obj
    yield "]}"

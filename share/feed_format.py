"""Partner feed items and their encodings (JSON, CSV, STIX 2.1), streamed item by item.

Contacts leave adwatch only as HMAC-SHA256(hash_secret, "kind:value"): a plain hash of a
phone number could be reversed by enumerating numbers, a keyed hash cannot without the secret.
No advert text is shared: indicators are sent as ids (and span offsets), not as quotes.
Advert URLs are shared with names and ages in them replaced (share.deid.urls): escort sites
put the advertised person's name in the slug. Host, path shape and advert number stay, so a
hosting partner can still find the advert; the STIX pattern then matches the original URL
with a regular expression instead of spelling it out.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import json
import uuid
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

import stix2

from share.deid import match_regex, redact_url
from store.feed import FeedRow

_NAMESPACE = uuid.UUID("6f1c3c39-4f0e-4b55-9a43-0d5e5b0b7a51")
_EPOCH = datetime(2026, 1, 1, tzinfo=UTC)
TLP_MARKINGS = {
    "clear": stix2.TLP_WHITE,
    "green": stix2.TLP_GREEN,
    "amber": stix2.TLP_AMBER,
    "red": stix2.TLP_RED,
}
IDENTITY = stix2.Identity(
    id=f"identity--{uuid.uuid5(_NAMESPACE, 'adwatch')}",
    name="adwatch",
    identity_class="system",
    created=_EPOCH,
    modified=_EPOCH,
)
CSV_COLUMNS = (
    "seq",
    "event",
    "advert_id",
    "url",
    "site",
    "kind",
    "risk_score",
    "band",
    "decided_at",
    "tlp",
    "indicators",
    "contact_hashes",
    "pdq_hashes",
    "cluster_risk",
)


def keyed_hash(secret: str, kind: str, value: str) -> str:
    return hmac.new(secret.encode(), f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()


def feed_item(row: FeedRow, tlp: str, secret: str) -> dict[str, Any]:
    """One de-personalised item: what, where, why (indicator ids), and hashed contacts."""
    hits = [h for h in row.indicator_hits if isinstance(h, dict)]
    return {
        "seq": row.seq,
        "event": row.event,
        "advert_id": row.advert_id,
        "url": redact_url(row.url),
        "site": row.site,
        "kind": row.kind,
        "indicators": sorted({str(h.get("indicator_id")) for h in hits}),
        "spans": [
            {
                "indicator_id": h.get("indicator_id"),
                "polarity": h.get("polarity"),
                "field": h.get("field"),
                "start": h.get("start"),
                "end": h.get("end"),
            }
            for h in hits
        ],
        "risk_score": row.risk_score,
        "band": row.band,
        "decided_at": row.decided_at.isoformat() if row.decided_at else None,
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
    }


def json_stream(items: Iterable[dict[str, Any]], after: int) -> Iterator[str]:
    """{"items": [...], "next_cursor": "<last seq>"} without holding the page in memory."""
    last = after
    yield '{"items":['
    for n, item in enumerate(items):
        yield ("," if n else "") + json.dumps(item, ensure_ascii=False)
        last = item["seq"]
    yield f'],"next_cursor":"{last}"}}'


def csv_stream(items: Iterable[dict[str, Any]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for item in items:
        contacts = ";".join(f"{c['kind']}:{c['hmac_sha256']}" for c in item["contacts"])
        pdq = ";".join(f"{i['pdq']}:{i['pdq_quality']}" for i in item["images"])
        flat = {
            **item,
            "indicators": ";".join(item["indicators"]),
            "contact_hashes": contacts,
            "pdq_hashes": pdq,
        }
        writer.writerow([flat[c] if flat[c] is not None else "" for c in CSV_COLUMNS])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def _quoted(value: str) -> str:
    return value.replace("\\", "\\\\").replace("'", "\\'")


def _pattern(url: str) -> str:
    """An exact URL pattern, or a regular expression when the URL names someone."""
    regex = match_regex(url)
    if regex is None:
        return f"[url:value = '{_quoted(url)}']"
    return f"[url:value MATCHES '{_quoted(regex)}']"


def stix_indicator(row: FeedRow, item: dict[str, Any]) -> stix2.Indicator:
    """Confirmations are Indicators; a retraction revokes the Indicator of the confirmation."""
    origin_seq = row.confirmed_seq or row.seq
    created = row.confirmed_at or row.created_at
    return stix2.Indicator(
        id=f"indicator--{uuid.uuid5(_NAMESPACE, f'feed:{origin_seq}')}",
        created=created,
        modified=row.created_at,
        revoked=row.event == "retracted",
        name=f"adwatch confirmed {row.kind} advert {row.advert_id}",
        indicator_types=["malicious-activity"],
        pattern=_pattern(row.url),
        pattern_type="stix",
        valid_from=created,
        created_by_ref=IDENTITY.id,
        object_marking_refs=[TLP_MARKINGS[item["tlp"]].id],
        custom_properties={
            k: v
            for k, v in {
                "x_adwatch_seq": row.seq,
                "x_adwatch_event": row.event,
                "x_adwatch_advert_id": row.advert_id,
                "x_adwatch_site": row.site or "",
                "x_adwatch_kind": row.kind,
                "x_adwatch_indicators": item["indicators"],
                "x_adwatch_risk_score": row.risk_score,
                "x_adwatch_band": row.band or "",
                "x_adwatch_contact_hashes": item["contacts"],
                "x_adwatch_pdq_hashes": item["images"],
                "x_adwatch_cluster_risk": item["cluster_risk"],
            }.items()
            if v is not None
        },
    )


def stix_stream(pairs: Iterable[tuple[FeedRow, dict[str, Any]]]) -> Iterator[str]:
    """A STIX 2.1 bundle, one object at a time; each item's TLP marking definition is sent
    just before the first item that refers to it."""
    yield f'{{"type":"bundle","id":"bundle--{uuid.uuid4()}","objects":['
    yield IDENTITY.serialize()
    sent: set[str] = set()
    for row, item in pairs:
        if item["tlp"] not in sent:
            sent.add(item["tlp"])
            yield "," + TLP_MARKINGS[item["tlp"]].serialize()
        yield "," + stix_indicator(row, item).serialize()
    yield "]}"

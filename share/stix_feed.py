"""STIX 2.1 objects for the partner feed, for the STIX bundle and TAXII alike, written to pass
`stix2-validator --strict`.

An indicator's id is a UUIDv4 derived from the confirmation it stands for: the last 48 bits
are the seq of the confirming feed event (so TAXII can look an id up without a table), the
rest a keyed hash of it (so ids cannot be made up from seqs without the deployment secret).
A retraction is the same indicator again, `revoked`. A later re-confirmation gets a new id,
because STIX forbids un-revoking an object.

adwatch's own properties travel in a property extension whose definition (with a JSON schema
kept in share/schemas/ and served by the API) is part of every bundle and TAXII collection.
Markings are the published TLP 2.0 marking definitions.
"""

from __future__ import annotations

import hmac
import json
import uuid
from datetime import UTC, datetime
from importlib import resources
from typing import Any

from share.deid import match_regex
from store.feed_query import FeedRow

SCHEMA_FILE = "adwatch-advert-extension-v1.json"
SCHEMA_PATH = f"/stix/{SCHEMA_FILE}"
_EPOCH = "2026-01-01T00:00:00.000Z"
_EXTENSION_MODIFIED = "2026-12-07T00:00:00.000Z"  # 1.1.0: takedown notes
IDENTITY_ID = "identity--aba9d601-ac00-41b7-bbbc-a17235dafc68"
EXTENSION_ID = "extension-definition--c277173e-c302-4d4b-8e2a-314419c9e11c"
_TLP2_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"
_TLP2_IDS = {
    "clear": "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
    "green": "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
    "amber": "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
    "red": "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
}
_SEQ_BITS = 48


def schema_text() -> str:
    return resources.files("share").joinpath("schemas", SCHEMA_FILE).read_text("utf-8")


def timestamp(value: datetime) -> str:
    """STIX timestamps: UTC, "Z", microseconds (versions of one object differ by less than a
    second when an analyst retracts at once)."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def tlp_marking_id(tlp: str) -> str:
    return _TLP2_IDS[tlp]


def tlp_marking(tlp: str) -> dict[str, Any]:
    """The TLP 2.0 marking definition as published with the OASIS TLP 2.0 extension."""
    return {
        "type": "marking-definition",
        "spec_version": "2.1",
        "id": _TLP2_IDS[tlp],
        "created": "2022-10-01T00:00:00.000Z",
        "name": f"TLP:{tlp.upper()}",
        "extensions": {_TLP2_EXTENSION: {"extension_type": "property-extension", "tlp_2_0": tlp}},
    }


def identity() -> dict[str, Any]:
    return {
        "type": "identity",
        "spec_version": "2.1",
        "id": IDENTITY_ID,
        "created": _EPOCH,
        "modified": _EPOCH,
        "name": "adwatch",
        "description": "adwatch: trafficking-recruitment indicators in public adverts, "
        "confirmed by two analysts before they are shared",
        "identity_class": "system",
    }


def extension_definition(public_url: str) -> dict[str, Any]:
    return {
        "type": "extension-definition",
        "spec_version": "2.1",
        "id": EXTENSION_ID,
        "created_by_ref": IDENTITY_ID,
        "created": _EPOCH,
        "modified": _EXTENSION_MODIFIED,
        "name": "adwatch advert",
        "description": "adwatch's advert properties on indicators and takedown notes: advert "
        "number, feed event, site, kind, band, de-identified matched text, keyed contact "
        "hashes, snapshot hash, time of removal",
        "schema": public_url.rstrip("/") + SCHEMA_PATH,
        "version": "1.1.0",
        "extension_types": ["property-extension"],
    }


def static_objects(public_url: str) -> list[dict[str, Any]]:
    """The objects every indicator refers to, in the order a reader needs them."""
    markings = [tlp_marking(tlp) for tlp in _TLP2_IDS]
    return [identity(), extension_definition(public_url), *markings]


def object_uuid(secret: str, stix_type: str, seq: int) -> uuid.UUID:
    """A UUIDv4 for the STIX object of type `stix_type` that feed event `seq` stands for."""
    if not 0 < seq < 2**_SEQ_BITS:
        raise ValueError("feed seq out of range for a STIX id")
    tag = hmac.digest(secret.encode(), f"stix-{stix_type}:{seq}".encode(), "sha256")
    raw = bytearray(tag[:10] + seq.to_bytes(6, "big"))
    raw[6] = (raw[6] & 0x0F) | 0x40  # version 4
    raw[8] = (raw[8] & 0x3F) | 0x80  # RFC 4122 variant
    return uuid.UUID(bytes=bytes(raw))


def indicator_uuid(secret: str, confirmed_seq: int) -> uuid.UUID:
    return object_uuid(secret, "indicator", confirmed_seq)


def seq_of(secret: str, stix_id: str, stix_type: str = "indicator") -> int | None:
    """The feed seq behind an id of `stix_type` made by `object_uuid`, else None."""
    prefix, _, rest = stix_id.partition("--")
    try:
        value = uuid.UUID(rest) if prefix == stix_type and len(rest) == 36 else None
    except ValueError:
        return None
    if value is None:
        return None
    seq = int.from_bytes(value.bytes[10:], "big")
    if seq == 0 or object_uuid(secret, stix_type, seq) != value:
        return None
    return seq


def confirmed_seq_of(secret: str, stix_id: str) -> int | None:
    """The confirmation seq behind an indicator id made by `indicator_uuid`, else None."""
    return seq_of(secret, stix_id, "indicator")


def indicator_id(secret: str, row: FeedRow) -> str:
    return f"indicator--{indicator_uuid(secret, row.confirmed_seq or row.seq)}"


def _quoted(value: str) -> str:
    return value.replace("\\", "\\\\").replace("'", "\\'")


def _pattern(url: str) -> str:
    """An exact URL pattern, or a regular expression when the URL names someone."""
    regex = match_regex(url)
    if regex is None:
        return f"[url:value = '{_quoted(url)}']"
    return f"[url:value MATCHES '{_quoted(regex)}']"


def _description(row: FeedRow, item: dict[str, Any]) -> str:
    why = ", ".join(item["indicators"]) or "no named indicator"
    what = (
        f"A {row.kind} advert on {row.site or 'an unnamed site'} that two adwatch analysts "
        f"confirmed as a likely trafficking-recruitment advert (band {row.band or 'unknown'}; "
        f"indicators: {why})."
    )
    if row.event == "retracted":
        return what + " adwatch has since retracted the confirmation: do not act on it."
    return what + " Act on the advert at the URL the pattern matches."


def extension(item: dict[str, Any]) -> dict[str, Any]:
    keys = ("advert_id", "seq", "event", "site", "kind", "band", "risk_score")
    props: dict[str, Any] = {"extension_type": "property-extension"}
    props.update({k: item[k] for k in keys if item.get(k) is not None})
    for key in ("first_seen", "last_seen", "snapshot_sha256"):
        if item.get(key):
            props[key] = item[key]
    matches = [{k: v for k, v in m.items() if v is not None} for m in item["matches"]]
    # STIX forbids empty lists: an advert with no hit or no contact leaves the key out
    if matches:
        props["matches"] = matches
    if item["contacts"]:
        props["contact_hashes"] = item["contacts"]
    if item["images"]:
        props["pdq_hashes"] = item["images"]
    if item["cluster_risk"] is not None:
        props["cluster_risk"] = item["cluster_risk"]
    return props


def indicator(row: FeedRow, item: dict[str, Any], secret: str) -> dict[str, Any]:
    """Confirmations are Indicators; a retraction revokes the Indicator of the confirmation."""
    created = timestamp(row.confirmed_at or row.created_at)
    return {
        "type": "indicator",
        "spec_version": "2.1",
        "id": indicator_id(secret, row),
        "created_by_ref": IDENTITY_ID,
        "created": created,
        "modified": timestamp(row.created_at),
        "revoked": row.event == "retracted",
        "name": f"adwatch confirmed {row.kind} advert {row.advert_id}",
        "description": _description(row, item),
        "indicator_types": ["malicious-activity"],
        "pattern": _pattern(row.url),
        "pattern_type": "stix",
        "pattern_version": "2.1",
        "valid_from": created,
        "object_marking_refs": [tlp_marking_id(item["tlp"])],
        "extensions": {EXTENSION_ID: extension(item)},
    }


def dumps(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))

"""TAXII 2.1 pages of one collection (spec 5.3-5.8): the fixed objects every indicator
refers to (identity, extension-definition, TLP 2.0 markings), then one object per feed event
(an indicator version, or a note that the advert was taken down), in one order.

`next` is a position in that order: -7..-1 for the fixed objects, then the feed's seq, so a
TAXII page ends exactly where the JSON feed's cursor would. The fixed objects count as added
at the epoch of adwatch's STIX definitions, so `added_after` any later time skips them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

import psycopg
from fastapi import HTTPException

from share import feed_render, stix_feed, stix_notes
from store import feed_query
from store.feed_query import FeedFilter

STATIC_ADDED = datetime(2026, 1, 1, tzinfo=UTC)
FIRST = -8  # before the first fixed object


@dataclass(frozen=True)
class Query:
    """A TAXII request's filters, checked."""

    after: int
    limit: int
    added_after: datetime | None
    types: Sequence[str]
    ids: Sequence[str]
    version: str
    versions_at: Sequence[datetime]
    kind: str | None = None


@dataclass(frozen=True)
class Entry:
    """One object of a page, already encoded: its id and version for manifests and headers."""

    id: str
    version: str
    added: datetime
    text: str


@dataclass
class TaxiiPage:
    objects: list[Entry]
    more: bool
    next: str | None


def _static_entry(obj: dict[str, Any]) -> Entry:
    version = str(obj.get("modified", obj["created"]))
    return Entry(str(obj["id"]), version, STATIC_ADDED, stix_feed.dumps(obj))


def parse_next(conn: psycopg.Connection[Any], value: str | None) -> int:
    if value is None:
        return FIRST
    text = value.strip()
    digits = text[1:] if text.startswith("-") else text
    if not (digits.isascii() and digits.isdigit() and len(digits) <= 19):
        raise HTTPException(400, "invalid next: not one this server gave out")
    after = int(text)
    if after < FIRST or after > feed_query.newest_seq(conn):
        raise HTTPException(400, "unknown next: not one this server gave out")
    return after


def _static(public_url: str, q: Query) -> list[tuple[int, dict[str, Any]]]:
    if q.added_after is not None and q.added_after >= STATIC_ADDED:
        return []
    found = []
    for n, obj in enumerate(stix_feed.static_objects(public_url)):
        position = FIRST + 1 + n
        version = obj.get("modified", obj["created"])
        if position <= q.after or (q.types and obj["type"] not in q.types):
            continue
        if (q.ids and obj["id"] not in q.ids) or (q.versions_at and not _at(version, q)):
            continue
        found.append((position, obj))
    return found


def _at(version: str, q: Query) -> bool:
    when = datetime.strptime(version, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    return when in q.versions_at


# the feed events behind each STIX type a collection serves
_EVENTS = {"indicator": ("confirmed", "retracted"), "note": ("taken_down",)}


def _seq_of(secret: str, stix_id: str) -> int | None:
    if stix_id.startswith("note--"):
        return stix_notes.note_seq_of(secret, stix_id)
    return stix_feed.confirmed_seq_of(secret, stix_id)


def event_filter(secret: str, groups: list[int], q: Query) -> FeedFilter | None:
    """The feed filter for the event part (indicators, takedown notes), or None when the
    query excludes them all."""
    events = [e for t in q.types for e in _EVENTS.get(t, ())]
    if q.types and not events:
        return None
    seqs = [s for s in (_seq_of(secret, i) for i in q.ids) if s is not None]
    if q.ids and not seqs:
        return None
    since = q.added_after
    flt = FeedFilter(
        groups,
        kind=q.kind,
        confirmed_seqs=seqs,
        version=q.version,
        added_at=q.versions_at,
        events=events,
    )
    # added_after is exclusive (spec 3.4.1); the feed's `since` is inclusive
    return replace(flt, since=since) if since is None else replace(flt, since=_just_after(since))


def _just_after(value: datetime) -> datetime:
    return value + timedelta(microseconds=1)


def page(
    conn: psycopg.Connection[Any],
    settings_: tuple[str, str],
    groups: list[int],
    q: Query,
) -> TaxiiPage:
    """The fixed objects still due, then the events' objects (rendered once, kept with each
    event: the page is a range scan on seq and concatenation)."""
    secret, public_url = settings_
    every_static = _static(public_url, q)
    static = every_static[: q.limit]
    objects = [_static_entry(obj) for _, obj in static]
    flt = event_filter(secret, groups, q)
    room = q.limit - len(objects)
    after = max(q.after, 0)
    if room == 0:
        more = len(every_static) > len(static) or (
            flt is not None and feed_query.page_bounds(conn, after, 1, flt)[0] is not None
        )
        return TaxiiPage(objects, more, str(static[-1][0]) if more else None)
    if flt is None:
        return TaxiiPage(objects, False, None)
    last, more = feed_query.page_bounds(conn, after, room, flt)
    if last is not None:
        for row in feed_render.rendered_rows(conn, after, last, flt, secret, "stix"):
            if row.stix_json is not None and row.stix_id is not None:
                entry = Entry(row.stix_id, row.stix_version, row.created_at, row.stix_json)
                objects.append(entry)
    return TaxiiPage(objects, more, str(last) if more else None)


def date_headers(objects: list[Entry]) -> dict[str, str]:
    if not objects:
        return {}
    return {
        "X-TAXII-Date-Added-First": stix_feed.timestamp(objects[0].added),
        "X-TAXII-Date-Added-Last": stix_feed.timestamp(objects[-1].added),
    }


def envelope_chunks(p: TaxiiPage) -> Iterator[str]:
    """The envelope of spec 3.7 (no `objects` key when empty, as the spec's examples)."""
    yield f'{{"more":{"true" if p.more else "false"}'
    if p.next is not None:
        yield f',"next":"{p.next}"'
    if p.objects:
        yield ',"objects":[' + ",".join(o.text for o in p.objects) + "]"
    yield "}"


def manifest(p: TaxiiPage) -> dict[str, Any]:
    records = [
        {
            "id": obj.id,
            "date_added": stix_feed.timestamp(obj.added),
            "version": obj.version,
            "media_type": "application/stix+json;version=2.1",
        }
        for obj in p.objects
    ]
    body: dict[str, Any] = {"more": p.more}
    if p.next is not None:
        body["next"] = p.next
    if records:
        body["objects"] = records
    return body

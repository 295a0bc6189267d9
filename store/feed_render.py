"""Each feed event's shared content, rendered once and kept with the event.

A page is then one range scan on seq, filtered by sharing group and TLP at query time, and
its rendered texts concatenated: no per-row joins, hashing or JSON encoding. What is kept does
not depend on the partner reading it (contacts are keyed with the one deployment secret), and
it is what the event said when first published, even if the advert's score or contacts change
later. The secret is not in the database, so share/ renders and this module stores; an event
not yet rendered, or rendered under another secret (`rendered_key`), is rendered on read.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
from psycopg.rows import class_row

from store.feed_query import FEED_SELECT, WHERE_VISIBLE, FeedFilter, FeedRow, query_params


@dataclass(frozen=True)
class Rendered:
    """What one event shows partners: the feed item and the STIX object, as JSON text."""

    seq: int
    item_json: str
    stix_json: str
    stix_id: str


@dataclass(frozen=True)
class RenderedRow:
    seq: int
    event: str
    created_at: datetime
    tlp: str
    item_json: str | None  # None: not rendered yet (the caller renders it)
    stix_json: str | None
    stix_id: str | None
    # created_at as a STIX timestamp (the object's version), formatted by PostgreSQL
    stix_version: str


def unrendered(
    conn: psycopg.Connection[Any], after: int, upto: int, filters: FeedFilter, key: str
) -> list[FeedRow]:
    """The visible events in (after, upto] with nothing rendered under `key`, in full. Found
    on feed_events alone first: the full row's joins are paid only for those."""
    missing = conn.execute(
        "SELECT e.seq FROM feed_events e "
        + WHERE_VISIBLE
        + " AND e.seq <= %(upto)s AND e.rendered_key IS DISTINCT FROM %(key)s",
        {**query_params(after, filters), "upto": upto, "key": key},
    ).fetchall()
    if not missing:
        return []
    with conn.cursor(row_factory=class_row(FeedRow)) as cur:
        query = FEED_SELECT + " WHERE e.seq = ANY(%s) ORDER BY e.seq"
        return cur.execute(query, ([int(r[0]) for r in missing],)).fetchall()


def never_rendered(conn: psycopg.Connection[Any], limit: int) -> list[FeedRow]:
    """The oldest events with no rendered content yet, in full (every sharing group)."""
    with conn.cursor(row_factory=class_row(FeedRow)) as cur:
        query = (
            FEED_SELECT
            + """ WHERE e.seq IN (SELECT seq FROM feed_events WHERE item_json IS NULL
                                 ORDER BY seq LIMIT %s) ORDER BY e.seq"""
        )
        return cur.execute(query, (limit,)).fetchall()


def save(conn: psycopg.Connection[Any], key: str, rendered: Sequence[Rendered]) -> None:
    """Keep the rendered content; an event already rendered under `key` keeps its own (a
    concurrent reader rendered it first)."""
    if not rendered:
        return
    with conn.transaction():
        conn.execute(
            """UPDATE feed_events e
               SET rendered_key = %(key)s, item_json = r.item_json, stix_json = r.stix_json,
                   stix_id = r.stix_id
               FROM unnest(%(seqs)s::bigint[], %(items)s::text[], %(stix)s::text[],
                           %(ids)s::text[]) AS r (seq, item_json, stix_json, stix_id)
               WHERE e.seq = r.seq AND e.rendered_key IS DISTINCT FROM %(key)s""",
            {
                "key": key,
                "seqs": [r.seq for r in rendered],
                "items": [r.item_json for r in rendered],
                "stix": [r.stix_json for r in rendered],
                "ids": [r.stix_id for r in rendered],
            },
        )


def rendered_item(conn: psycopg.Connection[Any], seq: int, key: str) -> str | None:
    """The feed item event `seq` was published with under `key`; None if not rendered so."""
    row = conn.execute(
        "SELECT item_json FROM feed_events WHERE seq = %s AND rendered_key = %s", (seq, key)
    ).fetchone()
    return None if row is None else row[0]


# Which rendered text a format reads: JSON and CSV the item, STIX and TAXII the STIX object.
_CONTENT = {
    "item": "e.item_json, NULL::text AS stix_json",
    "stix": "NULL::text AS item_json, e.stix_json",
}


def read_rendered(
    conn: psycopg.Connection[Any],
    after: int,
    upto: int,
    filters: FeedFilter,
    content: str,
    *,
    batch: int = 1000,
) -> Iterator[RenderedRow]:
    """Visible events in (after, upto] with their rendered `content` ("item" or "stix"), in
    seq order, streamed (server-side cursor). Call after `unrendered` was rendered and saved;
    stix_id is None only for an event that raced that (the caller renders it alone)."""
    query = (
        f"""SELECT e.seq, e.event, e.created_at, e.tlp, {_CONTENT[content]}, e.stix_id,
                  to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
                      AS stix_version
           FROM feed_events e """
        + WHERE_VISIBLE
        + " AND e.seq <= %(upto)s ORDER BY e.seq"
    )
    with (
        conn.transaction(),
        conn.cursor(name="feed_rendered", row_factory=class_row(RenderedRow)) as cur,
    ):
        cur.itersize = batch
        cur.execute(query, {**query_params(after, filters), "upto": upto})
        yield from cur

"""Render each feed event's shared content once (issue 15: TAXII pages at 1M adverts).

An event's item (JSON) and STIX object are built from the advert as it stands the first
time the event is read, then kept with the event (store.feed_render): what a partner was
sent does not change afterwards, and a page is one range scan plus concatenation instead of
five joins, de-identification, keyed hashing and JSON encoding per row. Nothing rendered
depends on the partner: contacts are keyed with the deployment secret, and sharing groups
and TLP are filtered when a page is read. The fingerprint of the secret is stored with the
content, so rotating the secret renders events again rather than serving stale hashes.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import psycopg

from share import feed_format, stix_feed, stix_notes
from store import feed_query, feed_render
from store.feed_query import FeedFilter, FeedRow

_FORMAT_VERSION = "feed-render-v1"  # bump when the item or STIX shape changes


def render_key(secret: str) -> str:
    """Names the secret and format an event was rendered with, without revealing the secret."""
    return hmac.digest(secret.encode(), _FORMAT_VERSION.encode(), "sha256").hex()[:32]


def render(row: FeedRow, secret: str) -> feed_render.Rendered:
    item = feed_format.feed_item(row, row.tlp, secret)
    obj = stix_notes.stix_object(row, item, secret)
    return feed_render.Rendered(
        row.seq, feed_format.item_json(item), stix_feed.dumps(obj), str(obj["id"])
    )


def fill(
    conn: psycopg.Connection[Any], after: int, upto: int, filters: FeedFilter, secret: str
) -> None:
    """Render and keep the events of (after, upto] not yet rendered with this secret."""
    key = render_key(secret)
    missing = feed_render.unrendered(conn, after, upto, filters, key)
    feed_render.save(conn, key, [render(row, secret) for row in missing])


def render_new(
    conn: psycopg.Connection[Any], secret: str, *, batch: int = 1000, most: int = 20_000
) -> int:
    """Render events appended since the last run (the scheduler's deliver job), so a page is
    already rendered when a partner first reads it; how many were rendered. At most `most`
    per run, so a backlog (the events before migration 0018) does not hold up webhooks: the
    next runs, or a partner's first read, render the rest."""
    key, done = render_key(secret), 0
    while done < most and (rows := feed_render.never_rendered(conn, batch)):
        feed_render.save(conn, key, [render(row, secret) for row in rows])
        done += len(rows)
    return done


def published_item(conn: psycopg.Connection[Any], row: FeedRow, secret: str) -> str:
    """The event's feed item as JSON text, exactly as the feed publishes it (rendered and kept
    now if it was not yet), so a webhook says what a page says."""
    kept = feed_render.rendered_item(conn, row.seq, render_key(secret))
    if kept is not None:
        return kept
    done = render(row, secret)
    feed_render.save(conn, render_key(secret), [done])
    return done.item_json


def rendered_rows(
    conn: psycopg.Connection[Any],
    after: int,
    upto: int,
    filters: FeedFilter,
    secret: str,
    content: str,
) -> Iterator[feed_render.RenderedRow]:
    """The page's events with their rendered `content` ("item" or "stix": only what the
    format sends crosses the wire), rendering any event that raced `fill`."""
    fill(conn, after, upto, filters, secret)
    for row in feed_render.read_rendered(conn, after, upto, filters, content):
        if row.stix_id is not None:
            yield row
            continue
        full = feed_query.event(conn, row.seq)
        if full is not None:  # else purged meanwhile: nothing to send
            done = render(full, secret)
            item, stix = done.item_json, done.stix_json
            yield replace(row, item_json=item, stix_json=stix, stix_id=done.stix_id)

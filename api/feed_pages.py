"""One feed contract for every format (JSON, CSV, STIX, TAXII): who may read, which cursor,
which page, and the rows of it, streamed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import psycopg
from fastapi import HTTPException
from psycopg_pool import ConnectionPool

from api import cursor
from api.deps import Principal
from config.settings import Settings
from share import feed_render
from store import feed_query, partners, sharing_groups
from store.feed_query import FeedFilter
from store.feed_render import RenderedRow


def partner_of(conn: psycopg.Connection[Any], user: Principal) -> partners.Partner:
    partner = partners.get_partner(conn, user.partner_id) if user.partner_id else None
    if partner is None or not partner.active:
        raise HTTPException(403, "this key belongs to no active partner")
    return partner


def hash_secret(settings: Settings) -> str:
    """The deployment secret; without it nothing is shared (contacts leave only keyed)."""
    secret = settings.hash_secret.get_secret_value()
    if not secret:
        raise HTTPException(
            503,
            "the feed is disabled: ADWATCH_HASH_SECRET is not set, and contacts are only "
            "shared as keyed hashes",
        )
    return secret


def group_ids(conn: psycopg.Connection[Any], user: Principal) -> list[int]:
    return sharing_groups.partner_group_ids(conn, partner_of(conn, user).id)


def checked_cursor(conn: psycopg.Connection[Any], value: str | None) -> int:
    """The seq after which to read; 400 when malformed, or beyond the newest event (not a
    cursor this feed gave out, and a partner must not wait silently on it)."""
    after = cursor.feed_cursor(value)
    if after > feed_query.newest_seq(conn):
        raise HTTPException(400, "unknown feed cursor: it is beyond the newest feed event")
    return after


@dataclass(frozen=True)
class Page:
    after: int
    last: int | None
    more: bool
    filters: FeedFilter

    @property
    def next_cursor(self) -> str:
        return str(self.last if self.last is not None else self.after)

    def headers(self, path: str, query: dict[str, Any]) -> dict[str, str]:
        """Cursor and `more` for formats whose body has no room for them (CSV, STIX)."""
        headers = {"X-Next-Cursor": self.next_cursor, "X-More": str(self.more).lower()}
        if self.more:
            params = {k: v for k, v in query.items() if v is not None}
            params["cursor"] = self.next_cursor
            headers["Link"] = f'<{path}?{urlencode(params)}>; rel="next"'
        return headers


def page(conn: psycopg.Connection[Any], after: int, limit: int, filters: FeedFilter) -> Page:
    last, more = feed_query.page_bounds(conn, after, limit, filters)
    return Page(after, last, more, filters)


def rows(
    pool: ConnectionPool[Any], page_: Page, secret: str, content: str
) -> Iterator[RenderedRow]:
    """The page's events with their rendered content, streamed on a connection of their own
    (the request's connection is given back before a streamed body is sent)."""
    if page_.last is None:
        return
    with pool.connection() as conn:
        yield from feed_render.rendered_rows(
            conn, page_.after, page_.last, page_.filters, secret, content
        )

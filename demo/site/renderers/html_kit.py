"""Shared pieces of every rendered page: the :class:`Page` answer and small HTML helpers.

Every piece of advert text goes through :func:`esc`; JSON for a ``<script>`` goes
through :func:`json_for_script` so a title such as ``<script>alert(1)</script>`` stays data.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from typing import Any
from urllib.parse import parse_qs, urlsplit

from demo.site.model import Advert, Block, Content

__all__ = [
    "SVG_THUMB",
    "ListingSlice",
    "Page",
    "blocks_html",
    "day",
    "esc",
    "html_page",
    "json_for_script",
    "latest",
    "listing_slice",
    "numbered_pagination",
    "page_number",
    "plain_page",
    "redirect",
    "split_target",
    "teaser",
]

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
SVG_THUMB = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48">'
    '<rect width="48" height="48" fill="#d9d4e7"/><circle cx="24" cy="18" r="9" fill="#a59ec0"/>'
    '<rect x="10" y="30" width="28" height="14" rx="7" fill="#a59ec0"/></svg>'
)


@dataclass(frozen=True)
class Page:
    status: int
    content_type: str
    body: bytes
    last_modified: datetime | None = None
    headers: tuple[tuple[str, str], ...] = field(default=())


def html_page(
    status: int, text: str, modified: datetime | None = None, charset: str = "utf-8"
) -> Page:
    return Page(status, f"text/html; charset={charset}", text.encode(charset), modified)


def plain_page(status: int, text: str, content_type: str = "text/plain; charset=utf-8") -> Page:
    return Page(status, content_type, text.encode("utf-8"))


def redirect(location: str) -> Page:
    body = f'<!DOCTYPE html><p>Moved to <a href="{esc(location)}">{esc(location)}</a></p>'
    return Page(301, "text/html; charset=utf-8", body.encode(), headers=(("Location", location),))


def esc(text: object) -> str:
    """HTML-escaped text, quotes included (safe in attributes too)."""
    return escape(str(text), quote=True)


def day(moment: datetime) -> str:
    """As "14 Mar 2025"."""
    return f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year}"


def blocks_html(blocks: Sequence[Block]) -> str:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, str):
            out.append(f"<p>{esc(block)}</p>")
        else:
            items = "".join(f"<li>{esc(item)}</li>" for item in block)
            out.append(f"<ul>{items}</ul>")
    return "\n".join(out)


def teaser(content: Content, limit: int = 140) -> str:
    """The first block, cut at a word boundary to ``limit`` characters."""
    first = next(iter(content.blocks), "")
    text = first if isinstance(first, str) else " ".join(first)
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def json_for_script(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def split_target(target: str) -> tuple[str, dict[str, list[str]]]:
    """(path, query) of a request target."""
    parts = urlsplit(target)
    return parts.path or "/", parse_qs(parts.query, keep_blank_values=True)


def page_number(values: list[str] | None) -> int | None:
    """The 1-based page a query asks for; None for a malformed one."""
    if not values:
        return 1
    raw = values[0]
    if not raw.isdigit() or int(raw) < 1:
        return None
    return int(raw)


def latest(adverts: Sequence[Advert], round_no: int) -> datetime | None:
    """Last-Modified of a page showing ``adverts``."""
    if not adverts:
        return None
    return max(a.content_at(round_no).updated for a in adverts)


@dataclass(frozen=True)
class ListingSlice:
    """One page of a paginated listing."""

    page: int
    pages: int
    start: int
    adverts: tuple[Advert, ...]


def listing_slice(listed: tuple[Advert, ...], page: int, page_size: int) -> ListingSlice | None:
    """Page ``page`` of ``listed``; None past the last page."""
    pages = max(1, math.ceil(len(listed) / page_size))
    if page > pages:
        return None
    start = (page - 1) * page_size
    return ListingSlice(page, pages, start, listed[start : start + page_size])


def numbered_pagination(page: int, pages: int, href: Callable[[int], str]) -> str:
    """Prev / first / window of 2 either side / last / Next, gaps shown as an ellipsis."""
    wanted = {1, pages, page - 2, page - 1, page, page + 1, page + 2}
    parts: list[str] = []
    if page > 1:
        parts.append(f'<a rel="prev" href="{href(page - 1)}">« Previous</a>')
    last = 0
    for n in sorted(p for p in wanted if 1 <= p <= pages):
        if n - last > 1:
            parts.append('<span class="gap">…</span>')
        if n == page:
            parts.append(f'<span class="current" aria-current="page">{n}</span>')
        else:
            parts.append(f'<a href="{href(n)}">{n}</a>')
        last = n
    if page < pages:
        parts.append(f'<a rel="next" href="{href(page + 1)}">Next »</a>')
    return " ".join(parts)

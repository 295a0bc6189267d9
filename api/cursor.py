"""Opaque pagination cursors (base64url JSON); a bad cursor is a 400, never a crash."""

from __future__ import annotations

import base64
import json
from typing import Any

from fastapi import HTTPException


def encode(payload: list[Any]) -> str:
    raw = json.dumps(payload, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(cursor: str) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        value = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, UnicodeDecodeError) as exc:
        raise HTTPException(400, "invalid cursor") from exc
    if not isinstance(value, list):
        raise HTTPException(400, "invalid cursor")
    return value


def advert_cursor(order: str, risk: float | None, advert_id: int) -> str:
    return encode([order, risk, advert_id])


def decode_advert_cursor(order: str, cursor: str | None) -> tuple[float | None, int] | None:
    if not cursor:
        return None
    value = decode(cursor)
    ok = len(value) == 3 and value[0] == order and isinstance(value[2], int)
    if not ok or not (value[1] is None or isinstance(value[1], int | float)):
        raise HTTPException(400, "invalid cursor (or it belongs to another ordering)")
    return (None if value[1] is None else float(value[1])), int(value[2])


def feed_cursor(cursor: str | None) -> int:
    """Feed cursors are the last seq seen, as a decimal string (partners ack by seq)."""
    if not cursor:
        return 0
    if not cursor.isdigit():
        raise HTTPException(400, "invalid feed cursor")
    return int(cursor)

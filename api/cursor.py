"""Opaque pagination cursors (base64url JSON); a bad cursor is a 400, never a crash."""

from __future__ import annotations

import base64
import binascii
import json
import math
from typing import Any

from fastapi import HTTPException

from api.deps import BIGINT_MAX

# Cursors are short (order, risk, id); anything longer is not one of ours, and the cap keeps
# json.loads from recursing through thousands of nested brackets.
MAX_CURSOR_CHARS = 200


def encode(payload: list[Any]) -> str:
    raw = json.dumps(payload, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(cursor: str) -> list[Any]:
    if len(cursor) > MAX_CURSOR_CHARS or not cursor.isascii():
        raise HTTPException(400, "invalid cursor")
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        value = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, binascii.Error, RecursionError) as exc:
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
    ok = len(value) == 3 and value[0] == order and _is_row_id(value[2])
    if not ok or not (value[1] is None or _is_finite_number(value[1])):
        raise HTTPException(400, "invalid cursor (or it belongs to another ordering)")
    return (None if value[1] is None else float(value[1])), int(value[2])


def _is_row_id(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= BIGINT_MAX


def _is_finite_number(value: Any) -> bool:
    """JSON numbers only: no booleans, NaN or Infinity (json.loads accepts both)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return abs(value) < 1e300 and math.isfinite(value)


def feed_cursor(cursor: str | None) -> int:
    """Feed cursors are the last seq seen, as a decimal string (partners ack by seq)."""
    if not cursor:
        return 0
    # isascii: str.isdigit() is also true for "²" and other digits int() refuses.
    if not (cursor.isascii() and cursor.isdigit() and len(cursor) <= 19):
        raise HTTPException(400, "invalid feed cursor")
    value = int(cursor)
    if value > BIGINT_MAX:
        raise HTTPException(400, "invalid feed cursor")
    return value

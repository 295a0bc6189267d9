"""Signed webhook delivery of feed events, with retries and exponential backoff.

The scheduler calls `deliver_pending` periodically with the deployment's hash secret.
Deliveries are queued (webhook_deliveries) in the transaction that writes each feed event.
A POST carries the feed item as JSON, with `X-Adwatch-Timestamp` and
`X-Adwatch-Signature: sha256=<HMAC-SHA256(partner secret, body)>`;
the body repeats the timestamp, so receivers can refuse replays of old bodies.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import psycopg

from share.feed_format import feed_item
from store import feed

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
BASE_DELAY_S = 30.0


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def retry_at(now: datetime, attempts_before: int) -> datetime | None:
    """Backoff after a failed attempt: 30 s, 60 s, 120 s ...; None once attempts run out."""
    if attempts_before + 1 >= MAX_ATTEMPTS:
        return None
    return now + timedelta(seconds=BASE_DELAY_S * 2**attempts_before)


def _payload(row: feed.FeedRow, tlp: str, secret: str, timestamp: str) -> bytes:
    body = {"sent_at": timestamp, "item": feed_item(row, tlp, secret)}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


def _post(
    client: httpx.Client, due: feed.DueDelivery, body: bytes, ts: str
) -> tuple[int | None, str | None]:
    headers = {
        "Content-Type": "application/json",
        "X-Adwatch-Timestamp": ts,
        "X-Adwatch-Signature": sign(due.webhook_secret, body),
        "X-Adwatch-Delivery": str(due.id),
    }
    try:
        response = client.post(due.webhook_url, content=body, headers=headers)
    except httpx.HTTPError as exc:
        return None, f"{type(exc).__name__}: {exc}"[:500]
    if 200 <= response.status_code < 300:
        return response.status_code, None
    return response.status_code, f"HTTP {response.status_code}"


def _deliver_one(
    conn: psycopg.Connection[Any],
    client: httpx.Client,
    due: feed.DueDelivery,
    now: datetime,
    secret: str,
) -> bool:
    row = feed.event(conn, due.feed_seq)
    if row is None:
        feed.record_delivery(
            conn, due.id, ok=False, http_status=None, error="feed event gone", retry_at=None
        )
        return False
    ts = str(int(time.time()))
    status, error = _post(client, due, _payload(row, row.tlp, secret, ts), ts)
    ok = error is None
    feed.record_delivery(
        conn,
        due.id,
        ok=ok,
        http_status=status,
        error=error,
        retry_at=None if ok else retry_at(now, due.attempts),
    )
    if not ok:
        log.warning("webhook delivery %s to partner %s failed: %s", due.id, due.partner_id, error)
    return ok


def deliver_pending(
    conn: psycopg.Connection[Any],
    hash_secret: str,
    *,
    now: datetime | None = None,
    limit: int = 100,
    client: httpx.Client | None = None,
) -> int:
    """POST due deliveries; returns how many were delivered. Failures are retried later.

    `conn` should be in autocommit mode: each delivery's outcome is recorded as it happens.
    """
    if not hash_secret:
        log.warning("webhooks paused: ADWATCH_HASH_SECRET is not set")
        return 0
    moment = now or datetime.now(UTC)
    due = feed.claim_due_deliveries(conn, moment, limit)
    if not due:
        return 0
    own = client is None
    http = client or httpx.Client(timeout=10.0, follow_redirects=False)
    try:
        return sum(_deliver_one(conn, http, d, moment, hash_secret) for d in due)
    finally:
        if own:
            http.close()

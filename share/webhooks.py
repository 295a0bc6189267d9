"""Signed webhook delivery of feed events, with retries and exponential backoff.

The scheduler calls `deliver_pending` periodically with the deployment's hash secret.
Deliveries are queued (webhook_deliveries) in the transaction that writes each feed event.
A POST carries the feed item as JSON, with `X-Adwatch-Timestamp` (Unix seconds) and
`X-Adwatch-Signature: sha256=<HMAC-SHA256(partner secret, f"{timestamp}." + body)>`: the
timestamp is inside the signed string, so a captured delivery cannot be replayed later with a
fresh timestamp, and receivers refuse old ones (README: "Verifying a webhook").

Deliveries go only to the partner's approved URL while the partner is active (checked again
just before each POST), through :func:`share.webhook_transport.pinned_client`, which connects
only to addresses :mod:`share.webhook_policy` allows and follows no redirects. The partner's
delivery log says only "HTTP 500 from your endpoint" or "delivery failed: connection error";
what went wrong in full (addresses, exception text) is kept for admins.
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

from config.settings import get_settings
from share import feed_render
from share.webhook_policy import AddressRefused, WebhookPolicy
from share.webhook_transport import pinned_client
from store import feed, webhook_deliveries
from store.webhook_deliveries import DueDelivery, Outcome, Target

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
BASE_DELAY_S = 30.0
#: what a partner is told of any failure before an HTTP status: never addresses or ports
CONNECTION_FAILED = "delivery failed: connection error"


def sign(secret: str, timestamp: str, body: bytes) -> str:
    signed = timestamp.encode() + b"." + body
    return "sha256=" + hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def retry_at(now: datetime, attempts_before: int) -> datetime | None:
    """Backoff after a failed attempt: 30 s, 60 s, 120 s ...; None once attempts run out."""
    if attempts_before + 1 >= MAX_ATTEMPTS:
        return None
    return now + timedelta(seconds=BASE_DELAY_S * 2**attempts_before)


def _payload(item_json: str, timestamp: str) -> bytes:
    """The event's item as the feed published it (share.feed_render), with the send time."""
    return ('{"sent_at":' + json.dumps(timestamp) + ',"item":' + item_json + "}").encode()


def _post(
    client: httpx.Client,
    policy: WebhookPolicy,
    target: Target,
    delivery_id: int | str,
    body: bytes,
    ts: str,
) -> Outcome:
    problem = policy.url_problem(target.webhook_url)  # the rules may have changed since
    if problem is not None:
        return Outcome(False, None, f"refused: {problem}", CONNECTION_FAILED)
    headers = {
        "Content-Type": "application/json",
        "X-Adwatch-Timestamp": ts,
        "X-Adwatch-Signature": sign(target.webhook_secret, ts, body),
        "X-Adwatch-Delivery": str(delivery_id),
    }
    try:
        # streamed and closed unread: only the status matters, whatever size the body is
        with client.stream("POST", target.webhook_url, content=body, headers=headers) as reply:
            status = reply.status_code
    except AddressRefused as exc:
        return Outcome(False, None, f"refused: {exc}"[:500], CONNECTION_FAILED)
    except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:  # one bad URL: not the batch
        return Outcome(False, None, f"{type(exc).__name__}: {exc}"[:500], CONNECTION_FAILED)
    if 200 <= status < 300:
        return Outcome(True, status, None, None)
    return Outcome(False, status, f"HTTP {status}", f"HTTP {status} from your endpoint")


def _deliver_one(
    conn: psycopg.Connection[Any],
    client: httpx.Client,
    policy: WebhookPolicy,
    due: DueDelivery,
    now: datetime,
    secret: str,
) -> bool:
    target = webhook_deliveries.sendable_target(conn, due.id)
    if target is None:
        log.info(
            "webhook delivery %s cancelled: partner %s inactive or unapproved",
            due.id,
            due.partner_id,
        )
        return False
    row = feed.event(conn, due.feed_seq)
    if row is None:
        gone = Outcome(False, None, "feed event gone", "delivery failed: feed event gone")
        webhook_deliveries.record_delivery(conn, due.id, gone, retry_at=None)
        return False
    ts = str(int(time.time()))
    body = _payload(feed_render.published_item(conn, row, secret), ts)
    outcome = _post(client, policy, target, due.id, body, ts)
    webhook_deliveries.record_delivery(
        conn, due.id, outcome, retry_at=None if outcome.ok else retry_at(now, due.attempts)
    )
    if not outcome.ok:
        log.warning(
            "webhook delivery %s to partner %s failed: %s", due.id, due.partner_id, outcome.error
        )
    return outcome.ok


def deliver_pending(
    conn: psycopg.Connection[Any],
    hash_secret: str,
    *,
    now: datetime | None = None,
    limit: int = 100,
    policy: WebhookPolicy | None = None,
) -> int:
    """POST due deliveries; returns how many were delivered. Failures are retried later.

    `conn` should be in autocommit mode: each delivery's outcome is recorded as it happens.
    `policy` defaults to the deployment's settings (ADWATCH_WEBHOOK_ALLOW_HTTP / _PRIVATE).
    """
    if not hash_secret:
        log.warning("webhooks paused: ADWATCH_HASH_SECRET is not set")
        return 0
    moment = now or datetime.now(UTC)
    due = webhook_deliveries.claim_due_deliveries(conn, moment, limit)
    if not due:
        return 0
    rules = policy or WebhookPolicy.from_settings(get_settings())
    with pinned_client(rules) as http:
        return sum(_deliver_one(conn, http, rules, d, moment, hash_secret) for d in due)


def send_test_ping(target: Target, policy: WebhookPolicy) -> Outcome:
    """POST a signed test ping to an approved URL, once, by the same rules and transport as
    every delivery; the body says it is a test and carries no item."""
    ts = str(int(time.time()))
    body = json.dumps({"sent_at": ts, "test": True, "item": None}, separators=(",", ":"))
    with pinned_client(policy) as http:
        return _post(http, policy, target, "test", body.encode(), ts)

from __future__ import annotations

from typing import Any

import psycopg
import pytest

from store import api_keys, partners

pytestmark = pytest.mark.integration


def test_key_is_stored_hashed_and_verifies(conn: psycopg.Connection[Any]) -> None:
    key, token = api_keys.create_key(conn, "Ana", "analyst")
    stored = conn.execute("SELECT key_hash FROM api_keys WHERE id = %s", (key.id,)).fetchone()
    assert stored is not None and token not in stored[0]
    verified = api_keys.verify_key(conn, token)
    assert verified is not None and verified.role == "analyst"
    assert api_keys.verify_key(conn, token[:-1] + ("A" if token[-1] != "A" else "B")) is None
    assert api_keys.verify_key(conn, "garbage") is None
    assert api_keys.revoke_key(conn, key.id)
    assert api_keys.verify_key(conn, token) is None


def test_partner_keys_need_a_partner(conn: psycopg.Connection[Any]) -> None:
    with pytest.raises(ValueError):
        api_keys.create_key(conn, "ISP", "partner")
    partner = partners.ensure_partner(conn, "ISP One")
    key, _ = api_keys.create_key(conn, "ISP One feed", "partner", partner.id)
    assert key.partner_id == partner.id
    assert partners.ensure_partner(conn, "ISP One").id == partner.id

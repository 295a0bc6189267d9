"""numpy <-> PostgreSQL integer transfer: binary COPY, array literals and int8send blobs."""

from __future__ import annotations

from typing import Any

import numpy as np
import psycopg
import pytest

from store.pgarrays import bigint_array, bigints, binary_copy_of_bigint_pairs

pytestmark = pytest.mark.integration
EXTREMES = np.array([0, 1, -1, 2**63 - 1, -(2**63), 123456789012], dtype=np.int64)


def test_binary_copy_and_blobs_round_trip_every_bigint(conn: psycopg.Connection[Any]) -> None:
    conn.execute("CREATE TEMP TABLE pairs (a bigint, b bigint)")
    with conn.cursor().copy("COPY pairs (a, b) FROM STDIN (FORMAT BINARY)") as cp:
        cp.write(binary_copy_of_bigint_pairs(EXTREMES, EXTREMES[::-1].copy()))
    row = conn.execute(
        """SELECT string_agg(int8send(a), ''::bytea ORDER BY a),
                  string_agg(int8send(b), ''::bytea ORDER BY a) FROM pairs""",
        binary=True,
    ).fetchone()
    assert row is not None
    order = np.argsort(EXTREMES)
    assert bigints(row[0]).tolist() == EXTREMES[order].tolist()
    assert bigints(row[1]).tolist() == EXTREMES[::-1][order].tolist()


def test_array_literal_reaches_the_server_intact(conn: psycopg.Connection[Any]) -> None:
    found = conn.execute("SELECT %s::bigint[]", (bigint_array(EXTREMES),)).fetchone()
    assert found == (EXTREMES.tolist(),)
    assert conn.execute("SELECT %s::bigint[]", (bigint_array([]),)).fetchone() == ([],)
    assert bigints(None).tolist() == []

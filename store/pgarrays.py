"""Moving many integers between numpy and PostgreSQL without a Python object per value.

Linking sends and receives hundreds of thousands of bucket keys per batch; psycopg's
per-element adaptation of Python lists and rows would cost more than the queries.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from numpy.typing import NDArray


def binary_copy_of_bigint_pairs(first: NDArray[np.int64], second: NDArray[np.int64]) -> bytes:
    """PostgreSQL's binary COPY format for rows of two bigints, built by numpy in one go:
    millions of bucket rows cost no Python per row."""
    rows = np.empty(len(first), dtype=_BIGINT_PAIR_ROW)
    rows["fields"], rows["first_len"], rows["second_len"] = 2, 8, 8
    rows["first"], rows["second"] = first, second
    return _COPY_HEADER + rows.tobytes() + _COPY_TRAILER


_BIGINT_PAIR_ROW = np.dtype(
    [
        ("fields", ">i2"),
        ("first_len", ">i4"),
        ("first", ">i8"),
        ("second_len", ">i4"),
        ("second", ">i8"),
    ]
)
_COPY_HEADER = b"PGCOPY\n\xff\r\n\x00" + (0).to_bytes(4, "big") + (0).to_bytes(4, "big")
_COPY_TRAILER = (-1).to_bytes(2, "big", signed=True)


def bigints(raw: bytes | None) -> NDArray[np.int64]:
    """Big-endian int8 values as PostgreSQL's int8send writes them (string_agg of them)."""
    return np.frombuffer(raw or b"", dtype=">i8").astype(np.int64)


def bigint_array(values: Iterable[int] | NDArray[np.int64]) -> str:
    """An array literal: for 100,000 keys, joining text is far cheaper than psycopg's
    per-element type inspection of a Python list."""
    items = values.tolist() if isinstance(values, np.ndarray) else values
    return "{" + ",".join(map(str, items)) + "}"

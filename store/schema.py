"""A stable text dump of the schema, compared with store/schema_dump.txt in the tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import psycopg

SCHEMA_DUMP_PATH = Path(__file__).with_name("schema_dump.txt")

_COLUMNS = """
SELECT table_name, column_name, data_type, is_nullable, coalesce(column_default, ''),
       coalesce(generation_expression, '')
FROM information_schema.columns
WHERE table_schema = current_schema()
ORDER BY table_name, ordinal_position
"""
_CONSTRAINTS = """
SELECT cl.relname, co.conname, pg_get_constraintdef(co.oid)
FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid
WHERE cl.relnamespace = current_schema()::regnamespace
ORDER BY cl.relname, co.conname
"""
_INDEXES = """
SELECT tablename, indexdef FROM pg_indexes
WHERE schemaname = current_schema() ORDER BY tablename, indexname
"""
_TRIGGERS = """
SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace
ORDER BY c.relname, t.tgname
"""


def describe_schema(conn: psycopg.Connection[Any]) -> str:
    """Tables, columns, constraints, indexes and triggers of the current schema, one per line."""
    lines: list[str] = []
    for row in conn.execute(_COLUMNS):
        lines.append("column " + " | ".join(str(v) for v in row))
    for row in conn.execute(_CONSTRAINTS):
        lines.append("constraint " + " | ".join(str(v) for v in row))
    for row in conn.execute(_INDEXES):
        lines.append("index " + " | ".join(str(v) for v in row))
    for row in conn.execute(_TRIGGERS):
        lines.append("trigger " + " | ".join(str(v) for v in row))
    return "\n".join(lines) + "\n"

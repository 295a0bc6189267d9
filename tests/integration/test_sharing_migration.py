"""Migration 0009 changes nobody's feed: existing partners join 'default', and events written
before sharing groups existed are shared with 'default'."""

from __future__ import annotations

import uuid

import psycopg
import pytest

from store import migrate

pytestmark = pytest.mark.integration


def test_existing_partners_and_events_land_in_default(
    pg_admin_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests import pg

    name = "adwatch_0009_" + uuid.uuid4().hex[:8]
    with psycopg.connect(pg_admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    everything = migrate.available_migrations()
    before = [m for m in everything if m.version < 9]
    try:
        with psycopg.connect(pg.with_dbname(pg_admin_url, name)) as conn:
            monkeypatch.setattr(migrate, "available_migrations", lambda: before)
            migrate.upgrade(conn)
            conn.execute(
                """INSERT INTO partners (id, name) VALUES (1, 'ISP One'), (2, 'NGO Two');
                   INSERT INTO adverts (id, canonical_url, kind, content_hash, first_seen,
                       last_seen)
                   VALUES (1, 'https://a.example.org/1', 'job', 'h1', now(), now());
                   INSERT INTO feed_events (advert_id, event) VALUES (1, 'confirmed');"""
            )
            conn.commit()
            monkeypatch.setattr(migrate, "available_migrations", lambda: everything)
            assert 9 in [m.version for m in migrate.upgrade(conn)]
            members = conn.execute(
                """SELECT pg.partner_id, g.name FROM partner_groups pg
                   JOIN sharing_groups g ON g.id = pg.group_id ORDER BY 1"""
            ).fetchall()
            assert members == [(1, "default"), (2, "default")]
            shared = conn.execute(
                """SELECT g.name FROM feed_events e JOIN sharing_groups g
                   ON g.id = ANY(e.group_ids)"""
            ).fetchall()
            assert shared == [("default",)]
    finally:
        pg.drop_database(pg_admin_url, name)

"""Linking: templates and shared contacts cluster incrementally in PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import psycopg
import pytest

from classifier.linking import link_pending
from store import adverts, clusters
from store.adverts import AdvertSnapshot, EntityRecord

pytestmark = pytest.mark.integration
TEMPLATE = (
    "Hiring {name} and friends for a hotel in {city}. Travel is paid by us and accommodation is "
    "provided, the cost is taken from your first salaries. Documents are handled by the "
    "manager on arrival. Only women aged 19 to 25. Write on Telegram today, places are limited."
)


def ad(n: int, body: str, phone: str | None = None, location: str | None = None) -> AdvertSnapshot:
    ents = (EntityRecord("phone", phone),) if phone else ()
    return AdvertSnapshot(
        canonical_url=f"https://ads.example.org/{n}",
        url=f"https://ads.example.org/{n}",
        kind="job",
        title=f"Hotel work #{n}",
        body=body,
        raw_body=body.encode(),
        fetched_at=datetime(2026, 11, 1, tzinfo=UTC),
        entities=ents,
        location=location,
    )


def cluster_members(conn: psycopg.Connection[Any], kind: str) -> list[list[str]]:
    rows = conn.execute(
        """SELECT array_agg(a.canonical_url ORDER BY a.canonical_url) FROM cluster_members m
           JOIN clusters c ON c.id = m.cluster_id AND c.kind = %s
           JOIN adverts a ON a.id = m.advert_id GROUP BY c.id ORDER BY 1""",
        (kind,),
    ).fetchall()
    return [[u.rsplit("/", 1)[1] for u in r[0]] for r in rows]


def test_templates_and_contacts_link_incrementally(conn: psycopg.Connection[Any]) -> None:
    adverts.ingest_many(
        conn,
        [
            ad(1, TEMPLATE.format(name="Ana", city="Milan"), "+37360000101", "Milan"),
            ad(2, TEMPLATE.format(name="Ioana", city="Berlin"), "+37360000102", "Berlin"),
            ad(3, TEMPLATE.format(name="Olga", city="Vienna"), "+37360000103", "Vienna"),
            ad(
                4,
                "Licensed agency, licence 123/2026. Written contract before departure.",
                "+37360000103",
            ),
            ad(
                5,
                "Family bakery in Cluj needs a baker, 40 hours a week, contract, 12 EUR per hour.",
            ),
        ],
    )
    stats = link_pending(conn, batch_size=2)  # several batches: incremental by construction
    assert stats.adverts == 5
    assert cluster_members(conn, "template") == [["1", "2", "3"]]
    assert cluster_members(conn, "contact") == [["3", "4"]]
    template = conn.execute(
        "SELECT id, size, cities FROM clusters WHERE kind = 'template'"
    ).fetchone()
    assert template is not None and template[1:] == (3, 3)

    adverts.ingest_advert(conn, ad(6, TEMPLATE.format(name="Vera", city="Rome"), "+37360000101"))
    again = link_pending(conn)
    assert again.adverts == 1  # only the newcomer is processed
    assert cluster_members(conn, "template") == [["1", "2", "3", "6"]]
    assert conn.execute("SELECT id FROM clusters WHERE kind = 'template'").fetchone() == (
        template[0],
    )
    assert cluster_members(conn, "contact") == [["1", "6"], ["3", "4"]]
    assert link_pending(conn).adverts == 0


def test_a_bridging_advert_merges_contact_clusters(conn: psycopg.Connection[Any]) -> None:
    adverts.ingest_many(
        conn,
        [
            ad(1, "one", "+37360000101"),
            ad(2, "two", "+37360000101"),
            ad(3, "three", "+40700000111"),
            ad(4, "four", "+40700000111"),
        ],
    )
    link_pending(conn)
    assert cluster_members(conn, "contact") == [["1", "2"], ["3", "4"]]
    bridge = ad(5, "five", "+37360000101")
    bridge = AdvertSnapshot(
        **{
            **bridge.__dict__,
            "entities": (
                EntityRecord("phone", "+37360000101"),
                EntityRecord("phone", "+40700000111"),
            ),
        }
    )
    adverts.ingest_advert(conn, bridge)
    link_pending(conn)
    assert cluster_members(conn, "contact") == [["1", "2", "3", "4", "5"]]
    assert len(clusters.clusters_of_advert(conn, 5)) == 1

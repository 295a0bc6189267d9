"""Linking: templates and shared contacts cluster incrementally in PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import psycopg
import pytest

from linking.clustering import band_buckets, signatures
from linking.linker import COMPARISONS_PER_BUCKET, link_pending
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


def bucket_keys_of(conn: psycopg.Connection[Any], advert_id: int) -> set[int]:
    rows = conn.execute("SELECT bucket FROM lsh_buckets WHERE advert_id = %s", (advert_id,))
    return {int(r[0]) for r in rows}


def keys_of_text(title: str, body: str) -> set[int]:
    return set(band_buckets(signatures([(title, body)]))[0].tolist())


def test_a_changed_advert_is_relinked_from_its_new_text_only(
    conn: psycopg.Connection[Any],
) -> None:
    bakery = (
        "Family bakery in Cluj needs a baker and a shop assistant. Forty hours a week with a "
        "written contract, twelve euro per hour, paid holidays and a lunch break every day."
    )
    first = TEMPLATE.format(name="Vera", city="Rome")
    adverts.ingest_many(
        conn,
        [ad(1, TEMPLATE.format(name="Ana", city="Milan")), ad(2, first), ad(3, bakery)],
    )
    link_pending(conn, batch_size=2)
    assert cluster_members(conn, "template") == [["1", "2"]]
    assert bucket_keys_of(conn, 2) == keys_of_text("Hotel work #2", first)

    changed = bakery.replace("Cluj", "Sibiu")
    adverts.ingest_advert(conn, ad(2, changed))
    conn.commit()
    assert link_pending(conn).adverts == 1
    # The rows of its old text are gone, so later adverts of that template no longer meet it
    # through them. It joins the bakery advert; clusters only grow, so the one advert posted
    # with both texts now links the two templates (a lead an analyst wants to see).
    assert bucket_keys_of(conn, 2) == keys_of_text("Hotel work #2", changed)
    assert cluster_members(conn, "template") == [["1", "2", "3"]]
    assert link_pending(conn).adverts == 0


def test_a_big_template_stores_a_bounded_number_of_rows_per_bucket(
    conn: psycopg.Connection[Any],
) -> None:
    names = [f"Name{chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(45)]
    adverts.ingest_many(
        conn, [ad(n, TEMPLATE.format(name=name, city="Milan")) for n, name in enumerate(names)]
    )
    link_pending(conn, batch_size=15)
    assert len(cluster_members(conn, "template")) == 1
    assert len(cluster_members(conn, "template")[0]) == 45
    fullest = conn.execute(
        "SELECT max(n) FROM (SELECT count(*) AS n FROM lsh_buckets GROUP BY bucket) s"
    ).fetchone()
    assert fullest == (COMPARISONS_PER_BUCKET,)


def test_groups_sharing_a_cluster_that_is_merged_away_end_in_one_cluster(
    conn: psycopg.Connection[Any],
) -> None:
    adverts.ingest_many(conn, [ad(n, f"advert {n}") for n in range(1, 7)])
    first = clusters.merge_components(conn, "contact", [[1, 2]])
    second = clusters.merge_components(conn, "contact", [[3, 4]])
    assert first != second
    # One group bridges both clusters (the second is merged into the first); another group
    # touches only the second. Both must end in the surviving cluster.
    touched = clusters.merge_components(conn, "contact", [[1, 3, 5], [4, 6]])
    assert touched == first
    assert cluster_members(conn, "contact") == [["1", "2", "3", "4", "5", "6"]]
    size = conn.execute("SELECT size FROM clusters WHERE kind = 'contact'").fetchone()
    assert size == (6,)


def test_short_adverts_join_no_template(conn: psycopg.Connection[Any]) -> None:
    """Image-only and one-line adverts are alike by having no text, not by a template."""
    adverts.ingest_many(
        conn,
        [ad(n, "") for n in range(1, 4)]
        + [ad(n, "Call me tonight") for n in range(4, 7)]
        + [ad(7, TEMPLATE.format(name="Ana", city="Milan"))],
    )
    assert link_pending(conn, batch_size=4).adverts == 7
    assert cluster_members(conn, "template") == []
    stored = conn.execute("SELECT count(DISTINCT advert_id) FROM lsh_buckets").fetchone()
    assert stored == (1,)  # only the full advert can be found by later ones
    adverts.ingest_advert(conn, ad(8, TEMPLATE.format(name="Olga", city="Vienna")))
    conn.commit()
    link_pending(conn)
    assert cluster_members(conn, "template") == [["7", "8"]]

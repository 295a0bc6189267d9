"""Image clusters: adverts whose photos' PDQ hashes are close join one cluster, incrementally,
through the band index; low-quality photos are never matched."""

from __future__ import annotations

import hashlib
import random
from functools import partial
from typing import Any

import psycopg
import pytest

from linking import image_linker
from linking.image_search import find_neighbours
from linking.linker import link_pending
from linking.pdq import pdq_distance as distance
from linking.pdq_warm import WarmIndex
from store import adverts
from store.adverts import AdvertSnapshot
from store.images import ImageRecord
from tests.api_support import Ad, seed
from tests.image_support import escort_snapshot, flip, record_photo

pytestmark = pytest.mark.integration


def ad(n: int, site_city: str) -> AdvertSnapshot:
    return escort_snapshot(n, site_city)


def add_photo(conn: psycopg.Connection[Any], advert_id: int, pdq: str, quality: int = 90) -> int:
    sha = hashlib.sha256(f"{advert_id}:{pdq}".encode()).hexdigest()
    photo = ImageRecord(sha, 1000, "image/jpeg", 64, 64, pdq, quality, f"{sha[:2]}/{sha}")
    return record_photo(conn, advert_id, f"https://img.example.org/{sha}", photo)


def image_clusters(conn: psycopg.Connection[Any]) -> list[list[int]]:
    rows = conn.execute(
        """SELECT array_agg(m.advert_id ORDER BY m.advert_id) FROM cluster_members m
           JOIN clusters c ON c.id = m.cluster_id AND c.kind = 'image' GROUP BY c.id ORDER BY 1"""
    ).fetchall()
    return [list(r[0]) for r in rows]


@pytest.mark.parametrize(
    ("bulk_from", "warm"),
    [(5000, False), (1, False), (5000, True), (1, True)],
    ids=["band-table", "in-memory", "warm-index", "warm-index-long-queue"],
)
def test_close_photos_link_incrementally_and_far_or_flat_ones_do_not(
    db_url: str,
    conn: psycopg.Connection[Any],
    monkeypatch: pytest.MonkeyPatch,
    bulk_from: int,
    warm: bool,
) -> None:
    monkeypatch.setattr(image_linker, "BULK_IMAGES", bulk_from)
    index = WarmIndex(partial(psycopg.connect, db_url), 50, 10**9) if warm else None
    if index is not None:  # loaded before the photos are stored: it must read them itself
        index.start()
        index.close()
    link = partial(image_linker.link_images, warm=index)
    if index is not None:  # a ready warm index answers a long queue too: no second index
        monkeypatch.setattr(image_linker, "MemoryIndex", None)
    rng = random.Random(16)
    base = f"{rng.getrandbits(256):064x}"
    other = f"{rng.getrandbits(256):064x}"
    cities = ["Milan", "Berlin", "Vienna", "Paris", "Rome", "Oslo"]
    ids = [adverts.ingest_advert(conn, ad(n, cities[n])).advert_id for n in range(6)]
    # 31 bits apart, spread so that every band differs by two bits but one: only the one-bit
    # probes find it.
    far_edge = flip(base, [b * 16 + o for b in range(15) for o in (0, 1)] + [15 * 16])
    assert distance(base, far_edge) == 31
    add_photo(conn, ids[0], base)
    add_photo(conn, ids[1], far_edge)
    add_photo(conn, ids[2], flip(far_edge, [250]))  # 32 from base, 1 from ids[1]'s photo
    add_photo(conn, ids[3], other)
    add_photo(conn, ids[4], flip(other, [3]), quality=20)  # too flat to match: never queued
    assert link(conn)[0] == 4
    assert image_clusters(conn) == [[ids[0], ids[1], ids[2]]]
    # Later: the same bytes on a new advert, and a photo close to `other`.
    add_photo(conn, ids[5], flip(other, [7, 100]))
    assert link(conn)[0] == 1
    assert image_clusters(conn) == [[ids[0], ids[1], ids[2]], [ids[3], ids[5]]]
    assert link(conn) == (0, set())


def test_link_job_links_images_and_scores_the_cluster(conn: psycopg.Connection[Any]) -> None:
    pdq = f"{random.Random(7).getrandbits(256):064x}"
    first = adverts.ingest_advert(conn, ad(1, "Milan")).advert_id
    second = adverts.ingest_advert(conn, ad(2, "Berlin")).advert_id
    same_bytes = ImageRecord("a" * 64, 1000, "image/png", 64, 64, pdq, 80, "aa/" + "a" * 64)
    assert record_photo(conn, first, "https://a.example/1.png", same_bytes) == (
        record_photo(conn, second, "https://b.example/1.png", same_bytes)
    )
    stats = link_pending(conn)
    assert stats.images == 1 and len(stats.image_clusters) == 1
    row = conn.execute("SELECT size, cities, risk FROM clusters WHERE kind = 'image'").fetchone()
    assert row is not None and row[0] == 2 and row[1] == 2 and row[2] > 0


def test_neighbours_lists_matches_nearest_first(conn: psycopg.Connection[Any]) -> None:
    pdq = f"{random.Random(3).getrandbits(256):064x}"
    advert_id = adverts.ingest_advert(conn, ad(1, "Milan")).advert_id
    near = add_photo(conn, advert_id, flip(pdq, [5]))
    nearer = add_photo(conn, advert_id, pdq)
    found = find_neighbours(conn, [pdq], 31, 50)
    assert [(n.image_id, n.distance) for n in found] == [(nearer, 0), (near, 1)]


def test_one_photo_across_sites_under_other_titles_raises_cluster_risk(
    conn: psycopg.Connection[Any],
) -> None:
    rng = random.Random(21)
    spread, local = f"{rng.getrandbits(256):064x}", f"{rng.getrandbits(256):064x}"
    ids = seed(
        conn,
        [
            Ad(1, title="Anna, new in Milan", site="escort-a"),
            Ad(2, title="Sofia, just arrived", site="escort-b"),
            Ad(3, title="Model work", site="escort-a"),
            Ad(4, title="Model work", site="escort-a"),
        ],
    )
    for advert_id, pdq in zip(ids, [spread, spread, local, local], strict=True):
        add_photo(conn, advert_id, pdq)
    link_pending(conn)
    risks = dict(
        conn.execute(
            """SELECT min(m.advert_id), c.risk FROM clusters c
               JOIN cluster_members m ON m.cluster_id = c.id
               WHERE c.kind = 'image' GROUP BY c.id"""
        ).fetchall()
    )
    assert risks[ids[0]] > risks[ids[2]] > 0

"""The warm in-memory PDQ index answers exactly as the band table does, on random and planted
hashes; it sees photos stored after it loaded (also ones whose lower id commits late), honours
the quality threshold, and leaves lookups to the table while loading or when over its bound."""

from __future__ import annotations

import hashlib
import random
import threading
from collections.abc import Iterator
from functools import partial
from typing import Any

import psycopg
import pytest

from linking.image_search import find_neighbours
from linking.pdq_warm import WarmIndex
from store.images import ImageRecord, upsert_image
from tests.image_support import flip

pytestmark = pytest.mark.integration


def near(rng: random.Random, pdq: str, most: int = 40) -> str:
    return flip(pdq, rng.sample(range(256), rng.randint(0, most)))


def store(conn: psycopg.Connection[Any], pdq: str, quality: int = 90) -> int:
    sha = hashlib.sha256(f"{pdq}:{quality}".encode()).hexdigest()
    record = ImageRecord(sha, 1000, "image/jpeg", 64, 64, pdq, quality, f"{sha[:2]}/{sha}")
    return upsert_image(conn, record)[0]


def table(conn: psycopg.Connection[Any], hashes: list[str], quality: int = 50) -> list[Any]:
    return find_neighbours(conn, hashes, 31, quality)


@pytest.fixture
def warm(db_url: str) -> Iterator[WarmIndex]:
    index = WarmIndex(partial(psycopg.connect, db_url), 50, 10**9)
    yield index
    index.close()


def loaded(index: WarmIndex) -> WarmIndex:
    index.start()
    index.close()  # waits for the load
    assert index.state == "ready"
    return index


def test_warm_index_answers_as_the_table_on_random_and_planted_hashes(
    conn: psycopg.Connection[Any], warm: WarmIndex
) -> None:
    rng = random.Random(16)
    originals = [f"{rng.getrandbits(256):064x}" for _ in range(300)]
    for pdq in originals:
        store(conn, pdq)
    for pdq in rng.sample(originals, 150):  # copies 0-40 bits away, a few of them too flat
        store(conn, near(rng, pdq), quality=rng.choice([90, 90, 90, 30]))
    conn.commit()
    loaded(warm)
    for pdq in rng.sample(originals, 100):  # stored after the load: read before a lookup
        store(conn, near(rng, pdq), quality=rng.choice([90, 90, 90, 30]))
    conn.commit()
    queries = [near(rng, p) for p in rng.sample(originals, 120)]
    queries += [f"{rng.getrandbits(256):064x}" for _ in range(20)]
    for start in range(0, len(queries), 35):  # batches, as the link job asks
        batch = queries[start : start + 35]
        assert warm.lookup(conn, batch, 31, 50) == table(conn, batch)
    one = queries[:1]
    assert warm.lookup(conn, one, 12, 50) == find_neighbours(conn, one, 12, 50)
    assert sum(map(len, (warm.lookup(conn, [q], 31, 50) or [] for q in queries))) > 80


def test_photos_stored_after_the_load_are_found_and_flat_ones_never(
    conn: psycopg.Connection[Any], warm: WarmIndex
) -> None:
    rng = random.Random(3)
    pdq = f"{rng.getrandbits(256):064x}"
    first = store(conn, pdq)
    conn.commit()
    loaded(warm)
    later = store(conn, flip(pdq, [1, 2, 3]))
    store(conn, flip(pdq, [4]), quality=49)
    conn.commit()
    found = warm.lookup(conn, [pdq], 31, 50)
    assert found is not None
    assert [(n.image_id, n.distance) for n in found] == [(first, 0), (later, 3)]
    assert len(warm) == 2
    assert warm.lookup(conn, [pdq], 31, 40) is None  # another threshold: the table answers
    assert [n.image_id for n in find_neighbours(conn, [pdq], 31, 50, warm)] == [first, later]


def test_a_lower_id_committed_after_a_higher_one_is_still_found(
    db_url: str, conn: psycopg.Connection[Any], warm: WarmIndex
) -> None:
    rng = random.Random(5)
    pdq = f"{rng.getrandbits(256):064x}"
    store(conn, f"{rng.getrandbits(256):064x}")
    conn.commit()
    loaded(warm)
    with psycopg.connect(db_url) as slow:
        late = store(slow, flip(pdq, [9]))  # id taken, not committed yet
        early = store(conn, pdq)
        conn.commit()
        assert late < early
        assert [n.image_id for n in warm.lookup(conn, [pdq], 31, 50) or []] == [early]
        slow.commit()
    assert [n.image_id for n in warm.lookup(conn, [pdq], 31, 50) or []] == [early, late]


def test_over_its_memory_bound_or_loading_the_table_answers(
    db_url: str, conn: psycopg.Connection[Any]
) -> None:
    pdq = f"{random.Random(8).getrandbits(256):064x}"
    image_id = store(conn, pdq)
    conn.commit()
    small = WarmIndex(partial(psycopg.connect, db_url), 50, 1_000_000)
    small.start()
    small.close()
    assert small.state == "too_big"
    assert small.lookup(conn, [pdq], 31, 50) is None
    assert [n.image_id for n in find_neighbours(conn, [pdq], 31, 50, small)] == [image_id]
    cold = WarmIndex(partial(psycopg.connect, db_url), 50, 10**9)
    assert cold.lookup(conn, [pdq], 31, 50) is None  # starts loading; the table answers now
    cold.close()
    assert [n.image_id for n in cold.lookup(conn, [pdq], 31, 50) or []] == [image_id]


def test_threads_look_up_while_photos_are_stored(
    db_url: str, conn: psycopg.Connection[Any], warm: WarmIndex
) -> None:
    rng = random.Random(11)
    originals = [f"{rng.getrandbits(256):064x}" for _ in range(60)]
    for pdq in originals[:30]:
        store(conn, pdq)
    conn.commit()
    loaded(warm)
    failures: list[BaseException] = []

    def look_up(seed: int) -> None:
        ask = random.Random(seed)
        try:
            with psycopg.connect(db_url, autocommit=True) as own:
                for _ in range(25):
                    warm.lookup(own, [near(ask, ask.choice(originals), 8)], 31, 50)
        except BaseException as exc:  # reported below, in the test's thread
            failures.append(exc)

    threads = [threading.Thread(target=look_up, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for pdq in originals[30:]:  # stored while the threads look up, one commit each
        store(conn, pdq)
        conn.commit()
    for thread in threads:
        thread.join()
    assert failures == []
    queries = [near(rng, p, 8) for p in originals]
    assert warm.lookup(conn, queries, 31, 50) == table(conn, queries)
    assert len(warm) == 60

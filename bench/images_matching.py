"""Image matching at scale: N stored PDQ hashes (random, plus planted near-duplicates) loaded
with COPY; a new hash's neighbours (<= 31 bits) p50/p99 through the band index, then through
the warm in-memory index (its load time and memory too); then linking M new images (a share of
them planted near-duplicates of stored ones) against the N (skipped with --no-link).

Hashes are random 256-bit strings, the hardest case for the index: every band value is
equally likely, so each probe meets N / 65,536 stored images. Planted copies differ from
their original by a random 1-31 bits (PDQ's match range).
"""

from __future__ import annotations

import argparse
import os
import time
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import psycopg
from numpy.typing import NDArray

from bench.common import machine_description, postgres_version, scratch_database
from linking.image_linker import BULK_IMAGES, link_images, link_images_batch, sql_finder
from linking.image_search import find_neighbours
from linking.pdq_warm import WarmIndex

_BAND_ROW = np.dtype(
    [
        *[("n", ">i2"), ("l1", ">i4"), ("band", ">i2"), ("l2", ">i4"), ("value", ">i4")],
        *[("l3", ">i4"), ("image", ">i8")],
    ]
)
_HEADER = b"PGCOPY\n\xff\r\n\x00" + bytes(8)
_TRAILER = b"\xff\xff"


def random_hashes(rng: np.random.Generator, n: int) -> NDArray[np.uint8]:
    return rng.integers(0, 256, size=(n, 32), dtype=np.uint8)


def near_copies(rng: np.random.Generator, originals: NDArray[np.uint8]) -> NDArray[np.uint8]:
    """Each original with 1-31 distinct random bits flipped."""
    bits = np.unpackbits(originals, axis=1)
    for row in bits:
        flips = rng.choice(256, size=int(rng.integers(1, 32)), replace=False)
        row[flips] ^= 1
    return np.packbits(bits, axis=1)


def load_images(conn: psycopg.Connection[Any], first_id: int, hashes: NDArray[np.uint8]) -> None:
    """images rows (ids first_id..) and their 16 band rows each, by COPY."""
    hexes = [bytes(h).hex() for h in hashes]
    with conn.cursor().copy(
        "COPY images (id, sha256, byte_size, media_type, width, height, pdq, pdq_quality, "
        "storage_key) FROM STDIN"
    ) as cp:
        for n, pdq in enumerate(hexes):
            image_id = first_id + n
            sha = f"{image_id:064x}"
            cp.write_row((image_id, sha, 50_000, "image/jpeg", 512, 512, pdq, 90, f"b/{sha}"))
    bands = hashes.view(">u2").reshape(len(hashes), 16)
    rows = np.empty(bands.size, dtype=_BAND_ROW)
    rows["n"], rows["l1"], rows["l2"], rows["l3"] = 3, 2, 4, 8
    rows["band"] = np.tile(np.arange(16), len(hashes))
    rows["value"] = bands.ravel()
    rows["image"] = np.repeat(np.arange(first_id, first_id + len(hashes)), 16)
    with conn.cursor().copy("COPY image_pdq_bands FROM STDIN (FORMAT BINARY)") as cp:
        for start in range(0, len(rows), 1_000_000):
            head = _HEADER if start == 0 else b""
            tail = _TRAILER if start + 1_000_000 >= len(rows) else b""
            cp.write(head + rows[start : start + 1_000_000].tobytes() + tail)


def add_adverts(conn: psycopg.Connection[Any], image_ids: NDArray[np.int64]) -> None:
    """One advert per given image, in one of 40 cities, so clusters get statistics."""
    conn.execute(
        """WITH a AS (
               INSERT INTO adverts (canonical_url, kind, title, content_hash, first_seen,
                                    last_seen, location, needs_scoring)
               SELECT 'https://bench.example/' || i, 'escort', 'Advert ' || i, md5(i::text),
                      now(), now(), 'City ' || (i %% 40), false
               FROM unnest(%s::bigint[]) AS i
               RETURNING id, split_part(canonical_url, '/', 4)::bigint AS i)
           INSERT INTO advert_images (advert_id, image_id, url)
           SELECT id, i, 'https://bench.example/img/' || i FROM a""",
        (image_ids.tolist(),),
    )


def load(conn: psycopg.Connection[Any], stored: int, new: int, planted: float) -> dict[str, Any]:
    """Stored hashes (a share of them near copies of others), then new ones (a share of them
    near copies of stored ones, queued for linking). Returns what was planted."""
    rng = np.random.default_rng(16)
    base = random_hashes(rng, stored)
    inner = rng.choice(stored // 2, size=int(stored * planted), replace=False)
    base[stored // 2 + np.arange(len(inner))] = near_copies(rng, base[inner])
    fresh = random_hashes(rng, new)
    sources = rng.choice(stored, size=int(new * planted), replace=False)
    copies = rng.choice(new, size=len(sources), replace=False)  # spread over the queue
    fresh[copies] = near_copies(rng, base[sources])
    started = time.perf_counter()
    # Indexes built once after the load, as a bulk import would: faster than row by row.
    conn.execute("ALTER TABLE image_pdq_bands DROP CONSTRAINT image_pdq_bands_pkey")
    conn.execute("DROP INDEX image_pdq_bands_image")
    load_images(conn, 1, base)
    load_images(conn, stored + 1, fresh)
    conn.execute("ALTER TABLE image_pdq_bands ADD PRIMARY KEY (band, value, image_id)")
    conn.execute("CREATE INDEX image_pdq_bands_image ON image_pdq_bands (image_id)")
    conn.execute("SELECT setval('images_id_seq', %s)", (stored + new,))
    conn.execute(
        "INSERT INTO image_link_queue SELECT generate_series(%s::bigint, %s)",
        (stored + 1, stored + new),
    )
    # Adverts for the planted originals and every new image: the links to be found.
    add_adverts(conn, np.concatenate([sources + 1, np.arange(stored + 1, stored + new + 1)]))
    conn.commit()
    conn.autocommit = True
    conn.execute("VACUUM ANALYZE images, image_pdq_bands, advert_images")
    return {
        "load_s": time.perf_counter() - started,
        "base": base,
        "fresh": fresh,
        "sources": sources,
    }


def server_cpu_s(pid: int) -> float | None:
    """CPU seconds a local PostgreSQL backend has used (None when it is not on this machine):
    on a shared 2-core machine, wall times measure the neighbours' load as much as ours."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def query_times(
    conn: psycopg.Connection[Any], queries: list[str], warm: WarmIndex | None = None
) -> tuple[list[float], str]:
    """Wall milliseconds of each query, and the CPU both sides spent per query on average."""
    times = []
    server_before = server_cpu_s(conn.info.backend_pid)
    client_before = time.process_time()
    for pdq in queries:
        started = time.perf_counter()
        find_neighbours(conn, [pdq], 31, 50, warm)
        times.append((time.perf_counter() - started) * 1000)
    client = (time.process_time() - client_before) * 1000 / len(queries)
    server_after = server_cpu_s(conn.info.backend_pid)
    if server_before is None or server_after is None:
        return times, f"client CPU {client:.1f} ms a query"
    server = (server_after - server_before) * 1000 / len(queries)
    return times, f"CPU a query: PostgreSQL {server:.1f} ms + client {client:.1f} ms"


def link_through_table(conn: psycopg.Connection[Any], images: int) -> set[int]:
    """Link the first `images` queued photos as a short queue is linked: through the table."""
    if not images:
        return set()
    started = time.perf_counter()
    done = link_images_batch(conn, sql_finder(conn, 31, 50), 50, images)
    elapsed = time.perf_counter() - started
    linked = done[0] if done else 0
    print(
        f"link through the band table: {linked} images in {elapsed:.1f}s "
        f"({linked / elapsed:.0f} images/s)"
    )
    return done[1] if done else set()


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentiles(times: list[float]) -> str:
    return (
        f"p50 {np.percentile(times, 50):.2f} ms, p99 {np.percentile(times, 99):.2f} ms, "
        f"max {max(times):.1f} ms"
    )


def warm_queries(conn: psycopg.Connection[Any], url: str, asked: list[str]) -> None:
    """The warm in-memory index as the API holds it: load time and memory, then the same
    queries (each one first reads images stored since the last, as in the API)."""
    rss_before = rss_mb()
    started = time.perf_counter()
    warm = WarmIndex(partial(psycopg.connect, url), 50, 10**10)
    warm.start()
    warm.close()
    load_s = time.perf_counter() - started
    assert warm.state == "ready", warm.state
    print(
        f"warm index: {len(warm):,} hashes loaded in {load_s:.1f}s (read from PostgreSQL and "
        f"indexed); arrays {warm.nbytes / 1e6:.0f} MB, process RSS +{rss_mb() - rss_before:.0f} MB"
    )
    same = all(
        warm.lookup(conn, [q], 31, 50) == find_neighbours(conn, [q], 31, 50) for q in asked[:100]
    )
    times, cpu = query_times(conn, asked, warm)
    print(
        f"neighbour query through the warm index, {len(asked)} queries: {percentiles(times)} "
        f"(target p99 < 50 ms); {cpu}; same answers as the table on 100 queries: {same}; "
        f"load average {os.getloadavg()[0]:.1f}"
    )


def bulk_link(
    conn: psycopg.Connection[Any], url: str, warm_link: bool
) -> tuple[int, set[int], float]:
    """Link the whole queue as the link job does: through a ready warm index (what the
    scheduler's link job holds; its load is not timed), or else an index of all stored
    hashes loaded for the run. Images linked, clusters touched, seconds."""
    warm = None
    if warm_link:
        warm = WarmIndex(partial(psycopg.connect, url), 50, 10**10)
        warm.start()
        warm.close()
    rss_before, started = rss_mb(), time.perf_counter()
    linked, touched = link_images(conn, batch_size=2000, warm=warm)
    elapsed = time.perf_counter() - started
    how = "the warm index" if warm else f"an index loaded for the run ({BULK_IMAGES:,}+ queued)"
    print(f"(linked through {how}; process RSS +{rss_mb() - rss_before:.0f} MB while linking)")
    return linked, touched, elapsed


def run(
    stored: int,
    new: int,
    queries: int,
    planted: float,
    sql_link: int,
    link: bool = True,
    warm_link: bool = False,
) -> None:
    with scratch_database() as url, psycopg.connect(url, autocommit=True) as conn:
        conn.autocommit = False
        data = load(conn, stored, new, planted)
        print(f"loaded {stored:,} stored + {new:,} new hashes by COPY in {data['load_s']:.0f}s")
        rng = np.random.default_rng(7)
        picks = rng.choice(stored, size=queries // 2, replace=False)
        near = near_copies(rng, data["base"][picks])
        asked = [bytes(h).hex() for h in near] + [
            bytes(h).hex() for h in random_hashes(rng, queries - len(picks))
        ]
        found = find_neighbours(conn, asked[:50], 31, 50)
        recall = len({f.query for f in found if f.image_id == int(picks[f.query]) + 1})
        times, cpu = query_times(conn, asked)
        print(
            f"neighbour query (<= 31 bits) over {stored + new:,} hashes, {queries} queries: "
            f"p50 {np.percentile(times, 50):.1f} ms, p99 {np.percentile(times, 99):.1f} ms, "
            f"max {max(times):.1f} ms (target p99 < 50 ms); {cpu}; planted found {recall}/50; "
            f"load average {os.getloadavg()[0]:.1f}"
        )
        warm_queries(conn, url, asked)
        if not link:
            print(f"machine: {machine_description()}; {postgres_version(url)}")
            return
        sql_touched = link_through_table(conn, sql_link)
        linked, bulk_touched, elapsed = bulk_link(conn, url, warm_link)
        clustered = conn.execute(
            "SELECT count(*) FROM cluster_members WHERE kind = 'image'"
        ).fetchone()
        print(
            f"linking {linked:,} more new images against {stored:,}: {elapsed:.1f}s "
            f"({linked / max(elapsed, 1e-9):.0f} images/s; target 100,000 in < 300 s); "
            f"{len(bulk_touched | sql_touched):,} image clusters, "
            f"{clustered[0] if clustered else 0:,} adverts in "
            f"them ({len(data['sources']):,} planted pairs); "
            f"load average {os.getloadavg()[0]:.1f}"
        )
        print(f"machine: {machine_description()}; {postgres_version(url)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stored", type=int, default=1_000_000)
    parser.add_argument("--new", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--planted", type=float, default=0.05)
    parser.add_argument(
        "--sql-link", type=int, default=1000, help="new images linked through the table first"
    )
    parser.add_argument("--no-link", action="store_true", help="queries only, no linking")
    parser.add_argument(
        "--warm-link", action="store_true", help="link the queue through a ready warm index"
    )
    args = parser.parse_args()
    run(
        args.stored,
        args.new,
        args.queries,
        args.planted,
        args.sql_link,
        not args.no_link,
        args.warm_link,
    )


if __name__ == "__main__":
    main()

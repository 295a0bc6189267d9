"""Clusters: near-duplicate templates (MinHash LSH buckets) and shared-contact networks."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import psycopg

# Cluster risk: the riskiest member, raised by network signs analysts look for — many adverts,
# many cities, few contacts behind them (one manager for many people).
_REFRESH_SQL = """
WITH members AS (
    SELECT cluster_id, advert_id FROM cluster_members WHERE cluster_id = ANY(%(ids)s)
), stats AS (
    SELECT m.cluster_id, count(*) AS size, count(DISTINCT a.site_id) AS sites,
           count(DISTINCT lower(a.location)) AS cities, min(a.first_seen) AS first_seen,
           max(a.last_seen) AS last_seen, max(coalesce(a.risk_score, 0)) AS max_risk
    FROM members m JOIN adverts a ON a.id = m.advert_id GROUP BY m.cluster_id
), contacts AS (
    SELECT m.cluster_id, count(DISTINCT ae.entity_id) AS contacts
    FROM members m JOIN advert_entities ae ON ae.advert_id = m.advert_id
    JOIN entities e ON e.id = ae.entity_id AND e.kind <> 'url'
    GROUP BY m.cluster_id
)
UPDATE clusters c SET size = s.size, sites = s.sites, cities = s.cities,
    first_seen = s.first_seen, last_seen = s.last_seen, updated_at = now(),
    risk = 1 - (1 - s.max_risk) * (1 - 0.5 * (
        0.4 * least(1, ln(s.size) / ln(20))
      + 0.3 * least(1, greatest(s.cities - 1, 0) / 4.0)
      + 0.3 * (CASE WHEN s.size >= 3 AND coalesce(ct.contacts, 0) BETWEEN 1 AND 2
                    THEN 1 ELSE 0 END)))
FROM stats s LEFT JOIN contacts ct USING (cluster_id) WHERE c.id = s.cluster_id
"""


@dataclass(frozen=True)
class AdvertToLink:
    id: int
    title: str
    body: str
    content_hash: str


@contextmanager
def linking_lock(conn: psycopg.Connection[Any]) -> Iterator[bool]:
    """One linker at a time (merging clusters from two processes would race); yields whether
    this session got the lock. Held across the linker's batches, released at the end."""
    row = conn.execute("SELECT pg_try_advisory_lock(74012027)").fetchone()
    conn.commit()
    acquired = bool(row and row[0])
    try:
        yield acquired
    finally:
        if acquired and not conn.closed:
            conn.execute("SELECT pg_advisory_unlock(74012027)")
            conn.commit()


def adverts_to_link(conn: psycopg.Connection[Any], limit: int) -> list[AdvertToLink]:
    rows = conn.execute(
        """SELECT id, title, body, content_hash FROM adverts
           WHERE needs_linking ORDER BY id LIMIT %s""",
        (limit,),
    ).fetchall()
    return [AdvertToLink(*r) for r in rows]


def save_signatures(
    conn: psycopg.Connection[Any],
    rows: Sequence[tuple[int, str, bytes]],
    buckets: Sequence[tuple[int, int, int]],
) -> None:
    """Replace the signatures and LSH buckets of these adverts."""
    ids = [r[0] for r in rows]
    conn.execute("DELETE FROM lsh_buckets WHERE advert_id = ANY(%s)", (ids,))
    conn.execute("DELETE FROM advert_minhash WHERE advert_id = ANY(%s)", (ids,))
    copy_signatures = "COPY advert_minhash (advert_id, content_hash, signature) FROM STDIN"
    with conn.cursor().copy(copy_signatures) as cp:
        for row in rows:
            cp.write_row(row)
    with conn.cursor().copy("COPY lsh_buckets (band, bucket, advert_id) FROM STDIN") as cp:
        for bucket in buckets:
            cp.write_row(bucket)
    # Linked as of the content just hashed; a later content change sets the flag again.
    conn.execute(
        """UPDATE adverts a SET needs_linking = false
           FROM advert_minhash m
           WHERE a.id = ANY(%s) AND m.advert_id = a.id AND m.content_hash = a.content_hash""",
        (ids,),
    )


def bucket_neighbours(
    conn: psycopg.Connection[Any], bands: list[int], buckets: list[int], per_bucket: int
) -> list[tuple[int, int, int]]:
    """Up to `per_bucket` stored adverts in each of the given (band, bucket) pairs."""
    return [
        (int(r[0]), int(r[1]), int(r[2]))
        for r in conn.execute(
            """SELECT q.band, q.bucket, l.advert_id
               FROM (SELECT DISTINCT band, bucket
                     FROM unnest(%s::smallint[], %s::bigint[]) AS u(band, bucket)) q
               CROSS JOIN LATERAL (
                   SELECT advert_id FROM lsh_buckets l
                   WHERE l.band = q.band AND l.bucket = q.bucket LIMIT %s) l""",
            (bands, buckets, per_bucket),
        )
    ]


def signatures_of(conn: psycopg.Connection[Any], ids: list[int]) -> dict[int, bytes]:
    rows = conn.execute(
        "SELECT advert_id, signature FROM advert_minhash WHERE advert_id = ANY(%s)", (ids,)
    ).fetchall()
    return {int(r[0]): bytes(r[1]) for r in rows}


def contact_pairs(conn: psycopg.Connection[Any], ids: list[int]) -> list[tuple[int, int]]:
    """For each advert among `ids` and each phone, e-mail or handle it carries, the pair
    (advert, first advert with that contact). Every advert with a contact is joined to the
    same first advert, so these pairs give the same clusters as all pairs, in linear size."""
    rows = conn.execute(
        """SELECT DISTINCT a1.advert_id, first.advert_id FROM advert_entities a1
           JOIN entities e ON e.id = a1.entity_id AND e.kind <> 'url'
           CROSS JOIN LATERAL (
               SELECT a2.advert_id FROM advert_entities a2 WHERE a2.entity_id = a1.entity_id
               ORDER BY a2.advert_id LIMIT 1) first
           WHERE a1.advert_id = ANY(%s) AND first.advert_id <> a1.advert_id""",
        (ids,),
    ).fetchall()
    return [(int(a), int(b)) for a, b in rows]


def merge_components(
    conn: psycopg.Connection[Any],
    kind: str,
    components: Sequence[Sequence[int]],
    *,
    refresh: bool = True,
) -> set[int]:
    """Put each group of linked adverts into one cluster, merging clusters it bridges; returns
    the clusters touched. refresh=False leaves their statistics to refresh_stats (a caller
    touching one cluster batch after batch refreshes it once)."""
    groups = [list(g) for g in components if len(g) > 1]
    if not groups:
        return set()
    all_ids = [a for g in groups for a in g]
    current: dict[int, set[int]] = {}
    for advert_id, cluster_id in conn.execute(
        """SELECT m.advert_id, m.cluster_id FROM cluster_members m
           JOIN clusters c ON c.id = m.cluster_id AND c.kind = %s
           WHERE m.advert_id = ANY(%s)""",
        (kind, all_ids),
    ):
        current.setdefault(int(advert_id), set()).add(int(cluster_id))
    targets, merges = _plan(conn, kind, groups, current)
    for target, absorbed in merges:
        conn.execute(
            """UPDATE cluster_members SET cluster_id = %s
               WHERE cluster_id = ANY(%s) AND advert_id NOT IN (
                   SELECT advert_id FROM cluster_members WHERE cluster_id = %s)""",
            (target, absorbed, target),
        )
        conn.execute("DELETE FROM clusters WHERE id = ANY(%s)", (absorbed,))
    pairs = [(t, a) for t, g in zip(targets, groups, strict=True) for a in g]
    conn.execute(
        """INSERT INTO cluster_members (cluster_id, advert_id)
           SELECT * FROM unnest(%s::bigint[], %s::bigint[]) ON CONFLICT DO NOTHING""",
        ([p[0] for p in pairs], [p[1] for p in pairs]),
    )
    touched = set(targets)
    if refresh:
        refresh_stats(conn, touched)
    return touched


def refresh_stats(conn: psycopg.Connection[Any], cluster_ids: set[int]) -> None:
    """Recompute size, sites, cities, first/last seen and risk of these clusters."""
    ordered = sorted(cluster_ids)
    for start in range(0, len(ordered), 5000):
        conn.execute(_REFRESH_SQL, {"ids": ordered[start : start + 5000]})


def _plan(
    conn: psycopg.Connection[Any],
    kind: str,
    groups: list[list[int]],
    current: dict[int, set[int]],
) -> tuple[list[int], list[tuple[int, list[int]]]]:
    """Target cluster per group (new ones created in one statement) and clusters to merge."""
    existing = [sorted({c for a in g for c in current.get(a, ())}) for g in groups]
    needed = sum(1 for e in existing if not e)
    fresh = [
        int(r[0])
        for r in conn.execute(
            "INSERT INTO clusters (kind) SELECT %s FROM generate_series(1, %s) RETURNING id",
            (kind, needed),
        )
    ]
    targets, merges = [], []
    for found in existing:
        if found:
            targets.append(found[0])
            if len(found) > 1:
                merges.append((found[0], found[1:]))
        else:
            targets.append(fresh.pop())
    return targets, merges


def _new_cluster(conn: psycopg.Connection[Any], kind: str) -> int:
    row = conn.execute("INSERT INTO clusters (kind) VALUES (%s) RETURNING id", (kind,)).fetchone()
    assert row is not None
    return int(row[0])


def clusters_of_advert(conn: psycopg.Connection[Any], advert_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        """SELECT c.id, c.kind, c.size, c.sites, c.cities, c.first_seen, c.last_seen, c.risk
           FROM clusters c JOIN cluster_members m ON m.cluster_id = c.id
           WHERE m.advert_id = %s ORDER BY c.kind""",
        (advert_id,),
    ).fetchall()
    keys = ("id", "kind", "size", "sites", "cities", "first_seen", "last_seen", "risk")
    return [dict(zip(keys, r, strict=True)) for r in rows]


def refresh_all(conn: psycopg.Connection[Any]) -> None:
    """Recompute every cluster's statistics (after re-scoring, say)."""
    refresh_stats(conn, {int(r[0]) for r in conn.execute("SELECT id FROM clusters")})

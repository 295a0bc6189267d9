"""Clusters: near-duplicate templates (MinHash LSH buckets) and shared-contact networks."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np
import psycopg
from numpy.typing import NDArray

from store.pgarrays import bigint_array, bigints, binary_copy_of_bigint_pairs

# Cluster risk: the riskiest member, raised by network signs analysts look for — many adverts,
# many cities, few contacts behind them (one manager for many people). For an image cluster
# the third sign is the same photo on several sites under different titles (one person
# advertised by several posters, or one poster moving a person around).
_REFRESH_SQL = """
WITH members AS (
    SELECT cluster_id, advert_id FROM cluster_members WHERE cluster_id = ANY(%(ids)s)
), stats AS (
    SELECT m.cluster_id, count(*) AS size, count(DISTINCT a.site_id) AS sites,
           count(DISTINCT lower(a.location)) AS cities, min(a.first_seen) AS first_seen,
           max(a.last_seen) AS last_seen, max(coalesce(a.risk_score, 0)) AS max_risk,
           count(DISTINCT lower(a.title)) AS titles
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
      + 0.3 * (CASE WHEN c.kind = 'image'
                    THEN least(1, greatest(s.sites - 1, 0) / 2.0) * least(1, (s.titles - 1) / 2.0)
                    WHEN s.size >= 3 AND coalesce(ct.contacts, 0) BETWEEN 1 AND 2
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
        # The queue's head first, then its adverts: joined the other way round the planner
        # walks adverts from the lowest id, past every advert linked already.
        """WITH head AS MATERIALIZED (
               SELECT advert_id FROM link_queue ORDER BY advert_id LIMIT %s)
           SELECT a.id, a.title, a.body, a.content_hash
           FROM head JOIN adverts a ON a.id = head.advert_id ORDER BY a.id""",
        (limit,),
    ).fetchall()
    return [AdvertToLink(*r) for r in rows]


def save_signatures(
    conn: psycopg.Connection[Any],
    ids: Sequence[int],
    content_hashes: Sequence[str],
    signatures: NDArray[np.uint64],
    bucket_rows: tuple[NDArray[np.int64], NDArray[np.int64]],
    stale_rows: tuple[NDArray[np.int64], NDArray[np.int64]],
) -> None:
    """Store these adverts' signatures and LSH bucket rows (keys, advert ids), first removing
    the rows of their previous signatures (stale_rows), and mark them linked."""
    if len(stale_rows[0]):
        conn.execute(
            """DELETE FROM lsh_buckets l USING unnest(%s::bigint[], %s::bigint[]) s(bucket, id)
               WHERE l.bucket = s.bucket AND l.advert_id = s.id""",
            (bigint_array(stale_rows[0]), bigint_array(stale_rows[1])),
        )
    conn.execute(
        "DELETE FROM advert_minhash WHERE advert_id = ANY(%s::bigint[])", (bigint_array(ids),)
    )
    copy_signatures = "COPY advert_minhash (advert_id, content_hash, signature) FROM STDIN"
    with conn.cursor().copy(copy_signatures) as cp:
        for advert_id, content_hash, signature in zip(ids, content_hashes, signatures, strict=True):
            cp.write_row((advert_id, content_hash, signature.tobytes()))
    with conn.cursor().copy(
        "COPY lsh_buckets (bucket, advert_id) FROM STDIN (FORMAT BINARY)"
    ) as cp:
        cp.write(binary_copy_of_bigint_pairs(*bucket_rows))
    # Linked as of the content just hashed: an advert whose content changed meanwhile stays
    # queued (and a change committed after this is queued again by the ingest).
    conn.execute(
        """DELETE FROM link_queue q USING advert_minhash m, adverts a
           WHERE q.advert_id = ANY(%s::bigint[]) AND m.advert_id = q.advert_id
             AND a.id = q.advert_id AND m.content_hash = a.content_hash""",
        (bigint_array(ids),),
    )


def bucket_members(
    conn: psycopg.Connection[Any], keys: Sequence[int], per_bucket: int
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Up to `per_bucket` stored adverts in each of the given buckets, as parallel arrays of
    keys and advert ids (sent as two binary blobs: no Python object per row)."""
    if not keys:
        return bigints(None), bigints(None)
    row = conn.execute(
        """SELECT string_agg(int8send(q.bucket), ''::bytea),
                  string_agg(int8send(l.advert_id), ''::bytea)
           FROM unnest(%s::bigint[]) AS q(bucket)
           CROSS JOIN LATERAL (
               SELECT advert_id FROM lsh_buckets l WHERE l.bucket = q.bucket LIMIT %s) l""",
        (bigint_array(keys), per_bucket),
        binary=True,
    ).fetchone()
    return (bigints(row[0]), bigints(row[1])) if row else (bigints(None), bigints(None))


def signatures_of(
    conn: psycopg.Connection[Any], ids: Sequence[int]
) -> tuple[NDArray[np.int64], bytes]:
    """The stored adverts among `ids` (ascending) and their signatures, concatenated."""
    row = conn.execute(
        """SELECT string_agg(int8send(advert_id), ''::bytea ORDER BY advert_id),
                  string_agg(signature, ''::bytea ORDER BY advert_id)
           FROM advert_minhash WHERE advert_id = ANY(%s::bigint[])""",
        (bigint_array(ids),),
        binary=True,
    ).fetchone()
    return (bigints(row[0]), bytes(row[1] or b"")) if row else (bigints(None), b"")


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
           WHERE a1.advert_id = ANY(%s::bigint[]) AND first.advert_id <> a1.advert_id""",
        (bigint_array(ids),),
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
        """SELECT advert_id, cluster_id FROM cluster_members
           WHERE advert_id = ANY(%s::bigint[]) AND kind = %s""",
        (bigint_array(all_ids), kind),
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
    # An advert already in a cluster is in its target once the merges are done: only the
    # others need a row (in a big template, that is most of a group).
    pairs = [(t, a) for t, g in zip(targets, groups, strict=True) for a in g if a not in current]
    conn.execute(
        """INSERT INTO cluster_members (cluster_id, advert_id, kind)
           SELECT *, %s FROM unnest(%s::bigint[], %s::bigint[]) ON CONFLICT DO NOTHING""",
        (kind, bigint_array(p[0] for p in pairs), bigint_array(p[1] for p in pairs)),
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
    """Target cluster per group (new ones created in one statement) and clusters to merge.
    Two groups may touch one existing cluster, so merges are planned over all groups at once:
    every cluster a group touches ends in the smallest cluster id reachable that way."""
    existing = [{c for a in g for c in current.get(a, ())} for g in groups]
    root = _cluster_roots(existing)
    needed = sum(1 for e in existing if not e)
    fresh = [
        int(r[0])
        for r in conn.execute(
            "INSERT INTO clusters (kind) SELECT %s FROM generate_series(1, %s) RETURNING id",
            (kind, needed),
        )
    ]
    targets = [root[min(e)] if e else fresh.pop() for e in existing]
    absorbed: dict[int, list[int]] = {}
    for cluster, target in sorted(root.items()):
        if cluster != target:
            absorbed.setdefault(target, []).append(cluster)
    return targets, sorted(absorbed.items())


def _cluster_roots(touched: list[set[int]]) -> dict[int, int]:
    """Each cluster id mapped to the smallest id connected to it through shared groups."""
    parent: dict[int, int] = {}

    def find(c: int) -> int:
        while parent.setdefault(c, c) != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    for found in touched:
        for other in found:
            a, b = find(min(found)), find(other)
            parent[max(a, b)] = min(a, b)
    return {c: find(c) for c in parent}


def clusters_of_advert(conn: psycopg.Connection[Any], advert_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        """SELECT c.id, c.kind, c.size, c.sites, c.cities, c.first_seen, c.last_seen, c.risk
           FROM clusters c JOIN cluster_members m ON m.cluster_id = c.id
           WHERE m.advert_id = %s ORDER BY c.kind""",
        (advert_id,),
    ).fetchall()
    keys = ("id", "kind", "size", "sites", "cities", "first_seen", "last_seen", "risk")
    return [dict(zip(keys, r, strict=True)) for r in rows]

"""Incremental linking: new adverts join template clusters (MinHash LSH stored in PostgreSQL)
and contact clusters (shared phone, e-mail or handle) without reclustering everything."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import psycopg

from classifier.clustering import (
    BANDS,
    NUM_PERM,
    SIMILARITY,
    UnionFind,
    band_buckets,
    signatures,
)
from classifier.link_cache import BucketKey, LinkCache
from store import clusters

log = logging.getLogger(__name__)
COMPARISONS_PER_BUCKET = 20  # a huge template bucket needs only a few checks per newcomer


@dataclass
class LinkStats:
    adverts: int = 0
    template_clusters: set[int] = field(default_factory=set)
    contact_clusters: set[int] = field(default_factory=set)

    @property
    def template_clusters_touched(self) -> int:
        return len(self.template_clusters)

    @property
    def contact_clusters_touched(self) -> int:
        return len(self.contact_clusters)


def _template_groups(
    conn: psycopg.Connection[Any],
    cache: LinkCache,
    ids: list[int],
    sigs: np.ndarray[Any, Any],
    keys: list[list[BucketKey]],
) -> list[list[int]]:
    members = cache.neighbours(conn, {k for row in keys for k in row})
    for row, advert_id in enumerate(ids):
        for key in keys[row]:
            members[key].append(advert_id)
    known = {a: sigs[i] for i, a in enumerate(ids)}
    outside = sorted({a for group in members.values() for a in group} - known.keys())
    known.update(cache.signatures_of(conn, outside))
    found = UnionFind()
    for row, advert_id in enumerate(ids):
        found.find(advert_id)
        candidates: dict[int, None] = {}
        for key in keys[row]:
            for other in members[key][:COMPARISONS_PER_BUCKET]:
                if other != advert_id and other in known:
                    candidates[other] = None
        # Skip adverts already joined to this one: in a big template most already are.
        fresh = [o for o in candidates if found.find(o) != found.find(advert_id)]
        if not fresh:
            continue
        similar = (np.vstack([known[o] for o in fresh]) == sigs[row]).mean(axis=1) >= SIMILARITY
        for other in np.asarray(fresh)[similar].tolist():
            found.union(advert_id, int(other))
    return [g for g in found.groups() if len(g) > 1]


def _contact_groups(conn: psycopg.Connection[Any], ids: list[int]) -> list[list[int]]:
    found = UnionFind()
    for a, b in clusters.contact_pairs(conn, ids):
        found.union(a, b)
    return [g for g in found.groups() if len(g) > 1]


def link_batch(
    conn: psycopg.Connection[Any], batch_size: int = 5000, cache: LinkCache | None = None
) -> LinkStats | None:
    """Link one batch in one transaction; None when nothing is left. The caller holds the
    linking lock and refreshes the touched clusters' statistics (see link_pending)."""
    cache = cache or LinkCache(COMPARISONS_PER_BUCKET)
    with conn.transaction():
        todo = clusters.adverts_to_link(conn, batch_size)
        if not todo:
            return None
        ids = [a.id for a in todo]
        sigs = signatures([(a.title, a.body) for a in todo])
        buckets = band_buckets(sigs)
        keys = [[(band, int(buckets[i, band])) for band in range(BANDS)] for i in range(len(ids))]
        template_groups = _template_groups(conn, cache, ids, sigs, keys)
        clusters.save_signatures(
            conn,
            [(a.id, a.content_hash, sigs[i].tobytes()) for i, a in enumerate(todo)],
            [(band, bucket, ids[i]) for i, row in enumerate(keys) for band, bucket in row],
        )
        templates = clusters.merge_components(conn, "template", template_groups, refresh=False)
        contact_groups = _contact_groups(conn, ids)
        contacts = clusters.merge_components(conn, "contact", contact_groups, refresh=False)
    cache.add(ids, sigs, keys)
    return LinkStats(len(ids), templates, contacts)


def link_pending(conn: psycopg.Connection[Any], batch_size: int = 5000) -> LinkStats:
    """Link every advert awaiting it; returns empty stats when another linker is running."""
    total = LinkStats()
    with clusters.linking_lock(conn) as acquired:
        if not acquired:
            log.info("another process is linking; skipping")
            return total
        cache = LinkCache(COMPARISONS_PER_BUCKET)
        while (stats := link_batch(conn, batch_size, cache)) is not None:
            total.adverts += stats.adverts
            total.template_clusters |= stats.template_clusters
            total.contact_clusters |= stats.contact_clusters
            log.info("linked %d adverts (%d so far)", stats.adverts, total.adverts)
        # Statistics once per touched cluster, not once per batch that touched it.
        with conn.transaction():
            clusters.refresh_stats(conn, total.template_clusters | total.contact_clusters)
    return total


assert NUM_PERM % BANDS == 0

"""Incremental linking: new adverts join template clusters (MinHash LSH stored in PostgreSQL)
and contact clusters (shared phone, e-mail or handle) without reclustering everything."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import psycopg
from numpy.typing import NDArray

from linking import template_groups
from linking.clustering import (
    BANDS,
    MIN_TEMPLATE_WORDS,
    NUM_PERM,
    band_buckets,
    sketches,
)
from linking.crop_linker import CROP_INDEX_IMAGES
from linking.image_linker import link_images
from linking.link_cache import LinkCache
from linking.pdq import MATCH_DISTANCE, MIN_QUALITY
from linking.pdq_warm import WarmIndex
from store import clusters

log = logging.getLogger(__name__)
# A newcomer meets its template through several bands at once, so a few members of each of its
# buckets find it (a million-advert run joins every template into one cluster); comparing with
# more, or storing more rows per bucket, only adds work, most of all for big templates.
COMPARISONS_PER_BUCKET = 5
BucketRows = tuple[NDArray[np.int64], NDArray[np.int64]]  # bucket keys and advert ids


@dataclass
class LinkStats:
    adverts: int = 0
    template_clusters: set[int] = field(default_factory=set)
    contact_clusters: set[int] = field(default_factory=set)
    images: int = 0
    image_clusters: set[int] = field(default_factory=set)


def _template_groups(
    conn: psycopg.Connection[Any],
    cache: LinkCache,
    ids: list[int],
    sigs: NDArray[np.uint64],
    keys: NDArray[np.int64],
    linkable: NDArray[np.bool_],
) -> tuple[list[list[int]], BucketRows]:
    """Groups of adverts sharing a template, and the bucket rows (key, advert) to store: a
    bucket already holding COMPARISONS_PER_BUCKET members gains no more rows, since later
    adverts compare with that many only. Adverts too short to be `linkable` get neither."""
    stored_keys, stored_ids = cache.members(conn, keys[linkable])
    batch = np.array(ids, dtype=np.int64)
    known = cache.signatures_of(conn, np.setdiff1d(stored_ids, batch).tolist())
    outside = np.array(sorted(known), dtype=np.int64)  # a bucket row may outlive its signature
    node_ids = np.concatenate([batch, outside])
    by_id = np.argsort(node_ids)
    at = by_id[np.searchsorted(node_ids, stored_ids, sorter=by_id).clip(0, len(node_ids) - 1)]
    has_node = node_ids[at] == stored_ids
    stored_nodes = at[has_node].astype(np.intp)
    all_sigs = np.vstack([sigs, *(known[a] for a in outside.tolist())])
    pairs = template_groups.candidate_pairs(
        keys, stored_keys[has_node], stored_nodes, COMPARISONS_PER_BUCKET, linkable
    )
    similar = template_groups.similar_pairs(pairs, all_sigs.astype(np.uint32))
    groups = [node_ids[g].tolist() for g in template_groups.components(similar, len(node_ids))]
    rows = template_groups.bucket_rows_to_store(
        keys[linkable].ravel(),
        np.repeat(batch[linkable], keys.shape[1]),
        stored_keys,
        COMPARISONS_PER_BUCKET,
    )
    return groups, rows


def _stale_rows(conn: psycopg.Connection[Any], ids: list[int]) -> BucketRows:
    """Bucket rows of the signatures these adverts had before (content changed since)."""
    owners, raw = clusters.signatures_of(conn, ids)
    old = np.frombuffer(raw, dtype=np.uint64).reshape(len(owners), NUM_PERM)
    return band_buckets(old).ravel(), np.repeat(owners, BANDS)


def _contact_groups(conn: psycopg.Connection[Any], ids: list[int]) -> list[list[int]]:
    return template_groups.linked_groups(clusters.contact_pairs(conn, ids))


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
        sigs, word_counts = sketches([(a.title, a.body) for a in todo])
        keys = band_buckets(sigs)
        linkable = word_counts >= MIN_TEMPLATE_WORDS
        template_groups_found, bucket_rows = _template_groups(
            conn, cache, ids, sigs, keys, linkable
        )
        stale = _stale_rows(conn, ids)
        hashes = [a.content_hash for a in todo]
        clusters.save_signatures(conn, ids, hashes, sigs, bucket_rows, stale)
        templates = clusters.merge_components(
            conn, "template", template_groups_found, refresh=False
        )
        contact_groups = _contact_groups(conn, ids)
        contacts = clusters.merge_components(conn, "contact", contact_groups, refresh=False)
    cache.add(ids, sigs, bucket_rows)
    return LinkStats(len(ids), templates, contacts)


def link_pending(
    conn: psycopg.Connection[Any],
    batch_size: int = 5000,
    image_distance: int = MATCH_DISTANCE,
    image_min_quality: int = MIN_QUALITY,
    image_index: WarmIndex | None = None,
    images_dir: Path | None = None,
    crop_images: int = CROP_INDEX_IMAGES,
) -> LinkStats:
    """Link every advert awaiting it, then every queued image (PDQ within image_distance bits,
    quality at least image_min_quality; a short queue looked up in the warm `image_index` when
    given and ready; with images_dir, where the images' bytes are kept, also by the crop
    signal, among the newest `crop_images` photos); empty stats when another linker is running."""
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
        total.images, total.image_clusters = link_images(
            conn,
            image_distance,
            image_min_quality,
            warm=image_index,
            images_dir=images_dir,
            crop_images=crop_images,
        )
        # Statistics once per touched cluster, not once per batch that touched it.
        touched = total.template_clusters | total.contact_clusters | total.image_clusters
        with conn.transaction():
            clusters.refresh_stats(conn, touched)
    return total


assert NUM_PERM % BANDS == 0

"""Image clusters: adverts showing the same photo (PDQ within the match distance) are linked,
incrementally, like template clusters: each queued image is looked up in the stored index and
the adverts of it and of its neighbours join one cluster (merging clusters it bridges)."""

from __future__ import annotations

import logging
from typing import Any

import psycopg

from linking import template_groups
from linking.image_search import find_neighbours
from linking.pdq import MATCH_DISTANCE, MIN_QUALITY
from store import clusters, image_index

log = logging.getLogger(__name__)


def image_groups(
    conn: psycopg.Connection[Any],
    queued: list[tuple[int, str | None, int]],
    max_distance: int,
    min_quality: int,
) -> list[list[int]]:
    """Adverts linked by the matchable queued images: each image's own adverts (one photo on
    several adverts is a link already) with those of every stored image near it."""
    matchable = [(i, p) for i, p, q in queued if p is not None and q >= min_quality]
    found = find_neighbours(conn, [p for _, p in matchable], max_distance, min_quality)
    near: dict[int, set[int]] = {i: {i} for i, _ in matchable}
    for hit in found:
        near[matchable[hit.query][0]].add(hit.image_id)
    adverts = image_index.adverts_of_images(conn, sorted({i for s in near.values() for i in s}))
    groups = [sorted({a for i in images for a in adverts.get(i, ())}) for images in near.values()]
    # Groups of one batch overlap (A near B, B near C): merged into connected components, as
    # merge_components gives each group it is handed its own cluster.
    return template_groups.linked_groups([(g[0], a) for g in groups for a in g[1:]])


def link_images_batch(
    conn: psycopg.Connection[Any],
    batch_size: int = 2000,
    max_distance: int = MATCH_DISTANCE,
    min_quality: int = MIN_QUALITY,
) -> tuple[int, set[int]] | None:
    """Link one batch of queued images in one transaction: (images, clusters touched), or None
    when the queue is empty. Images below min_quality leave the queue unlinked."""
    with conn.transaction():
        queued = image_index.images_to_link(conn, batch_size)
        if not queued:
            return None
        groups = image_groups(conn, queued, max_distance, min_quality)
        touched = clusters.merge_components(conn, "image", groups, refresh=False)
        image_index.dequeue(conn, [i for i, _, _ in queued])
    return len(queued), touched


def link_images(
    conn: psycopg.Connection[Any],
    max_distance: int = MATCH_DISTANCE,
    min_quality: int = MIN_QUALITY,
    batch_size: int = 2000,
) -> tuple[int, set[int]]:
    """Link every queued image; the caller holds the linking lock and refreshes statistics."""
    images, touched = 0, set[int]()
    while (done := link_images_batch(conn, batch_size, max_distance, min_quality)) is not None:
        images += done[0]
        touched |= done[1]
        log.info("linked %d images (%d so far)", done[0], images)
    return images, touched

"""Image clusters: adverts showing the same photo (PDQ within the match distance) are linked,
incrementally, like template clusters: each queued image is looked up in the stored index and
the adverts of it and of its neighbours join one cluster (merging clusters it bridges).

The queue is looked up one batch at a time: in the process's warm index when the caller holds
a ready one (linking.pdq_warm), whatever the queue's length. Without one, a short queue is
looked up in PostgreSQL's band table, and a longer one loads the matchable hashes once into
the same index in memory (linking.pdq_memory): at a million photos each lookup in SQL fetches
some 4,500 candidate rows, which a few seconds of loading hashes beats from ~50 photos on.

Given the folder of the images' bytes, a second, crop-tolerant signal (linking.crop_linker)
also links an image to one it is a crop of (up to a tenth of the area), which PDQ misses."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg

from linking import template_groups
from linking.crop_linker import CROP_INDEX_IMAGES, CropLinker
from linking.image_search import find_neighbours
from linking.pdq import MATCH_DISTANCE, MAX_INDEXED_DISTANCE, MIN_QUALITY, as_words
from linking.pdq_memory import MemoryIndex, words_of
from linking.pdq_warm import WarmIndex
from store import clusters, image_index

log = logging.getLogger(__name__)
BULK_IMAGES = 50  # from this many queued images on, the index is built in memory
# Given the queued images' hashes, the (position in that list, stored image id) of matches.
Finder = Callable[[list[str]], list[tuple[int, int]]]


def sql_finder(
    conn: psycopg.Connection[Any],
    max_distance: int,
    min_quality: int,
    warm: WarmIndex | None = None,
) -> Finder:
    """Lookups through the band table, or the warm index when one is given and ready."""

    def find(hashes: list[str]) -> list[tuple[int, int]]:
        found = find_neighbours(conn, hashes, max_distance, min_quality, warm)
        return [(n.query, n.image_id) for n in found]

    return find


def memory_finder(index: MemoryIndex, max_distance: int) -> Finder:
    def find(hashes: list[str]) -> list[tuple[int, int]]:
        if not hashes:
            return []
        rows, ids, _ = index.neighbours(as_words(hashes), max_distance)
        return list(zip(rows.tolist(), ids.tolist(), strict=True))

    return find


def image_groups(
    conn: psycopg.Connection[Any],
    queued: list[tuple[int, str | None, int]],
    find: Finder,
    min_quality: int,
    crop: CropLinker | None = None,
) -> list[list[int]]:
    """Adverts linked by the matchable queued images: each image's own adverts (one photo on
    several adverts is a link already) with those of every stored image near it, by PDQ or
    by the crop signal when given."""
    matchable = [(i, p) for i, p, q in queued if p is not None and q >= min_quality]
    near: dict[int, set[int]] = {i: {i} for i, _ in matchable}
    for query, image_id in find([p for _, p in matchable]):
        near[matchable[query][0]].add(image_id)
    if crop is not None:
        for image_id, other in crop.pairs(conn, list(near)):
            near[image_id].add(other)
    adverts = image_index.adverts_of_images(conn, sorted({i for s in near.values() for i in s}))
    groups = [sorted({a for i in images for a in adverts.get(i, ())}) for images in near.values()]
    # Groups of one batch overlap (A near B, B near C): merged into connected components, as
    # merge_components gives each group it is handed its own cluster.
    return template_groups.linked_groups([(g[0], a) for g in groups for a in g[1:]])


def link_images_batch(
    conn: psycopg.Connection[Any],
    find: Finder,
    min_quality: int = MIN_QUALITY,
    batch_size: int = 2000,
    up_to: int | None = None,
    crop: CropLinker | None = None,
) -> tuple[int, set[int]] | None:
    """Link one batch of queued images (ids up to `up_to`) in one transaction: (images,
    clusters touched), or None when none is left. Images below min_quality leave the queue
    unlinked."""
    with conn.transaction():
        queued = image_index.images_to_link(conn, batch_size, up_to)
        if not queued:
            return None
        groups = image_groups(conn, queued, find, min_quality, crop)
        touched = clusters.merge_components(conn, "image", groups, refresh=False)
        image_index.dequeue(conn, [i for i, _, _ in queued])
    return len(queued), touched


def link_images(
    conn: psycopg.Connection[Any],
    max_distance: int = MATCH_DISTANCE,
    min_quality: int = MIN_QUALITY,
    batch_size: int = 2000,
    warm: WarmIndex | None = None,
    images_dir: Path | None = None,
    crop_images: int = CROP_INDEX_IMAGES,
) -> tuple[int, set[int]]:
    """Link every queued image; the caller holds the linking lock and refreshes statistics.
    The queue is looked up in `warm` when it is ready; else a short queue in the band table,
    and a long one in an index of all stored hashes loaded for this run. With
    images_dir (where the images' bytes are kept) the crop signal links too, among the newest
    `crop_images` photos (0: PDQ only)."""
    if not 0 <= max_distance <= MAX_INDEXED_DISTANCE:
        raise ValueError(f"the image index finds matches up to {MAX_INDEXED_DISTANCE} bits")
    images, touched = 0, set[int]()
    queued = image_index.queued_count(conn)
    crop = None
    if images_dir is not None and queued and crop_images > 0:
        crop = CropLinker(images_dir, min_quality, newest=crop_images)
        crop.prepare(conn)
    steps: list[tuple[Finder, int | None]] = []
    # A ready warm index already holds every stored hash: loading them all again into a
    # second index cost a long queue 2-4 s and ~130 MB at a million photos.
    if queued >= BULK_IMAGES and not (warm is not None and warm.ready_for(min_quality)):
        ids, raw, up_to = image_index.matchable_hashes(conn, min_quality)
        # Only images present when the hashes were read are linked in memory: two photos
        # stored later would be missing from the index, and so from each other's matches.
        steps.append((memory_finder(MemoryIndex(ids, words_of(raw)), max_distance), up_to))
    steps.append((sql_finder(conn, max_distance, min_quality, warm), None))
    for find, last_id in steps:
        while (
            done := link_images_batch(conn, find, min_quality, batch_size, last_id, crop)
        ) is not None:
            images += done[0]
            touched |= done[1]
            log.info("linked %d images (%d so far)", done[0], images)
    return images, touched

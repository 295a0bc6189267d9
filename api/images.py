"""Advert photos for reviewers: where their bytes are, and which stored photos match a hash."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg

from config.settings import Settings
from linking.image_search import find_neighbours
from linking.pdq_warm import WarmIndex
from store import image_files, image_index
from store.image_index import ImageAdvert, StoredImage

# What is served back to a browser: raster photos only. SVG can carry script, so an image
# recorded as SVG (or anything else) is never served, whatever the crawler stored.
SERVED_TYPES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})


@dataclass(frozen=True)
class Match:
    image: StoredImage
    distance: int
    adverts: list[ImageAdvert]


def image_path(settings: Settings, stored: StoredImage) -> Path | None:
    """The photo's bytes under DATA_DIR/images, or None when purged, missing, of a type never
    served, or (a corrupt storage key) outside that folder."""
    if stored.purged_at is not None or stored.media_type not in SERVED_TYPES:
        return None
    try:  # the one key layout capture writes; any other key reaches no path
        root = image_files.images_root(settings.data_dir)
        path = image_files.image_path(root, stored.storage_key)
    except ValueError:
        return None
    return path if path.is_file() else None


def matches(
    conn: psycopg.Connection[Any], settings: Settings, pdq: str, warm: WarmIndex | None
) -> list[Match]:
    """Stored photos within the match distance of `pdq`, nearest first, with their adverts
    (found in the warm index when it is ready, else in the band table)."""
    distance, quality = settings.image_match_distance, settings.pdq_min_quality
    found = find_neighbours(conn, [pdq], distance, quality, warm)[:200]
    adverts = image_index.adverts_showing(conn, [n.image_id for n in found])
    out = []
    for n in found:
        stored = image_index.image(conn, n.image_id)
        if stored is not None:
            shown = [a for a in adverts if a.image_id == n.image_id]
            out.append(Match(stored, n.distance, shown))
    return out

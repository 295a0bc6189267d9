"""The deployment settings a crawl needs, read once by the launcher and passed down.

Nothing below the launcher reads settings itself: a crawl process is told these values, so
what it does depends only on what it was given.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from store.image_files import images_root

if TYPE_CHECKING:  # a crawl process is given its options, not the settings (~35 ms to import)
    from config.settings import Settings


def usable_cores() -> int:
    """The cores this process may run on (a container's share, not the host's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


#: the Scrapy setting that hands the spider and the pipeline their ImageOptions
IMAGE_OPTIONS = "ADWATCH_IMAGE_OPTIONS"


@dataclass(frozen=True)
class TrapLimits:
    """Per-site limits on what the crawl follows. Generous on purpose: a cut on a legitimate
    site loses adverts, while a trap is caught by its near-duplicate pages long before these
    backstops (a listing's ?page=1..1000 on one path is normal)."""

    max_url_length: int = 2000
    max_path_segments: int = 12
    max_path_repeats: int = 3  # /a/b/a/b/a/b: the same block of segments three times in a row
    max_values_per_parameter: int = 5000  # distinct values of one query parameter on one path
    max_queries_per_path: int = 20_000  # distinct query strings on one path
    max_links_per_page: int = 1000
    near_duplicate_bits: int = 3  # simhash bits two near-duplicate pages may differ by
    # A page near-duplicate of this many pages seen, and of this share of them, is a trap page
    # and its links are not followed. The share keeps template-heavy sites safe: their pages
    # match by chance at a low rate (about 1% for pages 87% template), a trap's at nearly 100%.
    max_near_duplicates: int = 5
    near_duplicate_share: float = 0.05


@dataclass(frozen=True)
class ImageOptions:
    """Capture of advert images: where their bytes go (None: no capture), the largest image
    fetched, how many per advert, and the PDQ quality below which one is kept but not matched."""

    directory: Path | None = None
    max_bytes: int = 5 * 1024 * 1024
    per_advert: int = 10
    min_quality: int = 50


@dataclass(frozen=True)
class CrawlOptions:
    user_agent: str
    delay_s: float  # a site profile's own delay overrides this
    max_pages: int  # page budget per crawl process, against crawler traps
    http_cache_dir: Path | None  # replay responses from here instead of re-fetching; None: off
    allow_private: bool  # private/loopback start URLs allowed for every site
    max_memory_mb: int = 1024  # a crawl process past this stops, its run interrupted; 0: none
    frontier_dir: Path | None = None  # each run's on-disk request queue, in a folder of its own
    trap_limits: TrapLimits = TrapLimits()
    extraction_workers: int = 0  # extraction processes per crawl process; 0: cores less one
    images: ImageOptions = ImageOptions()

    @classmethod
    def from_settings(cls, settings: Settings) -> CrawlOptions:
        return cls(
            user_agent=settings.user_agent,
            delay_s=settings.crawler_delay_s,
            max_pages=settings.crawler_max_pages,
            http_cache_dir=settings.data_dir / "httpcache" if settings.crawler_http_cache else None,
            allow_private=settings.crawler_allow_private,
            max_memory_mb=settings.crawler_max_memory_mb,
            frontier_dir=settings.data_dir / "frontier",
            extraction_workers=settings.crawler_extraction_workers,
            images=ImageOptions(
                directory=images_root(settings.data_dir),
                max_bytes=settings.crawler_image_max_bytes,
                per_advert=settings.crawler_images_per_advert,
                min_quality=settings.pdq_min_quality,
            ),
        )

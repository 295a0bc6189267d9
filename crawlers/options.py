"""The deployment settings a crawl needs, read once by the launcher and passed down.

Nothing below the launcher reads settings itself: a crawl process is told these values, so
what it does depends only on what it was given.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from config.settings import Settings


@dataclass(frozen=True)
class CrawlOptions:
    user_agent: str
    delay_s: float  # a site profile's own delay overrides this
    max_pages: int  # page budget per crawl process, against crawler traps
    http_cache_dir: Path | None  # replay responses from here instead of re-fetching; None: off
    allow_private: bool  # private/loopback start URLs allowed for every site
    extraction_workers: int = 0  # extraction processes per crawl process; 0: cores less one

    @classmethod
    def from_settings(cls, settings: Settings) -> CrawlOptions:
        return cls(
            user_agent=settings.user_agent,
            delay_s=settings.crawler_delay_s,
            max_pages=settings.crawler_max_pages,
            http_cache_dir=settings.data_dir / "httpcache" if settings.crawler_http_cache else None,
            allow_private=settings.crawler_allow_private,
            extraction_workers=settings.crawler_extraction_workers,
        )

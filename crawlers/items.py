"""What spiders hand to the pipeline: plain dataclasses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from crawlers.extract.fields import AdvertFields


@dataclass(frozen=True)
class AdvertPage:
    """An advert page as fetched: extracted fields plus the raw evidence."""

    url: str
    canonical_url: str
    fields: AdvertFields
    raw_body: bytes
    content_type: str | None
    http_status: int
    fetched_at: datetime


@dataclass(frozen=True)
class GonePage:
    """An advert URL that now answers 404/410: the advert was taken down."""

    canonical_url: str
    http_status: int
    fetched_at: datetime


@dataclass(frozen=True)
class PageError:
    """A page that could not be fetched or parsed; counted and logged with the run."""

    url: str
    message: str

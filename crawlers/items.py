"""What spiders hand to the pipeline: plain dataclasses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from crawlers.extract.fields import AdvertFields
from store.adverts import RawEvidence
from store.images import CapturedImage, ImageRecord

__all__ = ["AdvertPage", "CapturedImage", "GonePage", "ImageRecord", "PageError", "RawEvidence"]

# An advert's image is handed on as store.images.CapturedImage (holding an ImageRecord): the
# same plain dataclass the store takes, so nothing is copied field by field between them.


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
    evidence: RawEvidence | None = None  # raw_body's hash and gzip, from the worker


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

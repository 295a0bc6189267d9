"""Pure extraction layer: bytes/HTML in, :class:`AdvertFields` out.

No network access and no Scrapy here; spiders call these functions on the pages they
fetch. Modules:

- :mod:`.fields` - the ``Entity`` and ``AdvertFields`` dataclasses (the contract)
- :mod:`.decoding` - ``decode_body`` (BOM, declared charsets, Cyrillic-aware guess)
- :mod:`.text` - ``html_to_text``, whitespace normalisation (re-exports ``decode_body``)
- :mod:`.urls` - ``canonical_url`` and ``is_private_address``
- :mod:`.entities` - ``extract_entities``: phones, e-mails, messenger handles and URLs,
  combining :mod:`.phones`, :mod:`.phone_obfuscation`, :mod:`.emails`, :mod:`.handles`
  (spans shared through :mod:`.entity_spans`)
- :mod:`.language` - ``detect_language`` (lingua, fixed language set)
- :mod:`.structured` - schema.org JobPosting (JSON-LD / microdata); mapping one to
  plain values is :mod:`.structured_values`
- :mod:`.selectors` - profile selector strings applied to parsed pages
- :mod:`.profile_model` - the site profile model and its validation;
  :mod:`.profile_extract` - extraction driven by a profile (both re-exported by
  :mod:`crawlers.profiles`, which loads profiles)
- :mod:`.build` - ``build_fields``, shared by the profile and the structured paths
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from crawlers.extract.build import build_fields
    from crawlers.extract.entities import DEFAULT_REGION_HINTS, extract_entities
    from crawlers.extract.fields import AdvertFields, Entity
    from crawlers.extract.language import detect_language
    from crawlers.extract.structured import extract_job_postings, job_posting_to_fields
    from crawlers.extract.text import decode_body, html_to_text, normalise_whitespace
    from crawlers.extract.urls import canonical_url, is_private_address

# Re-exports are imported lazily: ``import crawlers.extract.fields`` (the dataclasses)
# must stay cheap for code that only needs the types (extruct/lingua load slowly).
_LAZY = {
    "DEFAULT_REGION_HINTS": "entities",
    "AdvertFields": "fields",
    "Entity": "fields",
    "build_fields": "build",
    "canonical_url": "urls",
    "decode_body": "text",
    "detect_language": "language",
    "extract_entities": "entities",
    "extract_job_postings": "structured",
    "html_to_text": "text",
    "is_private_address": "urls",
    "job_posting_to_fields": "structured",
    "normalise_whitespace": "text",
}

__all__ = [
    "DEFAULT_REGION_HINTS",
    "AdvertFields",
    "Entity",
    "build_fields",
    "canonical_url",
    "decode_body",
    "detect_language",
    "extract_entities",
    "extract_job_postings",
    "html_to_text",
    "is_private_address",
    "job_posting_to_fields",
    "normalise_whitespace",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)

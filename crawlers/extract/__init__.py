"""Pure extraction layer: bytes/HTML in, :class:`AdvertFields` out.

No network access and no Scrapy here; spiders call these functions on the pages they
fetch. Modules:

- :mod:`.fields` - the ``Entity`` and ``AdvertFields`` dataclasses (the contract)
- :mod:`.decoding` - ``decode_body`` (BOM, declared charsets, Cyrillic-aware guess)
- :mod:`.text` - ``html_to_text``, whitespace normalisation
- :mod:`.urls` - ``canonical_url`` and ``is_private_address``
- :mod:`.entities` - ``extract_entities``: phones, e-mails, messenger handles and URLs,
  combining :mod:`.phones`, :mod:`.phone_obfuscation`, :mod:`.emails`, :mod:`.handles`
  (spans shared through :mod:`.entity_spans`)
- :mod:`.language` - ``detect_language``: en, ro, ru, uk, "other" or the profile's
  language (lingua plus script cues; :mod:`.translit` scores transliterated Russian)
- :mod:`.structured` - schema.org JobPosting (JSON-LD / microdata); mapping one to
  plain values is :mod:`.structured_values`
- :mod:`.selectors` - profile selector strings applied to parsed pages
- :mod:`.profile_model` - the site profile model and its validation;
  :mod:`.profile_extract` - extraction driven by a profile (both re-exported by
  :mod:`crawlers.profiles`, which loads profiles)
- :mod:`.build` - ``build_fields``, shared by the profile and the structured paths

Nothing is re-exported here: import from the submodules, so that importing the dataclasses
in :mod:`.fields` does not load extruct or lingua.
"""

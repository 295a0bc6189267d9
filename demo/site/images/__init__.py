"""The demo's advert pictures: synthetic, never people (landscapes and patterns).

:class:`~demo.site.images.photo.AdvertImage` says which picture an advert shows and
how it was edited; :func:`demo.site.images.encode.image_bytes` draws and encodes it on
request (cached), so a big world costs nothing until its pictures are fetched. Pillow
is imported only by ``encode`` and ``draw``, not by the world's data.
"""

from demo.site.images.photo import EDITS, FORMATS, AdvertImage

__all__ = ["EDITS", "FORMATS", "AdvertImage"]

"""Advert pictures: ``/media/<token>.<ext>`` answers the image bytes, drawn on request.

A picture stays online while its advert is gone (as on real sites, where the photo
host outlives the page); an unknown token is a plain 404.
"""

from __future__ import annotations

from demo.site.images.photo import AdvertImage
from demo.site.model import DemoWorld, SiteData
from demo.site.renderers.html_kit import Page, esc
from demo.site.renderers.shells import not_found_page

__all__ = ["img_tag", "media_page"]


def media_page(world: DemoWorld, site: SiteData, path: str) -> Page:
    image = site.media_at(path)
    if image is None:
        return not_found_page(world, site)
    # imported here: Pillow is loaded only once a picture is fetched
    from demo.site.images.encode import image_bytes

    cache = (("Cache-Control", "public, max-age=86400"),)
    return Page(200, image.content_type, image_bytes(image), headers=cache)


def img_tag(images: tuple[AdvertImage, ...], css: str, alt: str, extra: str = "") -> str:
    """The ``<img>`` of an advert's main picture (with a srcset when a 2x copy exists)."""
    main = images[0]
    double = [i for i in images[1:] if i.scale == 2 and i.photo == main.photo]
    srcset = f' srcset="{main.path} 1x, {double[0].path} 2x"' if double else ""
    return f'<img class="{css}" src="{main.path}"{srcset} alt="{esc(alt)}"{extra}>'

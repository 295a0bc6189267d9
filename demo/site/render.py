"""HTML (and robots.txt / sitemap) for the demo sites, rendered on request.

``render(world, site, round_no, target, base)`` answers one request ``target`` (path
and query) of one site. Every piece of advert text goes through ``html.escape``;
JSON-LD is serialised with ``<``, ``>`` and ``&`` as ``\\u`` escapes so a title such as
``<script>alert(1)</script>`` stays data. The per-site pages live in ``renderers/``;
advert pictures (``/media/<token>.<jpg|png|webp>``) are drawn on first request.
"""

from __future__ import annotations

from collections.abc import Callable

from demo.site.model import DemoWorld, SiteData
from demo.site.renderers.bridal import render_bridal
from demo.site.renderers.escort import render_escort
from demo.site.renderers.html_kit import SVG_THUMB, Page, split_target
from demo.site.renderers.jobs import render_jobs
from demo.site.renderers.media import media_page
from demo.site.renderers.shells import robots_page, sitemap_page

__all__ = ["Page", "render"]

_SiteRenderer = Callable[[DemoWorld, SiteData, int, str, dict[str, list[str]], str], Page]
_RENDERERS: dict[str, _SiteRenderer] = {
    "jobs": render_jobs,
    "bridal": render_bridal,
    "escort": render_escort,
}


def render(world: DemoWorld, site_name: str, round_no: int, target: str, base: str) -> Page:
    """The response to ``GET target`` on one site in one round; ``base`` is the site's
    own origin ("http://127.0.0.1:8801"), used for absolute links."""
    world.check_round(round_no)
    site = world.site(site_name)
    base = base.rstrip("/")
    path, query = split_target(target)
    if path == "/robots.txt":
        return robots_page(site, base)
    if path == "/sitemap.xml" and site.has_sitemap:
        return sitemap_page(site, round_no, base)
    if path in ("/static/thumb.svg", "/static/silhouette.svg"):
        return Page(200, "image/svg+xml", SVG_THUMB.encode())
    if path.startswith("/media/"):
        return media_page(world, site, path)
    return _RENDERERS[site_name](world, site, round_no, path, query, base)

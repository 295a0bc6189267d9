"""The escort directory (City Companions): city menu, per-city tables and ad pages."""

from __future__ import annotations

from datetime import UTC, datetime

from demo.site.content_en import CITIES as EN_CITIES
from demo.site.model import Advert, Content, DemoWorld, SiteData
from demo.site.renderers.html_kit import (
    Page,
    blocks_html,
    day,
    esc,
    html_page,
    latest,
    listing_slice,
    teaser,
)
from demo.site.renderers.media import img_tag
from demo.site.renderers.shells import advert_status_page, escort_shell, not_found_page

__all__ = ["render_escort"]


def _city_name(city: str) -> str:
    return EN_CITIES[city].name


def _ago(moment: datetime, now: datetime) -> str:
    days = (now.astimezone(UTC).date() - moment.astimezone(UTC).date()).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago"


def _escort_row(a: Advert, content: Content, now: datetime) -> str:
    age = str(a.age) if a.age is not None else "–"
    return (
        f'<tr class="row" id="ad-row-{a.id}">'
        '<td class="thumb"><img src="/static/thumb.svg" alt="" width="48" height="48"></td>'
        f'<td class="ad-cell"><a class="ad-link" href="{a.path}">{esc(content.title)}</a>'
        f'<div class="teaser">{esc(teaser(content, 100))}</div></td>'
        f'<td class="age">{age}</td>'
        f'<td class="when"><time datetime="{a.posted_attr}">{_ago(a.posted, now)}</time></td></tr>'
    )


def _escort_home(world: DemoWorld, site: SiteData, round_no: int) -> Page:
    now = world.round_times[round_no]
    vip = [a for a in site.listed(round_no) if a.subtype == "managed"][:4]
    vip_items = "".join(
        f'<li><a class="ad-link" href="{a.path}">{esc(a.content_at(round_no).title)}</a> '
        f'<span class="vip-city">{esc(_city_name(a.city or ""))}</span></li>'
        for a in vip
    )
    cities = "".join(
        f'<li><a href="/city/{c}/">{esc(_city_name(c))}</a> '
        f'<span class="n">({len(site.listed(round_no, c))})</span></li>'
        for c in site.cities
    )
    main = (
        "<h1>City Companions</h1>\n<p>Independent companions and agencies in your city. "
        f'Updated {day(now)}.</p>\n<section class="vip"><h2>VIP this week</h2>\n'
        f'<ul class="vip-list">{vip_items}</ul></section>\n'
        '<section class="cities"><h2>Choose a city</h2>\n'
        f'<ul class="city-menu">{cities}</ul></section>'
    )
    return html_page(200, escort_shell(world, "Companions by city", main), latest(vip, round_no))


def _pager(city: str, page: int, pages: int) -> str:
    def href(n: int) -> str:
        return f"/city/{city}/" if n == 1 else f"/city/{city}/page/{n}/"

    pager: list[str] = []
    if page > 1:
        pager.append(f'<a class="prev" href="{href(page - 1)}">« Prev</a>')
    pager.append(f'<span class="of">Page {page} of {pages}</span>')
    if page < pages:
        pager.append(f'<a class="next" href="{href(page + 1)}">Next »</a>')
    return " ".join(pager)


def _escort_city(world: DemoWorld, site: SiteData, round_no: int, city: str, page: int) -> Page:
    listed = site.listed(round_no, city)
    view = listing_slice(listed, page, site.page_size)
    if view is None:
        return not_found_page(world, site)
    now = world.round_times[round_no]
    rows = "\n".join(_escort_row(a, a.content_at(round_no), now) for a in view.adverts)
    name = _city_name(city)
    main = (
        f'<div class="crumbs"><a href="/">Home</a> / {esc(name)}</div>\n'
        f'<h1>Companions in {esc(name)}</h1>\n<p class="count">{len(listed)} ads</p>\n'
        '<table class="listing"><thead><tr><th></th><th>Ad</th><th>Age</th><th>Posted</th></tr>'
        f"</thead>\n<tbody>\n{rows}\n</tbody></table>\n"
        f'<div class="pager">{_pager(city, page, view.pages)}</div>'
    )
    text = escort_shell(world, f"{name} – page {page}", main)
    return html_page(200, text, latest(view.adverts, round_no))


def _ad_facts(a: Advert, content: Content) -> str:
    local = a.posted.astimezone(datetime.fromisoformat(a.posted_attr).tzinfo)
    facts = [f'<li>City: <span class="ad-city">{esc(a.location or "")}</span></li>']
    if a.age is not None:
        facts.append(f'<li>Age: <span class="ad-age">{a.age}</span></li>')
    if content.pay:
        facts.append(f'<li>Rate: <span class="ad-rate">{esc(content.pay)}</span></li>')
    facts.append(
        f'<li>Posted: <time class="ad-posted" datetime="{a.posted_attr}">'
        f"{day(local)}, {local:%H:%M}</time></li>"
    )
    return "".join(facts)


def _photos(a: Advert) -> str:
    if not a.images:
        return ""
    return f'<div class="ad-photos">{img_tag(a.images, "ad-photo", "Photo")}</div>\n'


def _escort_page(world: DemoWorld, a: Advert, round_no: int, base: str) -> Page:
    content = a.content_at(round_no)
    contact = "\n".join(f"<p>{esc(x)}</p>" for x in content.contact_lines)
    city = a.city or ""
    main = (
        f'<div class="crumbs"><a href="/">Home</a> / <a href="/city/{city}/">'
        f"{esc(_city_name(city))}</a></div>\n"
        f'<div class="ad" id="ad-{a.id}">\n<h1 class="ad-title">{esc(content.title)}</h1>\n'
        f'<ul class="ad-facts">{_ad_facts(a, content)}</ul>\n'
        f"{_photos(a)}"
        f'<div class="ad-text">\n{blocks_html(content.blocks)}\n</div>\n'
        f'<aside class="contact-box"><h3>Contact</h3>\n<div class="contact">\n{contact}\n</div>\n'
        '<p class="note">Mention City Companions when you get in touch.</p></aside>\n'
        '<p class="report"><a href="/account/login">Report this ad</a></p>\n</div>'
    )
    head = f'<link rel="canonical" href="{esc(base + a.path)}">\n'
    return html_page(200, escort_shell(world, content.title, main, head=head), content.updated)


def _city_route(world: DemoWorld, site: SiteData, round_no: int, path: str) -> Page:
    """``/city/<city>/`` and ``/city/<city>/page/<n>/``; anything else under it is a 404."""
    parts = [p for p in path.split("/") if p]
    city = parts[1]
    if len(parts) == 2 and path.endswith("/"):
        return _escort_city(world, site, round_no, city, 1)
    if len(parts) == 4 and parts[2] == "page" and parts[3].isdigit() and path.endswith("/"):
        page = int(parts[3])
        if page >= 1:
            return _escort_city(world, site, round_no, city, page)
    return not_found_page(world, site)


def render_escort(
    world: DemoWorld,
    site: SiteData,
    round_no: int,
    path: str,
    query: dict[str, list[str]],
    base: str,
) -> Page:
    if path == "/":
        return _escort_home(world, site, round_no)
    parts = [p for p in path.split("/") if p]
    if len(parts) >= 2 and parts[0] == "city" and parts[1] in site.cities:
        return _city_route(world, site, round_no, path)
    if path == "/search" or path.startswith("/account/"):
        main = "<h1>Members only</h1><p>Log in to search and save ads.</p>"
        return html_page(200, escort_shell(world, "Log in", main))
    advert = site.advert_at(path)
    if advert is None:
        return not_found_page(world, site)
    status_page = advert_status_page(world, site, advert, round_no)
    return status_page or _escort_page(world, advert, round_no, base)

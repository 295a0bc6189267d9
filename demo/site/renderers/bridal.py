"""The marriage agency (Hearts of the East): profile catalogue and profile pages."""

from __future__ import annotations

from demo.site.model import Advert, Content, DemoWorld, SiteData
from demo.site.renderers.html_kit import (
    Page,
    blocks_html,
    esc,
    html_page,
    latest,
    listing_slice,
    page_number,
    redirect,
    teaser,
)
from demo.site.renderers.media import img_tag
from demo.site.renderers.shells import advert_status_page, bridal_shell, not_found_page

__all__ = ["render_bridal"]


def _bride_card(a: Advert, content: Content) -> str:
    return (
        f'<div class="bride-card" id="bride-{a.id}">\n'
        f'<a class="bc-photo-link" href="{a.path}"><img src="/static/silhouette.svg" alt="" '
        'width="200" height="240"></a>\n<div class="bc-info">\n'
        f'<a class="bc-name" href="{a.path}">{esc(content.title)}</a>\n'
        f'<span class="bc-city">{esc(a.location or "")}</span>\n'
        f'<p class="bc-teaser">{esc(teaser(content, 110))}</p>\n'
        f'<span class="bc-date">{a.posted:%d.%m.%Y}</span>\n</div>\n</div>'
    )


def _page_links(page: int, pages: int) -> str:
    """Every page number, with Back / Next (relative ``?p=`` links)."""
    links: list[str] = []
    if page > 1:
        links.append(f'<a class="pg-prev" href="?p={page - 1}">‹ Back</a>')
    for n in range(1, pages + 1):
        if n == page:
            links.append(f'<b class="pg-cur">{n}</b>')
        else:
            links.append(f'<a class="pg" href="?p={n}">{n}</a>')
    if page < pages:
        links.append(f'<a class="pg-next" href="?p={page + 1}">Next ›</a>')
    return " ".join(links)


def _bridal_listing(world: DemoWorld, site: SiteData, round_no: int, page: int) -> Page:
    listed = site.listed(round_no)
    view = listing_slice(listed, page, site.page_size)
    if view is None:
        return not_found_page(world, site)
    cards = "\n".join(_bride_card(a, a.content_at(round_no)) for a in view.adverts)
    main = (
        f'<h1 class="catalogue-title">Our ladies</h1>\n<p class="intro">{len(listed)} women are '
        "looking for a partner. Click a profile to read more.</p>\n"
        f'<div class="grid">\n{cards}\n</div>\n'
        f'<div class="pages">{_page_links(page, view.pages)}</div>'
    )
    title = "Our ladies" if page == 1 else f"Our ladies, page {page}"
    return html_page(200, bridal_shell(world, title, main), latest(view.adverts, round_no))


def _facts_table(a: Advert) -> str:
    facts = [
        f'<tr><th>Age</th><td class="pf-age">{a.age}</td></tr>',
        f'<tr><th>City</th><td class="pf-city">{esc(a.location or "")}</td></tr>',
        *(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in a.facts),
        f'<tr><th>Added</th><td><time class="pf-added" datetime="{a.posted_attr}">'
        f"{a.posted:%d.%m.%Y}</time></td></tr>",
    ]
    return f'<table class="profile-facts">{"".join(facts)}</table>'


def _agency_box(a: Advert) -> str:
    if not a.employer:
        return ""
    licence = (
        f' · licence <span class="agency-licence">{esc(a.licence_number)}</span>'
        if a.licence_number
        else ""
    )
    return (
        f'<div class="agency-box">Profile managed by <span class="agency-name">'
        f"{esc(a.employer)}</span>{licence}</div>\n"
    )


def _photo(a: Advert) -> str:
    if not a.images:
        return ""
    return img_tag(a.images, "profile-photo", f"Photo of {a.name or 'the profile'}") + "\n"


def _bride_page(world: DemoWorld, a: Advert, round_no: int, base: str) -> Page:
    content = a.content_at(round_no)
    contact = "\n".join(f"<p>{esc(x)}</p>" for x in content.contact_lines)
    main = (
        f'<div class="profile-wrap" id="profile-{a.id}">\n<div class="profile-head">'
        f"{_photo(a)}"
        f'<h1 class="profile-name">{esc(content.title)}</h1>\n'
        f"{_facts_table(a)}\n</div>\n"
        f'<h2 class="about-title">About me</h2>\n<section class="profile-text">\n'
        f"{blocks_html(content.blocks)}\n</section>\n{_agency_box(a)}"
        f'<h2 class="write-title">Write to {esc(a.name or "")}</h2>\n'
        f'<div class="write-to">\n{contact}\n</div>\n'
        '<p class="back"><a href="/brides/">« Back to all profiles</a></p>\n</div>'
    )
    head = f'<link rel="canonical" href="{esc(base + a.path)}">\n'
    text = bridal_shell(world, content.title, main, head=head)
    return html_page(200, text, content.updated)


def _welcome(world: DemoWorld) -> Page:
    main = (
        '<div class="profile-wrap"><h1>Find your match</h1>\n<p>Serious introductions '
        "between women from Moldova, Romania and Ukraine and men abroad.</p>\n"
        '<p><a class="enter" href="/brides/">See the profiles</a></p></div>'
    )
    return html_page(200, bridal_shell(world, "Welcome", main))


def render_bridal(
    world: DemoWorld,
    site: SiteData,
    round_no: int,
    path: str,
    query: dict[str, list[str]],
    base: str,
) -> Page:
    if path == "/":
        return _welcome(world)
    if path == "/brides":
        return redirect("/brides/")
    if path == "/brides/":
        page = page_number(query.get("p"))
        if page is None:
            return not_found_page(world, site)
        return _bridal_listing(world, site, round_no, page)
    if path.startswith("/members"):
        main = '<div class="profile-wrap"><h1>Members area</h1><p>Please log in.</p></div>'
        return html_page(200, bridal_shell(world, "Members", main))
    advert = site.advert_at(path)
    if advert is None:
        return not_found_page(world, site)
    status_page = advert_status_page(world, site, advert, round_no)
    return status_page or _bride_page(world, advert, round_no, base)

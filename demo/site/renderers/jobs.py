"""The job board (WorkBoard): home, paginated listing, employer area and routing."""

from __future__ import annotations

from urllib.parse import urlsplit

from demo.site.model import Advert, Content, DemoWorld, SiteData
from demo.site.renderers.html_kit import (
    Page,
    day,
    esc,
    html_page,
    latest,
    listing_slice,
    numbered_pagination,
    page_number,
    teaser,
)
from demo.site.renderers.job_page import job_page
from demo.site.renderers.shells import advert_status_page, jobs_shell, not_found_page

__all__ = ["render_jobs"]


def _jobs_href(n: int) -> str:
    return "/jobs" if n == 1 else f"/jobs?page={n}"


def _job_card(a: Advert, content: Content, href: str) -> str:
    where = a.location or ""
    pay = f' · <span class="job-card-pay">{esc(content.pay)}</span>' if content.pay else ""
    employer = esc(a.employer) if a.employer else "Private employer"
    return (
        f'<li class="job-card" data-id="{a.id}">\n'
        f'<h2 class="job-card-title"><a class="job-link" href="{esc(href)}">'
        f"{esc(content.title)}</a></h2>\n"
        f'<p class="job-card-meta"><span class="job-card-employer">{employer}</span> · '
        f'<span class="job-card-location">{esc(where)}</span>{pay} · '
        f'<time datetime="{a.posted_attr}">{day(a.posted)}</time></p>\n'
        f'<p class="job-card-teaser">{esc(teaser(content))}</p>\n</li>'
    )


def _expired_card(path: str) -> str:
    """A stale entry the board never cleaned up (its link answers 404)."""
    return (
        '<li class="job-card expired">\n<h2 class="job-card-title">'
        f'<a class="job-link" href="{esc(path)}">Night porter – Leeds</a></h2>\n'
        '<p class="job-card-meta"><span class="job-card-employer">Private employer</span>'
        ' · <span class="job-card-location">Leeds</span></p>\n'
        '<p class="job-card-teaser">Night reception and security rounds.</p>\n</li>'
    )


def _featured_section(site: SiteData, listed: tuple[Advert, ...], round_no: int) -> str:
    """Links to listed adverts carrying tracking parameters or a fragment."""
    by_path = {a.path: a for a in listed}
    featured = []
    for link in site.duplicate_links:
        advert = by_path.get(urlsplit(link).path)
        if advert is not None:
            title = advert.content_at(round_no).title
            featured.append(f'<li><a class="job-link" href="{esc(link)}">{esc(title)}</a></li>')
    if not featured:
        return ""
    return (
        '<section class="featured"><h2>Featured this week</h2>\n<ul>'
        + "".join(featured)
        + "</ul></section>\n"
    )


def _premium_aside(site: SiteData) -> str:
    """Links into the robots-disallowed members area."""
    items = "".join(
        f'<li><a class="job-link" href="{esc(a.path)}">{esc(a.content.title)}</a> '
        f'<span class="lock">members only</span></li>'
        for a in site.private
    )
    return (
        '<aside class="premium"><h2>Premium vacancies</h2>\n'
        "<p>Visible to registered employers and premium members.</p>\n"
        f"<ul>{items}</ul></aside>\n"
    )


def _listing_head(page: int, pages: int) -> str:
    head = ""
    if page > 1:
        head += f'<link rel="prev" href="{_jobs_href(page - 1)}">\n'
    if page < pages:
        head += f'<link rel="next" href="{_jobs_href(page + 1)}">\n'
    return head


def _jobs_listing(world: DemoWorld, site: SiteData, round_no: int, page: int) -> Page:
    listed = site.listed(round_no)
    view = listing_slice(listed, page, site.page_size)
    if view is None:
        return not_found_page(world, site)
    pages, start, chunk = view.pages, view.start, view.adverts
    cards = [_job_card(a, a.content_at(round_no), a.path) for a in chunk]
    if page == pages:
        cards += [_expired_card(path) for path in site.dead_links]
    extra = _featured_section(site, listed, round_no) if page == 1 else ""
    first = start + 1 if chunk else 0
    pagination = numbered_pagination(page, pages, _jobs_href)
    main = (
        f'<h1>Jobs</h1>\n<p class="results">Showing {first}–{start + len(chunk)} of '
        f"{len(listed)} vacancies · page {page} of {pages}</p>\n{extra}"
        f'<ol class="job-list" start="{max(first, 1)}">\n' + "\n".join(cards) + "\n</ol>\n"
        f'<nav class="pagination" aria-label="Pages">{pagination}</nav>\n'
    )
    if page == 1 and site.private:
        main += _premium_aside(site)
    title = "Jobs" if page == 1 else f"Jobs – page {page}"
    head = _listing_head(page, pages)
    return html_page(200, jobs_shell(world, title, main, head=head), latest(chunk, round_no))


def _jobs_home(world: DemoWorld, site: SiteData, round_no: int) -> Page:
    items = "".join(
        f'<li><a href="{esc(a.path)}">{esc(a.content_at(round_no).title)}</a></li>'
        for a in site.listed(round_no)[:5]
    )
    main = (
        "<h1>Find work at home and abroad</h1>\n"
        '<p><a class="browse" href="/jobs">Browse all vacancies</a></p>\n'
        f"<h2>Latest vacancies</h2>\n<ul>{items}</ul>"
    )
    return html_page(200, jobs_shell(world, "Find work", main))


def _private_index(world: DemoWorld, site: SiteData) -> Page:
    items = "".join(
        f'<li><a class="job-link" href="{esc(a.path)}">{esc(a.content.title)}</a></li>'
        for a in site.private
    )
    main = f"<h1>Employer area</h1>\n<p>Premium vacancies for members.</p>\n<ul>{items}</ul>"
    return html_page(200, jobs_shell(world, "Employer area", main))


def render_jobs(
    world: DemoWorld,
    site: SiteData,
    round_no: int,
    path: str,
    query: dict[str, list[str]],
    base: str,
) -> Page:
    if path == "/":
        return _jobs_home(world, site, round_no)
    if path == "/jobs":
        page = page_number(query.get("page"))
        if page is None:
            return not_found_page(world, site)
        return _jobs_listing(world, site, round_no, page)
    if path == "/private/" or path == "/private":
        return _private_index(world, site)
    advert = site.advert_at(path)
    if advert is None:
        return not_found_page(world, site)
    status_page = advert_status_page(world, site, advert, round_no)
    return status_page or job_page(world, site, advert, round_no, base)

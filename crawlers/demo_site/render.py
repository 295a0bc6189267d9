"""HTML (and robots.txt / sitemap) for the demo sites, rendered on request.

``render(world, site, round_no, target, base)`` answers one request ``target`` (path
and query) of one site. Every piece of advert text goes through ``html.escape``;
JSON-LD is serialised with ``<``, ``>`` and ``&`` as ``\\u`` escapes so a title such as
``<script>alert(1)</script>`` stays data.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from html import escape
from typing import Any
from urllib.parse import parse_qs, urlsplit

from crawlers.demo_site.content_en import CITIES as EN_CITIES
from crawlers.demo_site.model import Advert, Block, Content, DemoWorld, SiteData

__all__ = ["Page", "render"]

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SVG_THUMB = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48">'
    '<rect width="48" height="48" fill="#d9d4e7"/><circle cx="24" cy="18" r="9" fill="#a59ec0"/>'
    '<rect x="10" y="30" width="28" height="14" rx="7" fill="#a59ec0"/></svg>'
)


@dataclass(frozen=True)
class Page:
    status: int
    content_type: str
    body: bytes
    last_modified: datetime | None = None
    headers: tuple[tuple[str, str], ...] = field(default=())


def _html(status: int, text: str, modified: datetime | None = None, charset: str = "utf-8") -> Page:
    return Page(status, f"text/html; charset={charset}", text.encode(charset), modified)


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _day(moment: datetime) -> str:
    return f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year}"


def _blocks_html(blocks: Sequence[Block]) -> str:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, str):
            out.append(f"<p>{_e(block)}</p>")
        else:
            items = "".join(f"<li>{_e(item)}</li>" for item in block)
            out.append(f"<ul>{items}</ul>")
    return "\n".join(out)


def _teaser(content: Content, limit: int = 140) -> str:
    first = next(iter(content.blocks), "")
    text = first if isinstance(first, str) else " ".join(first)
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def _json_for_script(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _query(target: str) -> tuple[str, dict[str, list[str]]]:
    parts = urlsplit(target)
    return parts.path or "/", parse_qs(parts.query, keep_blank_values=True)


def _page_number(values: list[str] | None) -> int | None:
    if not values:
        return 1
    raw = values[0]
    if not raw.isdigit() or int(raw) < 1:
        return None
    return int(raw)


def _latest(adverts: Sequence[Advert], round_no: int) -> datetime | None:
    if not adverts:
        return None
    return max(a.content_at(round_no).updated for a in adverts)


# =========================================================================== shells

_STYLE = {
    "jobs": (
        "body{font-family:system-ui,sans-serif;margin:0;color:#1d2733;background:#f5f7fa}"
        ".site-header{background:#16425b;color:#fff;padding:.8em 2em}"
        ".site-header a{color:#fff;margin-right:1.2em;text-decoration:none}"
        ".container{max-width:860px;margin:1.5em auto;background:#fff;padding:1.5em 2em}"
        ".job-card{border-bottom:1px solid #e3e8ef;padding:.8em 0}"
        ".job-card h2{margin:0;font-size:1.1em}"
        ".job-card-meta,.job-meta{color:#5b6b7c;font-size:.9em}"
        ".pagination a,.pagination span{margin:0 .3em}"
        ".featured,.premium{background:#fff8e1;padding:.6em 1em;margin:1em 0}"
        ".site-footer{text-align:center;color:#7a8794;font-size:.8em;padding:2em}"
    ),
    "bridal": (
        "body{font-family:Georgia,serif;background:#fdf6f8;color:#4a2b35;margin:0}"
        ".top{background:#b03a5b;color:#fff;padding:1em 2em}.top a{color:#fff;margin-right:1em}"
        ".grid{display:flex;flex-wrap:wrap;gap:1em;max-width:980px;margin:1em auto}"
        ".bride-card{width:220px;background:#fff;border:1px solid #eed;padding:.8em}"
        ".bc-teaser{font-size:.85em}.pages{text-align:center;margin:2em}"
        ".profile-wrap{max-width:760px;margin:1.5em auto;background:#fff;padding:1.5em}"
        ".agency-box,.write-to{background:#f7e9ee;padding:.7em 1em;margin:1em 0}"
        ".bottom{text-align:center;font-size:.8em;color:#8c6d77;padding:2em}"
    ),
    "escort": (
        "body{font-family:Arial,sans-serif;background:#111;color:#eee;margin:0}"
        "a{color:#f0a}.bar{background:#222;padding:.7em 1.5em}.bar a{margin-right:1em}"
        ".wrap{max-width:900px;margin:1em auto;padding:0 1em}"
        "table.listing{width:100%;border-collapse:collapse}"
        "table.listing td{border-bottom:1px solid #333;padding:.5em;vertical-align:top}"
        ".teaser{color:#aaa;font-size:.85em}"
        ".contact-box{border:1px solid #f0a;padding:.8em;margin:1em 0}"
        ".pager{margin:1.5em 0}.foot{color:#777;font-size:.8em;text-align:center;padding:2em}"
    ),
}


def _jobs_shell(
    world: DemoWorld,
    title: str,
    main: str,
    *,
    lang: str = "en",
    charset: str = "utf-8",
    head: str = "",
) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="{charset}">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)} | WorkBoard</title>\n{head}"
        f"<style>{_STYLE['jobs']}</style>\n</head>\n<body>\n"
        '<header class="site-header"><a class="logo" href="/">WorkBoard</a>'
        '<nav><a href="/jobs">All jobs</a><a href="/private/">Employer area</a></nav></header>\n'
        f'<main class="container">\n{main}\n</main>\n'
        f'<footer class="site-footer">© 2025 WorkBoard (demo) · fictional adverts generated '
        f"for testing adwatch · seed {world.seed}</footer>\n</body>\n</html>\n"
    )


def _bridal_shell(world: DemoWorld, title: str, main: str, head: str = "") -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_e(title)} – Hearts of the East</title>\n{head}"
        f"<style>{_STYLE['bridal']}</style>\n</head>\n<body>\n"
        '<div class="top"><a class="brand" href="/">Hearts of the East</a> '
        '<a href="/brides/">Our ladies</a> <a href="/members/">Members area</a> '
        '<a href="/members/favourites">Favourites</a></div>\n'
        f"{main}\n"
        f'<div class="bottom">Hearts of the East is a demo marriage-agency site with fictional '
        f"profiles (adwatch test data, seed {world.seed}).</div>\n</body>\n</html>\n"
    )


def _escort_shell(world: DemoWorld, title: str, main: str, head: str = "") -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_e(title)} · City Companions</title>\n{head}"
        f"<style>{_STYLE['escort']}</style>\n</head>\n<body>\n"
        '<div class="bar"><a href="/">City Companions</a> <a href="/search?q=">Search</a> '
        '<a href="/account/login">Log in</a></div>\n'
        f'<div class="wrap">\n{main}\n</div>\n'
        f'<div class="foot">18+ only. All profiles on this demo directory are fictional adults '
        f"(adwatch test data, seed {world.seed}).</div>\n</body>\n</html>\n"
    )


def _shell(world: DemoWorld, site: SiteData, title: str, main: str) -> str:
    if site.name == "jobs":
        return _jobs_shell(world, title, main)
    if site.name == "bridal":
        return _bridal_shell(world, title, main)
    return _escort_shell(world, title, main)


def _not_found(world: DemoWorld, site: SiteData) -> Page:
    main = "<h1>Page not found</h1>\n<p>The page you asked for does not exist.</p>"
    return _html(404, _shell(world, site, "Page not found", main))


def _gone(world: DemoWorld, site: SiteData) -> Page:
    main = (
        "<h1>This advert has been removed</h1>\n"
        "<p>The advert was taken down and will not come back.</p>"
    )
    return _html(410, _shell(world, site, "Advert removed", main))


def _plain(status: int, text: str, content_type: str = "text/plain; charset=utf-8") -> Page:
    return Page(status, content_type, text.encode("utf-8"))


def _redirect(location: str) -> Page:
    body = f'<!DOCTYPE html><p>Moved to <a href="{_e(location)}">{_e(location)}</a></p>'
    return Page(301, "text/html; charset=utf-8", body.encode(), headers=(("Location", location),))


def _robots(site: SiteData, base: str) -> Page:
    lines = [f"# robots.txt for {site.brand} (adwatch demo)", "User-agent: *"]
    lines += [f"Disallow: {prefix}" for prefix in site.robots_disallow]
    if site.has_sitemap:
        lines += ["", f"Sitemap: {base}/sitemap.xml"]
    return _plain(200, "\n".join(lines) + "\n")


# =========================================================================== jobs


def _pagination(page: int, pages: int, href: Callable[[int], str]) -> str:
    wanted = {1, pages, page - 2, page - 1, page, page + 1, page + 2}
    parts: list[str] = []
    if page > 1:
        parts.append(f'<a rel="prev" href="{href(page - 1)}">« Previous</a>')
    last = 0
    for n in sorted(p for p in wanted if 1 <= p <= pages):
        if n - last > 1:
            parts.append('<span class="gap">…</span>')
        if n == page:
            parts.append(f'<span class="current" aria-current="page">{n}</span>')
        else:
            parts.append(f'<a href="{href(n)}">{n}</a>')
        last = n
    if page < pages:
        parts.append(f'<a rel="next" href="{href(page + 1)}">Next »</a>')
    return " ".join(parts)


def _jobs_href(n: int) -> str:
    return "/jobs" if n == 1 else f"/jobs?page={n}"


def _job_card(a: Advert, content: Content, href: str) -> str:
    where = a.location or ""
    pay = f' · <span class="job-card-pay">{_e(content.pay)}</span>' if content.pay else ""
    employer = _e(a.employer) if a.employer else "Private employer"
    return (
        f'<li class="job-card" data-id="{a.id}">\n'
        f'<h2 class="job-card-title"><a class="job-link" href="{_e(href)}">'
        f"{_e(content.title)}</a></h2>\n"
        f'<p class="job-card-meta"><span class="job-card-employer">{employer}</span> · '
        f'<span class="job-card-location">{_e(where)}</span>{pay} · '
        f'<time datetime="{a.posted_attr}">{_day(a.posted)}</time></p>\n'
        f'<p class="job-card-teaser">{_e(_teaser(content))}</p>\n</li>'
    )


def _jobs_listing(world: DemoWorld, site: SiteData, round_no: int, page: int) -> Page:
    listed = site.listed(round_no)
    pages = max(1, math.ceil(len(listed) / site.page_size))
    if page > pages:
        return _not_found(world, site)
    start = (page - 1) * site.page_size
    chunk = listed[start : start + site.page_size]
    cards = [_job_card(a, a.content_at(round_no), a.path) for a in chunk]
    if page == pages:
        for path in site.dead_links:  # a stale entry the board never cleaned up
            cards.append(
                '<li class="job-card expired">\n<h2 class="job-card-title">'
                f'<a class="job-link" href="{_e(path)}">Night porter – Leeds</a></h2>\n'
                '<p class="job-card-meta"><span class="job-card-employer">Private employer</span>'
                ' · <span class="job-card-location">Leeds</span></p>\n'
                '<p class="job-card-teaser">Night reception and security rounds.</p>\n</li>'
            )
    extra = ""
    if page == 1:
        by_path = {a.path: a for a in listed}
        featured = []
        for link in site.duplicate_links:
            advert = by_path.get(urlsplit(link).path)
            if advert is not None:
                title = advert.content_at(round_no).title
                featured.append(f'<li><a class="job-link" href="{_e(link)}">{_e(title)}</a></li>')
        if featured:
            extra += (
                '<section class="featured"><h2>Featured this week</h2>\n<ul>'
                + "".join(featured)
                + "</ul></section>\n"
            )
    first = start + 1 if chunk else 0
    main = (
        f'<h1>Jobs</h1>\n<p class="results">Showing {first}–{start + len(chunk)} of '
        f"{len(listed)} vacancies · page {page} of {pages}</p>\n{extra}"
        f'<ol class="job-list" start="{max(first, 1)}">\n' + "\n".join(cards) + "\n</ol>\n"
        f'<nav class="pagination" aria-label="Pages">{_pagination(page, pages, _jobs_href)}</nav>\n'
    )
    if page == 1 and site.private:
        items = "".join(
            f'<li><a class="job-link" href="{_e(a.path)}">{_e(a.content.title)}</a> '
            f'<span class="lock">members only</span></li>'
            for a in site.private
        )
        main += (
            '<aside class="premium"><h2>Premium vacancies</h2>\n'
            "<p>Visible to registered employers and premium members.</p>\n"
            f"<ul>{items}</ul></aside>\n"
        )
    head = ""
    if page > 1:
        head += f'<link rel="prev" href="{_jobs_href(page - 1)}">\n'
    if page < pages:
        head += f'<link rel="next" href="{_jobs_href(page + 1)}">\n'
    title = "Jobs" if page == 1 else f"Jobs – page {page}"
    return _html(200, _jobs_shell(world, title, main, head=head), _latest(chunk, round_no))


def _location_parts(a: Advert) -> tuple[str | None, str]:
    """(locality, country) as the page shows them."""
    text = a.location or ""
    if a.city:
        locality, _, country = text.partition(", ")
        return locality, country
    return None, text


def _job_posting(
    a: Advert, content: Content, url: str, with_context: bool = True
) -> dict[str, Any]:
    posting: dict[str, Any] = {}
    if with_context:
        posting["@context"] = "https://schema.org"
    posting.update(
        {
            "@type": "JobPosting",
            "title": content.title,
            "description": _blocks_html(content.blocks).replace("\n", ""),
            "datePosted": a.posted_attr,
            "validThrough": _valid_through(a),
            "employmentType": "FULL_TIME",
            "inLanguage": a.language,
            "url": url,
        }
    )
    if a.employer:
        posting["hiringOrganization"] = {"@type": "Organization", "name": a.employer}
    locality, country = _location_parts(a)
    address: dict[str, Any] = {"@type": "PostalAddress"}
    if locality:
        address["addressLocality"] = locality
    address["addressCountry"] = country
    posting["jobLocation"] = {"@type": "Place", "address": address}
    salary = content.salary
    if salary is not None:
        value: dict[str, Any] = {"@type": "QuantitativeValue", "unitText": salary.unit}
        if salary.min is not None and salary.max is not None and salary.min == salary.max:
            value["value"] = _num(salary.min)
        else:
            if salary.min is not None:
                value["minValue"] = _num(salary.min)
            if salary.max is not None:
                value["maxValue"] = _num(salary.max)
        posting["baseSalary"] = {
            "@type": "MonetaryAmount",
            "currency": salary.currency,
            "value": value,
        }
    if a.licence_number:
        posting["identifier"] = {
            "@type": "PropertyValue",
            "name": "Licence",
            "value": a.licence_number,
        }
    return posting


def _valid_through(a: Advert) -> str:
    return (a.posted + timedelta(days=45)).date().isoformat()


def _num(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _ld_script(text: str) -> str:
    return f'<script type="application/ld+json">\n{text}\n</script>\n'


def _job_page(world: DemoWorld, site: SiteData, a: Advert, round_no: int, base: str) -> Page:
    content = a.content_at(round_no)
    url = base + a.path
    micro = a.fmt in ("microdata", "broken-jsonld")
    head = f'<link rel="canonical" href="{_e(url)}">\n'
    head += f'<meta name="description" content="{_e(_teaser(content))}">\n'
    if a.fmt == "jsonld":
        head += _ld_script(_json_for_script(_job_posting(a, content, url)))
    elif a.fmt == "graph":
        graph = {
            "@context": "https://schema.org",
            "@graph": [
                {
                    "@type": "WebSite",
                    "@id": f"{base}/#website",
                    "name": site.brand,
                    "url": f"{base}/",
                },
                {
                    "@type": "BreadcrumbList",
                    "itemListElement": [
                        {
                            "@type": "ListItem",
                            "position": 1,
                            "name": "Jobs",
                            "item": f"{base}/jobs",
                        },
                        {"@type": "ListItem", "position": 2, "name": content.title},
                    ],
                },
                _job_posting(a, content, url, with_context=False),
            ],
        }
        head += _ld_script(_json_for_script(graph))
    elif a.fmt == "broken-jsonld":
        text = _json_for_script(_job_posting(a, content, url))
        head += _ld_script(text[: int(len(text) * 0.6)])  # cut off mid-way by a faulty CMS plugin

    def prop(name: str) -> str:
        return f' itemprop="{name}"' if micro else ""

    def scope(kind: str) -> str:
        return f' itemscope itemtype="https://schema.org/{kind}"' if micro else ""

    meta: list[str] = []
    if a.employer:
        if micro:
            employer = (
                f'<span class="employer"{prop("hiringOrganization")}{scope("Organization")}>'
                f'<span itemprop="name">{_e(a.employer)}</span></span>'
            )
        else:
            employer = f'<span class="employer">{_e(a.employer)}</span>'
        meta.append(f"<li>Employer: {employer}</li>")
    locality, country = _location_parts(a)
    if micro:
        inner = (
            f'<span itemprop="address"{scope("PostalAddress")}>'
            + (f'<span itemprop="addressLocality">{_e(locality)}</span>, ' if locality else "")
            + f'<span itemprop="addressCountry">{_e(country)}</span></span>'
        )
        meta.append(
            f'<li>Location: <span class="location"{prop("jobLocation")}{scope("Place")}>'
            f"{inner}</span></li>"
        )
    else:
        meta.append(f'<li>Location: <span class="location">{_e(a.location or "")}</span></li>')
    salary = content.salary
    if salary is not None and content.pay:
        if micro:
            values = ""
            if salary.min is not None and salary.max is not None and salary.min == salary.max:
                values += f'<meta itemprop="value" content="{_num(salary.min)}">'
            else:
                if salary.min is not None:
                    values += f'<meta itemprop="minValue" content="{_num(salary.min)}">'
                if salary.max is not None:
                    values += f'<meta itemprop="maxValue" content="{_num(salary.max)}">'
            values += f'<meta itemprop="unitText" content="{salary.unit}">'
            pay = (
                f'<span class="salary" itemprop="baseSalary"{scope("MonetaryAmount")}>'
                f'<meta itemprop="currency" content="{salary.currency}">'
                f'<span itemprop="value"{scope("QuantitativeValue")}>{values}</span>'
                f"{_e(content.pay)}</span>"
            )
        else:
            pay = f'<span class="salary">{_e(content.pay)}</span>'
        meta.append(f"<li>Salary: {pay}</li>")
    meta.append(
        f'<li>Posted: <time class="posted"{prop("datePosted")} datetime="{a.posted_attr}">'
        f"{_day(a.posted)}</time></li>"
    )
    if a.licence_number:
        meta.append(f'<li>Licence: <span class="licence">{_e(a.licence_number)}</span></li>')
    micro_extra = ""
    if micro:
        micro_extra = (
            f'<meta itemprop="employmentType" content="FULL_TIME">'
            f'<meta itemprop="validThrough" content="{_valid_through(a)}">'
        )
    back = "/private/" if a.path.startswith("/private/") else "/jobs"
    main = (
        f'<nav class="breadcrumbs"><a href="/">Home</a> › <a href="{back}">Jobs</a> › '
        f"<span>{_e(content.title)}</span></nav>\n"
        f'<article class="job-posting" id="job-{a.id}"{scope("JobPosting")}>\n{micro_extra}'
        f'<h1 class="job-title"{prop("title")}>{_e(content.title)}</h1>\n'
        f'<ul class="job-meta">\n' + "\n".join(meta) + "\n</ul>\n"
        f'<div class="job-description"{prop("description")}>\n'
        f"{_blocks_html(content.blocks)}\n</div>\n"
        f'<div class="apply-box" id="apply"><a class="button" href="#apply">Apply now</a> '
        f'<span class="ref">Ref. WB-{a.id}</span></div>\n</article>'
    )
    text = _jobs_shell(world, content.title, main, lang=a.language, charset=a.charset, head=head)
    return Page(
        200,
        f"text/html; charset={a.charset}",
        text.encode(a.charset),
        content.updated,
    )


def _sitemap(site: SiteData, round_no: int, base: str) -> Page:
    rows = [
        f"<url><loc>{_e(base + a.path)}</loc>"
        f"<lastmod>{a.content_at(round_no).updated.date().isoformat()}</lastmod></url>"
        for a in site.listed(round_no)
    ]
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(rows)
        + "\n</urlset>\n"
    )
    return Page(
        200,
        "application/xml; charset=utf-8",
        xml.encode("utf-8"),
        _latest(site.listed(round_no), round_no),
    )


def _private_index(world: DemoWorld, site: SiteData) -> Page:
    items = "".join(
        f'<li><a class="job-link" href="{_e(a.path)}">{_e(a.content.title)}</a></li>'
        for a in site.private
    )
    main = f"<h1>Employer area</h1>\n<p>Premium vacancies for members.</p>\n<ul>{items}</ul>"
    return _html(200, _jobs_shell(world, "Employer area", main))


def _render_jobs(
    world: DemoWorld,
    site: SiteData,
    round_no: int,
    path: str,
    query: dict[str, list[str]],
    base: str,
) -> Page:
    if path == "/":
        latest = site.listed(round_no)[:5]
        items = "".join(
            f'<li><a href="{_e(a.path)}">{_e(a.content_at(round_no).title)}</a></li>'
            for a in latest
        )
        main = (
            "<h1>Find work at home and abroad</h1>\n"
            '<p><a class="browse" href="/jobs">Browse all vacancies</a></p>\n'
            f"<h2>Latest vacancies</h2>\n<ul>{items}</ul>"
        )
        return _html(200, _jobs_shell(world, "Find work", main))
    if path == "/jobs":
        page = _page_number(query.get("page"))
        if page is None:
            return _not_found(world, site)
        return _jobs_listing(world, site, round_no, page)
    if path == "/private/" or path == "/private":
        return _private_index(world, site)
    advert = site.advert_at(path)
    if advert is not None:
        return _advert_page(world, site, advert, round_no, base)
    return _not_found(world, site)


def _advert_page(world: DemoWorld, site: SiteData, a: Advert, round_no: int, base: str) -> Page:
    status = a.status_at(round_no)
    if status == 410:
        return _gone(world, site)
    if status != 200:
        return _not_found(world, site)
    if site.name == "jobs":
        return _job_page(world, site, a, round_no, base)
    if site.name == "bridal":
        return _bride_page(world, a, round_no, base)
    return _escort_page(world, a, round_no, base)


# =========================================================================== bridal


def _bride_card(a: Advert, content: Content) -> str:
    return (
        f'<div class="bride-card" id="bride-{a.id}">\n'
        f'<a class="bc-photo-link" href="{a.path}"><img src="/static/silhouette.svg" alt="" '
        'width="200" height="240"></a>\n<div class="bc-info">\n'
        f'<a class="bc-name" href="{a.path}">{_e(content.title)}</a>\n'
        f'<span class="bc-city">{_e(a.location or "")}</span>\n'
        f'<p class="bc-teaser">{_e(_teaser(content, 110))}</p>\n'
        f'<span class="bc-date">{a.posted:%d.%m.%Y}</span>\n</div>\n</div>'
    )


def _bridal_listing(world: DemoWorld, site: SiteData, round_no: int, page: int) -> Page:
    listed = site.listed(round_no)
    pages = max(1, math.ceil(len(listed) / site.page_size))
    if page > pages:
        return _not_found(world, site)
    start = (page - 1) * site.page_size
    chunk = listed[start : start + site.page_size]
    cards = "\n".join(_bride_card(a, a.content_at(round_no)) for a in chunk)
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
    main = (
        f'<h1 class="catalogue-title">Our ladies</h1>\n<p class="intro">{len(listed)} women are '
        "looking for a partner. Click a profile to read more.</p>\n"
        f'<div class="grid">\n{cards}\n</div>\n<div class="pages">{" ".join(links)}</div>'
    )
    title = "Our ladies" if page == 1 else f"Our ladies, page {page}"
    return _html(200, _bridal_shell(world, title, main), _latest(chunk, round_no))


def _bride_page(world: DemoWorld, a: Advert, round_no: int, base: str) -> Page:
    content = a.content_at(round_no)
    facts = [
        f'<tr><th>Age</th><td class="pf-age">{a.age}</td></tr>',
        f'<tr><th>City</th><td class="pf-city">{_e(a.location or "")}</td></tr>',
        *(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in a.facts),
        f'<tr><th>Added</th><td><time class="pf-added" datetime="{a.posted_attr}">'
        f"{a.posted:%d.%m.%Y}</time></td></tr>",
    ]
    agency = ""
    if a.employer:
        licence = (
            f' · licence <span class="agency-licence">{_e(a.licence_number)}</span>'
            if a.licence_number
            else ""
        )
        agency = (
            f'<div class="agency-box">Profile managed by <span class="agency-name">'
            f"{_e(a.employer)}</span>{licence}</div>\n"
        )
    contact = "\n".join(f"<p>{_e(x)}</p>" for x in content.contact_lines)
    main = (
        f'<div class="profile-wrap" id="profile-{a.id}">\n<div class="profile-head">'
        '<img class="profile-photo" src="/static/silhouette.svg" alt="" width="180" '
        'height="220">\n'
        f'<h1 class="profile-name">{_e(content.title)}</h1>\n'
        f'<table class="profile-facts">{"".join(facts)}</table>\n</div>\n'
        f'<h2 class="about-title">About me</h2>\n<section class="profile-text">\n'
        f"{_blocks_html(content.blocks)}\n</section>\n{agency}"
        f'<h2 class="write-title">Write to {_e(a.name or "")}</h2>\n'
        f'<div class="write-to">\n{contact}\n</div>\n'
        '<p class="back"><a href="/brides/">« Back to all profiles</a></p>\n</div>'
    )
    head = f'<link rel="canonical" href="{_e(base + a.path)}">\n'
    text = _bridal_shell(world, content.title, main, head=head)
    return _html(200, text, content.updated)


def _render_bridal(
    world: DemoWorld,
    site: SiteData,
    round_no: int,
    path: str,
    query: dict[str, list[str]],
    base: str,
) -> Page:
    if path == "/":
        main = (
            '<div class="profile-wrap"><h1>Find your match</h1>\n<p>Serious introductions '
            "between women from Moldova, Romania and Ukraine and men abroad.</p>\n"
            '<p><a class="enter" href="/brides/">See the profiles</a></p></div>'
        )
        return _html(200, _bridal_shell(world, "Welcome", main))
    if path == "/brides":
        return _redirect("/brides/")
    if path == "/brides/":
        page = _page_number(query.get("p"))
        if page is None:
            return _not_found(world, site)
        return _bridal_listing(world, site, round_no, page)
    if path.startswith("/members"):
        main = '<div class="profile-wrap"><h1>Members area</h1><p>Please log in.</p></div>'
        return _html(200, _bridal_shell(world, "Members", main))
    advert = site.advert_at(path)
    if advert is not None:
        return _advert_page(world, site, advert, round_no, base)
    return _not_found(world, site)


# =========================================================================== escort


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
        f'<td class="ad-cell"><a class="ad-link" href="{a.path}">{_e(content.title)}</a>'
        f'<div class="teaser">{_e(_teaser(content, 100))}</div></td>'
        f'<td class="age">{age}</td>'
        f'<td class="when"><time datetime="{a.posted_attr}">{_ago(a.posted, now)}</time></td></tr>'
    )


def _escort_home(world: DemoWorld, site: SiteData, round_no: int) -> Page:
    now = world.round_times[round_no]
    vip = [a for a in site.listed(round_no) if a.subtype == "managed"][:4]
    vip_items = "".join(
        f'<li><a class="ad-link" href="{a.path}">{_e(a.content_at(round_no).title)}</a> '
        f'<span class="vip-city">{_e(_city_name(a.city or ""))}</span></li>'
        for a in vip
    )
    cities = "".join(
        f'<li><a href="/city/{c}/">{_e(_city_name(c))}</a> '
        f'<span class="n">({len(site.listed(round_no, c))})</span></li>'
        for c in site.cities
    )
    main = (
        "<h1>City Companions</h1>\n<p>Independent companions and agencies in your city. "
        f'Updated {_day(now)}.</p>\n<section class="vip"><h2>VIP this week</h2>\n'
        f'<ul class="vip-list">{vip_items}</ul></section>\n'
        '<section class="cities"><h2>Choose a city</h2>\n'
        f'<ul class="city-menu">{cities}</ul></section>'
    )
    return _html(200, _escort_shell(world, "Companions by city", main), _latest(vip, round_no))


def _escort_city(world: DemoWorld, site: SiteData, round_no: int, city: str, page: int) -> Page:
    listed = site.listed(round_no, city)
    pages = max(1, math.ceil(len(listed) / site.page_size))
    if page > pages:
        return _not_found(world, site)
    start = (page - 1) * site.page_size
    chunk = listed[start : start + site.page_size]
    now = world.round_times[round_no]
    rows = "\n".join(_escort_row(a, a.content_at(round_no), now) for a in chunk)

    def href(n: int) -> str:
        return f"/city/{city}/" if n == 1 else f"/city/{city}/page/{n}/"

    pager: list[str] = []
    if page > 1:
        pager.append(f'<a class="prev" href="{href(page - 1)}">« Prev</a>')
    pager.append(f'<span class="of">Page {page} of {pages}</span>')
    if page < pages:
        pager.append(f'<a class="next" href="{href(page + 1)}">Next »</a>')
    name = _city_name(city)
    main = (
        f'<div class="crumbs"><a href="/">Home</a> / {_e(name)}</div>\n'
        f'<h1>Companions in {_e(name)}</h1>\n<p class="count">{len(listed)} ads</p>\n'
        '<table class="listing"><thead><tr><th></th><th>Ad</th><th>Age</th><th>Posted</th></tr>'
        f"</thead>\n<tbody>\n{rows}\n</tbody></table>\n"
        f'<div class="pager">{" ".join(pager)}</div>'
    )
    return _html(200, _escort_shell(world, f"{name} – page {page}", main), _latest(chunk, round_no))


def _escort_page(world: DemoWorld, a: Advert, round_no: int, base: str) -> Page:
    content = a.content_at(round_no)
    local = a.posted.astimezone(datetime.fromisoformat(a.posted_attr).tzinfo)
    facts = [f'<li>City: <span class="ad-city">{_e(a.location or "")}</span></li>']
    if a.age is not None:
        facts.append(f'<li>Age: <span class="ad-age">{a.age}</span></li>')
    if content.pay:
        facts.append(f'<li>Rate: <span class="ad-rate">{_e(content.pay)}</span></li>')
    facts.append(
        f'<li>Posted: <time class="ad-posted" datetime="{a.posted_attr}">'
        f"{_day(local)}, {local:%H:%M}</time></li>"
    )
    contact = "\n".join(f"<p>{_e(x)}</p>" for x in content.contact_lines)
    city = a.city or ""
    main = (
        f'<div class="crumbs"><a href="/">Home</a> / <a href="/city/{city}/">'
        f"{_e(_city_name(city))}</a></div>\n"
        f'<div class="ad" id="ad-{a.id}">\n<h1 class="ad-title">{_e(content.title)}</h1>\n'
        f'<ul class="ad-facts">{"".join(facts)}</ul>\n'
        f'<div class="ad-text">\n{_blocks_html(content.blocks)}\n</div>\n'
        f'<aside class="contact-box"><h3>Contact</h3>\n<div class="contact">\n{contact}\n</div>\n'
        '<p class="note">Mention City Companions when you get in touch.</p></aside>\n'
        '<p class="report"><a href="/account/login">Report this ad</a></p>\n</div>'
    )
    head = f'<link rel="canonical" href="{_e(base + a.path)}">\n'
    return _html(200, _escort_shell(world, content.title, main, head=head), content.updated)


def _render_escort(
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
        city = parts[1]
        if len(parts) == 2 and path.endswith("/"):
            return _escort_city(world, site, round_no, city, 1)
        if len(parts) == 4 and parts[2] == "page" and parts[3].isdigit() and path.endswith("/"):
            page = int(parts[3])
            if page >= 1:
                return _escort_city(world, site, round_no, city, page)
        return _not_found(world, site)
    if path == "/search" or path.startswith("/account/"):
        main = "<h1>Members only</h1><p>Log in to search and save ads.</p>"
        return _html(200, _escort_shell(world, "Log in", main))
    advert = site.advert_at(path)
    if advert is not None:
        return _advert_page(world, site, advert, round_no, base)
    return _not_found(world, site)


# =========================================================================== entry point

_RENDERERS = {"jobs": _render_jobs, "bridal": _render_bridal, "escort": _render_escort}


def render(world: DemoWorld, site_name: str, round_no: int, target: str, base: str) -> Page:
    """The response to ``GET target`` on one site in one round; ``base`` is the site's
    own origin ("http://127.0.0.1:8801"), used for absolute links."""
    world.check_round(round_no)
    site = world.site(site_name)
    base = base.rstrip("/")
    path, query = _query(target)
    if path == "/robots.txt":
        return _robots(site, base)
    if path == "/sitemap.xml" and site.has_sitemap:
        return _sitemap(site, round_no, base)
    if path in ("/static/thumb.svg", "/static/silhouette.svg"):
        return Page(200, "image/svg+xml", _SVG_THUMB.encode())
    return _RENDERERS[site_name](world, site, round_no, path, query, base)

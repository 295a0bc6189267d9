"""The page frame of each demo site, its error pages, robots.txt and sitemap."""

from __future__ import annotations

from demo.site.model import Advert, DemoWorld, SiteData
from demo.site.renderers.html_kit import Page, esc, html_page, latest, plain_page

__all__ = [
    "advert_status_page",
    "bridal_shell",
    "escort_shell",
    "gone_page",
    "jobs_shell",
    "not_found_page",
    "robots_page",
    "sitemap_page",
]

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


def jobs_shell(
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
        f"<title>{esc(title)} | WorkBoard</title>\n{head}"
        f"<style>{_STYLE['jobs']}</style>\n</head>\n<body>\n"
        '<header class="site-header"><a class="logo" href="/">WorkBoard</a>'
        '<nav><a href="/jobs">All jobs</a><a href="/private/">Employer area</a></nav></header>\n'
        f'<main class="container">\n{main}\n</main>\n'
        f'<footer class="site-footer">© 2025 WorkBoard (demo) · fictional adverts generated '
        f"for testing adwatch · seed {world.seed}</footer>\n</body>\n</html>\n"
    )


def bridal_shell(world: DemoWorld, title: str, main: str, head: str = "") -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{esc(title)} – Hearts of the East</title>\n{head}"
        f"<style>{_STYLE['bridal']}</style>\n</head>\n<body>\n"
        '<div class="top"><a class="brand" href="/">Hearts of the East</a> '
        '<a href="/brides/">Our ladies</a> <a href="/members/">Members area</a> '
        '<a href="/members/favourites">Favourites</a></div>\n'
        f"{main}\n"
        f'<div class="bottom">Hearts of the East is a demo marriage-agency site with fictional '
        f"profiles (adwatch test data, seed {world.seed}).</div>\n</body>\n</html>\n"
    )


def escort_shell(world: DemoWorld, title: str, main: str, head: str = "") -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{esc(title)} · City Companions</title>\n{head}"
        f"<style>{_STYLE['escort']}</style>\n</head>\n<body>\n"
        '<div class="bar"><a href="/">City Companions</a> <a href="/search?q=">Search</a> '
        '<a href="/account/login">Log in</a></div>\n'
        f'<div class="wrap">\n{main}\n</div>\n'
        f'<div class="foot">18+ only. All profiles on this demo directory are fictional adults '
        f"(adwatch test data, seed {world.seed}).</div>\n</body>\n</html>\n"
    )


def _site_shell(world: DemoWorld, site: SiteData, title: str, main: str) -> str:
    if site.name == "jobs":
        return jobs_shell(world, title, main)
    if site.name == "bridal":
        return bridal_shell(world, title, main)
    return escort_shell(world, title, main)


def not_found_page(world: DemoWorld, site: SiteData) -> Page:
    main = "<h1>Page not found</h1>\n<p>The page you asked for does not exist.</p>"
    return html_page(404, _site_shell(world, site, "Page not found", main))


def gone_page(world: DemoWorld, site: SiteData) -> Page:
    main = (
        "<h1>This advert has been removed</h1>\n"
        "<p>The advert was taken down and will not come back.</p>"
    )
    return html_page(410, _site_shell(world, site, "Advert removed", main))


def advert_status_page(world: DemoWorld, site: SiteData, a: Advert, round_no: int) -> Page | None:
    """The 410 / 404 page of an advert not live in ``round_no``; None when it is live."""
    status = a.status_at(round_no)
    if status == 410:
        return gone_page(world, site)
    if status != 200:
        return not_found_page(world, site)
    return None


def robots_page(site: SiteData, base: str) -> Page:
    lines = [f"# robots.txt for {site.brand} (adwatch demo)", "User-agent: *"]
    lines += [f"Disallow: {prefix}" for prefix in site.robots_disallow]
    if site.has_sitemap:
        lines += ["", f"Sitemap: {base}/sitemap.xml"]
    return plain_page(200, "\n".join(lines) + "\n")


def sitemap_page(site: SiteData, round_no: int, base: str) -> Page:
    rows = [
        f"<url><loc>{esc(base + a.path)}</loc>"
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
        latest(site.listed(round_no), round_no),
    )

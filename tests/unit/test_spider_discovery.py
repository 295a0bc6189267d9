"""Sitemap discovery from robots.txt (the structured, zero-configuration mode)."""

from __future__ import annotations

from scrapy.http import Response

from crawlers.profiles import load_profile
from crawlers.spiders.adverts import AdvertSpider

ROBOTS = (
    b"# robots.txt\nUser-agent: *\nDisallow: /private/\n\n"
    b"Sitemap: https://jobs.example.org/sitemap.xml\n"
    b"sitemap:https://jobs.example.org/%D0%B2/sitemap.xml\n"
    b"Sitemap-ish: https://jobs.example.org/not-a-sitemap.xml\n"
)


def test_sitemaps_listed_in_robots_txt_are_requested() -> None:
    spider = AdvertSpider(load_profile("demo-jobs"))
    # not a TextResponse: robots.txt served as application/octet-stream is still read
    response = Response("https://jobs.example.org/robots.txt", body=ROBOTS)
    requests = list(spider.parse_robots(response))
    assert [r.url for r in requests] == [
        "https://jobs.example.org/sitemap.xml",
        "https://jobs.example.org/%D0%B2/sitemap.xml",
    ]
    assert all(r.callback == spider.parse_sitemap for r in requests)

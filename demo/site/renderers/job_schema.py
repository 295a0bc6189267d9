"""schema.org JobPosting data of a job advert page: JSON-LD (plain, ``@graph`` or cut
off mid-way) in ``<head>``; the microdata variant is written inline by job_page.py."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import urljoin

from demo.site.model import Advert, Content, Salary, SiteData
from demo.site.renderers.html_kit import blocks_html, esc, json_for_script, teaser

__all__ = ["job_head", "job_posting", "location_parts", "salary_amounts", "valid_through"]


def location_parts(a: Advert) -> tuple[str | None, str]:
    """(locality, country) as the page shows them."""
    text = a.location or ""
    if a.city:
        locality, _, country = text.partition(", ")
        return locality, country
    return None, text


def valid_through(a: Advert) -> str:
    return (a.posted + timedelta(days=45)).date().isoformat()


def _num(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def salary_amounts(salary: Salary) -> list[tuple[str, int | float]]:
    """QuantitativeValue amounts: ``value`` for a fixed wage, else min/max as known."""
    if salary.min is not None and salary.max is not None and salary.min == salary.max:
        return [("value", _num(salary.min))]
    amounts: list[tuple[str, int | float]] = []
    if salary.min is not None:
        amounts.append(("minValue", _num(salary.min)))
    if salary.max is not None:
        amounts.append(("maxValue", _num(salary.max)))
    return amounts


def _base_salary(salary: Salary) -> dict[str, Any]:
    value: dict[str, Any] = {"@type": "QuantitativeValue", "unitText": salary.unit}
    value.update(salary_amounts(salary))
    return {"@type": "MonetaryAmount", "currency": salary.currency, "value": value}


def _postal_address(a: Advert) -> dict[str, Any]:
    locality, country = location_parts(a)
    address: dict[str, Any] = {"@type": "PostalAddress"}
    if locality:
        address["addressLocality"] = locality
    address["addressCountry"] = country
    return address


def job_posting(a: Advert, content: Content, url: str, with_context: bool = True) -> dict[str, Any]:
    posting: dict[str, Any] = {}
    if with_context:
        posting["@context"] = "https://schema.org"
    posting.update(
        {
            "@type": "JobPosting",
            "title": content.title,
            "description": blocks_html(content.blocks).replace("\n", ""),
            "datePosted": a.posted_attr,
            "validThrough": valid_through(a),
            "employmentType": "FULL_TIME",
            "inLanguage": a.language,
            "url": url,
        }
    )
    if a.images:
        # an absolute URL, as schema.org's image property wants
        posting["image"] = urljoin(url, a.images[0].path)
    if a.employer:
        posting["hiringOrganization"] = {"@type": "Organization", "name": a.employer}
    posting["jobLocation"] = {"@type": "Place", "address": _postal_address(a)}
    if content.salary is not None:
        posting["baseSalary"] = _base_salary(content.salary)
    if a.licence_number:
        posting["identifier"] = {
            "@type": "PropertyValue",
            "name": "Licence",
            "value": a.licence_number,
        }
    return posting


def _graph(site: SiteData, a: Advert, content: Content, url: str, base: str) -> dict[str, Any]:
    """The posting inside an ``@graph`` next to the site and a breadcrumb trail."""
    breadcrumbs = [
        {"@type": "ListItem", "position": 1, "name": "Jobs", "item": f"{base}/jobs"},
        {"@type": "ListItem", "position": 2, "name": content.title},
    ]
    return {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "@id": f"{base}/#website", "name": site.brand, "url": f"{base}/"},
            {"@type": "BreadcrumbList", "itemListElement": breadcrumbs},
            job_posting(a, content, url, with_context=False),
        ],
    }


def _ld_script(text: str) -> str:
    return f'<script type="application/ld+json">\n{text}\n</script>\n'


def job_head(site: SiteData, a: Advert, content: Content, url: str, base: str) -> str:
    """The job page's extra ``<head>``: canonical link, description and any JSON-LD."""
    head = f'<link rel="canonical" href="{esc(url)}">\n'
    head += f'<meta name="description" content="{esc(teaser(content))}">\n'
    if a.fmt == "jsonld":
        head += _ld_script(json_for_script(job_posting(a, content, url)))
    elif a.fmt == "graph":
        head += _ld_script(json_for_script(_graph(site, a, content, url, base)))
    elif a.fmt == "broken-jsonld":
        text = json_for_script(job_posting(a, content, url))
        head += _ld_script(text[: int(len(text) * 0.6)])  # cut off mid-way by a faulty CMS plugin
    return head

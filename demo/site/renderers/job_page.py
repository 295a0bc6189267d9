"""A job advert's page; microdata adverts carry schema.org attributes inline."""

from __future__ import annotations

from dataclasses import dataclass

from demo.site.model import Advert, Content, DemoWorld, SiteData
from demo.site.renderers.html_kit import Page, blocks_html, day, esc, html_page
from demo.site.renderers.job_schema import (
    job_head,
    location_parts,
    salary_amounts,
    valid_through,
)
from demo.site.renderers.media import img_tag
from demo.site.renderers.shells import jobs_shell

__all__ = ["job_page"]


@dataclass(frozen=True)
class _Microdata:
    """Writes schema.org microdata attributes, or nothing for the other formats."""

    enabled: bool

    def prop(self, name: str) -> str:
        return f' itemprop="{name}"' if self.enabled else ""

    def scope(self, kind: str) -> str:
        return f' itemscope itemtype="https://schema.org/{kind}"' if self.enabled else ""


def _employer_item(employer: str, md: _Microdata) -> str:
    if md.enabled:
        text = (
            f'<span class="employer"{md.prop("hiringOrganization")}{md.scope("Organization")}>'
            f'<span itemprop="name">{esc(employer)}</span></span>'
        )
    else:
        text = f'<span class="employer">{esc(employer)}</span>'
    return f"<li>Employer: {text}</li>"


def _location_item(a: Advert, md: _Microdata) -> str:
    if not md.enabled:
        return f'<li>Location: <span class="location">{esc(a.location or "")}</span></li>'
    locality, country = location_parts(a)
    inner = (
        f'<span itemprop="address"{md.scope("PostalAddress")}>'
        + (f'<span itemprop="addressLocality">{esc(locality)}</span>, ' if locality else "")
        + f'<span itemprop="addressCountry">{esc(country)}</span></span>'
    )
    return (
        f'<li>Location: <span class="location"{md.prop("jobLocation")}{md.scope("Place")}>'
        f"{inner}</span></li>"
    )


def _salary_item(content: Content, md: _Microdata) -> str | None:
    salary = content.salary
    if salary is None or not content.pay:
        return None
    if not md.enabled:
        return f'<li>Salary: <span class="salary">{esc(content.pay)}</span></li>'
    values = "".join(
        f'<meta itemprop="{name}" content="{amount}">' for name, amount in salary_amounts(salary)
    )
    values += f'<meta itemprop="unitText" content="{salary.unit}">'
    pay = (
        f'<span class="salary" itemprop="baseSalary"{md.scope("MonetaryAmount")}>'
        f'<meta itemprop="currency" content="{salary.currency}">'
        f'<span itemprop="value"{md.scope("QuantitativeValue")}>{values}</span>'
        f"{esc(content.pay)}</span>"
    )
    return f"<li>Salary: {pay}</li>"


def _meta_items(a: Advert, content: Content, md: _Microdata) -> list[str]:
    """The job-meta list: employer, location, salary, posted date, licence."""
    meta: list[str] = []
    if a.employer:
        meta.append(_employer_item(a.employer, md))
    meta.append(_location_item(a, md))
    salary = _salary_item(content, md)
    if salary is not None:
        meta.append(salary)
    meta.append(
        f'<li>Posted: <time class="posted"{md.prop("datePosted")} datetime="{a.posted_attr}">'
        f"{day(a.posted)}</time></li>"
    )
    if a.licence_number:
        meta.append(f'<li>Licence: <span class="licence">{esc(a.licence_number)}</span></li>')
    return meta


def _job_photo(a: Advert, md: _Microdata) -> str:
    if not a.images:
        return ""
    tag = img_tag(a.images, "job-image", "", extra=md.prop("image"))
    return f'<figure class="job-photo">{tag}</figure>\n'


def _job_main(a: Advert, content: Content, md: _Microdata) -> str:
    micro_extra = ""
    if md.enabled:
        micro_extra = (
            f'<meta itemprop="employmentType" content="FULL_TIME">'
            f'<meta itemprop="validThrough" content="{valid_through(a)}">'
        )
    back = "/private/" if a.path.startswith("/private/") else "/jobs"
    return (
        f'<nav class="breadcrumbs"><a href="/">Home</a> › <a href="{back}">Jobs</a> › '
        f"<span>{esc(content.title)}</span></nav>\n"
        f'<article class="job-posting" id="job-{a.id}"{md.scope("JobPosting")}>\n{micro_extra}'
        f'<h1 class="job-title"{md.prop("title")}>{esc(content.title)}</h1>\n'
        f"{_job_photo(a, md)}"
        f'<ul class="job-meta">\n' + "\n".join(_meta_items(a, content, md)) + "\n</ul>\n"
        f'<div class="job-description"{md.prop("description")}>\n'
        f"{blocks_html(content.blocks)}\n</div>\n"
        f'<div class="apply-box" id="apply"><a class="button" href="#apply">Apply now</a> '
        f'<span class="ref">Ref. WB-{a.id}</span></div>\n</article>'
    )


def job_page(world: DemoWorld, site: SiteData, a: Advert, round_no: int, base: str) -> Page:
    """The page of a live job advert, in the advert's own language and charset."""
    content = a.content_at(round_no)
    url = base + a.path
    md = _Microdata(a.fmt in ("microdata", "broken-jsonld"))
    head = job_head(site, a, content, url, base)
    main = _job_main(a, content, md)
    text = jobs_shell(world, content.title, main, lang=a.language, charset=a.charset, head=head)
    return html_page(200, text, content.updated, a.charset)

"""Generated sites for the crawler-trap tests: endless calendars (by query and by path), a
page with 100,000 links, and a legitimate large site (a long pagination chain and thousands of
adverts) that the trap limits must leave alone. Every name and text here is fictional."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from datetime import date, timedelta
from urllib.parse import parse_qs, urlsplit

from tests.e2e.hostile import Answer

Generator = Callable[[str], Answer | None]
HEAD = "<html><head><title>Example town events</title></head><body>"
NAV = "<nav><a href='/'>Home</a> Events, concerts and fairs in the Example town hall</nav>"
FOOT = "<footer>Example town hall, Main square 1. events@example.org</footer></body></html>"
JOB_TITLES = [f"{kind} {place}" for kind in ("Cook", "Driver", "Nurse") for place in "ABCDEF"][:17]


def page(body: str) -> Answer:
    return Answer(body=(HEAD + NAV + body + FOOT).encode())


def day_page(day: date, links: list[str], job_posting: bool = False) -> Answer:
    """One calendar day: nothing on, links to other days; optionally a JobPosting."""
    anchors = " ".join(f"<a class='pg-next' href='{href}'>day</a>" for href in links)
    body = f"<h1>Events on {day.isoformat()}</h1><p>There are no events on this day.</p>"
    body += f"<div class='pages'>{anchors}</div>"
    if job_posting:
        body += _job_posting_script(JOB_TITLES[day.toordinal() % len(JOB_TITLES)], day)
    return page(body)


def _job_posting_script(title: str, day: date) -> str:
    posting = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": title,
        "description": f"{title} wanted for the town fair. Apply at jobs@example.org.",
        "datePosted": day.isoformat(),
        "hiringOrganization": {"@type": "Organization", "name": "Example Fair Ltd"},
    }
    return f'<script type="application/ld+json">{json.dumps(posting)}</script>'


def query_calendar(job_posting: bool = False, forward_only: bool = False) -> Generator:
    """/calendar?date=YYYY-MM-DD for every date: each links to the next day (and, unless
    forward_only, the day before and the week after)."""

    def generate(path: str) -> Answer | None:
        parts = urlsplit(path)
        if parts.path != "/calendar":
            return None
        try:
            day = date.fromisoformat(parse_qs(parts.query)["date"][0])
        except (KeyError, ValueError):
            return None
        steps = [1] if forward_only else [-1, 7, 1]
        links = [f"/calendar?date={(day + timedelta(days=s)).isoformat()}" for s in steps]
        return day_page(day, links, job_posting)

    return generate


def path_calendar(path: str) -> Answer | None:
    """/cal/YYYY/MM/DD/ for every date, and a relative "week/" link that nests without end."""
    parts = [p for p in urlsplit(path).path.split("/") if p]
    if len(parts) < 4 or parts[0] != "cal" or any(p != "week" for p in parts[4:]):
        return None
    try:
        day = date(int(parts[1]), int(parts[2]), int(parts[3]))
    except ValueError:
        return None
    other = [day - timedelta(days=1), day + timedelta(days=1)]
    return day_page(day, [f"/cal/{d:%Y/%m/%d}/" for d in other] + ["week/"])


def many_links(count: int) -> Answer:
    """A page of `count` links and nothing else."""
    links = "".join(f"<a href='/item/{n}'>item {n}</a>\n" for n in range(count))
    return Answer(body=f"{HEAD}{links}</body></html>".encode())


def item_page(path: str) -> Answer | None:
    if not path.startswith("/item/"):
        return None
    return page(f"<h1>Catalogue item {path.removeprefix('/item/')}</h1><p>Out of stock.</p>")


# -- a legitimate large site: profile demo-bridal's selectors --------------------------------
FIRST = [
    "Ana",
    "Daria",
    "Elena",
    "Irina",
    "Lia",
    "Maria",
    "Nadia",
    "Olga",
    "Rada",
    "Sara",
    "Tania",
    "Vera",
    "Zoia",
    "Alina",
    "Doina",
]
LAST = [
    "Lungu",
    "Rusu",
    "Ceban",
    "Popa",
    "Munteanu",
    "Ciobanu",
    "Rotaru",
    "Sirbu",
    "Cojocaru",
    "Botnaru",
    "Melnic",
]
HOBBIES = [
    "hiking",
    "cooking",
    "music",
    "dancing",
    "reading",
    "painting",
    "gardening",
    "travel",
    "cinema",
    "theatre",
]


# Real listings carry a heavy template (menus, SEO text): 400 words here, on every page, make
# two listing pages near-duplicates by chance about once in 160 pairs; no trap for all that.
_SYLLABLES = ["ka", "lo", "mi", "ne", "po", "ru", "sa", "te", "vu", "xi"]
_PICK = random.Random(7)
TEMPLATE = (
    "<aside>"
    + " ".join(_PICK.choice(_SYLLABLES) + _PICK.choice(_SYLLABLES) for _ in range(400))
    + "</aside>"
)


def advert_ids(listing: int, adverts: int, listings: int) -> range:
    """The adverts on listing page `listing` (1-based), spread evenly over the chain."""
    return range((listing - 1) * adverts // listings, listing * adverts // listings)


def bride_listing(listing: int, adverts: int, listings: int) -> Answer:
    cards = "".join(
        f"<div class='bride-card'><a class='bc-name' href='/bride/{n}'>{_name(n)}</a>"
        f" likes {_hobbies(n)}</div>"
        for n in advert_ids(listing, adverts, listings)
    )
    nav = f"<a class='pg-next' href='/?page={listing + 1}'>next</a>" if listing < listings else ""
    return page(
        f"<h1>Our members, page {listing}</h1>{cards}<div class='pages'>{nav}</div>{TEMPLATE}"
    )


def bride_advert(n: int) -> Answer:
    return page(
        f"<h1 class='profile-name'>{_name(n)}</h1>"
        f"<section class='profile-text'>{_name(n)} is looking for a pen friend and likes "
        f"{_hobbies(n)}. Member number {n}.</section>"
        "<time class='pf-added' datetime='2026-11-01'>1 November 2026</time>"
    )


def legitimate_site(adverts: int, listings: int) -> Generator:
    def generate(path: str) -> Answer | None:
        parts = urlsplit(path)
        if parts.path == "/":
            number = int(parse_qs(parts.query).get("page", ["1"])[0])
            return bride_listing(number, adverts, listings) if number <= listings else None
        if parts.path.startswith("/bride/"):
            return bride_advert(int(parts.path.removeprefix("/bride/")))
        return None

    return generate


def _name(n: int) -> str:
    return f"{FIRST[n % len(FIRST)]} {LAST[(n // len(FIRST)) % len(LAST)]}"


def _hobbies(n: int) -> str:
    return f"{HOBBIES[n % 10]}, {HOBBIES[(n // 10) % 10]} and {HOBBIES[(n // 100) % 10]}"


# -- a legitimate large job board in zero-config mode: JobPosting on every job page ------------
TRADES = ["Cook", "Driver", "Nurse", "Welder", "Cleaner", "Baker", "Painter", "Tailor"]
TOWNS = ["Chisinau", "Balti", "Cahul", "Orhei", "Soroca", "Ungheni", "Comrat", "Edinet"]


def job_board(jobs: int, listings: int) -> Generator:
    """/jobs?page=N (N = 1..listings) listing /jobs/ID pages, each with a JobPosting."""

    def generate(path: str) -> Answer | None:
        parts = urlsplit(path)
        if parts.path == "/":
            return page("<a href='/jobs?page=1'>All jobs</a>")
        if parts.path == "/jobs":
            number = int(parse_qs(parts.query).get("page", ["1"])[0])
            return _job_listing(number, jobs, listings) if number <= listings else None
        if parts.path.startswith("/jobs/"):
            return _job_page(int(parts.path.removeprefix("/jobs/")))
        return None

    return generate


def _job_listing(listing: int, jobs: int, listings: int) -> Answer:
    links = "".join(
        f"<li><a href='/jobs/{n}'>{_job_title(n)}</a> {_duties(n)}</li>"
        for n in advert_ids(listing, jobs, listings)
    )
    nav = f"<a href='/jobs?page={listing + 1}'>next</a>" if listing < listings else ""
    return page(f"<h1>Jobs, page {listing}</h1><ul>{links}</ul>{nav}")


def _job_page(n: int) -> Answer:
    title = _job_title(n)
    description = f"{title}: {_duties(n)}. Contract and accommodation described at interview."
    posting = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": title,
        "description": description,
        "datePosted": "2026-11-01",
        "hiringOrganization": {"@type": "Organization", "name": f"{_name(n)} Ltd"},
    }
    script = f'<script type="application/ld+json">{json.dumps(posting)}</script>'
    body = f"<h1>{title}</h1><p>{description}</p><p>Employer: {_name(n)} Ltd</p>"
    return page(body + "<a href='/jobs?page=1'>All jobs</a>" + script)


def _job_title(n: int) -> str:
    return f"{TRADES[n % len(TRADES)]} in {TOWNS[(n // len(TRADES)) % len(TOWNS)]}"


def _duties(n: int) -> str:
    return f"{HOBBIES[n % 10]} shifts, {HOBBIES[(n // 10) % 10]} team, {HOBBIES[(n // 100) % 10]}"

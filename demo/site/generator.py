"""Deterministic generator of the demo world: three synthetic advert sites, two rounds.

``generate_world(seed=7)`` builds the same world every time for the same arguments
(every random choice comes from ``random.Random`` seeded with strings derived from
``seed``). Text is composed from the per-language pools in ``content_<lang>.py``;
pages are rendered later, on request, from the resulting :class:`DemoWorld`.

Sites:

- ``jobs`` (kind job): a job board with schema.org JobPosting as JSON-LD, JSON-LD in an
  ``@graph`` or microdata; robots.txt with a sitemap and a disallowed /private/ area;
  duplicate links, a dead link and hostile pages (script in a title, broken JSON-LD,
  a ~200 KB description, a windows-1251 page).
- ``bridal`` (kind bridal): a marriage agency's profile catalogue in plain HTML.
- ``escort`` (kind escort): a city directory with table listings and contact boxes.

Adverts carry synthetic pictures (landscapes and patterns, never people), some reused
across sites with small edits; see ``builders/images.py``.

Every site also changes in round 2: one advert answers 410, one 404, one drops off the
listing (still 200 when fetched), one is edited and one is new.

The site builders live in ``builders/``: ``jobs``, ``bridal`` and ``escort`` with the
job-advert text in ``job_text`` / ``risky_job`` and shared pieces in ``common`` / ``text``.
"""

from __future__ import annotations

import random

from demo.site.builders.bridal import build_bridal
from demo.site.builders.common import PACKS, ROUND_TIMES, BuildContext, PhonePool
from demo.site.builders.escort import build_escort
from demo.site.builders.images import add_images
from demo.site.builders.jobs import build_jobs
from demo.site.model import DemoWorld

__all__ = ["MIN_ADVERTS", "PACKS", "ROUND_TIMES", "generate_world"]

#: smallest size per site (the special adverts need room)
MIN_ADVERTS: dict[str, int] = {"jobs": 16, "bridal": 12, "escort": 14}


def generate_world(
    seed: int = 7,
    job_adverts: int = 40,
    bridal_adverts: int = 40,
    escort_adverts: int = 40,
) -> DemoWorld:
    """The demo world for ``seed``: the same arguments always give the same world.

    Sizes count round-1 adverts per site; each site gains one advert in round 2.
    """
    sizes = {"jobs": job_adverts, "bridal": bridal_adverts, "escort": escort_adverts}
    for name, size in sizes.items():
        if size < MIN_ADVERTS[name]:
            raise ValueError(f"{name} needs at least {MIN_ADVERTS[name]} adverts, got {size}")
    phones = PhonePool(random.Random(f"adwatch-demo:{seed}:phones"))
    ctx = BuildContext(seed=seed, phones=phones, actors={})
    sites = {
        "jobs": build_jobs(ctx, job_adverts),
        "bridal": build_bridal(ctx, bridal_adverts),
        "escort": build_escort(ctx, escort_adverts),
    }
    sites = add_images(seed, sites)
    return DemoWorld(seed=seed, sites=sites, round_times=dict(ROUND_TIMES))

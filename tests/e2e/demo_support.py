"""Crawling the bundled demo sites in tests: servers on free ports, profiles pointed at them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from adwatch.demo import DEMO_SITES, demo_profile
from crawlers import launch
from crawlers.profiles import SiteProfile
from demo.site import DemoServer, generate_world
from store.crawl_runs import CrawlRun

SITES = DEMO_SITES


@contextmanager
def demo_server(seed: int = 7, **sizes: int) -> Iterator[DemoServer]:
    world = generate_world(seed=seed, **sizes)
    with DemoServer(world, ports={site: 0 for site in SITES}) as server:
        yield server


def profile_for(server: DemoServer, site: str) -> SiteProfile:
    """The shipped demo profile, its start URL moved to the test server's port."""
    return demo_profile(server, site)


def crawl_site(server: DemoServer, site: str) -> CrawlRun:
    return launch.crawl(profile_for(server, site), allow_private=True)


def collapse(text: str | None) -> str:
    return " ".join((text or "").split())

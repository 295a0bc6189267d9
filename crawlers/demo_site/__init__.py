"""Bundled demo sites: a seeded synthetic world of adverts, its answer key and a server.

>>> from crawlers.demo_site import DemoServer, generate_world
>>> world = generate_world(seed=7)
>>> with DemoServer(world, ports={"jobs": 0, "bridal": 0, "escort": 0}) as server:
...     key = world.answer_key(1, server.base_urls)       # doctest: +SKIP

``python -m crawlers.demo_site`` serves the default world on ports 8801-8803.
"""

from crawlers.demo_site.generator import generate_world
from crawlers.demo_site.model import (
    DEFAULT_PORTS,
    PROFILE_NAMES,
    ROUNDS,
    SITE_KINDS,
    SITE_NAMES,
    AnswerKey,
    DemoWorld,
    ExpectedAdvert,
    SiteKey,
)
from crawlers.demo_site.server import DemoServer

__all__ = [
    "DEFAULT_PORTS",
    "PROFILE_NAMES",
    "ROUNDS",
    "SITE_KINDS",
    "SITE_NAMES",
    "AnswerKey",
    "DemoServer",
    "DemoWorld",
    "ExpectedAdvert",
    "SiteKey",
    "generate_world",
]

"""Bundled demo sites: a seeded synthetic world of adverts, its answer key and a server.

>>> from demo.site import DemoServer, build_answer_key, generate_world
>>> world = generate_world(seed=7)
>>> with DemoServer(world, ports={"jobs": 0, "bridal": 0, "escort": 0}) as server:
...     key = build_answer_key(world, 1, server.base_urls)       # doctest: +SKIP

``python -m demo.site`` serves the default world on ports 8801-8803.
"""

from demo.site.answer_builder import build_answer_key
from demo.site.generator import generate_world
from demo.site.model import (
    DEFAULT_PORTS,
    PROFILE_NAMES,
    ROUNDS,
    SITE_KINDS,
    SITE_NAMES,
    AnswerKey,
    DemoWorld,
    ExpectedAdvert,
    ImageUse,
    SiteKey,
)
from demo.site.server import DemoServer

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
    "ImageUse",
    "SiteKey",
    "build_answer_key",
    "generate_world",
]

"""`adwatch demo`: the whole service on bundled synthetic sites, from a fresh clone.

Starts the embedded PostgreSQL, serves the three demo sites on 127.0.0.1, crawls them (each in
its own process), scores, links, creates two analyst keys and serves the review UI until Ctrl-C.
Two, because a confirmation is shared only once a second analyst agrees (the two-person rule
stays on in the demo): confirm with one key, agree with the other, and the item is shared.
Running it again reuses the stored data: ingest is idempotent, so nothing is duplicated.
"""

from __future__ import annotations

from dataclasses import dataclass

import uvicorn
from rich.console import Console

from adwatch.pipeline import link_all_pending, score_all_pending
from api.app import create_app
from config.settings import get_settings
from crawlers import launch
from crawlers.profiles import SiteProfile, load_profile
from demo.site import DemoServer, generate_world
from store import adverts, api_keys
from store.bootstrap import open_ready, ready_url
from store.crawl_runs import CrawlRun
from store.image_files import images_root

DEMO_SITES = {"jobs": "demo-jobs", "bridal": "demo-bridal", "escort": "demo-escort"}


@dataclass(frozen=True)
class DemoResult:
    analyst_key: str
    second_analyst_key: str
    adverts: dict[str, int]
    flagged: int
    scored: int
    linked: int


def demo_profile(server: DemoServer, site: str) -> SiteProfile:
    """The shipped demo profile pointed at wherever the demo server really listens."""
    profile = load_profile(DEMO_SITES[site])
    return profile.model_copy(update={"start_urls": [server.start_urls()[site]]})


def _crawl_one(server: DemoServer, site: str, console: Console) -> None:
    with console.status(f"crawling demo site {site}…") as status:

        def show(run: CrawlRun) -> None:
            status.update(f"crawling demo site {site}: {run.pages} pages, {run.adverts_new} new…")

        run = launch.crawl(demo_profile(server, site), allow_private=True, on_progress=show)
    console.print(
        f"[green]✓[/] crawled {site}: {run.pages} pages, {run.adverts_new} new, "
        f"{run.adverts_updated} updated, {run.adverts_removed} removed, {run.errors} errors"
    )


def prepare(server: DemoServer, console: Console) -> DemoResult:
    """Crawl, score and link the demo sites; returns two fresh analyst keys."""
    with console.status("starting the database…"):
        ready_url()
    for site in DEMO_SITES:
        _crawl_one(server, site, console)
    with console.status("scoring adverts…"):
        scoring = score_all_pending(get_settings().models_dir)
    console.print(f"[green]✓[/] scored {scoring.scored} adverts with model {scoring.model_version}")
    settings = get_settings()
    with console.status("linking adverts (templates, shared contacts, images)…"):
        linked = link_all_pending(
            settings.image_match_distance,
            settings.pdq_min_quality,
            images_root(settings.data_dir),
            crop_images=settings.crop_index_images,
        )
    console.print(f"[green]✓[/] linked {linked} adverts")
    with open_ready() as conn:
        _, token = api_keys.create_key(conn, "demo analyst", "analyst")
        _, second = api_keys.create_key(conn, "demo second analyst", "analyst")
        counts = adverts.count_adverts(conn)
        flagged = adverts.count_flagged(conn)
    return DemoResult(token, second, counts, flagged, scoring.scored, linked)


def run_demo(host: str, port: int, console: Console) -> None:
    with DemoServer(generate_world(seed=7)) as server:
        console.print(f"demo sites: {', '.join(server.start_urls().values())}")
        result = prepare(server, console)
        console.print(
            f"\n[bold]adwatch demo is ready[/]: {sum(result.adverts.values())} adverts stored, "
            f"{result.flagged} flagged for review.\n"
            f"  review UI:   http://{host}:{port}/   (API docs, admin keys only: /docs)\n"
            f"  analyst key: [bold]{result.analyst_key}[/]\n"
            f"  second analyst key: [bold]{result.second_analyst_key}[/]\n"
            "Paste a key on the login page. A confirmation is shared with partners once the\n"
            "other analyst agrees on the advert page. Ctrl-C stops the demo; data stays.\n"
        )
        uvicorn.run(create_app(ready_url()), host=host, port=port, log_level="warning")

"""`adwatch crawl`: crawl a site by profile or a URL with structured data; show runs."""

from __future__ import annotations

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.live import Live
from rich.table import Table

from adwatch.cli_common import AdvertKind
from config.settings import get_settings
from crawlers import adhoc as crawlers_adhoc
from crawlers import launch
from crawlers.profiles import SiteProfile, load_profile
from store import crawl_runs
from store.bootstrap import open_ready
from store.crawl_runs import CrawlRun

console = Console(stderr=True)


def _runs_table(runs: list[CrawlRun], title: str) -> Table:
    table = Table(title=title)
    for column in (
        "run",
        "site",
        "status",
        "started",
        "pages",
        "new",
        "updated",
        "unchanged",
        "removed",
        "errors",
        "duration",
    ):
        table.add_column(column)
    for r in runs:
        duration = f"{r.duration_s:.1f}s" if r.duration_s is not None else "…"
        table.add_row(
            str(r.id),
            r.site_name,
            r.status,
            f"{r.started_at:%Y-%m-%d %H:%M:%S}",
            str(r.pages),
            str(r.adverts_new),
            str(r.adverts_updated),
            str(r.adverts_unchanged),
            str(r.adverts_removed),
            str(r.errors),
            duration,
        )
    return table


def adhoc_profile(url: str, kind: str) -> SiteProfile:
    """A zero-configuration profile for --url; a URL that cannot be crawled is a usage error."""
    try:
        return crawlers_adhoc.adhoc_profile(url, kind)
    except ValidationError as exc:
        problems = "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())
        raise typer.BadParameter(problems, param_hint="'--url'") from None
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="'--url'") from None


def crawl(
    site: str | None = typer.Argument(
        None, metavar="SITE", help="Site profile name or path to a .toml profile."
    ),
    url: str | None = typer.Option(
        None, metavar="URL", help="Crawl this URL using structured data (schema.org) only."
    ),
    kind: AdvertKind = typer.Option("job", help="What the site advertises (with --url)."),
    status: bool = typer.Option(False, "--status", help="Show recent crawl runs and exit."),
    allow_private: bool = typer.Option(
        False,
        "--allow-private",
        help="Allow start URLs on private/loopback addresses (their own host and port only).",
    ),
    processes: int = typer.Option(
        1,
        min=1,
        metavar="N",
        help="Shard one large site over N processes sharing a Redis frontier.",
    ),
    redis_url: str | None = typer.Option(
        None, metavar="URL", help="Redis for --processes > 1 (default: ADWATCH_REDIS_URL)."
    ),
) -> None:
    """Crawl one site (in its own process) into the database."""
    if status:
        with open_ready() as conn:
            console.print(_runs_table(crawl_runs.recent_runs(conn, site), "Recent crawl runs"))
        return
    if (site is None) == (url is None):
        raise typer.BadParameter("give either a SITE profile or --url")
    profile = load_profile(site) if site else adhoc_profile(url or "", kind)
    redis_url = redis_url or get_settings().redis_url
    if processes > 1 and not redis_url:
        raise typer.BadParameter(
            "--processes > 1 needs --redis-url (or ADWATCH_REDIS_URL)", param_hint="'--redis-url'"
        )
    with Live(console=console, refresh_per_second=4, transient=False) as live:

        def show(run: CrawlRun) -> None:
            if console.is_terminal:
                live.update(_runs_table([run], f"Crawling {profile.name}"))

        if processes > 1 and redis_url:
            run = launch.crawl_sharded(
                profile, processes, redis_url, allow_private=allow_private, on_progress=show
            )
        else:
            run = launch.crawl(profile, allow_private=allow_private, on_progress=show)
        live.update(_runs_table([run], f"Crawl of {profile.name}"))
    if run.status != "finished":
        raise typer.Exit(code=1)

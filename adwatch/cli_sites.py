"""`adwatch sites ...`: register, list, enable, disable and remove sites without crawling them.

A running scheduler picks changes up within ADWATCH_SITES_REFRESH_S. Remove refuses a site
that has adverts or crawl runs (they would be lost): disable it instead.
"""

from __future__ import annotations

from typing import Any

import psycopg
import typer

from adwatch.cli_common import cli_actor
from config.errors import AdwatchError
from crawlers.claims import register_site
from crawlers.profiles import load_profile
from store import audit, sites
from store.bootstrap import open_ready

sites_app = typer.Typer(
    help="Register and manage the sites the scheduler crawls.", no_args_is_help=True
)
NAME = typer.Argument(..., metavar="NAME", help="The site's name (see sites list).")


def _record(conn: psycopg.Connection[Any], action: str, site: sites.Site) -> None:
    audit.record(
        conn,
        actor=cli_actor(),
        action=action,
        object_type="site",
        object_id=site.id,
        detail={"name": site.name, "via": "cli"},
    )


def _site(conn: psycopg.Connection[Any], name: str) -> sites.Site:
    site = sites.get_site(conn, name)
    if site is None:
        raise typer.BadParameter(f"no site named {name!r}", param_hint="'NAME'")
    return site


@sites_app.command("add")
def add(
    profile: str = typer.Argument(
        ..., metavar="PROFILE", help="Site profile name or path to a .toml profile."
    ),
) -> None:
    """Register a site (or refresh its profile and schedule) without crawling it."""
    loaded = load_profile(profile)
    with open_ready() as conn, conn.transaction():
        site = register_site(conn, loaded)
        _record(conn, "add_site", site)
    state = "enabled" if site.enabled else "disabled"
    typer.echo(f"site {site.name} (#{site.id}) registered, {state}, crawled on {site.schedule}")


@sites_app.command("list")
def list_() -> None:
    """List sites: name, kind, schedule, state, adverts, runs and the latest run."""
    with open_ready() as conn:
        for s in sites.summaries(conn):
            state = "enabled" if s.site.enabled else "disabled"
            last = f"{s.last_run_status} {s.last_run_at:%Y-%m-%d %H:%M}" if s.last_run_at else "-"
            typer.echo(
                f"{s.site.name}\t{s.site.kind}\t{s.site.schedule or '-'}\t{state}\t"
                f"{s.adverts} adverts\t{s.runs} runs\tlast run: {last}"
            )


def _set_enabled(name: str, enabled: bool) -> None:
    with open_ready() as conn, conn.transaction():
        site = sites.set_enabled(conn, _site(conn, name).id, enabled)
        assert site is not None  # locked by the transaction since it was found
        _record(conn, "enable_site" if enabled else "disable_site", site)
    typer.echo(f"site {name} {'enabled' if enabled else 'disabled'}")


@sites_app.command("enable")
def enable(name: str = NAME) -> None:
    """Crawl the site on its schedule again."""
    _set_enabled(name, True)


@sites_app.command("disable")
def disable(name: str = NAME) -> None:
    """Stop scheduled crawls of the site; its adverts and runs are kept."""
    _set_enabled(name, False)


@sites_app.command("remove")
def remove(name: str = NAME) -> None:
    """Remove a site that has no adverts and no crawl runs (otherwise refused: disable it)."""
    with open_ready() as conn, conn.transaction():
        site = _site(conn, name)
        try:
            sites.remove_site(conn, site.id)
        except sites.SiteInUse as exc:
            raise AdwatchError(f"cannot remove site {name}: {exc}") from None
        _record(conn, "remove_site", site)
    typer.echo(f"site {name} removed")

"""`adwatch feed ...`: upkeep of the partner feed."""

from __future__ import annotations

import sys

import typer

from config.errors import AdwatchError
from config.settings import get_settings
from share import feed_render
from store.bootstrap import open_ready

feed_app = typer.Typer(help="The partner feed.", no_args_is_help=True)


@feed_app.command("render")
def render() -> None:
    """Render every feed event never rendered yet (the events published before migration
    0018), so no partner's first page waits for them; the scheduler renders new events by
    itself, and events rendered under an older ADWATCH_HASH_SECRET are rendered again when
    first read."""
    secret = get_settings().hash_secret.get_secret_value()
    if not secret:
        raise AdwatchError("ADWATCH_HASH_SECRET is not set: feed content cannot be rendered")
    with open_ready(autocommit=True) as conn:
        count = feed_render.render_new(conn, secret, most=sys.maxsize)
    typer.echo(f"rendered {count} feed events")

"""`adwatch db ...`: schema migrations, and re-keying adverts after a canonical-URL change."""

from __future__ import annotations

import typer

from crawlers.extract.urls import canonical_url
from store import migrate
from store.bootstrap import configured_url, open_ready
from store.canonical_urls import rekey_adverts
from store.db import connect
from store.roles import grant_runtime
from store.schema import describe_schema

db_app = typer.Typer(
    help="Database schema: upgrade, status, dump; re-key adverts.", no_args_is_help=True
)


@db_app.command("upgrade")
def upgrade() -> None:
    """Apply pending migrations (also done automatically at start)."""
    with connect(configured_url()) as conn:
        applied = migrate.upgrade(conn)
    if not applied:
        typer.echo("database is up to date")
    for migration in applied:
        typer.echo(f"applied {migration.version:04d}_{migration.name}")


@db_app.command("status")
def status() -> None:
    """List migrations and whether each is applied."""
    with connect(configured_url()) as conn:
        rows = migrate.status(conn)
    for row in rows:
        state = f"applied {row.applied_at:%Y-%m-%d %H:%M:%S%z}" if row.applied_at else "pending"
        typer.echo(f"{row.version:04d}_{row.name}  {state}")


@db_app.command("grant-runtime")
def grant_runtime_role(
    role: str = typer.Argument(..., metavar="ROLE", help="The role the service connects as."),
) -> None:
    """Create (if missing) and grant the least-privileged role the service should run as.

    Run as the tables' owner after each upgrade. The role may read and write the data but only
    INSERT and SELECT on audit_log; set its password with ALTER ROLE ... PASSWORD.
    """
    with open_ready() as conn:
        created = grant_runtime(conn, role)
    typer.echo(f"{'created' if created else 'updated'} runtime role {role}")


@db_app.command("schema")
def schema() -> None:
    """Print the schema as the stable text dump kept in store/schema_dump.txt."""
    with connect(configured_url()) as conn:
        typer.echo(describe_schema(conn), nl=False)


def _keep_unreadable(url: str) -> str:
    try:
        return canonical_url(url)
    except ValueError:
        return url  # not a URL this version can read: leave its key alone


@db_app.command("rekey")
def rekey(
    apply: bool = typer.Option(False, "--apply", help="Write the new keys (default: report)."),
) -> None:
    """Re-key stored adverts with this version's canonical URLs (run after an upgrade)."""
    with connect(configured_url()) as conn:
        migrate.upgrade(conn)
        result = rekey_adverts(conn, _keep_unreadable, apply=apply)
    verb = "re-keyed" if apply else "would re-key"
    typer.echo(f"{verb} {result.changed} of {result.adverts} adverts")
    for advert_id, new, holder in result.collisions:
        typer.echo(f"advert {advert_id}: kept its key; {new} belongs to advert {holder}")

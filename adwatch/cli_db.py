"""`adwatch db ...`: schema migrations."""

from __future__ import annotations

import typer

from store import migrate
from store.bootstrap import configured_url
from store.db import connect
from store.schema import describe_schema

db_app = typer.Typer(help="Database schema: upgrade, status, dump.", no_args_is_help=True)


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


@db_app.command("schema")
def schema() -> None:
    """Print the schema as the stable text dump kept in store/schema_dump.txt."""
    with connect(configured_url()) as conn:
        typer.echo(describe_schema(conn), nl=False)

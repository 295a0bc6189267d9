"""`adwatch keys ...`: API keys for analysts, partners, researchers and admins."""

from __future__ import annotations

from typing import Literal

import typer

from adwatch.cli_common import cli_actor
from config.errors import AdwatchError
from store import api_keys, audit, partners
from store.bootstrap import open_ready

keys_app = typer.Typer(help="Create, list and revoke API keys.", no_args_is_help=True)

# The roles of store.api_keys.ROLES (a unit test keeps the two equal), as an option type.
Role = Literal["analyst", "partner", "researcher", "admin"]


@keys_app.command("create")
def create(
    role: Role = typer.Option(..., help="What the key may do."),
    name: str = typer.Option(
        ..., metavar="NAME", help="Who holds the key (person or organisation)."
    ),
    partner: str | None = typer.Option(
        None, metavar="ORG", help="Partner name (partner keys; default: NAME); created if new."
    ),
) -> None:
    """Create a key and print it once; only its hash is stored."""
    with open_ready() as conn:
        partner_id = None
        if role == "partner":
            partner_id = partners.ensure_partner(conn, partner or name).id
        key, token = api_keys.create_key(conn, name, role, partner_id)
        with conn.transaction():
            audit.record(
                conn,
                actor=cli_actor(),
                action="create_key",
                object_type="api_key",
                object_id=key.id,
                detail={"role": key.role, "via": "cli"},
            )
    typer.echo(f"created {key.role} key #{key.id} for {key.name}; store it now, it is shown once:")
    typer.echo(token)


@keys_app.command("list")
def list_() -> None:
    """List keys (never the keys themselves)."""
    with open_ready() as conn:
        for key in api_keys.list_keys(conn):
            state = "revoked" if key.revoked_at else "active"
            typer.echo(
                f"#{key.id}\t{key.role}\t{key.name}\t{state}\tcreated {key.created_at:%Y-%m-%d}"
            )


@keys_app.command("revoke")
def revoke(
    key_id: int = typer.Argument(..., metavar="ID", help="The key's number (see keys list)."),
) -> None:
    """Revoke a key by its number (never the last active admin key)."""
    with open_ready() as conn, conn.transaction():
        try:
            revoked = api_keys.revoke_key(conn, key_id)
        except api_keys.RevokeRefused as exc:
            raise AdwatchError(str(exc)) from exc
        if not revoked:
            raise typer.BadParameter(f"no active key #{key_id}", param_hint="'ID'")
        audit.record(
            conn, actor=cli_actor(), action="revoke_key", object_type="api_key", object_id=key_id
        )
    typer.echo(f"revoked key #{key_id}")

"""`adwatch audit ...`: check that nobody rewrote the audit log."""

from __future__ import annotations

import typer

from store import audit_chain
from store.bootstrap import open_ready

audit_app = typer.Typer(help="Check the audit log's hash chain.", no_args_is_help=True)


@audit_app.command("verify")
def verify(
    head: str | None = typer.Option(
        None, metavar="HASH", help="A head hash printed earlier; it must still be in the chain."
    ),
) -> None:
    """Recompute the hash chain; exit 1 naming the first altered or missing row."""
    with open_ready() as conn:
        report = audit_chain.verify(conn, anchor=head)
    if not report.intact:
        where = "at its end" if report.broken_id is None else f"at entry #{report.broken_id}"
        typer.echo(
            f"audit log chain broken {where}: {report.reason} "
            f"({report.entries} entries before it are intact)",
            err=True,
        )
        raise typer.Exit(1)
    typer.echo(f"{report.entries} entries, chain intact (head {report.head})")

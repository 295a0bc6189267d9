"""`adwatch demo`: run the whole service on the bundled synthetic sites."""

from __future__ import annotations

import errno
import socket

import typer
from rich.console import Console

from config.errors import AdwatchError


def _check_port_free(host: str, port: int) -> None:
    with socket.socket() as probe:
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise AdwatchError(f"port {port} on {host} is in use; pass --port") from exc
            raise


def demo(
    host: str = typer.Option("127.0.0.1", metavar="HOST", help="Interface for the review UI."),
    port: int = typer.Option(
        8000, min=1, max=65535, metavar="PORT", help="Port for the review UI and API."
    ),
) -> None:
    """Run the whole service on the bundled demo sites.

    Crawl, score and link the three synthetic sites, then serve the review UI until Ctrl-C.
    """
    # The demo world is a separate distribution (adwatch-demo) that production installs lack,
    # and the demo imports the whole service: both only when the command runs.
    from adwatch.demo import run_demo
    from demo.site import DEFAULT_PORTS

    for demo_port in (port, *DEFAULT_PORTS.values()):
        _check_port_free("127.0.0.1" if demo_port != port else host, demo_port)
    run_demo(host, port, Console())

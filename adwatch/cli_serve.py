"""`adwatch serve`: the API and review UI under uvicorn."""

from __future__ import annotations

import typer
import uvicorn

from config.settings import get_settings
from store.bootstrap import ready_url


def serve(
    host: str | None = typer.Option(
        None, metavar="HOST", help="Interface to bind (default: ADWATCH_API_HOST)."
    ),
    port: int | None = typer.Option(
        None, min=1, max=65535, metavar="PORT", help="Port (default: ADWATCH_API_PORT)."
    ),
    workers: int = typer.Option(1, min=1, metavar="N", help="Worker processes."),
) -> None:
    """Serve the API and the review UI.

    The JSON API under /api/v1, the review UI, /healthz, and for admin keys /metrics and
    the API docs (/docs, /openapi.json).
    """
    settings = get_settings()
    ready_url()  # migrate (and start the embedded server) before accepting requests
    uvicorn.run(
        "api.app:create_app",
        factory=True,
        host=host or settings.api_host,
        port=port or settings.api_port,
        workers=workers,
        log_level=settings.log_level.lower(),
    )

"""`adwatch run`: the scheduler and the API in one process."""

from __future__ import annotations

import gc
import logging
import threading

import typer
import uvicorn

from config.settings import get_settings
from store.bootstrap import ready_url

log = logging.getLogger(__name__)


def run(
    no_api: bool = typer.Option(False, "--no-api", help="Scheduler only (API runs elsewhere)."),
    host: str | None = typer.Option(
        None, metavar="HOST", help="API interface (default: ADWATCH_API_HOST)."
    ),
    port: int | None = typer.Option(
        None, min=1, max=65535, metavar="PORT", help="API port (default: ADWATCH_API_PORT)."
    ),
) -> None:
    """Run the scheduler and the API in one process.

    Scheduled crawls, scoring, linking, webhooks and retention; --no-api leaves the API to
    `adwatch serve` elsewhere.
    """
    # Imported here: the job stack (scoring, Scrapy, the API) takes seconds to import, and
    # other commands never need it.
    from adwatch.schedule import standard_scheduler
    from api.app import create_app

    settings = get_settings()
    url = ready_url()
    scheduler = standard_scheduler(settings)
    scheduler.start()
    try:
        if no_api:
            threading.Event().wait()  # until Ctrl-C / SIGTERM
        else:
            uvicorn.run(
                create_app(url),
                host=host or settings.api_host,
                port=port or settings.api_port,
                log_level="info",
            )
    finally:
        scheduler.shutdown()
        # The process is about to exit: collecting the job stack's millions of objects (torch,
        # scikit-learn, Scrapy) at interpreter teardown took seconds, so they are left alone.
        gc.freeze()

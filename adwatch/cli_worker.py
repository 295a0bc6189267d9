"""`adwatch worker`: take crawl, scoring and linking jobs from the shared PostgreSQL queue."""

from __future__ import annotations

import typer

from adwatch.queue import QUEUES, run_worker
from store.bootstrap import ready_url


def worker(
    queues: str = typer.Option(",".join(QUEUES), help="Comma-separated queues to work on."),
    concurrency: int = typer.Option(1, min=1, help="Jobs run at once in this process."),
) -> None:
    """Run one worker until stopped (SIGINT/SIGTERM finish the current job first)."""
    wanted = [q.strip() for q in queues.split(",") if q.strip()]
    unknown = sorted(set(wanted) - set(QUEUES))
    if unknown:
        raise typer.BadParameter(f"unknown queues: {', '.join(unknown)}")
    run_worker(ready_url(), wanted, concurrency)

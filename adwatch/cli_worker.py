"""`adwatch worker`: take crawl, scoring and linking jobs from the shared PostgreSQL queue."""

from __future__ import annotations

import typer

from store.bootstrap import ready_url

# The queues adwatch.workqueue registers tasks on (a unit test keeps the two equal); named here
# because importing workqueue loads the whole job stack, which `--help` must not wait for.
WORK_QUEUES = ("crawl", "score", "link", "export")


def worker(
    queues: str = typer.Option(
        ",".join(WORK_QUEUES), metavar="QUEUES", help="Comma-separated queues to work on."
    ),
    concurrency: int = typer.Option(
        1, min=1, metavar="N", help="Jobs run at once in this process."
    ),
) -> None:
    """Take jobs from the shared PostgreSQL queue until stopped.

    SIGINT/SIGTERM finish the current job first. Database outages are waited out; a worker
    that stops for any other failure exits non-zero.
    """
    wanted = [q.strip() for q in queues.split(",") if q.strip()]
    unknown = sorted(set(wanted) - set(WORK_QUEUES))
    if unknown or not wanted:
        raise typer.BadParameter(
            f"unknown queues: {', '.join(unknown)} (known: {', '.join(WORK_QUEUES)})"
            if unknown
            else f"name at least one of {', '.join(WORK_QUEUES)}",
            param_hint="'--queues'",
        )
    # Imported on use: the job stack (scoring, Scrapy) takes seconds to load.
    from adwatch.workqueue import run_worker

    if not run_worker(ready_url(), wanted, concurrency):
        # Non-zero, so that a restart-on-failure supervisor starts it again.
        typer.echo("adwatch worker: stopped after a failure (see the log above)", err=True)
        raise typer.Exit(1)

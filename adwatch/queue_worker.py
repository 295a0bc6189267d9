"""procrastinate's worker, made to ride out database outages.

Out of the box a worker stops itself when any of its side tasks (heartbeat, notification
listener, periodic deferrer) meets a database error, and a busy one then stops after its job;
an idle one even exits 0, so a restart-on-failure supervisor leaves it dead. A finished job
whose completion could not be recorded was left 'doing', to be requeued as if it had died.

Here every database call of the worker's own is retried with backoff until the database is
back: the heartbeat, the listener (which reconnects and keeps listening), the deferrer, the
job fetch, and the recording of a job's outcome. A worker that must stop for another reason
says so through `failed`, and the CLI exits non-zero.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

import psycopg
from procrastinate import exceptions, job_context, jobs, retry, utils
from procrastinate.worker import Worker

log = logging.getLogger(__name__)
MAX_BACKOFF_S = 5.0


def why(exc: BaseException) -> str:
    """procrastinate's ConnectorException says nothing itself: psycopg's error does."""
    return str(exc.__cause__ or exc) or type(exc).__name__


def unreachable(exc: BaseException) -> bool:
    """A lost or refused connection (worth retrying), not an error of the query itself."""
    cause = exc.__cause__ if isinstance(exc, exceptions.ConnectorException) else exc
    return isinstance(cause, psycopg.OperationalError)


class Backoff:
    def __init__(self) -> None:
        self.delay = 0.0

    def next(self) -> float:
        self.delay = min(max(self.delay * 2, 0.25), MAX_BACKOFF_S)
        return self.delay

    def reset(self) -> None:
        self.delay = 0.0


class SteadyWorker(Worker):
    # procrastinate's Worker leaves some methods unannotated: calls to them are ignored below.

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.failed = False

    async def _update_heartbeat(self) -> None:
        silent_since: float | None = None
        while True:
            await asyncio.sleep(self.update_heartbeat_interval)
            assert self.worker_id is not None
            try:
                await self.app.job_manager.update_heartbeat(self.worker_id)
            except exceptions.ConnectorException as exc:
                if silent_since is None:
                    silent_since = time.monotonic()
                    log.warning("heartbeat failed, will keep trying: %s", why(exc))
                continue
            if silent_since is not None:
                log.warning("heartbeat back after %.0fs", time.monotonic() - silent_since)
                silent_since = None

    async def _periodic_deferrer(self) -> None:
        backoff = Backoff()
        while True:
            try:
                await super()._periodic_deferrer()  # type: ignore[no-untyped-call]
                return
            except exceptions.ConnectorException as exc:
                log.warning("periodic deferrer: %s; retrying", why(exc))
                await asyncio.sleep(backoff.next())

    async def _listen(self) -> None:
        """Listen for new jobs; after a lost connection, reconnect (with backoff) and look for
        jobs queued meanwhile."""
        backoff = Backoff()
        while True:
            started = time.monotonic()
            try:
                await self.app.job_manager.listen_for_jobs(
                    on_notification=self._handle_notification, queues=self.queues
                )
            except exceptions.ConnectorException as exc:
                log.warning("listener lost the database: %s; reconnecting", why(exc))
            if time.monotonic() - started > 30:
                backoff.reset()
            await asyncio.sleep(backoff.next())
            self._new_job_event.set()

    def _start_side_tasks(self) -> list[asyncio.Task[Any]]:
        listen_notify, self.listen_notify = self.listen_notify, False
        try:
            side_tasks = super()._start_side_tasks()
        finally:
            self.listen_notify = listen_notify
        if listen_notify:
            side_tasks.append(asyncio.create_task(self._listen(), name="listener"))
        return side_tasks

    async def _monitor_side_tasks(self, side_tasks: list[asyncio.Task[Any]]) -> None:
        """Stop the worker, as failed, when a side task fails; procrastinate's own monitor
        stops watching as soon as any side task ends, even one that ended normally."""
        pending = set(side_tasks)
        while pending:
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                if not task.cancelled() and (exc := task.exception()) is not None:
                    log.error("%s failed, stopping the worker: %s", task.get_name(), why(exc))
                    self.failed = True  # the exit status must say so
                    self.stop()  # type: ignore[no-untyped-call]
                    return

    async def _fetch_and_process_jobs(self) -> None:
        try:
            await super()._fetch_and_process_jobs()  # type: ignore[no-untyped-call]
        except exceptions.ConnectorException as exc:
            if not unreachable(exc):
                raise
            log.warning("cannot fetch jobs: %s; retrying", why(exc))
            await utils.wait_any(asyncio.sleep(MAX_BACKOFF_S), self._stop_event.wait())

    async def _persist_job_status(
        self,
        job: jobs.Job,
        status: jobs.Status,
        retry_decision: retry.RetryDecision | None,
        context: job_context.JobContext,
        job_result: job_context.JobResult | None,
    ) -> None:
        """Record a job's outcome, waiting for the database as long as it takes: a finished
        crawl left 'doing' would be requeued and crawled again, or recorded failed."""
        backoff = Backoff()
        while True:
            try:
                await super()._persist_job_status(job, status, retry_decision, context, job_result)
                return
            except exceptions.ConnectorException as exc:
                if not unreachable(exc):
                    log.error("could not record the end of job %s: %s", job.id, why(exc))
                    return
                log.warning("recording the end of job %s: %s; retrying", job.id, why(exc))
                await asyncio.sleep(backoff.next())

    async def _shutdown(self, side_tasks: list[asyncio.Task[Any]]) -> None:
        try:
            await super()._shutdown(side_tasks)
        except exceptions.ConnectorException as exc:
            # Its row stays; its heartbeat ages, and other workers see it as gone.
            log.warning("could not unregister the worker: %s", why(exc))

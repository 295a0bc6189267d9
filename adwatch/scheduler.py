"""The scheduler: crawls per site schedule, scoring, linking, webhook delivery, retention.

Job state (last run, failures, next run) lives in PostgreSQL, so a restart resumes the
schedule; a failing job is logged and retried with backoff, never taking the service down.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.executors.base import run_job as aps_run_job
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from store import jobs
from store.bootstrap import open_ready
from store.jobs import JobState

log = logging.getLogger(__name__)
MAX_RETRY_DELAY_S = 3600
THREADS = 10
_due = threading.local()


@dataclass(frozen=True)
class JobSpec:
    name: str
    func: Callable[[], object]
    trigger: BaseTrigger
    retry_base_s: float = 30.0


def cron(expression: str) -> CronTrigger:
    return CronTrigger.from_crontab(expression, timezone=UTC)


def every(seconds: float) -> IntervalTrigger:
    return IntervalTrigger(seconds=seconds, timezone=UTC)


def due_time() -> datetime:
    """When the job running in this thread was due (its trigger's fire time, or the first one
    a retry retries): the key that makes a deferral idempotent. Now, outside a scheduled run."""
    at: datetime | None = getattr(_due, "at", None)
    return at or datetime.now(UTC).replace(microsecond=0)


class _DueTimeExecutor(ThreadPoolExecutor):  # type: ignore[misc]
    """APScheduler's thread pool, telling the job its scheduled run time: APScheduler 3 knows
    it (run_times) but never passes it to the job function."""

    def _do_submit_job(self, job: Any, run_times: list[datetime]) -> None:
        def run(*args: Any) -> Any:
            _due.at = run_times[-1]  # coalesced: only the last run time runs
            try:
                return aps_run_job(*args)
            finally:
                _due.at = None

        def done(future: Any) -> None:
            exc = future.exception()
            if exc is not None:
                self._run_job_error(job.id, exc, exc.__traceback__)
            else:
                self._run_job_success(job.id, future.result())

        future = self._pool.submit(run, job, job._jobstore_alias, run_times, self._logger.name)
        future.add_done_callback(done)


class Scheduler:
    def __init__(self, specs: list[JobSpec]) -> None:
        self.specs = {spec.name: spec for spec in specs}
        self.aps = BackgroundScheduler(
            timezone=UTC,
            executors={"default": _DueTimeExecutor(THREADS)},
            job_defaults={
                "coalesce": True,
                "max_instances": 1,
                "misfire_grace_time": 3600,
            },
        )
        # Jobs in flight, counted here: see shutdown.
        self._jobs_done = threading.Condition()
        self._running = 0
        self._stopping = False
        self._cleanups: list[Callable[[], None]] = []

    def on_shutdown(self, cleanup: Callable[[], None]) -> None:
        """Run `cleanup` once every job has ended (e.g. close the job queue's connections)."""
        self._cleanups.append(cleanup)

    def start(self) -> None:
        with open_ready() as conn:
            states = {s.name: s for s in jobs.all_states(conn)}
        for spec in self.specs.values():
            self._schedule(spec, states.get(spec.name))
        self.aps.start()
        log.info("scheduler started with %d jobs", len(self.specs))

    def _schedule(self, spec: JobSpec, state: JobState | None) -> None:
        kwargs: dict[str, Any] = {}
        if state is not None and state.next_run_at is not None:
            # resume after a restart
            kwargs["next_run_time"] = max(state.next_run_at, datetime.now(UTC))
        self.aps.add_job(
            self.run_job,
            spec.trigger,
            args=[spec.name],
            id=spec.name,
            replace_existing=True,
            **kwargs,
        )

    def sync(self, prefix: str, wanted: list[JobSpec]) -> None:
        """Make the jobs named `prefix…` exactly `wanted`, while running: new ones are added
        (resuming their stored state), changed triggers replaced, the rest removed."""
        current = {n: s for n, s in self.specs.items() if n.startswith(prefix)}
        targets = {spec.name: spec for spec in wanted}
        for name in current.keys() - targets.keys():
            self.specs.pop(name, None)
            for job_id in (name, f"{name}:retry"):
                if self.aps.get_job(job_id) is not None:
                    self.aps.remove_job(job_id)
            log.info("scheduler: %s removed", name)
        added = [s for n, s in targets.items() if n not in current]
        changed = [
            s
            for n, s in targets.items()
            if n in current and str(s.trigger) != str(current[n].trigger)
        ]
        for spec in changed:
            self.specs[spec.name] = spec
            self.aps.reschedule_job(spec.name, trigger=spec.trigger)
            log.info("scheduler: %s now runs on %s", spec.name, spec.trigger)
        if added:
            with open_ready() as conn:
                states = {s.name: s for s in jobs.all_states(conn)}
            for spec in added:
                self.specs[spec.name] = spec
                self._schedule(spec, states.get(spec.name))
                log.info("scheduler: %s added (%s)", spec.name, spec.trigger)

    def shutdown(self) -> None:
        """Let running jobs finish, then stop. APScheduler's own shutdown(wait=True) holds its
        job-store lock while it waits, and a finishing job takes that lock to look up its next
        run: so jobs are waited for here first, and none starts once stopping has begun."""
        with self._jobs_done:
            self._stopping = True
            self._jobs_done.wait_for(lambda: self._running == 0)
        self.aps.shutdown(wait=True)
        for cleanup in self._cleanups:
            cleanup()

    def run_job(self, name: str, due: datetime | None = None) -> None:
        with self._jobs_done:
            if self._stopping:
                return
            self._running += 1
        try:
            spec = self.specs.get(name)
            if spec is not None:  # None: removed since it was submitted
                self._run(spec, due or due_time())
        finally:
            with self._jobs_done:
                self._running -= 1
                self._jobs_done.notify_all()

    def _run(self, spec: JobSpec, due: datetime) -> None:
        error = None
        _due.at = due
        try:
            with open_ready() as conn:
                jobs.mark_started(conn, spec.name)
            spec.func()
        except Exception as exc:  # a job's failure must not stop the service
            error = f"{type(exc).__name__}: {exc}"
            log.error("job %s failed: %s\n%s", spec.name, error, traceback.format_exc())
        self._record(spec, error, due)

    def _record(self, spec: JobSpec, error: str | None, due: datetime) -> None:
        job = self.aps.get_job(spec.name)
        next_run = job.next_run_time if job is not None else None
        try:
            with open_ready() as conn:
                failures = jobs.mark_finished(conn, spec.name, error, next_run)
        except Exception:  # the database itself may be what failed
            log.exception("could not record job %s", spec.name)
            failures = 1 if error else 0
        if error is not None and spec.name in self.specs:
            delay = min(spec.retry_base_s * 2 ** max(failures - 1, 0), MAX_RETRY_DELAY_S)
            # The retry keeps the due time it retries, so a deferral is not made twice.
            self.aps.add_job(
                self.run_job,
                "date",
                args=[spec.name, due],
                id=f"{spec.name}:retry",
                run_date=datetime.now(UTC) + timedelta(seconds=delay),
                replace_existing=True,
            )
            log.info("job %s will be retried in %.0fs", spec.name, delay)

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

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from store import jobs
from store.bootstrap import open_ready

log = logging.getLogger(__name__)
MAX_RETRY_DELAY_S = 3600


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


class Scheduler:
    def __init__(self, specs: list[JobSpec]) -> None:
        self.specs = {spec.name: spec for spec in specs}
        self.aps = BackgroundScheduler(
            timezone=UTC,
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

    def start(self) -> None:
        with open_ready() as conn:
            states = {s.name: s for s in jobs.all_states(conn)}
        now = datetime.now(UTC)
        for spec in self.specs.values():
            state = states.get(spec.name)
            kwargs: dict[str, Any] = {}
            if state is not None and state.next_run_at is not None:
                kwargs["next_run_time"] = max(state.next_run_at, now)  # resume after a restart
            self.aps.add_job(
                self.run_job,
                spec.trigger,
                args=[spec.name],
                id=spec.name,
                replace_existing=True,
                **kwargs,
            )
        self.aps.start()
        log.info("scheduler started with %d jobs", len(self.specs))

    def shutdown(self) -> None:
        """Let running jobs finish, then stop. APScheduler's own shutdown(wait=True) holds its
        job-store lock while it waits, and a finishing job takes that lock to look up its next
        run: so jobs are waited for here first, and none starts once stopping has begun."""
        with self._jobs_done:
            self._stopping = True
            self._jobs_done.wait_for(lambda: self._running == 0)
        self.aps.shutdown(wait=True)

    def run_job(self, name: str) -> None:
        with self._jobs_done:
            if self._stopping:
                return
            self._running += 1
        try:
            self._run(self.specs[name])
        finally:
            with self._jobs_done:
                self._running -= 1
                self._jobs_done.notify_all()

    def _run(self, spec: JobSpec) -> None:
        error = None
        try:
            with open_ready() as conn:
                jobs.mark_started(conn, spec.name)
            spec.func()
        except Exception as exc:  # a job's failure must not stop the service
            error = f"{type(exc).__name__}: {exc}"
            log.error("job %s failed: %s\n%s", spec.name, error, traceback.format_exc())
        self._record(spec, error)

    def _record(self, spec: JobSpec, error: str | None) -> None:
        job = self.aps.get_job(spec.name)
        next_run = job.next_run_time if job is not None else None
        try:
            with open_ready() as conn:
                failures = jobs.mark_finished(conn, spec.name, error, next_run)
        except Exception:  # the database itself may be what failed
            log.exception("could not record job %s", spec.name)
            failures = 1 if error else 0
        if error is not None:
            delay = min(spec.retry_base_s * 2 ** max(failures - 1, 0), MAX_RETRY_DELAY_S)
            self.aps.add_job(
                self.run_job,
                "date",
                args=[spec.name],
                id=f"{spec.name}:retry",
                run_date=datetime.now(UTC) + timedelta(seconds=delay),
                replace_existing=True,
            )
            log.info("job %s will be retried in %.0fs", spec.name, delay)

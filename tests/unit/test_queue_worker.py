"""The queue worker rides out database errors and says when it failed (issue 17, case 2), on
procrastinate's in-memory connector with the database's failures injected."""

from __future__ import annotations

import asyncio
import signal
import sys
from collections.abc import Callable
from typing import Any

import psycopg
import pytest
from procrastinate import App, exceptions
from procrastinate.testing import InMemoryConnector

from adwatch.queue_worker import SteadyWorker, unreachable


def lost_connection() -> exceptions.ConnectorException:
    exc = exceptions.ConnectorException()
    exc.__cause__ = psycopg.OperationalError("server closed the connection unexpectedly")
    return exc


def failing(times: int, error: Callable[[], BaseException], calls: list[int]) -> Any:
    """An async stand-in that fails `times` times, then succeeds (doing nothing)."""

    async def call(*args: Any, **kwargs: Any) -> None:
        calls.append(1)
        if len(calls) <= times:
            raise error()

    return call


def worker(app: App) -> SteadyWorker:
    return SteadyWorker(
        app=app,
        queues=["q"],
        install_signal_handlers=False,
        update_heartbeat_interval=0.01,
        fetch_job_polling_interval=0.05,
    )


async def run_for(w: SteadyWorker, seconds: float) -> None:
    task = asyncio.create_task(w.run())  # type: ignore[no-untyped-call]
    await asyncio.sleep(seconds)
    w.stop()  # type: ignore[no-untyped-call]
    await asyncio.wait_for(task, 10)


def test_only_lost_connections_count_as_unreachable() -> None:
    assert unreachable(lost_connection())
    query_error = exceptions.ConnectorException()
    query_error.__cause__ = psycopg.errors.RaiseException("Job was not found")
    assert not unreachable(query_error)


def test_heartbeat_and_listener_failures_do_not_stop_the_worker(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = App(connector=InMemoryConnector())
    heartbeats: list[int] = []
    listens: list[int] = []
    manager = app.job_manager
    monkeypatch.setattr(manager, "update_heartbeat", failing(5, lost_connection, heartbeats))
    monkeypatch.setattr(manager, "listen_for_jobs", failing(1, lost_connection, listens))
    w = worker(app)
    asyncio.run(run_for(w, 1.0))
    assert not w.failed
    assert len(heartbeats) > 5  # it went on beating after the failures
    assert len(listens) >= 2  # and listened again after losing the connection


def test_a_worker_stopped_by_another_failure_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    app = App(connector=InMemoryConnector())
    monkeypatch.setattr(
        app.job_manager, "update_heartbeat", failing(1, lambda: RuntimeError("bug"), [])
    )
    w = worker(app)
    asyncio.run(asyncio.wait_for(w.run(), 10))  # type: ignore[no-untyped-call]
    assert w.failed  # so `adwatch worker` exits non-zero


def test_a_finished_job_is_recorded_once_the_database_is_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    connector = InMemoryConnector()
    app = App(connector=connector)
    app.task(name="noop", queue="q")(lambda: None)
    finish = app.job_manager.finish_job
    attempts: list[int] = []

    async def finish_after_outage(*args: Any, **kwargs: Any) -> None:
        attempts.append(1)
        if len(attempts) <= 2:
            raise lost_connection()
        await finish(*args, **kwargs)

    monkeypatch.setattr(app.job_manager, "finish_job", finish_after_outage)

    async def scenario() -> None:
        async with app.open_async():
            await app.configure_task("noop").defer_async()
            await run_for(worker(app), 2.0)

    asyncio.run(scenario())
    assert len(attempts) == 3
    assert [job["status"] for job in connector.jobs.values()] == ["succeeded"]


def test_adwatch_worker_exits_non_zero_when_its_worker_failed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An idle worker used to exit 0 after losing its database, so restart-on-failure
    supervisors left it dead."""
    import adwatch.cli_worker
    import adwatch.workqueue
    from adwatch.cli import main

    monkeypatch.setattr(adwatch.cli_worker, "ready_url", lambda: "postgresql:///x")
    monkeypatch.setattr(adwatch.workqueue, "run_worker", lambda *args: False)
    monkeypatch.setattr(sys, "argv", ["adwatch", "worker"])
    sigterm = signal.getsignal(signal.SIGTERM)
    try:
        with pytest.raises(SystemExit) as exit_:
            main()
    finally:
        signal.signal(signal.SIGTERM, sigterm)
    assert exit_.value.code == 1
    assert capsys.readouterr().err.strip().splitlines() == [
        "adwatch worker: stopped after a failure (see the log above)"
    ]

"""Container health probe: `python -m adwatch.healthcheck [serve|run|worker]`.

It finds the `adwatch` process running beside it (in a container, the service's own; given a
command, it must be that one) and checks what that process is for:

- `serve`: GET /healthz on its port, which answers only while the database does;
- `run`: its scheduler started a job recently (job state is in the database), and /healthz
  unless it runs with --no-api;
- `worker`: the process is alive (not a zombie, not stopped) and the database answers.

Exit status 0 when healthy, else 1 with one line on stderr, as Docker's HEALTHCHECK wants.
Only the standard library, settings and psycopg are imported, so a probe costs little.
"""

from __future__ import annotations

import json
import sys
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg

from config.settings import Settings

COMMANDS = ("serve", "run", "worker")
PROC = Path("/proc")
TIMEOUT_S = 5.0


class Unhealthy(Exception):
    """What is wrong, in one line."""


@dataclass(frozen=True)
class Process:
    pid: int
    command: str  # the adwatch subcommand: serve, run, worker
    args: list[str]  # what follows it


def parse_cmdline(argv: list[str]) -> tuple[str, list[str]] | None:
    """(subcommand, its arguments) when argv runs the `adwatch` CLI, else None."""
    for i, arg in enumerate(argv):
        if Path(arg).name != "adwatch":
            continue
        rest = [a for a in argv[i + 1 :] if not a.startswith("-")][:1]
        if rest and rest[0] in COMMANDS:
            at = argv.index(rest[0], i + 1)
            return rest[0], argv[at + 1 :]
    return None


def adwatch_processes(proc: Path = PROC) -> list[Process]:
    """Live (not zombie, not stopped) processes running an adwatch service command."""
    found = []
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().decode(errors="replace").split("\0")[:-1]
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue  # gone meanwhile, or not ours to read
        parsed = parse_cmdline(argv)
        if parsed is not None and state not in ("Z", "T", "t", "X"):
            found.append(Process(int(entry.name), *parsed))
    return sorted(found, key=lambda p: p.pid)


def _option(args: list[str], name: str) -> str | None:
    for i, arg in enumerate(args):
        if arg == name and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def check_http(process: Process, settings: Settings) -> None:
    host = _option(process.args, "--host") or settings.api_host
    host = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(host, host)
    port = _option(process.args, "--port") or str(settings.api_port)
    url = f"http://{f'[{host}]' if ':' in host else host}:{port}/healthz"
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT_S) as response:
            body = json.loads(response.read())
    except (OSError, ValueError) as exc:
        raise Unhealthy(f"{url}: {exc}") from exc
    if body.get("status") != "ok":
        raise Unhealthy(f"{url} answered {body}")


def _connect(settings: Settings) -> psycopg.Connection[tuple[object, ...]] | None:
    """The external database, or None with the embedded one (a probe must not start it)."""
    if not settings.database_url:
        return None
    try:
        return psycopg.connect(settings.database_url, connect_timeout=int(TIMEOUT_S))
    except psycopg.Error as exc:
        raise Unhealthy(f"database unreachable: {exc}".splitlines()[0]) from exc


def check_database(settings: Settings) -> None:
    conn = _connect(settings)
    if conn is not None:
        with conn:
            conn.execute("SELECT 1")


def scheduler_deadline(settings: Settings) -> timedelta:
    """A scheduler runs some job every so often; five times the shortest period (at least two
    minutes) without any job starting means it is stuck."""
    shortest = min(settings.score_interval_s, settings.link_interval_s, settings.deliver_interval_s)
    return timedelta(seconds=max(5 * shortest, 120.0))


def check_scheduler(settings: Settings, now: datetime | None = None) -> None:
    conn = _connect(settings)
    if conn is None:
        return
    with conn:
        row = conn.execute("SELECT max(last_started_at) FROM scheduled_jobs").fetchone()
    last = row[0] if row else None
    deadline = scheduler_deadline(settings)
    if not isinstance(last, datetime):
        raise Unhealthy("the scheduler has not started a job yet")
    if (now or datetime.now(UTC)) - last > deadline:
        raise Unhealthy(f"no scheduled job started since {last:%Y-%m-%d %H:%M:%S%z}")


def check(expected: str | None, settings: Settings, proc: Path = PROC) -> Process:
    """Raise Unhealthy unless an adwatch process (of the expected command) is healthy."""
    running = [p for p in adwatch_processes(proc) if expected in (None, p.command)]
    if not running:
        raise Unhealthy(f"no live `adwatch {expected or ' | '.join(COMMANDS)}` process")
    process = running[0]
    if process.command == "run":
        check_scheduler(settings)
    if process.command == "serve" or (process.command == "run" and "--no-api" not in process.args):
        check_http(process, settings)
    if process.command == "worker":
        check_database(settings)
    return process


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) > 1 or (args and args[0] not in COMMANDS):
        print(f"usage: python -m adwatch.healthcheck [{'|'.join(COMMANDS)}]", file=sys.stderr)
        return 2
    try:
        process = check(args[0] if args else None, Settings())
    except Unhealthy as exc:
        print(f"unhealthy: {exc}", file=sys.stderr)
        return 1
    print(f"healthy: adwatch {process.command} (pid {process.pid})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

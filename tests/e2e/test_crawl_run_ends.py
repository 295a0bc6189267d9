"""The launcher closes every run it opens, however the crawl process ends: killed, or stopped
by Ctrl-C. Nothing stored before is lost, and the next crawl stores nothing twice."""

from __future__ import annotations

import subprocess
from typing import Any

import psycopg
import pytest

from crawlers import launch
from store.crawl_runs import CrawlRun
from tests.e2e.demo_support import crawl_site, demo_server, profile_for

pytestmark = [pytest.mark.e2e, pytest.mark.integration]


def runs(db_url: str) -> list[tuple[str, int, bool]]:
    with psycopg.connect(db_url) as conn:
        rows = conn.execute(
            "SELECT status, adverts_removed, finished_at IS NOT NULL FROM crawl_runs ORDER BY id"
        ).fetchall()
    return [(str(r[0]), int(r[1]), bool(r[2])) for r in rows]


def stored(db_url: str) -> tuple[list[str], int]:
    with psycopg.connect(db_url) as conn:
        urls = sorted(r[0] for r in conn.execute("SELECT canonical_url FROM adverts"))
        versions = conn.execute("SELECT count(*) FROM advert_versions").fetchone()
    return urls, int(versions[0]) if versions else 0


def test_a_killed_crawl_process_fails_its_run_and_loses_nothing(
    adwatch_env: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    children: list[subprocess.Popen[bytes]] = []
    popen = subprocess.Popen

    def recording_popen(*args: Any, **kwargs: Any) -> subprocess.Popen[bytes]:
        child = popen(*args, **kwargs)
        children.append(child)
        return child

    def kill_once_storing(run: CrawlRun) -> None:
        if run.pages > 0:
            for child in children:
                child.kill()  # SIGKILL: no outcome, no cleanup

    monkeypatch.setattr(subprocess, "Popen", recording_popen)  # to find the crawl process
    with demo_server(job_adverts=40) as server:
        profile = profile_for(server, "jobs").model_copy(update={"delay_s": 0.1})
        killed = launch.crawl(profile, allow_private=True, on_progress=kill_once_storing)
        monkeypatch.undo()
        partial, _ = stored(adwatch_env)
        again = crawl_site(server, "jobs")
        key = server.answer_key().sites["jobs"]
    assert (killed.status, killed.adverts_removed) == ("failed", 0)
    assert partial and len(partial) < len(key.adverts)
    assert again.status == "finished"
    assert runs(adwatch_env) == [("failed", 0, True), ("finished", 0, True)]
    assert stored(adwatch_env) == (sorted(a.url for a in key.adverts), len(key.adverts))


def test_ctrl_c_interrupts_the_run_and_still_closes_it(adwatch_env: str) -> None:
    def press_ctrl_c(run: CrawlRun) -> None:
        if run.pages > 0:
            raise KeyboardInterrupt

    with demo_server(job_adverts=40) as server:
        profile = profile_for(server, "jobs").model_copy(
            update={"delay_s": 0.1, "remove_after_missing_runs": 1}
        )
        launch.crawl(profile, allow_private=True)
        with pytest.raises(KeyboardInterrupt):
            launch.crawl(profile, allow_private=True, on_progress=press_ctrl_c)
    with psycopg.connect(adwatch_env) as conn:
        adverts = conn.execute("SELECT DISTINCT status, missing_runs FROM adverts").fetchall()
    assert runs(adwatch_env) == [("finished", 0, True), ("interrupted", 0, True)]
    assert adverts == [("active", 0)]  # an interrupted crawl counts nothing as missing

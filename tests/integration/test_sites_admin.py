"""Sites managed without crawling them (issue 17, case 5): `adwatch sites` and the admin API
(admins only, audited, problem details). A running scheduler picking changes up is tested in
tests/e2e/test_scheduler_faults.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import psycopg
import pytest

from crawlers.profiles import load_profile
from store import audit, crawl_runs, sites
from tests.api_support import client, h, make_keys
from tests.integration.test_cli_foundation import run_cli

pytestmark = pytest.mark.integration


def site_actions(conn: psycopg.Connection[Any]) -> list[str]:
    return [e.action for e in audit.entries(conn, object_type="site", limit=100)]


def test_cli_adds_lists_disables_and_removes_sites(db_url: str, tmp_path: Path) -> None:
    env = {"DATABASE_URL": db_url, "ADWATCH_DATA_DIR": str(tmp_path)}
    own = tmp_path / "own-board.toml"
    own.write_text(
        'name = "own-board"\nkind = "job"\nstructured = true\n'
        'start_urls = ["https://jobs.example.org/"]\n',
        encoding="utf-8",
    )
    for profile in ("demo-jobs", str(own)):
        added = run_cli("sites", "add", profile, env=env)
        assert added.returncode == 0, added.stderr
    with psycopg.connect(db_url) as conn:
        site = sites.get_site(conn, "demo-jobs")
        assert site is not None and site.enabled and site.schedule
        crawl_runs.start_run(conn, site.id)  # something stored for the site
        conn.commit()
    assert run_cli("sites", "disable", "demo-jobs", env=env).returncode == 0
    refused = run_cli("sites", "remove", "demo-jobs", env=env)
    assert refused.returncode == 1 and "disable it instead" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    assert run_cli("sites", "remove", "own-board", env=env).returncode == 0
    listed = run_cli("sites", "list", env=env)
    assert listed.returncode == 0
    lines = listed.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("demo-jobs\tjob\t")
    assert "\tdisabled\t0 adverts\t1 runs\tlast run: running" in lines[0]
    bad = run_cli("sites", "add", "no-such-profile", env=env)
    assert bad.returncode == 1 and bad.stderr.startswith("adwatch: error: no site profile")
    assert len(bad.stderr.strip().splitlines()) == 1
    with psycopg.connect(db_url) as conn:
        assert sites.get_site(conn, "own-board") is None
        assert sorted(site_actions(conn)) == [
            "add_site",
            "add_site",
            "disable_site",
            "remove_site",
        ]


def test_admin_api_manages_sites_and_other_roles_are_refused(
    db_url: str, conn: psycopg.Connection[Any]
) -> None:
    keys = make_keys(conn)
    profile = load_profile("demo-bridal").model_dump(mode="json")
    with client(db_url) as c:
        for role in ("analyst", "partner", "researcher"):
            headers = h(keys.of(role))
            assert c.get("/api/v1/admin/sites", headers=headers).status_code == 403
            r = c.post("/api/v1/admin/sites", json={"profile": profile}, headers=headers)
            assert r.status_code == 403
        admin = h(keys.admin)
        bad = c.post("/api/v1/admin/sites", json={"profile": {**profile, "oops": 1}}, headers=admin)
        assert bad.status_code == 422
        assert bad.headers["content-type"].startswith("application/problem+json")
        made = c.post("/api/v1/admin/sites", json={"profile": profile}, headers=admin)
        assert made.status_code == 201, made.text
        site_id = made.json()["id"]
        assert (made.json()["adverts"], made.json()["runs"]) == (0, 0)
        assert c.patch(f"/api/v1/admin/sites/{site_id}", json={"enabled": True},
                       headers=h(keys.analyst)).status_code == 403  # fmt: skip
        off = c.patch(f"/api/v1/admin/sites/{site_id}", json={"enabled": False}, headers=admin)
        assert off.status_code == 200 and off.json()["enabled"] is False
        crawl_runs.start_run(conn, site_id)
        conn.commit()
        listed = c.get("/api/v1/admin/sites", headers=admin).json()
        assert [(s["name"], s["runs"], s["enabled"]) for s in listed] == [("demo-bridal", 1, False)]
        again = c.post("/api/v1/admin/sites", json={"profile": profile}, headers=admin)
        assert again.status_code == 201 and again.json()["runs"] == 1  # refreshed, same site
        assert again.json()["id"] == site_id and again.json()["enabled"] is False
        refused = c.delete(f"/api/v1/admin/sites/{site_id}", headers=admin)
        assert refused.status_code == 409 and "disable it instead" in refused.json()["detail"]
        assert c.delete("/api/v1/admin/sites/999999", headers=admin).status_code == 404
        conn.execute("DELETE FROM crawl_runs WHERE site_id = %s", (site_id,))
        conn.commit()
        assert c.delete(f"/api/v1/admin/sites/{site_id}", headers=admin).status_code == 204
    assert sites.get_site(conn, "demo-bridal") is None
    assert sorted(site_actions(conn)) == ["add_site", "add_site", "disable_site", "remove_site"]

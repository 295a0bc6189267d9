"""One site crawled by two processes sharing a Redis frontier: every page fetched once overall,
every advert stored once, and the run closed by the launcher."""

from __future__ import annotations

from collections import Counter

import psycopg
import pytest

from crawlers.launch import crawl_sharded
from tests.e2e.demo_support import demo_server, profile_for

pytestmark = [pytest.mark.e2e, pytest.mark.integration]
REDIS_URL = "redis://127.0.0.1:6379/15"


@pytest.fixture
def redis_url() -> str:
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    return REDIS_URL


def test_two_shards_share_one_frontier(
    adwatch_env: str, redis_url: str, capfd: pytest.CaptureFixture[str]
) -> None:
    with demo_server(job_adverts=60) as server:
        profile = profile_for(server, "jobs").model_copy(update={"delay_s": 0.0})
        run = crawl_sharded(profile, 2, redis_url, allow_private=True)
        key = server.answer_key().sites["jobs"]
        advert_paths = {a.url.split(server.base_urls["jobs"], 1)[1] for a in key.adverts}
        fetched = Counter(path for site, path, _ in server.requests if site == "jobs")
    assert run.status == "finished" and run.adverts_new == len(key.adverts)
    assert all(fetched[p] == 1 for p in advert_paths), "a page was fetched by both shards"
    assert not [p for p in fetched if p.startswith(key.robots_disallow)], "robots.txt bypassed"
    assert "scrapy_redis" not in capfd.readouterr().err  # no deprecation noise from scrapy-redis
    with psycopg.connect(adwatch_env) as conn:
        urls = sorted(r[0] for r in conn.execute("SELECT canonical_url FROM adverts"))
    assert urls == sorted(a.url for a in key.adverts)


def test_a_sharded_crawl_of_a_site_that_is_down_removes_nothing(
    adwatch_env: str, redis_url: str
) -> None:
    with demo_server(job_adverts=20) as server:
        profile = profile_for(server, "jobs").model_copy(
            update={"delay_s": 0.0, "remove_after_missing_runs": 1}
        )
        first = crawl_sharded(profile, 2, redis_url, allow_private=True)
    outage = crawl_sharded(profile, 2, redis_url, allow_private=True)  # the server is gone
    with psycopg.connect(adwatch_env) as conn:
        statuses = {r[0] for r in conn.execute("SELECT status FROM adverts")}
    assert first.status == "finished" and first.adverts_new == 20
    assert outage.status == "failed" and outage.adverts_removed == 0
    assert statuses == {"active"}

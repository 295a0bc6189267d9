"""Idempotent ingest: upsert by canonical URL, a version only when the content changes."""

from __future__ import annotations

import gzip
import hashlib
import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import psycopg
import pytest

from store import adverts, crawl_runs, sites
from store.adverts import AdvertSnapshot, EntityRecord

pytestmark = pytest.mark.integration
T0 = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def snapshot(n: int, **changes: Any) -> AdvertSnapshot:
    base = AdvertSnapshot(
        canonical_url=f"https://jobs.example.org/ad/{n}",
        url=f"https://jobs.example.org/ad/{n}?utm_source=x",
        kind="job",
        title=f"Warehouse work abroad #{n}",
        body="Travel paid, accommodation provided. Write on Telegram.",
        raw_body=f"<html><h1>Warehouse work abroad #{n}</h1></html>".encode(),
        fetched_at=T0,
        language="en",
        entities=(EntityRecord("phone", "+37360000123", "0600 00 123", 40, 51),),
    )
    return replace(base, **changes)


def test_new_then_unchanged_then_changed(conn: psycopg.Connection[Any]) -> None:
    first = adverts.ingest_advert(conn, snapshot(1))
    assert first.outcome == "new" and first.version == 1
    again = adverts.ingest_advert(conn, snapshot(1, fetched_at=T0 + timedelta(hours=1)))
    assert again.outcome == "unchanged" and again.advert_id == first.advert_id
    changed = adverts.ingest_advert(
        conn, snapshot(1, body="Now with a written contract.", fetched_at=T0 + timedelta(hours=2))
    )
    assert changed.outcome == "updated" and changed.version == 2
    row = conn.execute(
        "SELECT first_seen, last_seen, current_version, body FROM adverts WHERE id = %s",
        (first.advert_id,),
    ).fetchone()
    assert row == (T0, T0 + timedelta(hours=2), 2, "Now with a written contract.")
    versions = conn.execute(
        "SELECT version, raw_sha256, raw_gzip FROM advert_versions WHERE advert_id = %s "
        "ORDER BY version",
        (first.advert_id,),
    ).fetchall()
    assert [v[0] for v in versions] == [1, 2]
    raw = snapshot(1).raw_body
    assert versions[0][1] == hashlib.sha256(raw).hexdigest()
    assert gzip.decompress(versions[0][2]) == raw


def test_batch_with_duplicates_and_shared_entities(conn: psycopg.Connection[Any]) -> None:
    batch = [snapshot(n) for n in range(50)] + [snapshot(3)]
    results = adverts.ingest_many(conn, batch)
    assert len(results) == 50 and all(r.is_new for r in results)
    assert conn.execute("SELECT count(*) FROM adverts").fetchone() == (50,)
    assert conn.execute("SELECT count(*) FROM advert_versions").fetchone() == (50,)
    assert conn.execute("SELECT count(*) FROM entities").fetchone() == (1,)
    assert conn.execute("SELECT count(*) FROM advert_entities").fetchone() == (50,)
    again = adverts.ingest_many(conn, batch)
    assert all(r.outcome == "unchanged" for r in again)
    assert conn.execute("SELECT count(*) FROM advert_versions").fetchone() == (50,)


def test_batches_of_one_transaction_are_staged_apart(conn: psycopg.Connection[Any]) -> None:
    # staging tables outlive a batch and are emptied at commit: a caller that ingests twice
    # before committing must not see the first batch again in the second
    conn.execute("SELECT 1")  # a transaction is open from here on
    first = adverts.ingest_many(conn, [snapshot(1)])
    second = adverts.ingest_many(conn, [snapshot(2)])
    assert [r.canonical_url for r in first] == [snapshot(1).canonical_url]
    assert [r.canonical_url for r in second] == [snapshot(2).canonical_url]
    conn.commit()
    third = adverts.ingest_many(conn, [snapshot(3)])  # a new transaction, the same tables
    assert [r.canonical_url for r in third] == [snapshot(3).canonical_url]
    assert conn.execute("SELECT count(*) FROM advert_entities").fetchone() == (3,)


def test_concurrent_ingest_never_duplicates(db_url: str) -> None:
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            with psycopg.connect(db_url) as c:
                for start in range(0, 60, 20):
                    adverts.ingest_many(c, [snapshot(n) for n in range(start, start + 20)])
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with psycopg.connect(db_url) as c:
        assert c.execute(
            "SELECT count(*), count(DISTINCT canonical_url) FROM adverts"
        ).fetchone() == (60, 60)
        assert c.execute("SELECT count(*) FROM advert_versions").fetchone() == (60,)


def test_removal_by_status_and_by_missing_runs(conn: psycopg.Connection[Any]) -> None:
    site = sites.upsert_site(conn, "demo", "job", "https://jobs.example.org", {}, None)
    adverts.ingest_many(conn, [snapshot(n, site_id=site.id) for n in range(3)])
    assert adverts.mark_removed(conn, snapshot(0).canonical_url, "HTTP 410", T0) is not None
    assert adverts.mark_removed(conn, snapshot(0).canonical_url, "HTTP 410", T0) is None
    run_start = T0 + timedelta(days=1)
    adverts.ingest_advert(conn, snapshot(1, site_id=site.id, fetched_at=run_start))
    first = adverts.record_missing_from_run(conn, site.id, run_start, threshold=2, at=run_start)
    assert first == []  # one miss is not enough
    second = adverts.record_missing_from_run(conn, site.id, run_start, threshold=2, at=run_start)
    assert len(second) == 1
    assert adverts.count_adverts(conn) == {"active": 1, "removed": 2}
    back = adverts.ingest_advert(conn, snapshot(2, site_id=site.id, fetched_at=run_start))
    assert back.reappeared and back.outcome == "unchanged"


def test_crawl_run_bookkeeping(conn: psycopg.Connection[Any]) -> None:
    site = sites.upsert_site(conn, "demo", "job", None, {"kind": "job"}, "0 */6 * * *")
    run = crawl_runs.start_run(conn, site.id)
    crawl_runs.add_counts(conn, run.id, pages=3, adverts_new=2)
    crawl_runs.log_error(conn, run.id, "https://x.example.org/bad", "HTTP 500")
    assert crawl_runs.finish_run(conn, run.id, "finished")
    assert not crawl_runs.finish_run(conn, run.id, "failed")  # a run is closed once
    done = crawl_runs.get_run(conn, run.id)
    assert done is not None
    assert (done.pages, done.adverts_new, done.errors, done.status) == (3, 2, 1, "finished")
    assert done.error_log == [{"url": "https://x.example.org/bad", "error": "HTTP 500"}]
    assert crawl_runs.recent_runs(conn, "demo")[0].id == run.id
    with pytest.raises(ValueError):
        crawl_runs.add_counts(conn, run.id, bogus=1)

"""The extraction pool: real worker processes, hostile pages, crashed and orphaned workers."""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from scrapy import Request, signals
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from crawlers.extract.fields import AdvertFields
from crawlers.extraction_pool import ExtractionFailed, ExtractionPool, extract_advert
from crawlers.extraction_worker import WORKER_NICENESS, Job
from crawlers.items import AdvertPage, PageError
from crawlers.options import CrawlOptions
from crawlers.pipelines import to_snapshot
from crawlers.profiles import SiteProfile, load_profile
from crawlers.settings import scrapy_settings
from crawlers.spiders.adverts import AdvertSpider
from crawlers.trap_rules import simhash, visible_words
from crawlers.traps import PAGE_SIMHASH

PROFILE = load_profile("demo-jobs")
BASE = "http://127.0.0.1:8801/jobs"
ADVERT = (
    b"<html><body><h1 class='job-title'>Cleaner in Chisinau</h1>"
    b"<div class='job-description'><p>Office cleaning, 5 days a week, 9000 MDL a month."
    b" Call +373 60 000 123 or write to jobs@example.org.</p></div></body></html>"
)
REPO_ROOT = Path(__file__).resolve().parents[2]


def hostile_extract(
    body: bytes, content_type: str | None, url: str, profile: SiteProfile
) -> AdvertFields | None:
    """Extraction as in a crawl, except that /raises pages raise and /crashes pages kill
    their worker process outright."""
    if url.endswith("/raises"):
        raise ValueError("a page built to break the parser")
    if url.endswith("/crashes"):
        os._exit(3)
    return extract_advert(body, content_type, url, profile)


def response(path: str, body: bytes = ADVERT) -> HtmlResponse:
    headers = {"Content-Type": "text/html; charset=utf-8"}
    return HtmlResponse(f"{BASE}/{path}", body=body, headers=headers)


def spider_with_pool() -> AdvertSpider:
    """The spider as a crawl process makes it, its pool extracting with hostile_extract."""
    options = CrawlOptions("adwatch-test", 0.0, 100, None, True, extraction_workers=1)
    crawler = get_crawler(AdvertSpider, settings_dict=scrapy_settings(options))
    spider = AdvertSpider.from_crawler(crawler, profile=PROFILE)
    assert spider.extraction is not None
    spider.extraction.extract_function = hostile_extract
    return spider


def parse_adverts(spider: AdvertSpider, *responses: HtmlResponse) -> list[Any]:
    async def parse_all() -> list[Any]:
        items: list[Any] = []
        for page in responses:
            items += await spider.parse_advert(page)
        return items

    return asyncio.run(parse_all())


def gone(pid: int) -> bool:
    """Exited and reaped, or a zombie: either way the process runs nothing any more."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] == "Z"


def wait_until_gone(pids: list[int], patience_s: float = 30.0) -> list[int]:
    """The pids still running after waiting up to `patience_s` (a liveness bound, not a
    timing check: exiting takes a second or two)."""
    deadline = time.monotonic() + patience_s
    while any(not gone(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    return [pid for pid in pids if not gone(pid)]


def test_a_page_whose_extraction_raises_is_a_page_error_and_the_crawl_goes_on() -> None:
    spider = spider_with_pool()
    try:
        error, advert = parse_adverts(spider, response("raises"), response("cleaner-1"))
    finally:
        assert spider.extraction is not None
        spider.extraction.shutdown()
    assert error == PageError(
        f"{BASE}/raises", "extraction failed: ValueError: a page built to break the parser"
    )
    assert isinstance(advert, AdvertPage)
    assert advert.fields.title == "Cleaner in Chisinau"
    assert {(e.kind, e.value) for e in advert.fields.entities} == {
        ("phone", "+37360000123"),
        ("email", "jobs@example.org"),
    }


def test_the_worker_hashes_and_compresses_an_advert_page_for_the_evidence_store() -> None:
    # Worked out where the page is read, not in the crawl process's store thread.
    spider = spider_with_pool()
    try:
        empty = response("empty", b"<html><body></body></html>")
        advert, no_advert = parse_adverts(spider, response("cleaner-1"), empty)
    finally:
        assert spider.extraction is not None
        spider.extraction.shutdown()
    assert isinstance(advert, AdvertPage) and advert.evidence is not None
    assert advert.evidence.sha256 == hashlib.sha256(ADVERT).hexdigest()
    assert advert.evidence.length == len(ADVERT)
    assert gzip.decompress(advert.evidence.gzipped) == ADVERT
    assert to_snapshot(advert, site_id=1).evidence == advert.evidence
    assert no_advert == PageError(f"{BASE}/empty", "no advert found on page")


def worker_niceness() -> int:
    """A worker's nice value (run in the worker as a Job)."""
    return os.getpriority(os.PRIO_PROCESS, 0)


def test_workers_run_at_a_lower_cpu_priority_than_the_crawl_process() -> None:
    # The reactor and the site's answers are the crawl's serial path; a worker's pages wait
    # in its pipe, so it runs on the CPU they leave.
    pool = ExtractionPool(PROFILE, workers=1)
    try:
        niceness = asyncio.run(pool.run(Job(worker_niceness, ())))
    finally:
        pool.shutdown()
    own = os.getpriority(os.PRIO_PROCESS, 0)
    assert niceness == min(own + WORKER_NICENESS, 19)
    assert niceness > own or own == 19


def test_the_pool_is_shut_down_when_the_spider_closes() -> None:
    spider = spider_with_pool()
    pool = spider.extraction
    assert pool is not None
    parse_adverts(spider, response("cleaner-1"))
    workers = pool.worker_pids()
    assert workers
    spider.crawler.signals.send_catch_log(signals.spider_closed, spider=spider, reason="finished")
    assert wait_until_gone(workers) == []
    assert pool.worker_pids() == []


def test_a_crashed_worker_is_replaced_and_only_its_page_fails() -> None:
    pool = ExtractionPool(PROFILE, workers=1, extract=hostile_extract)

    async def extract(path: str) -> AdvertFields | str | None:
        try:
            return await pool.extract(ADVERT, "text/html", f"{BASE}/{path}")
        except ExtractionFailed as exc:
            return str(exc)

    async def crawl() -> list[AdvertFields | str | None]:
        return [await extract(path) for path in ("cleaner-1", "crashes", "cleaner-2")]

    try:
        before, crashed, after = asyncio.run(crawl())
        assert pool.replaced >= 1
    finally:
        pool.shutdown()
    assert crashed == "the extraction worker process died"
    assert isinstance(before, AdvertFields) and isinstance(after, AdvertFields)
    assert after == before


ORPHAN_SCRIPT = """
import sys, time
from crawlers.extraction_pool import ExtractionPool
from crawlers.profiles import load_profile
pool = ExtractionPool(load_profile("demo-jobs"), workers=2)
pool.start()
while len(pool.worker_pids()) < 2:
    time.sleep(0.05)
print(*pool.worker_pids(), flush=True)
time.sleep(120)
"""


def test_workers_exit_when_the_crawl_process_is_killed_outright() -> None:
    crawl_process = subprocess.Popen(
        [sys.executable, "-c", ORPHAN_SCRIPT],
        stdout=subprocess.PIPE,
        cwd=REPO_ROOT,
        env=os.environ | {"PYTHONPATH": str(REPO_ROOT)},
        text=True,
    )
    assert crawl_process.stdout is not None
    workers = [int(pid) for pid in crawl_process.stdout.readline().split()]
    assert len(workers) == 2 and not any(gone(pid) for pid in workers)
    crawl_process.send_signal(signal.SIGKILL)  # no shutdown, no atexit
    crawl_process.wait()
    assert wait_until_gone(workers) == []


LISTING = (
    b"<html><body><h1>Jobs</h1><a class='job-link' href='/jobs/7-cook'>Cook</a>"
    b"<a class='job-link' href='/files/terms.pdf'>Terms</a>"
    b"<nav class='pagination'><a rel='next' href='/jobs?page=2'>next</a></nav></body></html>"
)


def listing_output(spider: AdvertSpider, page: HtmlResponse) -> list[Any]:
    page.request = Request(page.url, callback=spider.parse_listing)
    return asyncio.run(spider._profile_listing(page))


def test_a_listing_is_read_in_a_worker_with_its_fingerprint_for_the_trap_middleware() -> None:
    """The worker's links equal those read in the crawl process, and the trap middleware gets
    the page's simhash from the worker instead of computing it on the reactor."""
    spider = spider_with_pool()
    page = response("", LISTING)
    try:
        in_worker = listing_output(spider, page)
    finally:
        assert spider.extraction is not None
        spider.extraction.shutdown()
    here = listing_output(AdvertSpider(PROFILE), response("", LISTING))
    assert [r.url for r in in_worker] == [r.url for r in here]
    assert [r.url for r in in_worker] == [f"{BASE}/7-cook", f"{BASE}?page=2"]
    assert page.meta[PAGE_SIMHASH] == simhash(visible_words(page.text))


def test_warm_up_loads_the_country_names_and_both_scripts_models(monkeypatch: Any) -> None:
    # Loaded before the workers are forked, so that no worker's first pages wait for them.
    from crawlers import extraction_worker
    from crawlers.extract import countries, language

    texts: list[str] = []

    class Models:
        def compute_language_confidence_values(self, text: str) -> list[Any]:
            texts.append(text)
            return []

    monkeypatch.setattr(language, "language_models", lambda: Models())
    countries._codes_by_name.cache_clear()
    extraction_worker.warm_up()
    assert countries._codes_by_name.cache_info().currsize == 1
    scripts = [language.letter_counts(text) for text in texts]
    assert any(cyrillic == 0 for _, cyrillic in scripts)
    assert any(cyrillic == letters for letters, cyrillic in scripts)

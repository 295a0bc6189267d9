"""The extraction worker process's side of crawlers.extraction_pool: pages in, fields out."""

from __future__ import annotations

import os
import pickle
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from crawlers.extract.fields import AdvertFields
from crawlers.extract.urls import canonical_url
from store.adverts import RawEvidence, raw_evidence

#: how often a worker checks that the crawl process is still there
PARENT_CHECK_S = 1.0
#: how much lower a worker's CPU priority is than its crawl process's (nice increment). The
#: crawl's serial path is the reactor and the site's answers: a worker that held a core when
#: either woke delayed every page behind it, while pages wait in its pipe anyway. Niced, it
#: runs on what they leave (zero-latency bench, 4 rounds: +0.04 of bare Scrapy's rate in each;
#: 19 did no better, and would leave a worker ~1.5 % of a core beside a busy service, not ~10 %).
WORKER_NICENESS = 10


@dataclass(frozen=True)
class Failure:
    """An exception raised in a worker, as text: any exception reaches the crawl this way."""

    message: str


@dataclass(frozen=True)
class ExtractedPage:
    """A page's advert as a worker read it: its fields (None: no advert), the page's canonical
    URL and, with an advert, the page bytes' hash and gzip for the evidence store."""

    fields: AdvertFields | None
    canonical_url: str
    evidence: RawEvidence | None


@dataclass(frozen=True)
class Job:
    """Other work for a worker than a page: ``function(*args)`` (a module-level function, so
    that it pickles by name), e.g. checking and hashing a downloaded image."""

    function: Callable[..., Any]
    args: tuple[Any, ...]


@dataclass(frozen=True)
class PageJob:
    """A page for another reader than the pool's extractor: ``function(body, content_type,
    url, profile)`` with the worker's profile (sent once, at start, not with every page)."""

    function: Callable[..., Any]
    body: bytes
    content_type: str | None
    url: str


def send_message(conn: Connection, message: Any) -> None:
    """Connection.send with the C pickler: multiprocessing's ForkingPickler copies its reducer
    table for every message, which doubled the cost of pickling a page's fields (~80 against
    ~45 us on a slow core). Nothing sent here needs its reducers (no sockets, no pipes)."""
    conn.send_bytes(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))


def receive_message(conn: Connection) -> Any:
    """What send_message sent; EOFError or OSError when the other end is gone."""
    return pickle.loads(conn.recv_bytes())


#: texts that make lingua load the models of both scripts adwatch reads
_WARM_UP_TEXTS = (
    "warm up the language detector with an ordinary sentence",
    "прогреваем определитель языка обычным предложением",
)


def warm_up() -> None:
    """Load what extraction loads on first use - the language models of both scripts, the
    country names, extruct (~0.4 s in all): in the crawl process before it forks several
    workers, so that they share them, and in each worker before its first page (at once when
    inherited)."""
    # imported here: whatever imports this module (the crawl's settings) need not load lingua
    from crawlers.extract.countries import country_code
    from crawlers.extract.language import language_models
    from crawlers.extract.structured import json_ld_reader

    for text in _WARM_UP_TEXTS:
        language_models().compute_language_confidence_values(text)
    country_code("Moldova")
    json_ld_reader()


def serve(conn: Connection, profile: Any, extract: Callable[..., Any], parent_pid: int) -> None:
    """Answer each (body, content_type, url) sent with its ExtractedPage, and each Job or
    PageJob with its function's result, or with a Failure; until None or the end of the pipe."""
    _leave_the_crawl_process_signals()
    os.nice(WORKER_NICENESS)  # relative: a crawl process run niced keeps its workers below it
    threading.Thread(target=_exit_with_parent, args=(parent_pid,), daemon=True).start()
    warm_up()  # at once if the crawl process loaded it all before forking
    while True:
        try:
            page = receive_message(conn)
        except (EOFError, OSError):
            return
        if page is None:
            return
        try:
            if isinstance(page, Job):
                result = page.function(*page.args)
            elif isinstance(page, PageJob):
                result = page.function(page.body, page.content_type, page.url, profile)
            else:
                body, content_type, url = page
                fields = extract(body, content_type, url, profile)
                evidence = raw_evidence(body) if fields is not None else None
                result = ExtractedPage(fields, canonical_url(url), evidence)
        except Exception as exc:  # hostile pages: reported for this page, the worker carries on
            result = Failure(f"{type(exc).__name__}: {exc}")
        send_message(conn, result)


def _leave_the_crawl_process_signals() -> None:
    """Forked from the crawl process: a signal here must not wake its event loop. Ctrl-C
    reaches the whole process group, and the crawl process stops its workers itself."""
    signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _exit_with_parent(parent_pid: int) -> None:
    """A crawl process killed outright (SIGKILL) cannot stop its workers: they notice that
    they were re-parented and exit, instead of waiting forever for pages."""
    while os.getppid() == parent_pid:
        time.sleep(PARENT_CHECK_S)
    os._exit(1)

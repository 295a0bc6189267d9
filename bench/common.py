"""Shared bench helpers: a scratch database, synthetic adverts, machine description."""

from __future__ import annotations

import os
import platform
import random
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg

from store import migrate
from store.adverts import AdvertSnapshot, EntityRecord
from store.db import start_embedded, with_dbname

CITIES = [
    "Chisinau",
    "Balti",
    "Iasi",
    "Bucuresti",
    "Cluj",
    "Odesa",
    "Kyiv",
    "Milano",
    "Berlin",
    "Wien",
    "Praha",
    "Warszawa",
    "Istanbul",
    "Dubai",
    "Madrid",
    "Paris",
]
JOBS = [
    "waitress",
    "cleaner",
    "hostess",
    "model",
    "au pair",
    "care worker",
    "farm worker",
    "packer",
    "dancer",
    "nanny",
    "cook",
    "driver",
    "receptionist",
    "seamstress",
]
CUES = [
    "travel and visa paid by employer",
    "accommodation provided, cost deducted from salary",
    "passport kept by the manager for safety",
    "no experience needed, 3000 EUR per month",
    "only girls 19-25 with pleasant appearance",
    "send full-length photos on Telegram",
    "contract signed on arrival",
    "urgent departure this week",
    "written contract before departure",
    "licensed agency, licence no. 123/2026",
    "12 EUR per hour gross, 40 hours",
    "meet us at our registered office",
    "new in town, available 24/7",
    "book through manager",
]
FILLER = [
    "we",
    "offer",
    "stable",
    "work",
    "friendly",
    "team",
    "long",
    "term",
    "good",
    "conditions",
    "apply",
    "now",
    "details",
    "on",
    "request",
    "modern",
    "place",
    "clean",
    "rooms",
    "meals",
    "included",
    "weekly",
    "pay",
    "bonus",
    "transport",
]


def machine_description() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{cpu}, {os.cpu_count()} cores, {mem_gib:.0f} GiB RAM, Python "
        f"{platform.python_version()}, {platform.system()} {platform.release()}"
    )


@contextmanager
def scratch_database() -> Iterator[str]:
    """A migrated throw-away database on DATABASE_URL's server or an embedded one."""
    # One embedded server directory for every bench run; each run gets its own database.
    tmp = Path(tempfile.gettempdir()) / "adwatch-bench-pg"
    admin_url = os.environ.get("DATABASE_URL") or start_embedded(tmp)
    name = f"adwatch_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = with_dbname(admin_url, name)
    try:
        with psycopg.connect(url) as conn:
            migrate.upgrade(conn)
        yield url
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def postgres_version(url: str) -> str:
    with psycopg.connect(url) as conn:
        row = conn.execute("SHOW server_version").fetchone()
    return f"PostgreSQL {row[0] if row else '?'}"


def synthetic_adverts(n: int, seed: int = 1, templates: int = 0) -> Iterator[AdvertSnapshot]:
    """Varied adverts; every advert reuses one of `templates` texts when templates > 0."""
    rng = random.Random(seed)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    pool = [_text(rng) for _ in range(templates)] if templates else []
    for i in range(n):
        body = rng.choice(pool).replace("{city}", rng.choice(CITIES)) if pool else _text(rng)
        phone = f"+3736000{rng.randrange(10000):04d}"
        yield AdvertSnapshot(
            canonical_url=f"https://bench.example.org/ad/{i}",
            url=f"https://bench.example.org/ad/{i}",
            kind=rng.choice(("job", "bridal", "escort")),
            title=f"{rng.choice(JOBS)} in {rng.choice(CITIES)}",
            body=body,
            raw_body=f"<html><body>{body}</body></html>".encode(),
            fetched_at=start + timedelta(minutes=i),
            location=rng.choice(CITIES),
            language="en",
            entities=(EntityRecord("phone", phone, phone),),
        )


def _text(rng: random.Random) -> str:
    words = rng.choices(FILLER, k=rng.randint(25, 60))
    for cue in rng.sample(CUES, rng.randint(1, 4)):
        words.insert(rng.randrange(len(words)), cue + ".")
    return f"Work as {rng.choice(JOBS)} in {{city}}. " + " ".join(words)

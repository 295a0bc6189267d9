"""The agency register (import, then used when scoring stored adverts) and research exports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg
import pytest

from store import adverts, api_keys, review
from store.adverts import AdvertSnapshot, EntityRecord

pytestmark = pytest.mark.integration
REGISTER = Path(__file__).parents[2] / "classifier" / "indicators" / "sample_register.csv"


def cli(*args: str, db_url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "adwatch", *args],
        capture_output=True,
        text=True,
        env=os.environ | {"DATABASE_URL": db_url},
        timeout=300,
    )


def ingest(conn: psycopg.Connection[Any], n: int, body: str, *ents: EntityRecord) -> int:
    return adverts.ingest_advert(
        conn,
        AdvertSnapshot(
            canonical_url=f"https://ads.example.org/{n}",
            url="u",
            kind="job",
            title="Work in Germany",
            body=body,
            raw_body=body.encode(),
            fetched_at=datetime.now(UTC),
            language="en",
            entities=ents,
        ),
    ).advert_id


def test_imported_register_checks_licences_when_scoring(db_url: str) -> None:
    imported = cli("agencies", "import", str(REGISTER), db_url=db_url)
    assert imported.returncode == 0, imported.stderr
    listed = cli("agencies", "list", db_url=db_url).stdout
    assert "RO-AG-0123" in listed and "Blue Horizon Staffing" in listed
    with psycopg.connect(db_url) as conn:
        valid = ingest(conn, 1, "Blue Horizon Staffing, licence no. RO-AG-0123. Contract first.")
        expired = ingest(conn, 2, "Atlas Work Agency, licence no. RO-AG-0456. Travel paid.")
        unknown = ingest(conn, 3, "Our agency, licence no. MD-XX-9999. Travel paid.")
    scored = cli("score", "--pending", db_url=db_url)
    assert scored.returncode == 0, scored.stderr
    with psycopg.connect(db_url) as conn:
        hits = {
            row[0]: {h["indicator_id"] for h in row[1]}
            for row in conn.execute("SELECT advert_id, indicator_hits FROM scores")
        }
    assert "named_employer_registration" in hits[valid]
    assert "unlicensed_agency" not in hits[valid]
    assert "unlicensed_agency" in hits[expired] and "unlicensed_agency" in hits[unknown]


def test_bad_register_file_is_one_clear_error(db_url: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("name,licence_number,country,valid_until\nX,1,MD,not-a-date\n")
    result = cli("agencies", "import", str(bad), db_url=db_url)
    assert result.returncode != 0 and "Traceback" not in result.stderr


def test_export_samples_is_depersonalised(db_url: str, tmp_path: Path) -> None:
    with psycopg.connect(db_url) as conn:
        advert_id = ingest(
            conn,
            9,
            "Call Ana on +373 600 00 123 or write ana@example.org. Travel paid.",
            EntityRecord("phone", "+37360000123", "+373 600 00 123", 29, 44),
            EntityRecord("email", "ana@example.org", "ana@example.org", 54, 69),
        )
        analyst, _ = api_keys.create_key(conn, "Ana Analyst", "analyst")
        review.decide(conn, advert_id, actor_id=analyst.id, actor="Ana", decision="confirmed")
    out = tmp_path / "samples.jsonl"
    result = cli("export", "samples", "--output", str(out), db_url=db_url)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == 1 and rows[0]["label"] == 1 and rows[0]["kind"] == "job"
    text = json.dumps(rows)
    assert "600 00 123" not in text and "ana@example.org" not in text
    assert "[PHONE]" in rows[0]["text"] and "[EMAIL]" in rows[0]["text"]
    with psycopg.connect(db_url) as conn:
        actions = [r[0] for r in conn.execute("SELECT action FROM audit_log")]
    assert "export_samples" in actions

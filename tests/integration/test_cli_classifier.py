"""The classifier's command line: train, evaluate, the scoring contract, scoring stored adverts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest

from store import adverts
from store.adverts import AdvertSnapshot
from tests.classifier_support import small_samples, write_samples

pytestmark = pytest.mark.integration


def cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "adwatch", *args],
        capture_output=True,
        text=True,
        env=os.environ | env,
        timeout=300,
    )


@pytest.fixture
def env(db_url: str, tmp_path: Path) -> dict[str, str]:
    samples_dir = tmp_path / "samples"
    samples_dir.mkdir()
    write_samples(samples_dir / "small.jsonl", small_samples())
    return {
        "DATABASE_URL": db_url,
        "ADWATCH_MODELS_DIR": str(tmp_path / "models"),
        "ADWATCH_LABELLED_SAMPLES_DIR": str(samples_dir),
    }


def test_train_evaluate_and_score_round_trip(env: dict[str, str], tmp_path: Path) -> None:
    trained = cli("train", "--no-transformer", "--version", "v-test", env=env)
    assert trained.returncode == 0, trained.stderr
    models = Path(env["ADWATCH_MODELS_DIR"])
    card = (models / "v-test" / "MODEL_CARD.md").read_text()
    assert card.count("ROC-AUC") >= 2 and "Grouped cross-validation" in card
    meta = json.loads((models / "v-test" / "model.json").read_text())
    random_split = next(v for k, v in meta["evaluations"].items() if k.startswith("Generator"))
    assert random_split["overall"]["n"] == 12 and meta["flag_rule"]

    report_path = tmp_path / "report.json"
    evaluated = cli(
        "evaluate",
        str(Path(env["ADWATCH_LABELLED_SAMPLES_DIR"]) / "small.jsonl"),
        "--split",
        "test",
        "--output",
        str(report_path),
        "--plots",
        str(tmp_path / "plots"),
        env=env,
    )
    assert evaluated.returncode == 0, evaluated.stderr
    report = json.loads(report_path.read_text())["Labelled adverts"]
    assert report["overall"]["n"] == 12 and report["overall"]["roc_auc"] is not None
    assert report["by_cell"]["job/en/easy"]["confusion_matrix"]
    interval = report["overall"]["ci95"]["roc_auc"]
    assert interval is None or len(interval) == 2
    assert report["calibration"]["reliability"] and "worst_errors" in report
    for plot in ("roc", "pr", "reliability"):
        assert (tmp_path / "plots" / f"{plot}.png").stat().st_size > 1000

    inputs = tmp_path / "in.jsonl"
    inputs.write_text(
        json.dumps(
            {
                "id": "a1",
                "kind": "job",
                "title": "<script>alert(1)</script> Club",
                "text": "Passport kept by the manager. Travel paid. Only girls 19-25.",
            }
        )
        + "\n"
        + json.dumps(
            {
                "id": "a2",
                "kind": "job",
                "title": "Baker",
                "text": "12 EUR per hour.",
                "language": "en",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    scored = cli("score", "--input", str(inputs), "--output", str(out), env=env)
    assert scored.returncode == 0, scored.stderr
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in lines] == ["a1", "a2"]
    for r in lines:
        assert set(r) >= {"id", "score", "band", "flagged", "model_version", "indicators"}
        assert 0 <= r["score"] <= 1 and r["model_version"] == "v-test"
    assert {i["indicator_id"] for i in lines[0]["indicators"]} >= {"documents_held"}
    assert lines[0]["score"] > lines[1]["score"]


def test_bad_input_is_a_clear_error(env: dict[str, str], tmp_path: Path) -> None:
    assert cli("train", "--no-transformer", "--version", "v1", env=env).returncode == 0
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "1", "kind": "job"}\nnot json\n', encoding="utf-8")
    result = cli("score", "--input", str(bad), env=env)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "missing" in result.stderr or "not valid JSON" in result.stderr


def test_score_pending_adverts(env: dict[str, str], db_url: str) -> None:
    assert cli("train", "--no-transformer", "--version", "v1", env=env).returncode == 0
    with psycopg.connect(db_url) as conn:
        adverts.ingest_many(
            conn,
            [
                AdvertSnapshot(
                    canonical_url=f"https://ads.example.org/{n}",
                    url="u",
                    kind="job",
                    title="Club work abroad",
                    body=body,
                    raw_body=b"x",
                    fetched_at=datetime.now(UTC),
                    language="en",
                )
                for n, body in enumerate(
                    [
                        "No experience, 3000 EUR per month. Travel paid, passport kept by the "
                        "employer. Only girls 19-25, send photos. Write only on Telegram.",
                        "Written contract before departure, 12 EUR per hour gross, 40 h a week.",
                    ]
                )
            ],
        )
    result = cli("score", "--pending", env=env)
    assert result.returncode == 0, result.stderr
    with psycopg.connect(db_url) as conn:
        rows = conn.execute(
            "SELECT needs_scoring, flagged, model_version FROM adverts ORDER BY id"
        ).fetchall()
        queued = conn.execute("SELECT count(*) FROM review_items").fetchone()
        registered = conn.execute("SELECT version, active FROM models").fetchall()
    assert rows == [(False, True, "v1"), (False, False, "v1")]
    assert queued == (1,) and registered == [("v1", True)]

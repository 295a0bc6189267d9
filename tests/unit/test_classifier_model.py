"""Training, saving, verified loading and scoring of the risk model (scikit-learn path)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
import pytest

from classifier import artifact
from classifier.artifact import ModelError
from classifier.model import activate, load_model
from classifier.samples import Sample
from classifier.scoring import ScoreInput, score_batch
from classifier.train import TrainConfig, train
from tests.classifier_support import small_samples


@pytest.fixture(scope="module")
def models_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("models")
    samples = [Sample.model_validate(s) for s in small_samples()]
    art = train(samples, "t1", TrainConfig(use_transformer=False, folds=3))
    artifact.save(art, directory)
    activate(directory, "t1")
    return directory


def test_trained_model_ranks_risky_above_benign(models_dir: Path) -> None:
    model = load_model(models_dir)
    assert model.version == "t1" and not model.uses_transformer
    assert 0 < model.thresholds["medium"] <= model.thresholds["high"] < 1
    out = score_batch(
        model,
        [
            ScoreInput(
                "r",
                "job",
                "Club work abroad",
                "No experience, 3000 EUR per month. Travel "
                "paid, passport kept by the employer. Only girls 19-25, send photos.",
            ),
            ScoreInput(
                "b",
                "job",
                "Baker",
                "Written contract before departure, 12 EUR per hour "
                "gross, 40 hours a week, registration no. 1234567.",
            ),
        ],
    )
    risky, benign = out
    assert risky.score > benign.score
    assert risky.flagged and risky.band == "high"
    assert not benign.flagged
    card = json.loads((models_dir / "t1" / "model.json").read_text())
    assert card["data_sha256"] and card["samples"]["train"] == 36
    assert card["cross_validation"]["overall"]["roc_auc"] > 0.9


def test_spans_point_into_title_or_body(models_dir: Path) -> None:
    item = ScoreInput(
        "x",
        "job",
        "URGENT work abroad",
        "Travel paid by us. Passport kept by the manager. Write only on Telegram.",
    )
    result = score_batch(load_model(models_dir), [item])[0]
    assert result.indicators
    for span in result.indicators:
        source = item.title if span["field"] == "title" else item.body
        assert source[span["start"] : span["end"]] == span["text"]


def test_one_indicator_alone_never_flags(models_dir: Path) -> None:
    model = load_model(models_dir)
    # any probability is "high", but none is strong enough to flag on the model alone
    model.thresholds = {"medium": 0.0, "high": 0.0, "strong": 1.01}
    result = score_batch(model, [ScoreInput("1", "job", "Cook", "Travel paid by us.")])[0]
    assert len({i["indicator_id"] for i in result.indicators if i["polarity"] == "risk"}) == 1
    assert not result.flagged and result.band == "medium"


def test_tampered_arrays_are_refused(models_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "models"
    (copy / "t1").mkdir(parents=True)
    for f in (models_dir / "t1").iterdir():
        (copy / "t1" / f.name).write_bytes(f.read_bytes())
    (copy / "ACTIVE").write_text((models_dir / "ACTIVE").read_text())
    data = bytearray((copy / "t1" / "arrays.npz").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (copy / "t1" / "arrays.npz").write_bytes(bytes(data))
    with pytest.raises(ModelError, match="altered"):
        load_model(copy)


def test_tampered_manifest_is_refused(models_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "models"
    (copy / "t1").mkdir(parents=True)
    for f in (models_dir / "t1").iterdir():
        (copy / "t1" / f.name).write_bytes(f.read_bytes())
    (copy / "ACTIVE").write_text((models_dir / "ACTIVE").read_text())
    manifest = json.loads((copy / "t1" / "model.json").read_text())
    manifest["thresholds"]["high"] = 0.01
    (copy / "t1" / "model.json").write_text(json.dumps(manifest))
    with pytest.raises(ModelError, match="registered hash"):
        load_model(copy)


def test_pickled_arrays_are_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    np.savez(buffer, evil=np.array([object()], dtype=object))
    target = tmp_path / "v1"
    target.mkdir()
    (target / "arrays.npz").write_bytes(buffer.getvalue())
    digest = artifact.hashlib.sha256(buffer.getvalue()).hexdigest()
    (target / "model.json").write_text(
        json.dumps({"version": "v1", "files": {"arrays.npz": digest}})
    )
    with pytest.raises(ModelError, match="objects"):
        artifact.load(target)


def test_transformer_path_trains_offline_and_scores(tmp_path: Path) -> None:
    samples = [Sample.model_validate(s) for s in small_samples(n_per_class=12)]
    art = train(samples, "tx", TrainConfig(use_transformer=True, folds=3))
    assert art.arrays["emb_coef"].shape[0] > 384 and art.arrays["stack_coef"].shape == (2,)
    artifact.save(art, tmp_path)
    activate(tmp_path, "tx")
    model = load_model(tmp_path)
    assert model.uses_transformer
    high, low = score_batch(
        model,
        [
            ScoreInput(
                "r",
                "job",
                "Club work",
                "Passport kept by the manager, travel paid, only "
                "girls 19-25, send photos, no experience, 3000 EUR per month.",
            ),
            ScoreInput("b", "job", "Baker", "Written contract before departure, 12 EUR per hour."),
        ],
    )
    assert high.score > low.score

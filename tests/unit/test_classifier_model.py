"""Training (grouped folds, monotone combiner, calibration), saving, verified loading and
scoring of the risk model, end to end on a tiny labelled set."""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from classifier import artifact
from classifier.artifact import ModelError
from classifier.evidence import evidence_features
from classifier.features import analyse
from classifier.indicators import IndicatorHit, load_taxonomy
from classifier.metrics import STRONG_PROBABILITY, flag_decisions
from classifier.model import activate, load_model
from classifier.samples import Sample
from classifier.scoring import ScoreInput, score_batch
from classifier.train import train
from classifier.train_config import TrainConfig
from tests.classifier_support import small_samples

RISKY = ScoreInput(
    "r",
    "job",
    "Club work abroad",
    "No experience, 3000 EUR per month. Travel paid by us, passport kept by the employer. "
    "Only girls 19-25, send photos.",
)
BENIGN = ScoreInput(
    "b",
    "job",
    "Baker",
    "Written contract before departure, 12 EUR per hour gross, 40 hours a week, "
    "registration no. 1234567.",
)


def samples(**kwargs: object) -> list[Sample]:
    return [Sample.model_validate(s) for s in small_samples(**kwargs)]  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def models_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("models")
    calibration = samples(n_per_class=16, seed=9, split="validation")
    art = train(samples(), "t1", TrainConfig(use_transformer=False, folds=3), calibration)
    artifact.save(art, directory)
    activate(directory, "t1")
    return directory


def test_grouped_training_run_end_to_end(models_dir: Path) -> None:
    model = load_model(models_dir)
    assert model.version == "t1" and not model.uses_transformer
    assert 0 < model.thresholds["medium"] <= model.thresholds["high"] < 1
    assert model.thresholds["strong"] == STRONG_PROBABILITY
    risky, benign = score_batch(model, [RISKY, BENIGN])
    assert risky.score > benign.score
    assert risky.flagged and risky.band == "high"
    assert not benign.flagged
    card = json.loads((models_dir / "t1" / "model.json").read_text())
    assert card["format"] == 2 and card["data_sha256"] and card["calibration_data_sha256"]
    assert card["samples"]["train"] == 36 and card["samples"]["calibration"] == 32
    assert card["calibration"]["fitted_on"] == "32 given calibration adverts"
    assert card["cross_validation"]["overall"]["roc_auc"] > 0.8
    assert set(card["cross_validation"]["by_source"]) == {"synthetic"}


def test_folds_hold_whole_templates_out() -> None:
    from classifier.train import _folds

    rows = samples()
    groups = [s.group for s in rows]
    for fit_rows, held in _folds(groups, 3):
        assert not {groups[i] for i in fit_rows} & {groups[i] for i in held}


def test_spans_point_into_title_or_body(models_dir: Path) -> None:
    item = ScoreInput(
        "x",
        "job",
        "Work abroad, last places",
        "Travel paid by us. Passport kept by the manager. Write only on Telegram.",
    )
    result = score_batch(load_model(models_dir), [item])[0]
    assert result.indicators
    for span in result.indicators:
        source = item.title if span["field"] == "title" else item.body
        assert source[span["start"] : span["end"]] == span["text"]


def test_the_model_alone_needs_two_indicators_or_near_certainty(models_dir: Path) -> None:
    model = load_model(models_dir)
    model.thresholds = {"medium": 0.0, "high": 0.0, "strong": STRONG_PROBABILITY}
    result = score_batch(model, [ScoreInput("1", "job", "Cook", "Travel paid by us.")])[0]
    assert len({i["indicator_id"] for i in result.indicators if i["polarity"] == "risk"}) == 1
    assert result.flagged == (result.score >= STRONG_PROBABILITY)
    p = np.array([0.99, 0.99, 0.96, 0.96, 0.5])
    n_risk = np.array([0, 1, 1, 2, 2])
    assert flag_decisions(p, n_risk, 0.6).tolist() == [False, True, False, True, False]


def test_evidence_features_count_distinct_indicators_once() -> None:
    taxonomy = load_taxonomy()
    _, hits = analyse(RISKY.kind, RISKY.title, RISKY.body + " Company reg. no. 12345678.", "en")
    features = evidence_features(hits, taxonomy)
    fired = {h.indicator_id for h in hits}
    risk = {i for i in fired if taxonomy.indicators[i].polarity == "risk"}
    mitigating = {i for i in fired if taxonomy.indicators[i].polarity == "mitigating"}
    assert {k for k in features if k.startswith("ind:")} == {f"ind:{i}" for i in fired}
    assert features["n_risk"] == len(risk) >= 2 and features["n_mitigating"] == len(mitigating) >= 1
    assert features["risk_weight"] == pytest.approx(
        sum(taxonomy.indicators[i].weight for i in risk)
    )
    assert evidence_features(hits + hits, taxonomy) == features  # repeated hits count once
    assert evidence_features([], taxonomy)["n_risk"] == 0.0


def test_one_more_risk_indicator_never_lowers_a_score(models_dir: Path) -> None:
    model = load_model(models_dir)
    taxonomy = load_taxonomy()
    risk_ids = [i for i, ind in taxonomy.indicators.items() if ind.polarity == "risk"]
    for item in (RISKY, BENIGN, ScoreInput("c", "escort", "Anna", "I am independent.")):
        base, hits = analyse(item.kind, item.title, item.body, "en")
        before = model.predict([base])[0]
        for extra in risk_ids:
            hit = IndicatorHit(extra, "risk", taxonomy.indicators[extra].weight, 0, 1, "x", "en")
            features = base.features | evidence_features([*hits, hit], taxonomy)
            after = model.predict([replace(base, features=features)])[0]
            assert after >= before - 1e-12, extra


def test_calibration_and_flag_rule_survive_saving(models_dir: Path) -> None:
    calibration = samples(n_per_class=16, seed=9, split="validation")
    art = train(samples(), "t2", TrainConfig(use_transformer=False, folds=3), calibration)
    from classifier.model import RiskModel

    fresh = RiskModel(art)
    loaded = load_model(models_dir)
    assert loaded.thresholds == fresh.thresholds
    assert loaded.calibrator.method == fresh.calibrator.method
    inputs = [analyse(s.kind, s.title, s.text, s.language)[0] for s in calibration]
    assert np.allclose(loaded.predict(inputs), fresh.predict(inputs))
    p = loaded.predict(inputs)
    n_risk = np.array([i.features.get("n_risk", 0.0) for i in inputs])
    outputs = score_batch(loaded, [ScoreInput(s.id, s.kind, s.title, s.text) for s in calibration])
    assert [o.flagged for o in outputs] == flag_decisions(
        p, n_risk, loaded.thresholds["high"]
    ).tolist()
    assert all(0.0 <= o.score <= 1.0 for o in outputs)


def _copy(models_dir: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "models"
    (copy / "t1").mkdir(parents=True)
    for f in (models_dir / "t1").iterdir():
        (copy / "t1" / f.name).write_bytes(f.read_bytes())
    (copy / "ACTIVE").write_text((models_dir / "ACTIVE").read_text())
    return copy


def test_tampered_arrays_are_refused(models_dir: Path, tmp_path: Path) -> None:
    copy = _copy(models_dir, tmp_path)
    data = bytearray((copy / "t1" / "arrays.npz").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (copy / "t1" / "arrays.npz").write_bytes(bytes(data))
    with pytest.raises(ModelError, match="altered"):
        load_model(copy)


def test_tampered_manifest_is_refused(models_dir: Path, tmp_path: Path) -> None:
    copy = _copy(models_dir, tmp_path)
    manifest = json.loads((copy / "t1" / "model.json").read_text())
    manifest["thresholds"]["high"] = 0.01
    (copy / "t1" / "model.json").write_text(json.dumps(manifest))
    with pytest.raises(ModelError, match="registered hash"):
        load_model(copy)


def test_a_model_of_the_old_format_is_refused_with_a_clear_error(
    models_dir: Path, tmp_path: Path
) -> None:
    copy = _copy(models_dir, tmp_path)
    manifest = json.loads((copy / "t1" / "model.json").read_text())
    manifest["format"] = 1
    (copy / "t1" / "model.json").write_text(json.dumps(manifest))
    activate(copy, "t1")
    with pytest.raises(ModelError, match="retrain"):
        load_model(copy)


def test_pickled_arrays_are_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    np.savez(buffer, evil=np.array([object()], dtype=object))
    target = tmp_path / "v1"
    target.mkdir()
    (target / "arrays.npz").write_bytes(buffer.getvalue())
    digest = hashlib.sha256(buffer.getvalue()).hexdigest()
    (target / "model.json").write_text(
        json.dumps({"version": "v1", "files": {"arrays.npz": digest}})
    )
    with pytest.raises(ModelError, match="objects"):
        artifact.load(target)


def test_transformer_path_trains_offline_and_scores(tmp_path: Path) -> None:
    art = train(samples(n_per_class=12), "tx", TrainConfig(use_transformer=True, folds=3))
    assert art.arrays["emb_coef"].shape == (384,)
    assert art.arrays["combiner_coef"].shape == (len(art.meta["feature_names"]) + 2,)
    artifact.save(art, tmp_path)
    activate(tmp_path, "tx")
    model = load_model(tmp_path)
    assert model.uses_transformer
    high, low = score_batch(model, [RISKY, BENIGN])
    assert high.score > low.score

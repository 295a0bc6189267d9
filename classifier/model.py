"""The risk model: indicator evidence and advert structure first, text layers second.

A score is computed in three steps:

1. **text layers** (secondary): a hashed word/character n-gram logistic model and, when the
   model was trained with it, a logistic model on all-MiniLM-L6-v2 sentence embeddings.
   Each gives one logit, clipped to ±:data:`TEXT_LOGIT_CLIP` so that wording alone can only
   move a score so far;
2. **combiner**: a logistic model over the evidence features (coefficients ≥ 0 for risk,
   ≤ 0 for mitigating: one more risk indicator never lowers a score), the structure
   features and the two text logits (coefficients ≥ 0);
3. **calibration**: a monotone map from the combiner's logit to a probability, fitted on
   adverts the indicator patterns were not tuned on (:mod:`classifier.calibration`,
   :mod:`classifier.train`).

The flag rule and band thresholds are stored with the model (``meta["thresholds"]``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from classifier import artifact
from classifier.artifact import ModelArtifact, ModelError
from classifier.calibration import Calibrator
from classifier.features import ModelInput
from classifier.textfeatures import hashed_counts, model_text, tfidf

ACTIVE_FILE = "ACTIVE"
TEXT_LOGIT_CLIP = 4.0
FORMAT = 2  # model.json "format": 2 = evidence-first combiner with calibration


def feature_matrix(inputs: list[ModelInput], names: list[str]) -> NDArray[np.float64]:
    """The named features of every input, in a fixed column order (absent = 0)."""
    index = {name: i for i, name in enumerate(names)}
    out = np.zeros((len(inputs), len(names)), dtype=np.float64)
    for row, item in enumerate(inputs):
        for name, value in item.features.items():
            column = index.get(name)
            if column is not None:
                out[row, column] = value
    return out


def text_matrix(inputs: list[ModelInput], idf: NDArray[np.float32]) -> Any:
    return tfidf(hashed_counts([model_text(i.text) for i in inputs]), idf)


def embedding_matrix(inputs: list[ModelInput]) -> NDArray[np.float32]:
    # torch loads only when a model with the embedding layer is used.
    from classifier.embeddings import embed

    return embed([i.readable() for i in inputs])


def clip_logits(z: NDArray[Any]) -> NDArray[np.float64]:
    return np.clip(np.asarray(z, dtype=np.float64), -TEXT_LOGIT_CLIP, TEXT_LOGIT_CLIP)


def text_logits(arrays: dict[str, NDArray[Any]], inputs: list[ModelInput]) -> NDArray[np.float64]:
    """One clipped logit per text layer the arrays hold: shape (n, 1) or (n, 2)."""
    a = arrays
    columns = [clip_logits(text_matrix(inputs, a["idf"]) @ a["text_coef"] + a["text_bias"])]
    if "emb_coef" in a:
        columns.append(clip_logits(embedding_matrix(inputs) @ a["emb_coef"] + a["emb_bias"]))
    return np.column_stack(columns)


def combiner_logits(
    arrays: dict[str, NDArray[Any]], feature_names: list[str], inputs: list[ModelInput]
) -> NDArray[np.float64]:
    """The combiner's raw (uncalibrated) logit; training calls it before a calibrator exists."""
    x = np.hstack([feature_matrix(inputs, feature_names), text_logits(arrays, inputs)])
    return np.asarray(x @ arrays["combiner_coef"] + arrays["combiner_bias"], dtype=np.float64)


class RiskModel:
    """Loaded, verified model; predict() gives calibrated probabilities."""

    def __init__(self, art: ModelArtifact) -> None:
        if art.meta.get("format") != FORMAT:
            raise ModelError(
                f"model {art.version} has format {art.meta.get('format')!r}; this adwatch reads "
                f"format {FORMAT}: retrain it with `adwatch train`"
            )
        self.art = art
        self.version = art.version
        self.meta = art.meta
        self.feature_names: list[str] = list(art.meta["feature_names"])
        self.thresholds: dict[str, float] = dict(art.meta["thresholds"])
        self.uses_transformer = "emb_coef" in art.arrays
        self.calibrator = Calibrator.from_arrays(art.meta["calibration"]["method"], art.arrays)

    def logits(self, inputs: list[ModelInput]) -> NDArray[np.float64]:
        """The combiner's raw (uncalibrated) logit."""
        return combiner_logits(self.art.arrays, self.feature_names, inputs)

    def predict(self, inputs: list[ModelInput]) -> NDArray[np.float64]:
        if not inputs:
            return np.zeros(0)
        return self.calibrator.apply(self.logits(inputs))

    def band(self, probability: float) -> str:
        if probability >= self.thresholds["high"]:
            return "high"
        return "medium" if probability >= self.thresholds["medium"] else "low"


def active_version(models_dir: Path) -> tuple[str, str]:
    """(version, sha256 of its model.json) recorded in models/ACTIVE."""
    path = models_dir / ACTIVE_FILE
    if not path.is_file():
        raise ModelError(f"no active model in {models_dir}; run `adwatch train` first")
    parts = path.read_text(encoding="utf-8").split()
    if len(parts) != 2:
        raise ModelError(f"{path} must hold '<version> <sha256 of model.json>'")
    return parts[0], parts[1]


def activate(models_dir: Path, version: str) -> None:
    digest = artifact.sha256_file(models_dir / version / artifact.MANIFEST)
    (models_dir / ACTIVE_FILE).write_text(f"{version} {digest}\n", encoding="utf-8")


def load_model(models_dir: Path, version: str | None = None) -> RiskModel:
    """Load the active (or a named) model, verifying model.json against models/ACTIVE."""
    active, digest = active_version(models_dir)
    if version is None or version == active:
        return RiskModel(artifact.load(models_dir / active, expected_manifest_sha256=digest))
    return RiskModel(artifact.load(models_dir / version))

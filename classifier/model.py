"""The risk model: hashed n-gram and MiniLM-embedding logistic models, stacked and calibrated."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from classifier import artifact
from classifier.artifact import ModelArtifact, ModelError
from classifier.textfeatures import hashed_counts, prepare_text, tfidf

KINDS = ("job", "bridal", "escort")
ACTIVE_FILE = "ACTIVE"


@dataclass(frozen=True)
class ModelInput:
    kind: str
    title: str
    body: str
    indicator_features: dict[str, float]


def side_features(inputs: list[ModelInput], names: list[str]) -> NDArray[np.float32]:
    """Indicator features in a fixed order, plus a one-hot of the advert kind."""
    index = {name: i for i, name in enumerate(names)}
    out = np.zeros((len(inputs), len(names) + len(KINDS)), dtype=np.float32)
    for row, item in enumerate(inputs):
        for name, value in item.indicator_features.items():
            if name in index:
                out[row, index[name]] = value
        if item.kind in KINDS:
            out[row, len(names) + KINDS.index(item.kind)] = 1.0
    return out


def text_matrix(inputs: list[ModelInput], idf: NDArray[np.float32], names: list[str]) -> Any:
    counts = hashed_counts([prepare_text(i.title, i.body) for i in inputs])
    return sp.hstack([tfidf(counts, idf), sp.csr_matrix(side_features(inputs, names))], "csr")


def embedding_matrix(inputs: list[ModelInput], names: list[str]) -> NDArray[np.float32]:
    from classifier.embeddings import embed

    vectors = embed([f"{i.title}\n{i.body}"[:4000] for i in inputs])
    return np.hstack([vectors, side_features(inputs, names)])


def sigmoid(x: NDArray[Any]) -> NDArray[np.float64]:
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(x, -40, 40))), dtype=np.float64)


class RiskModel:
    """Loaded, verified model; predict() gives calibrated probabilities."""

    def __init__(self, art: ModelArtifact) -> None:
        self.art = art
        self.version = art.version
        self.meta = art.meta
        self.feature_names: list[str] = list(art.meta["indicator_feature_names"])
        self.thresholds: dict[str, float] = dict(art.meta["thresholds"])
        self.uses_transformer = "emb_coef" in art.arrays

    def base_logits(self, inputs: list[ModelInput]) -> NDArray[np.float64]:
        a = self.art.arrays
        text = text_matrix(inputs, a["idf"], self.feature_names) @ a["text_coef"] + a["text_bias"]
        columns = [np.asarray(text, dtype=np.float64)]
        if self.uses_transformer:
            emb = embedding_matrix(inputs, self.feature_names) @ a["emb_coef"] + a["emb_bias"]
            columns.append(np.asarray(emb, dtype=np.float64))
        return np.column_stack(columns)

    def predict(self, inputs: list[ModelInput]) -> NDArray[np.float64]:
        if not inputs:
            return np.zeros(0)
        a = self.art.arrays
        return sigmoid(self.base_logits(inputs) @ a["stack_coef"] + a["stack_bias"])

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

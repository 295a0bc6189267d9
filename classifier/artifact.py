"""Model artifacts as plain arrays + JSON, verified by SHA-256 before use (no pickle anywhere)."""

from __future__ import annotations

import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from config.errors import AdwatchError

MANIFEST = "model.json"
ARRAYS = "arrays.npz"
_VERSION = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$")


class ModelError(AdwatchError):
    """A model is missing, malformed or has been altered."""


@dataclass
class ModelArtifact:
    version: str
    arrays: dict[str, NDArray[Any]]
    meta: dict[str, Any] = field(default_factory=dict)


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def valid_version(version: str) -> bool:
    """Whether ``version`` may name a model: letters, digits, '.', '_' and '-', at most 64."""
    return bool(_VERSION.match(version))


def save(artifact: ModelArtifact, models_dir: Path) -> Path:
    """Write models_dir/VERSION/{arrays.npz, model.json}; model.json records the arrays' hash."""
    if not valid_version(artifact.version):
        raise ModelError(f"invalid model version {artifact.version!r}")
    target = models_dir / artifact.version
    target.mkdir(parents=True, exist_ok=False)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, allow_pickle=False, **artifact.arrays)
    (target / ARRAYS).write_bytes(buffer.getvalue())
    manifest = {
        **artifact.meta,
        "version": artifact.version,
        "files": {ARRAYS: hashlib.sha256(buffer.getvalue()).hexdigest()},
    }
    (target / MANIFEST).write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return target


def load(model_dir: Path, expected_manifest_sha256: str | None = None) -> ModelArtifact:
    """Load and verify a model; refuse any file whose hash does not match its record."""
    manifest_path = model_dir / MANIFEST
    if not manifest_path.is_file():
        raise ModelError(f"no model at {model_dir} ({MANIFEST} missing)")
    if expected_manifest_sha256 and sha256_file(manifest_path) != expected_manifest_sha256:
        raise ModelError(f"{manifest_path} does not match the registered hash; refusing it")
    try:
        meta = json.loads(manifest_path.read_text(encoding="utf-8"))
        recorded = meta["files"][ARRAYS]
    except (ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"{manifest_path} is malformed: {exc}") from exc
    data = (model_dir / ARRAYS).read_bytes() if (model_dir / ARRAYS).is_file() else b""
    if hashlib.sha256(data).hexdigest() != recorded:
        raise ModelError(f"{model_dir / ARRAYS} was altered or is missing; refusing to load it")
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as npz:
            arrays = {name: npz[name] for name in npz.files}
    except ValueError as exc:
        raise ModelError(f"{model_dir / ARRAYS} holds objects, not plain arrays") from exc
    return ModelArtifact(str(meta["version"]), arrays, meta)

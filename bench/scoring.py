"""Scoring throughput: adverts per second for the active model and for a model of the other
kind (with or without the MiniLM layer), indicator matching included, on this machine's CPU
(torch limited to 2 threads)."""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from classifier import artifact
from classifier.model import activate, load_model
from classifier.samples import load_samples
from classifier.scoring import ScoreInput, score_batch
from classifier.train import train
from classifier.train_config import TrainConfig
from config.settings import get_settings


def _inputs(n: int) -> list[ScoreInput]:
    path = get_settings().labelled_samples_dir / "samples.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [
        ScoreInput(str(i), r["kind"], r["title"], r["text"], r["language"])
        for i, r in enumerate((rows * (n // len(rows) + 1))[:n])
    ]


def _rate(model: Any, items: list[ScoreInput], batch: int = 256) -> float:
    score_batch(model, items[:32])  # warm-up: loads the encoder, compiles patterns
    started = time.perf_counter()
    for i in range(0, len(items), batch):
        score_batch(model, items[i : i + batch])
    return len(items) / (time.perf_counter() - started)


def _other_kind(use_transformer: bool, n: int) -> float:
    """Rate of a quickly trained model with (or without) the MiniLM layer."""
    settings = get_settings()
    with tempfile.TemporaryDirectory() as tmp:
        samples = load_samples([settings.labelled_samples_dir / "samples.jsonl"])
        config = TrainConfig(use_transformer=use_transformer, folds=3)
        art = train(samples[:400] if use_transformer else samples, "bench-other", config)
        artifact.save(art, Path(tmp))
        activate(Path(tmp), "bench-other")
        return _rate(load_model(Path(tmp)), _inputs(n))


def run(n_sklearn: int, n_transformer: int) -> dict[str, float]:
    import torch

    torch.set_num_threads(2)
    active = load_model(get_settings().models_dir)
    rates = {}
    if active.uses_transformer:
        rates["transformer_per_s"] = _rate(active, _inputs(n_transformer))
        rates["sklearn_per_s"] = _other_kind(False, n_sklearn)
    else:
        rates["sklearn_per_s"] = _rate(active, _inputs(n_sklearn))
        rates["transformer_per_s"] = _other_kind(True, n_transformer)
    rates["active_uses_transformer"] = float(active.uses_transformer)
    return rates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sklearn", type=int, default=5000)
    parser.add_argument("--transformer", type=int, default=1000)
    args = parser.parse_args()
    r = run(args.sklearn, args.transformer)
    shipped = "transformer" if r["active_uses_transformer"] else "sklearn"
    print(f"scoring sklearn path: {r['sklearn_per_s']:.0f} adverts/s (2 CPU cores)")
    print(f"scoring transformer path: {r['transformer_per_s']:.0f} adverts/s (2 CPU cores)")
    print(f"the shipped model takes the {shipped} path")


if __name__ == "__main__":
    main()

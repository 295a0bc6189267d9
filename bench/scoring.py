"""Scoring throughput: adverts per second for the scikit-learn path and the transformer path
(indicator matching included), on this machine's CPU (torch limited to 2 threads)."""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from adwatch.settings import get_settings
from classifier import artifact
from classifier.model import activate, load_model
from classifier.samples import load_samples
from classifier.scoring import ScoreInput, score_batch
from classifier.train import TrainConfig, train


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


def run(n_sklearn: int, n_transformer: int) -> dict[str, float]:
    import torch

    torch.set_num_threads(2)
    settings = get_settings()
    with tempfile.TemporaryDirectory() as tmp:
        samples = load_samples([settings.labelled_samples_dir / "samples.jsonl"])
        art = train(samples, "bench-sk", TrainConfig(use_transformer=False, folds=3))
        artifact.save(art, Path(tmp))
        activate(Path(tmp), "bench-sk")
        sklearn_rate = _rate(load_model(Path(tmp)), _inputs(n_sklearn))
    stacked = load_model(settings.models_dir)
    assert stacked.uses_transformer, "the shipped model should include the transformer path"
    transformer_rate = _rate(stacked, _inputs(n_transformer))
    return {"sklearn_per_s": sklearn_rate, "transformer_per_s": transformer_rate}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sklearn", type=int, default=5000)
    parser.add_argument("--transformer", type=int, default=1000)
    args = parser.parse_args()
    r = run(args.sklearn, args.transformer)
    print(f"scoring sklearn path: {r['sklearn_per_s']:.0f} adverts/s (2 CPU cores)")
    print(f"scoring transformer path: {r['transformer_per_s']:.0f} adverts/s (2 CPU cores)")


if __name__ == "__main__":
    main()

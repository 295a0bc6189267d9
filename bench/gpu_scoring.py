"""Full scoring path (indicator matching, n-gram model, MiniLM embeddings, stacker) on a GPU,
for a lent GPU machine that has torch and transformers but not this project's installed
dependencies: python -m bench.gpu_scoring MINILM_DIR [N]."""

from __future__ import annotations

import json
import sys
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

from classifier import embeddings
from classifier.model import load_model
from classifier.scoring import ScoreInput, score_batch


def _use_model_dir(model_dir: str) -> None:
    """Point the embedding loader at a copy of all-MiniLM-L6-v2 (fp16 here, to travel light)."""

    @lru_cache(maxsize=1)
    def load(device: str) -> tuple[Any, Any]:
        import torch
        from transformers import AutoModel, AutoTokenizer

        tokenizer = AutoTokenizer.from_pretrained(model_dir, local_files_only=True)
        model = AutoModel.from_pretrained(model_dir, local_files_only=True, dtype=torch.float16)
        return tokenizer, model.to(device).eval()

    embeddings._load = load


def main(model_dir: str, n: int) -> None:
    import torch

    _use_model_dir(model_dir)
    lines = Path("labelled_samples/samples.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    items = [
        ScoreInput(str(i), r["kind"], r["title"], r["text"], r["language"])
        for i, r in enumerate((rows * (n // len(rows) + 1))[:n])
    ]
    model = load_model(Path("models"))
    score_batch(model, items[:256])  # warm-up
    started = time.perf_counter()
    for i in range(0, n, 1024):
        score_batch(model, items[i : i + 1024])
    rate = n / (time.perf_counter() - started)
    device = torch.cuda.get_device_name() if torch.cuda.is_available() else "cpu"
    print(f"scoring transformer path on {device}: {rate:.0f} adverts/s over {n} (full path)")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10000)

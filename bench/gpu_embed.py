"""Transformer-path throughput on a GPU: MiniLM embeddings per second (the part of scoring that
a GPU speeds up). Run on a machine with CUDA: python -m bench.gpu_embed MODEL_DIR [N]."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from classifier.embeddings import encode


def main(model_dir: str, n: int) -> None:
    import torch
    from transformers import AutoModel, AutoTokenizer

    lines = Path("labelled_samples/samples.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines]
    texts = (texts * (n // len(texts) + 1))[:n]
    device = "cuda" if torch.cuda.is_available() else "cpu"
    tokenizer = AutoTokenizer.from_pretrained(model_dir, local_files_only=True)
    started = time.perf_counter()
    for i in range(0, n, 1024):
        tokenizer(texts[i : i + 1024], padding=True, truncation=True, max_length=256)
    print(f"tokenisation alone (CPU): {n / (time.perf_counter() - started):.0f} adverts/s")
    name = torch.cuda.get_device_name() if device == "cuda" else "cpu"
    for dtype, batch in ((torch.float32, 256), (torch.float16, 256), (torch.float16, 1024)):
        model = AutoModel.from_pretrained(model_dir, local_files_only=True, dtype=dtype)
        model = model.to(device).eval()
        encode(tokenizer, model, texts[:2048], batch, device)  # warm-up
        if device == "cuda":
            torch.cuda.synchronize()
        started = time.perf_counter()
        encode(tokenizer, model, texts, batch, device)
        if device == "cuda":
            torch.cuda.synchronize()
        rate = n / (time.perf_counter() - started)
        print(f"embeddings on {name} ({dtype}, batch {batch}): {rate:.0f} adverts/s over {n}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 20000)

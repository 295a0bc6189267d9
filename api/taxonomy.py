"""Indicator descriptions for tooltips, read from the classifier's taxonomy file (data only)."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

TAXONOMY_PATH = Path(__file__).resolve().parent.parent / "classifier/indicators/taxonomy.toml"


@lru_cache(maxsize=1)
def descriptions() -> dict[str, str]:
    """indicator id -> one-line description; empty when the taxonomy is not installed."""
    try:
        data = tomllib.loads(TAXONOMY_PATH.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    table = data.get("indicators", {})
    return {
        str(key): " ".join(str(value.get("description", key)).split())
        for key, value in table.items()
        if isinstance(value, dict)
    }


def describe(indicator_id: str) -> str:
    return descriptions().get(indicator_id, indicator_id.replace("_", " "))

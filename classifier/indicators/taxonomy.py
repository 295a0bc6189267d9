"""The indicator taxonomy (``taxonomy.toml``): ids, polarity, kinds and weights."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

__all__ = ["KINDS", "POLARITIES", "TAXONOMY_PATH", "Indicator", "Taxonomy", "load_taxonomy"]

KINDS: tuple[str, ...] = ("job", "bridal", "escort")
# risk raises a score, mitigating lowers it, context is shown to the analyst and moves nothing.
POLARITIES: tuple[str, ...] = ("risk", "mitigating", "context")
TAXONOMY_PATH = Path(__file__).resolve().parent / "taxonomy.toml"


@dataclass(frozen=True)
class Indicator:
    id: str
    polarity: str
    kinds: tuple[str, ...]
    description: str
    source: str
    weight: float


@dataclass(frozen=True)
class Taxonomy:
    version: str
    indicators: Mapping[str, Indicator]


@lru_cache(maxsize=1)
def load_taxonomy() -> Taxonomy:
    """The taxonomy shipped with the package (cached); raises ValueError if malformed."""
    try:
        data = tomllib.loads(TAXONOMY_PATH.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(f"cannot read indicator taxonomy {TAXONOMY_PATH}: {exc}") from exc
    version = data.get("version")
    table = data.get("indicators")
    if not isinstance(version, str) or not isinstance(table, dict):
        raise ValueError(f"{TAXONOMY_PATH}: needs a string 'version' and an [indicators] table")
    indicators: dict[str, Indicator] = {}
    for key, raw in table.items():
        where = f"{TAXONOMY_PATH}: indicators.{key}"
        if not isinstance(raw, dict):
            raise ValueError(f"{where}: not a table")
        polarity = raw.get("polarity")
        kinds = raw.get("kinds")
        weight = raw.get("weight")
        if raw.get("id", key) != key:
            raise ValueError(f"{where}: id {raw.get('id')!r} differs from the table name")
        if polarity not in POLARITIES:
            raise ValueError(f"{where}: polarity must be one of {', '.join(POLARITIES)}")
        if not isinstance(kinds, list) or not kinds or any(k not in KINDS for k in kinds):
            raise ValueError(f"{where}: kinds must be a non-empty subset of {KINDS}")
        if not isinstance(weight, int | float) or isinstance(weight, bool):
            raise ValueError(f"{where}: weight must be a number")
        if {"risk": weight > 0, "mitigating": weight < 0, "context": weight == 0}[
            polarity
        ] is False:
            raise ValueError(
                f"{where}: risk weights are positive, mitigating ones negative, context ones zero"
            )
        description = " ".join(str(raw.get("description", "")).split())
        source = " ".join(str(raw.get("source", "")).split())
        if not description or not source:
            raise ValueError(f"{where}: description and source must not be empty")
        indicators[key] = Indicator(key, polarity, tuple(kinds), description, source, float(weight))
    return Taxonomy(version=version, indicators=MappingProxyType(indicators))

"""Indicator spans: validate them against the text and split the text into segments.

Templates render each segment as escaped text (Jinja autoescape); no markup is ever built
from advert text in Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from api.taxonomy import describe


@dataclass(frozen=True)
class Segment:
    text: str
    polarity: str | None  # None (plain) | "risk" | "mitigating" | "context"
    indicators: tuple[str, ...] = ()
    tooltip: str = ""


def valid_hits(text: str, hits: list[dict[str, Any]], field: str) -> list[dict[str, Any]]:
    """Hits on `field` whose offsets lie in the text and still cover the matched text."""
    kept = []
    for hit in hits:
        if hit.get("field") != field:
            continue
        start, end = hit.get("start"), hit.get("end")
        if not isinstance(start, int) or not isinstance(end, int):
            continue
        if not 0 <= start < end <= len(text):
            continue
        quoted = hit.get("text")
        if quoted and text[start:end] != quoted:
            continue  # the advert changed since it was scored
        kept.append(hit)
    return kept


def segments(text: str, hits: list[dict[str, Any]], field: str) -> list[Segment]:
    """Split `text` at every span boundary; overlapping hits merge (risk wins the colour, then
    mitigating, then context: a context hit is shown for checking, never as risk)."""
    usable = valid_hits(text, hits, field)
    cuts = sorted({0, len(text), *(h["start"] for h in usable), *(h["end"] for h in usable)})
    out: list[Segment] = []
    for start, end in pairwise(cuts):
        covering = [h for h in usable if h["start"] <= start and end <= h["end"]]
        if not covering:
            out.append(Segment(text[start:end], None))
            continue
        ids = tuple(dict.fromkeys(str(h["indicator_id"]) for h in covering))
        polarities = {h.get("polarity") for h in covering}
        colour = next((p for p in ("risk", "mitigating", "context") if p in polarities), "risk")
        tooltip = "; ".join(f"{i}: {describe(i)}" for i in ids)
        out.append(Segment(text[start:end], colour, ids, tooltip))
    return out

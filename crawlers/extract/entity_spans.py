"""Spans shared by the entity finders: a found entity and a set of taken spans."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from crawlers.extract.fields import EntityKind

__all__ = ["Found", "SpanSet", "overlaps"]


@dataclass(frozen=True)
class Found:
    """An entity candidate: normalised value and its span in the original text."""

    kind: EntityKind
    value: str
    start: int
    end: int


def overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether the half-open span ``[start, end)`` overlaps any of ``spans``."""
    return any(start < e and s < end for s, e in spans)


class SpanSet:
    """A union of half-open spans with O(log n) overlap queries."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in sorted(spans):
            if start >= end:
                continue
            if self._ends and start <= self._ends[-1]:
                self._ends[-1] = max(self._ends[-1], end)
            else:
                self._starts.append(start)
                self._ends.append(end)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, end) - 1
        return i >= 0 and self._ends[i] > start

    def add(self, start: int, end: int) -> None:
        lo = bisect.bisect_left(self._ends, start)  # first span that may touch
        hi = bisect.bisect_right(self._starts, end)  # spans from here on are after
        if lo < hi:
            start = min(start, self._starts[lo])
            end = max(end, self._ends[hi - 1])
        self._starts[lo:hi] = [start]
        self._ends[lo:hi] = [end]

"""Server-side SVG line charts: Python computes coordinates, the template draws and escapes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from store.advert_queries import SeriesPoint

PALETTE = ("#c0392b", "#2471a3", "#229954", "#b9770e", "#7d3c98", "#17a589", "#566573", "#a04000")
WIDTH, HEIGHT, PAD = 640, 220, 36


@dataclass(frozen=True)
class Series:
    key: str
    color: str
    points: str  # "x,y x,y ..." for <polyline points=...>
    total: int


@dataclass(frozen=True)
class Chart:
    title: str
    width: int
    height: int
    pad: int
    y_max: int
    x_labels: list[tuple[float, str]]
    series: list[Series]

    @property
    def empty(self) -> bool:
        return not self.series


def line_chart(title: str, points: list[SeriesPoint], days: int, today: date) -> Chart:
    """One line per key (kind or site) over the last `days` days, up to len(PALETTE) keys."""
    axis = [today - timedelta(days=days - 1 - i) for i in range(days)]
    counts: dict[str, dict[date, int]] = {}
    for p in points:
        counts.setdefault(p.key, {})[p.day.date()] = p.count
    keys = sorted(counts, key=lambda k: -sum(counts[k].values()))[: len(PALETTE)]
    y_max = max([1, *(max(c.values()) for c in counts.values())])
    step = (WIDTH - 2 * PAD) / max(1, days - 1)

    def xy(i: int, n: int) -> str:
        return f"{PAD + i * step:.1f},{HEIGHT - PAD - n * (HEIGHT - 2 * PAD) / y_max:.1f}"

    series = [
        Series(
            key,
            PALETTE[n],
            " ".join(xy(i, counts[key].get(d, 0)) for i, d in enumerate(axis)),
            sum(counts[key].values()),
        )
        for n, key in enumerate(keys)
    ]
    ticks = sorted({0, days // 2, days - 1})
    labels = [(PAD + i * step, axis[i].isoformat()) for i in ticks]
    return Chart(title, WIDTH, HEIGHT, PAD, y_max, labels, series)

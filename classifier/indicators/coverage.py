"""Measure indicator recall and false hits against the labelled samples (developer tool).

Every sample of ``labelled_samples/samples.jsonl`` carries the indicator ids whose cue
was written into its text.  For each (language, indicator) this counts:

* ``tagged``  - samples tagged with the id;
* ``found``   - of those, samples where :func:`match_indicators` fired the id (recall);
* ``false``   - samples NOT tagged with the id where it fired anyway (false hits).

Run ``python -m classifier.indicators.coverage`` (``--help`` for options; ``--misses ID``
prints the missed lines of one indicator, which is what pattern authors want to read).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from classifier.indicators.matcher import match_indicators

__all__ = ["Counts", "Sample", "iter_samples", "main", "measure"]

DEFAULT_SAMPLES = Path(__file__).resolve().parents[2] / "labelled_samples" / "samples.jsonl"
ALL = "all"


@dataclass(frozen=True)
class Sample:
    id: str
    kind: str
    language: str
    text: str  # title + "\n" + text, as the pipeline sees it
    indicators: frozenset[str]


@dataclass
class Counts:
    """Per-language, per-indicator tallies (language ``all`` sums the others)."""

    tagged: Counter[tuple[str, str]] = field(default_factory=Counter)
    found: Counter[tuple[str, str]] = field(default_factory=Counter)
    false: Counter[tuple[str, str]] = field(default_factory=Counter)
    samples: Counter[str] = field(default_factory=Counter)

    def add(self, sample: Sample, fired: set[str]) -> None:
        for lang in (sample.language, ALL):
            self.samples[lang] += 1
            for ind in sample.indicators:
                self.tagged[lang, ind] += 1
                self.found[lang, ind] += ind in fired
            for ind in fired - sample.indicators:
                self.false[lang, ind] += 1

    def recall(self, lang: str, ind: str | None = None) -> float:
        """Recall of one indicator, or pooled over all indicators of ``lang``."""
        keys = [k for k in self.tagged if k[0] == lang and (ind is None or k[1] == ind)]
        tagged = sum(self.tagged[k] for k in keys)
        return sum(self.found[k] for k in keys) / tagged if tagged else 0.0

    def false_total(self, lang: str) -> int:
        return sum(n for (lg, _), n in self.false.items() if lg == lang)

    def languages(self) -> list[str]:
        return [*sorted(lang for lang in self.samples if lang != ALL), ALL]

    def indicators(self) -> list[str]:
        return sorted({ind for _, ind in self.tagged} | {ind for _, ind in self.false})


def iter_samples(path: Path) -> Iterator[Sample]:
    """The samples of a JSON-lines file; malformed lines are skipped."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            try:
                raw = json.loads(line)
                yield Sample(
                    id=str(raw["id"]),
                    kind=str(raw["kind"]),
                    language=str(raw["language"]),
                    text=f"{raw.get('title') or ''}\n{raw.get('text') or ''}",
                    indicators=frozenset(str(i) for i in raw.get("indicators") or ()),
                )
            except (ValueError, KeyError, TypeError):
                continue


def fired_ids(sample: Sample) -> set[str]:
    return {h.indicator_id for h in match_indicators(sample.text, sample.kind, sample.language)}


def measure(samples: Iterable[Sample]) -> Counts:
    counts = Counts()
    for sample in samples:
        counts.add(sample, fired_ids(sample))
    return counts


def _cell(counts: Counts, lang: str, ind: str) -> str:
    tagged = counts.tagged[lang, ind]
    false = counts.false[lang, ind]
    if not tagged and not false:
        return f"{'':>13}"
    recall = f"{counts.found[lang, ind] / tagged:4.2f}" if tagged else "  - "
    return f"{recall} {tagged:>3} +{false:<3}"


def format_table(counts: Counts) -> list[str]:
    """One row per indicator: per language ``recall tagged +false``."""
    langs = counts.languages()
    width = max(len(i) for i in counts.indicators()) if counts.indicators() else 10
    header = f"{'indicator':<{width}} " + " ".join(f"{lang:^13}" for lang in langs)
    lines = [header, "-" * len(header)]
    for ind in counts.indicators():
        lines.append(f"{ind:<{width}} " + " ".join(_cell(counts, lg, ind) for lg in langs))
    lines.append("-" * len(header))
    pooled = " ".join(
        f"{counts.recall(lg):4.2f} {'':3} +{counts.false_total(lg):<3}" for lg in langs
    )
    lines.append(f"{'pooled recall / false hits':<{width}} {pooled}")
    return lines


def worst(counts: Counts, min_tagged: int, limit: int) -> list[str]:
    """The lowest-recall (language, indicator) pairs tagged at least ``min_tagged`` times."""
    rows = [
        (counts.found[k] / n, k, n)
        for k, n in counts.tagged.items()
        if k[0] != ALL and n >= min_tagged
    ]
    rows.sort()
    return [f"{lang}  {ind:<30} {r:4.2f} ({n})" for r, (lang, ind), n in rows[:limit]]


def misses(samples: Iterable[Sample], indicator: str, false_hits: bool) -> Iterator[str]:
    """Samples that missed (or, with ``false_hits``, wrongly fired) ``indicator``."""
    for sample in samples:
        tagged = indicator in sample.indicators
        if tagged == false_hits:
            continue
        hits = match_indicators(sample.text, sample.kind, sample.language)
        spans = [sample.text[h.start : h.end] for h in hits if h.indicator_id == indicator]
        if tagged and not spans:
            yield f"{sample.id}: {sample.text!r}"
        elif not tagged and spans:
            yield f"{sample.id}: {spans!r}"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--samples", type=Path, default=DEFAULT_SAMPLES)
    parser.add_argument("--language", action="append", help="only this language (repeatable)")
    parser.add_argument("--kind", action="append", help="only this kind (repeatable)")
    parser.add_argument("--min-tagged", type=int, default=10, help="for the worst list")
    parser.add_argument("--worst", type=int, default=15, help="how many worst pairs to list")
    parser.add_argument("--misses", metavar="ID", help="print the samples that miss ID")
    parser.add_argument("--false-hits", action="store_true", help="with --misses: false hits")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        samples = [
            s
            for s in iter_samples(args.samples)
            if (not args.language or s.language in args.language)
            and (not args.kind or s.kind in args.kind)
        ]
    except OSError as exc:
        print(f"cannot read {args.samples}: {exc}")
        return 2
    if args.misses:
        for line in misses(samples, args.misses, args.false_hits):
            print(line)
        return 0
    counts = measure(samples)
    print("\n".join(format_table(counts)))
    print(f"\nworst (tagged >= {args.min_tagged}):")
    print("\n".join(worst(counts, args.min_tagged, args.worst)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

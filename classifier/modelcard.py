"""MODEL_CARD.md next to each model: what it was trained on and how well it does."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def _metric_rows(section: dict[str, Any]) -> list[str]:
    rows = []
    for name, m in section.items():
        auc = "–" if m["roc_auc"] is None else f"{m['roc_auc']:.3f}"
        rows.append(f"| {name} | {m['n']} | {auc} | {m['precision']:.3f} | {m['recall']:.3f} |")
    return rows


def render(meta: dict[str, Any]) -> str:
    lines = [
        f"# Model card — adwatch risk model {meta['version']}",
        "",
        f"- created: {meta['created']}",
        f"- architecture: {meta['kind']}",
        f"- taxonomy version: {meta['taxonomy_version']}",
        f"- training data SHA-256: `{meta['data_sha256']}`",
        f"- samples: {meta['samples']['train']} train, {meta['samples']['test']} held out (test)",
        f"- thresholds: medium ≥ {meta['thresholds']['medium']}, high ≥ "
        f"{meta['thresholds']['high']}; flag rule: {meta['flag_rule']}",
        f"- software: {', '.join(f'{k} {v}' for k, v in meta['versions'].items())}",
        "",
        "Intended use: ranking public adverts for review by trained analysts. A score is a lead,",
        "never a finding; one indicator alone never flags an advert. Not for decisions about",
        "individuals, and not for policing independent adults.",
        "",
        "Limitations: trained and evaluated on synthetic, partly templated adverts",
        "(labelled_samples/README.md); the held-out figures below are therefore optimistic.",
        "Validate on labelled adverts from your own sources before relying on the bands, and",
        "retrain with them (`adwatch train FILE.jsonl ...`).",
        "",
    ]
    for title, key in (
        ("Cross-validated (training split)", "cross_validation"),
        ("Held-out test split", "held_out"),
    ):
        report = meta.get(key)
        if not report:
            continue
        lines += [
            f"## {title}",
            "",
            "| group | n | ROC-AUC | precision | recall |",
            "| --- | --- | --- | --- | --- |",
        ]
        lines += _metric_rows({"overall": report["overall"]})
        for section in ("by_kind", "by_language", "by_kind_language"):
            lines += _metric_rows(report[section])
        lines.append("")
    return "\n".join(lines)


def write_model_card(model_dir: Path, meta: dict[str, Any]) -> Path:
    path = model_dir / "MODEL_CARD.md"
    path.write_text(render({**meta, "version": model_dir.name}), encoding="utf-8")
    return path

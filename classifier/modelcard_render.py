"""MODEL_CARD.md from a model's metadata: provenance, operating point and every evaluation."""

from __future__ import annotations

from typing import Any

_SECTIONS = ("by_kind", "by_language", "by_difficulty", "by_source", "by_cell")


def _num(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _with_ci(m: dict[str, Any], key: str) -> str:
    ci = m.get("ci95", {}).get(key)
    text = _num(m.get(key))
    return f"{text} [{ci[0]:.2f}–{ci[1]:.2f}]" if ci and m.get(key) is not None else text


def labelled_table(report: dict[str, Any]) -> list[str]:
    lines = [
        "| group | n | risky | flagged | ROC-AUC [95 % CI] | precision [95 % CI] "
        "| recall [95 % CI] |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    rows = [("overall", report["overall"])]
    for section in _SECTIONS:
        rows += list(report.get(section, {}).items())
    for name, m in rows:
        lines.append(
            f"| {name} | {m['n']} | {m['positives']} | {m['flagged']} | {_with_ci(m, 'roc_auc')} "
            f"| {_with_ci(m, 'precision')} | {_with_ci(m, 'recall')} |"
        )
    calibration = report.get("calibration")
    if calibration:
        lines += [
            "",
            f"Expected calibration error (10 bins): {calibration['ece']:.3f}.",
            "",
            "| score bin | adverts | mean score | share risky |",
            "| --- | --- | --- | --- |",
        ]
        lines += [f"| {b['low']:.1f}–{b['high']:.1f} | {b['n']} | {b['mean_score']:.3f} | "
                  f"{b['positive_rate']:.3f} |" for b in calibration["reliability"]]  # fmt: skip
    errors = report.get("worst_errors")
    if errors:
        for title, key in (("Missed risky adverts", "missed_risky"),
                           ("Flagged ordinary adverts", "flagged_ordinary")):  # fmt: skip
            items = ", ".join(f"`{e['id']}` ({e['score']:.2f})" for e in errors[key]) or "none"
            lines += ["", f"{title} (worst first): {items}"]
    return lines


def ordinary_table(report: dict[str, Any]) -> list[str]:
    low, high = report["flags_per_1000_ci95"]
    pct = report["score_percentiles"]
    lines = [
        f"{report['n']} adverts, {report['flagged']} flagged: **{report['flags_per_1000']:.1f} "
        f"per 1,000** [95 % CI {low:.1f}–{high:.1f}]; bands {report['bands']}.",
        f"Score percentiles: 50th {pct['50']:.3f}, 90th {pct['90']:.3f}, 95th {pct['95']:.3f}, "
        f"99th {pct['99']:.3f}, max {pct['100']:.3f}.",
        "",
        "| indicator | adverts per 1,000 |",
        "| --- | --- |",
    ]
    lines += [f"| {k} | {v:.1f} |" for k, v in report["indicators_per_1000"].items()]
    return lines


def perturbation_table(report: dict[str, Any]) -> list[str]:
    lines = [
        "| perturbation | mean abs. Δ score | mean Δ | max abs. Δ | flags lost (risky) "
        "| flags gained |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name, r in report.items():
        if not isinstance(r, dict):
            continue
        lines.append(
            f"| {name} | {r['mean_abs_change']:.4f} | {r['mean_change']:+.4f} | "
            f"{r['max_abs_change']:.3f} | {len(r['flags_lost_on_risky'])} | "
            f"{len(r['flags_gained_on_ordinary'])} |"
        )
    return lines


_RENDERERS = {"labelled": labelled_table, "ordinary": ordinary_table,
              "perturbations": perturbation_table}  # fmt: skip


def _header(meta: dict[str, Any]) -> list[str]:
    samples = meta["samples"]
    cal = meta["calibration"]
    return [
        f"# Model card — adwatch risk model {meta['version']}",
        "",
        f"- created: {meta['created']}",
        f"- architecture: {meta['kind']}",
        f"- taxonomy version: {meta['taxonomy_version']}",
        f"- trained on {samples['train']} adverts (sources {samples['sources']}); training data "
        f"SHA-256 `{meta['data_sha256']}`",
        f"- calibration: {cal['method']} fitted on the {cal['fitted_on']} ({cal['n']} adverts"
        + (
            f"; data SHA-256 `{meta['calibration_data_sha256']}`"
            if meta.get("calibration_data_sha256")
            else ""
        )
        + ")",
        f"- operating point: {meta['flag_rule']}; bands: medium ≥ "
        f"{meta['thresholds']['medium']}, high ≥ {meta['thresholds']['high']}",
        f"- software: {', '.join(f'{k} {v}' for k, v in meta['versions'].items())}",
        "",
        "Intended use: ranking public adverts for review by trained analysts. A score is a lead,",
        "never a finding; one indicator alone never flags an advert. Not for decisions about",
        "individuals, and not for policing independent adults.",
        "",
    ]


def render(meta: dict[str, Any]) -> str:
    lines = _header(meta)
    lines += meta.get("notes", [])
    for title, report in meta.get("evaluations", {}).items():
        lines += ["", f"## {title}", ""]
        lines += _RENDERERS[report["type"]](report)
    lines += ["", "## Grouped cross-validation on the training data", "",
              "Folds hold out whole generator template families, independent authors and real",
              "employers (see `classifier/train.py`).", ""]  # fmt: skip
    lines += labelled_table(meta["cross_validation"])
    lines += ["", "## Combiner weights", "", "| feature | weight |", "| --- | --- |"]
    lines += [f"| {k} | {v} |" for k, v in meta["combiner"].items() if v]
    training = meta["samples"]["train_by_source_kind_language_label"]
    lines += ["", "## Training data (source/kind/language/label: adverts)", ""]
    lines += [", ".join(f"{k}: {v}" for k, v in training.items()), ""]
    return "\n".join(lines)

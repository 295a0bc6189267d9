"""Labelled samples (labelled_samples/*.jsonl): schema, loading and validation."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError

from config.errors import AdwatchError


class SampleError(AdwatchError):
    """A sample file cannot be read or a line breaks the schema."""


class Sample(BaseModel):
    id: str = Field(min_length=1, max_length=200)
    kind: Literal["job", "bridal", "escort"]
    language: str | None = None
    title: str = ""
    text: str
    label: Literal[0, 1] | None = None
    indicators: list[str] = Field(default_factory=list)
    hard: bool = False
    split: Literal["train", "validation", "test"] = "train"
    provenance: dict[str, Any] = Field(default_factory=dict)

    @property
    def group(self) -> str:
        """What a grouped split keeps together: the generator's template family, an
        independent author, or the employer of a real advert (its boilerplate repeats)."""
        prov = self.provenance
        if "template" in prov:
            return f"{self.kind}:{prov['template']}"
        for key in ("group", "author"):
            if prov.get(key):
                return f"{key}:{prov[key]}"
        return f"sample:{self.id}"

    @property
    def source(self) -> str:
        return str(self.provenance.get("source", "unknown"))


def read_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line; malformed JSON is a clear error."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise SampleError(f"cannot read {path}: {exc.strerror}") from exc
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise SampleError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
            if not isinstance(obj, dict):
                raise SampleError(f"{path}:{number}: expected a JSON object")
            yield number, obj


def load_samples(paths: Iterable[Path], require_label: bool = True) -> list[Sample]:
    samples: list[Sample] = []
    for path in paths:
        for number, obj in read_jsonl(path):
            try:
                sample = Sample.model_validate(obj)
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first["loc"])
                raise SampleError(f"{path}:{number}: {where}: {first['msg']}") from exc
            if require_label and sample.label is None:
                raise SampleError(f"{path}:{number}: sample has no label")
            samples.append(sample)
    if not samples:
        raise SampleError("no samples found")
    return samples


def default_sample_files(directory: Path) -> list[Path]:
    """Training data: the generator's file and the hand-written supplement (``written/``);
    the independent evaluation set (``independent/``) is never trained on."""
    files = sorted(directory.glob("*.jsonl")) + sorted((directory / "written").glob("*.jsonl"))
    if not files:
        raise SampleError(f"no *.jsonl files in {directory}")
    return files


def load_ordinary(path: Path, split: str | None = None) -> list[Sample]:
    """Real ordinary adverts (``../shared/real_adverts`` style: id, kind, language, title,
    text, split, source) as label-0 samples of provenance source "real"; their text stays
    outside the repository, so only a path is ever given."""
    samples = []
    for number, obj in read_jsonl(path):
        if split is not None and obj.get("split") != split:
            continue
        try:
            text = str(obj["text"])
            sample = Sample(
                id=str(obj["id"]),
                kind=obj.get("kind", "job"),
                language=obj.get("language"),
                title=str(obj.get("title", "")),
                text=text,
                label=0,
                split="train" if obj.get("split") == "train" else "test",
                provenance={"source": "real", "group": text.strip().split("\n")[0][:80]},
            )
        except (KeyError, ValidationError) as exc:
            raise SampleError(f"{path}:{number}: not an advert ({exc})") from exc
        samples.append(sample)
    if not samples:
        raise SampleError(f"no adverts in {path}" + (f" with split={split}" if split else ""))
    return samples

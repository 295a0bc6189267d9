"""Request and response bodies of the export requests API (/api/v1/exports)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field, model_validator

from api.schemas import In, Out

BIGINT_MAX = 2**63 - 1


class ExportIn(In):
    """What to build: an advert's evidence package (analysts) or labelled samples
    (researchers, optionally filtered)."""

    type: Literal["evidence", "samples"]
    advert_id: int | None = Field(default=None, ge=1, le=BIGINT_MAX, description="evidence only")
    source: Literal["analyst", "upload"] | None = None
    split: Literal["train", "test"] | None = None
    kind: Literal["job", "bridal", "escort"] | None = None

    @model_validator(mode="after")
    def _fits_type(self) -> ExportIn:
        if self.type == "evidence" and self.advert_id is None:
            raise ValueError("an evidence export names its advert_id")
        if self.type == "samples" and self.advert_id is not None:
            raise ValueError("a samples export takes source, split and kind, not advert_id")
        return self


class ExportOut(Out):
    id: int
    type: str = Field(description="evidence or samples")
    status: Literal["queued", "building", "ready", "failed", "expired"]
    parameters: dict[str, object]
    created_at: datetime
    finished_at: datetime | None
    expires_at: datetime | None = Field(description="when a ready file is removed")
    size_bytes: int | None
    sha256: str | None = Field(description="SHA-256 of the file, to check the download")
    download: str | None = Field(description="where to GET the file, once ready")
    error: str | None = Field(description="why a build failed, in general terms")

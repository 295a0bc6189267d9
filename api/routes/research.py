"""Researcher API: de-personalised labelled samples out, labels in."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import StreamingResponse
from psycopg_pool import ConnectionPool
from pydantic import ValidationError

from api import schemas
from api.deps import Conn, Pool, ResearcherUser
from share.depersonalise import sample
from store import audit, labels

router = APIRouter(prefix="/api/v1", tags=["researcher"])
MAX_UPLOAD_BYTES = 50 * 1024 * 1024


def _export(pool: ConnectionPool[Any], filters: dict[str, str | None]) -> Iterator[str]:
    with pool.connection() as conn, conn.transaction():
        for row in labels.export_rows(conn, **filters):
            yield json.dumps(sample(row), ensure_ascii=False) + "\n"


@router.get("/export/samples", response_class=StreamingResponse)
def export_samples(
    user: ResearcherUser,
    conn: Conn,
    pool: Pool,
    source: Literal["analyst", "upload"] | None = None,
    split: Literal["train", "test"] | None = None,
    kind: Literal["job", "bridal", "escort"] | None = None,
) -> StreamingResponse:
    """Labelled samples as JSONL (labelled_samples schema), contacts and names replaced."""
    filters: dict[str, str | None] = {"source": source, "split": split, "kind": kind}
    with conn.transaction():  # committed before the first byte is sent
        audit.record(
            conn,
            actor=user.actor,
            actor_id=user.key_id,
            action="export_samples",
            object_type="labels",
            detail=filters,
        )
    return StreamingResponse(_export(pool, filters), media_type="application/x-ndjson")


async def _body(request: Request) -> bytes:
    data = await request.body()
    if len(data) > MAX_UPLOAD_BYTES:
        raise HTTPException(413, f"upload larger than {MAX_UPLOAD_BYTES} bytes")
    return data


def _parse(data: bytes) -> list[labels.UploadedLabel]:
    """Every line validated; any error rejects the whole upload with line numbers."""
    rows, errors = [], []
    for number, line in enumerate(data.decode("utf-8", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = schemas.LabelIn.model_validate_json(line)
        except ValidationError as exc:
            errors.append(
                {"line": number, "errors": exc.errors(include_url=False, include_context=False)}
            )
            continue
        rows.append(
            labels.UploadedLabel(
                sample_id=item.id,
                kind=item.kind,
                text=item.text,
                label=item.label,
                title=item.title,
                language=item.language,
                indicators=tuple(item.indicators),
                split=item.split,
                provenance=item.provenance,
            )
        )
    if errors:
        raise HTTPException(422, {"message": "invalid labels JSONL", "lines": errors[:50]})
    if not rows:
        raise HTTPException(422, "no labels in the upload")
    return rows


@router.post("/labels", response_model=schemas.UploadResult)
def upload_labels(
    user: ResearcherUser, conn: Conn, data: Annotated[bytes, Depends(_body)]
) -> schemas.UploadResult:
    """Upload labels as JSONL (one labelled_samples record per line); stored as source 'upload'."""
    rows = _parse(data)
    with conn.transaction():
        stored = labels.upsert_uploaded(conn, rows, user.key_id)
        audit.record(
            conn,
            actor=user.actor,
            actor_id=user.key_id,
            action="upload_labels",
            object_type="labels",
            detail={"received": len(rows), "stored": stored},
        )
    return schemas.UploadResult(received=len(rows), stored=stored, skipped=len(rows) - stored)

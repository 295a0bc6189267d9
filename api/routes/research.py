"""Researcher API: de-personalised labelled samples out, labels in."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends
from fastapi.responses import StreamingResponse
from psycopg_pool import ConnectionPool

from api import schemas
from api.deps import Conn, Pool, ResearcherUser
from api.label_upload import OPENAPI_BODY, uploaded_labels
from share.depersonalise import sample
from store import audit, labels
from store.labels import UploadedLabel

router = APIRouter(prefix="/api/v1", tags=["researcher"])


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


@router.post("/labels", response_model=schemas.UploadResult, openapi_extra=OPENAPI_BODY)
def upload_labels(
    user: ResearcherUser, conn: Conn, rows: Annotated[list[UploadedLabel], Depends(uploaded_labels)]
) -> schemas.UploadResult:
    """Upload labels as JSONL (one labelled_samples record per line); stored as source 'upload'."""
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

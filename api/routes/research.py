"""Researcher API: de-personalised labelled samples out, labels in."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Request

from api import auditing, export_files, heavy, openapi_docs, schemas
from api.deps import Conn, Principal, ResearcherUser, SettingsDep, require
from api.label_upload import OPENAPI_BODY, uploaded_labels
from store import labels
from store.labels import UploadedLabel

router = APIRouter(prefix="/api/v1", tags=["researcher"])
# Researchers write labels; admins may too, to correct or remove anyone's uploads.
LabelWriter = Annotated[Principal, Depends(require("researcher", "admin"))]


@router.get(
    "/export/samples",
    response_class=heavy.HeldFileResponse,
    status_code=200,
    responses=openapi_docs.file_response("application/x-ndjson", "one labelled sample a line"),
)
def export_samples(
    user: ResearcherUser,
    conn: Conn,
    settings: SettingsDep,
    request: Request,
    source: Literal["analyst", "upload"] | None = None,
    split: Literal["train", "test"] | None = None,
    kind: Literal["job", "bridal", "escort"] | None = None,
) -> heavy.HeldFileResponse:
    """Labelled samples as JSONL (labelled_samples schema), contacts and names replaced.

    Written whole into the data directory first, then sent from disk, so a slow reader holds
    no database connection (POST /api/v1/exports builds it in the background instead)."""
    filters: dict[str, str | None] = {"source": source, "split": split, "kind": kind}
    slot = heavy.take_slot(request, user)
    with slot:
        with conn.transaction():  # committed before the first byte is sent
            auditing.record(conn, user, "export_samples", "labels", None, filters)
        built = export_files.spool(settings, "jsonl", export_files.write_samples(conn, filters))
        return heavy.HeldFileResponse(
            built.path, slot, remove_after=True, media_type="application/x-ndjson"
        )


def _refused(conn: Conn, user: Principal, action: str, exc: labels.LabelOwned) -> HTTPException:
    """Audit a refused change to others' labels, and the 403 that answers it."""
    with conn.transaction():
        auditing.record(
            conn,
            user,
            action,
            "labels",
            None,
            {"refused": "owned by another researcher", "sample_ids": exc.sample_ids[:50]},
        )
    return HTTPException(
        403,
        {
            "message": "these labels were uploaded by another researcher; only they or an "
            "admin may change or delete them",
            # one entry per refused label, in the problem details' "errors" list
            "errors": [{"sample_id": s, "msg": "owned by another"} for s in exc.sample_ids[:50]],
        },
    )


@router.post("/labels", response_model=schemas.UploadResult, openapi_extra=OPENAPI_BODY)
def upload_labels(
    user: LabelWriter, conn: Conn, rows: Annotated[list[UploadedLabel], Depends(uploaded_labels)]
) -> schemas.UploadResult:
    """Upload labels as JSONL (one labelled_samples record per line); stored as source 'upload'.

    A researcher may replace only labels they uploaded; admins may replace any upload."""
    try:
        with conn.transaction():
            stored = labels.upsert_uploaded(conn, rows, user.key_id, is_admin=user.role == "admin")
            auditing.record(
                conn,
                user,
                "upload_labels",
                "labels",
                None,
                {"received": len(rows), "stored": stored},
            )
    except labels.LabelOwned as exc:
        raise _refused(conn, user, "upload_labels_refused", exc) from exc
    return schemas.UploadResult(received=len(rows), stored=stored, skipped=len(rows) - stored)


@router.delete("/labels/{sample_id}", status_code=204)
def delete_label(sample_id: str, user: LabelWriter, conn: Conn) -> None:
    """Delete an uploaded label: its uploader or an admin only."""
    try:
        with conn.transaction():
            found = labels.delete_uploaded(
                conn, sample_id, user.key_id, is_admin=user.role == "admin"
            )
            if found:
                auditing.record(conn, user, "delete_label", "label", sample_id)
    except labels.LabelOwned as exc:
        raise _refused(conn, user, "delete_label_refused", exc) from exc
    if not found:
        raise HTTPException(404, "no uploaded label with that id")

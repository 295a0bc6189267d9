"""Export requests: POST asks for an evidence package or a research export and answers 202
with a Location; a worker builds the file into the data directory; GET says where it stands;
GET …/file sends it from disk to its requester (or an admin), audited before the first byte.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from psycopg_pool import ConnectionPool

from api import auditing, export_files, export_jobs, heavy, openapi_docs
from api.deps import ANALYSTS, Conn, PathId, Pool, Principal, SettingsDep, require
from api.export_schemas import ExportIn, ExportOut
from config.settings import Settings
from store import advert_queries as aq
from store import exports

router = APIRouter(prefix="/api/v1", tags=["exports"])
Exporter = Annotated[Principal, Depends(require(*ANALYSTS, "researcher"))]
_ROLES = {"evidence": ANALYSTS, "samples": ("researcher",)}


def _out(row: exports.Export) -> ExportOut:
    ready = row.status == "ready"
    return ExportOut(
        id=row.id,
        type=row.kind,
        status=row.status,  # type: ignore[arg-type]  # the table's CHECK keeps it to these
        parameters=row.parameters,
        created_at=row.created_at,
        finished_at=row.finished_at,
        expires_at=row.expires_at,
        size_bytes=row.size_bytes if ready else None,
        sha256=row.sha256 if ready else None,
        download=f"/api/v1/exports/{row.id}/file" if ready else None,
        error="the export could not be built; ask for it again" if row.error else None,
    )


def _own(conn: Conn, user: Principal, export_id: int) -> exports.Export:
    """The requester's export (any, for an admin); others' are not found, not forbidden, so
    their ids say nothing."""
    row = exports.get(conn, export_id)
    if row is None or (row.key_id != user.key_id and user.role != "admin"):
        raise HTTPException(404, "no such export")
    return row


def _start_building(request: Request, pool: ConnectionPool[Any], settings: Settings) -> None:
    """Locally, the API's own threads build it; with a queue, `adwatch worker`s do."""
    if settings.execution == "local":
        request.app.state.export_builders.submit(export_jobs.drain, pool.connection, settings)


@router.post("/exports", response_model=ExportOut, status_code=202)
def request_export(
    body: ExportIn,
    user: Exporter,
    conn: Conn,
    pool: Pool,
    settings: SettingsDep,
    request: Request,
    response: Response,
) -> ExportOut:
    """Ask for an export; poll the Location until it is ready, then GET its `download`.
    At most ADWATCH_EXPORT_CONCURRENCY_PER_KEY requests of one key wait at once (429)."""
    if user.role not in _ROLES[body.type]:
        raise HTTPException(403, f"the {user.role} role may not export {body.type}")
    if body.type == "evidence" and aq.advert(conn, body.advert_id or 0) is None:
        raise HTTPException(404, "no such advert")
    if exports.in_flight(conn, user.key_id) >= settings.export_concurrency_per_key:
        raise HTTPException(
            429,
            "this key already has exports waiting to be built; wait for one to finish",
            headers={"Retry-After": str(heavy.RETRY_AFTER_S)},
        )
    parameters = body.model_dump(exclude={"type"}, exclude_none=True)
    with conn.transaction():
        row = exports.create(
            conn,
            body.type,
            parameters,
            user.key_id,
            user.actor,
            queue_job=settings.execution == "queue",
        )
        auditing.record(conn, user, "request_export", "export", row.id, {"type": body.type})
    _start_building(request, pool, settings)
    response.headers["Location"] = f"/api/v1/exports/{row.id}"
    return _out(row)


@router.get("/exports/{export_id}", response_model=ExportOut)
def export_status(export_id: PathId, user: Exporter, conn: Conn) -> ExportOut:
    """Where the export stands: queued, building, ready (with its download), failed, expired."""
    return _out(_own(conn, user, export_id))


# An evidence ZIP or samples as JSONL, by the export's kind.
_FILE_DOC = openapi_docs.file_response("application/zip", "the export's file: ZIP or JSONL")
_JSONL = openapi_docs.file_response("application/x-ndjson", "")[200]["content"]
_FILE_DOC[200]["content"].update(_JSONL)


@router.get(
    "/exports/{export_id}/file",
    response_class=heavy.HeldFileResponse,
    status_code=200,
    responses=_FILE_DOC,
)
def download_export(
    export_id: PathId, user: Exporter, conn: Conn, settings: SettingsDep, request: Request
) -> heavy.HeldFileResponse:
    """The built file, from disk (requester or admin); 409 until ready or once expired."""
    row = _own(conn, user, export_id)
    path = export_files.built_dir(settings) / (row.file_name or "")
    expired = row.expires_at is not None and row.expires_at <= datetime.now(UTC)
    if row.status != "ready" or expired or not row.file_name or not path.is_file():
        status = "expired" if expired else row.status
        raise HTTPException(409, f"the export is {status}, not ready to download")
    slot = heavy.take_slot(request, user)
    with slot:
        with conn.transaction():  # committed before the first byte is sent
            detail = {"type": row.kind, "sha256": row.sha256, "requested_by": row.actor}
            auditing.record(conn, user, "download_export", "export", row.id, detail)
        return heavy.HeldFileResponse(
            path,
            slot,
            remove_after=False,
            media_type=export_files.MEDIA_TYPES[row.kind],
            filename=f"adwatch-{row.file_name}",
        )

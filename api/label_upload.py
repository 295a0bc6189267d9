"""Labels uploads (JSONL), validated line by line as the body streams in.

The request guard caps the upload at ADWATCH_MAX_UPLOAD_BYTES while it streams; reading it
here chunk by chunk means the raw body is never held whole next to the parsed rows.
"""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException, Request
from pydantic import ValidationError

from api import schemas
from api.problems import validation_errors
from store import labels

MAX_REPORTED_LINES = 50
# The body is read by hand (streamed), so FastAPI cannot describe it; the route says it here.
OPENAPI_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/x-ndjson": {
                "schema": {
                    "type": "string",
                    "description": "one labelled_samples record (JSON object) per line",
                },
                "example": '{"id": "s-1", "kind": "job", "text": "Warehouse work, '
                'contract before departure.", "label": 0}\n',
            }
        },
    }
}


class _LabelLines:
    """Complete lines are parsed as they arrive; the unfinished tail waits for more bytes."""

    def __init__(self) -> None:
        self.rows: list[labels.UploadedLabel] = []
        self.errors: list[dict[str, Any]] = []
        self.number = 0
        self.invalid = 0
        self.tail = bytearray()  # grows in place: one long line costs no quadratic copying

    def feed(self, chunk: bytes) -> None:
        start = 0
        while (end := chunk.find(b"\n", start)) != -1:
            self.tail += chunk[start:end]
            self._line(bytes(self.tail))
            self.tail.clear()
            start = end + 1
        self.tail += chunk[start:]

    def finish(self) -> list[labels.UploadedLabel]:
        self._line(bytes(self.tail))
        if self.invalid:
            message = f"invalid labels JSONL: {self.invalid} invalid line(s)"
            raise HTTPException(422, {"message": message, "errors": self.errors})
        if not self.rows:
            raise HTTPException(422, "no labels in the upload")
        return self.rows

    def _line(self, raw: bytes) -> None:
        self.number += 1
        line = raw.decode("utf-8", errors="replace")
        if not line.strip():
            return
        try:
            item = schemas.LabelIn.model_validate_json(line)
        except ValidationError as exc:
            self.invalid += 1
            if len(self.errors) < MAX_REPORTED_LINES:
                self.errors.append({"line": self.number, "errors": validation_errors(exc.errors())})
            return
        self.rows.append(
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


async def uploaded_labels(request: Request) -> list[labels.UploadedLabel]:
    """Every line validated; any error rejects the whole upload, naming the lines."""
    parser = _LabelLines()
    async for chunk in request.stream():
        parser.feed(chunk)
    return parser.finish()

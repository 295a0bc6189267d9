"""What the OpenAPI document says beyond FastAPI's defaults: the API-key security schemes (so
Swagger UI's Authorize works), problem details for every /api/ error, and schemas for answers
FastAPI cannot see, such as the streamed feed.

The feed models describe the JSON feed's contract; the streaming code in
:mod:`share.feed_format` writes it, so a change to the feed contract changes both.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any, Literal

from pydantic import BaseModel, Field

from api.problems import PROBLEM_JSON, TAXII_MEDIA

# Every /api/ operation can answer these (odd input, auth, role, missing row, conflict, size,
# validation, rate limits in front of it); documented once for all so none is a surprise.
PROBLEM_STATUSES = (400, 401, 403, 404, 409, 413, 422, 429)
SECURITY_SCHEMES: dict[str, Any] = {
    "ApiKeyHeader": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
    "BearerKey": {
        "type": "http",
        "scheme": "bearer",
        "description": "the same API key, as `Authorization: Bearer <key>`",
    },
}
_PROBLEM_REF = {"schema": {"$ref": "#/components/schemas/Problem"}}
_TAXII_ERROR_REF = {"schema": {"$ref": "#/components/schemas/TaxiiError"}}


class Problem(BaseModel):
    """RFC 9457 problem details."""

    type: str = Field(description='"about:blank": the status code says it all')
    title: str
    status: int
    detail: str
    errors: list[Any] | None = Field(
        default=None, description="validation errors: loc, msg, type (input never echoed)"
    )


class TaxiiError(BaseModel):
    """TAXII 2.1 error message (spec 3.6.1), what TAXII clients parse."""

    title: str
    description: str
    http_status: str


class FeedContactOut(BaseModel):
    kind: str = Field(description="phone, email, handle, url")
    hmac_sha256: str = Field(description="HMAC-SHA256 of kind:value, keyed with the deployment")


class FeedMatchOut(BaseModel):
    indicator_id: str
    polarity: str | None
    field: str | None
    text: str = Field(description="the matched text, de-identified (names, contacts removed)")


class FeedImageOut(BaseModel):
    pdq: str = Field(description="Meta PDQ hash of a photo, 64 hex digits (never the photo)")
    pdq_quality: int | None


class FeedClusterOut(BaseModel):
    kind: Literal["template", "contact", "image"]
    size: int
    sites: int
    cities: int
    risk: float


class FeedItemOut(BaseModel):
    seq: int = Field(description="feed order; pass the last one as `cursor`")
    event: Literal["confirmed", "retracted", "taken_down"]
    advert_id: int
    url: str = Field(description="the advert's URL, names in the slug replaced")
    site: str | None
    kind: str
    first_seen: str | None
    last_seen: str | None
    indicators: list[str]
    matches: list[FeedMatchOut]
    snapshot_sha256: str | None = Field(description="SHA-256 of the advert's stored snapshot")
    risk_score: float | None
    band: str | None
    decided_at: str | None
    event_at: str
    tlp: Literal["clear", "green", "amber", "red"]
    contacts: list[FeedContactOut]
    images: list[FeedImageOut]
    clusters: list[FeedClusterOut]
    cluster_risk: float | None
    removed_at: str | None = Field(
        description="taken_down: when the content was removed (never who reported it)"
    )
    confirmed_by_recrawl: bool | None = Field(
        description="taken_down: whether adwatch's re-crawl saw HTTP 404/410"
    )


class FeedPageOut(BaseModel):
    items: list[FeedItemOut]
    next_cursor: str = Field(description="pass as `cursor` for the next page")
    more: bool = Field(description="whether more items wait after this page")


FEED_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "a page of the feed: JSON (below), CSV with the same columns, or a "
        "STIX 2.1 bundle",
        "model": FeedPageOut,
        "content": {
            "text/csv": {"schema": {"type": "string"}},
            "application/stix+json;version=2.1": {"schema": {"type": "object"}},
        },
    },
    503: {"description": "the feed is disabled: ADWATCH_HASH_SECRET is not set"},
}


def document(schema: dict[str, Any]) -> dict[str, Any]:
    """Add the security schemes and problem details to FastAPI's document, in place."""
    components = schema.setdefault("components", {})
    components.setdefault("securitySchemes", {}).update(SECURITY_SCHEMES)
    schemas = components.setdefault("schemas", {})
    schemas["Problem"] = Problem.model_json_schema()
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    schemas["TaxiiError"] = TaxiiError.model_json_schema()
    statuses: tuple[int, ...]
    for path, operations in schema.get("paths", {}).items():
        if path.startswith("/api/"):
            content, statuses = {PROBLEM_JSON: _PROBLEM_REF}, PROBLEM_STATUSES
        elif path.startswith("/taxii2/"):
            # TAXII clients parse the spec's error message, and 406 answers a wrong Accept.
            content, statuses = {TAXII_MEDIA: _TAXII_ERROR_REF}, (*PROBLEM_STATUSES, 406)
        else:
            continue
        for operation in operations.values():
            operation["security"] = [{name: []} for name in SECURITY_SCHEMES]
            responses = operation.setdefault("responses", {})
            for status in (*statuses, *_extra_errors(responses)):
                described = responses.get(str(status), {}).get("description")
                responses[str(status)] = {
                    "description": described or HTTPStatus(status).phrase,
                    "content": content,
                }
    return schema


def _extra_errors(responses: dict[str, Any]) -> list[int]:
    """Error statuses a route declared itself (e.g. the feed's 503): problem details too."""
    return [int(s) for s in responses if s.isdigit() and int(s) >= 400]


def file_response(media_type: str, description: str) -> dict[int | str, dict[str, Any]]:
    """A streamed file's 200, which FastAPI cannot describe from a StreamingResponse."""
    binary = {"type": "string", "format": "binary"}
    return {200: {"description": description, "content": {media_type: {"schema": binary}}}}

"""Pydantic request and response models of the JSON API."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field, field_validator, model_validator

from api.clean import has_odd_text

Kind = Literal["job", "bridal", "escort"]


class In(BaseModel):
    """A request body: no NUL characters or lone surrogates in any string (422, not a 500
    from PostgreSQL, which refuses NUL in text and jsonb)."""

    @model_validator(mode="after")
    def _storable_text(self) -> Any:
        for name in type(self).model_fields:
            if has_odd_text(getattr(self, name)):
                raise ValueError(f"{name}: NUL characters and lone surrogates are not allowed")
        return self


class Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class AdvertSummaryOut(Out):
    id: int
    canonical_url: str
    kind: str
    title: str
    site: str | None
    language: str | None
    status: str
    risk_score: float | None
    band: str | None
    flagged: bool
    first_seen: datetime
    last_seen: datetime


class AdvertSearchIn(In):
    """The filters of GET /adverts, plus `entity`: contact searches travel in a POST body so
    that phone numbers and addresses never appear in URLs or access logs."""

    kind: Literal["job", "bridal", "escort"] | None = None
    band: Literal["low", "medium", "high"] | None = None
    score_min: float | None = Field(default=None, ge=0, le=1)
    score_max: float | None = Field(default=None, ge=0, le=1)
    indicator: str | None = None
    site: str | None = None
    language: str | None = None
    status: Literal["active", "removed"] | None = None
    flagged: bool | None = None
    since: datetime | None = None
    until: datetime | None = None
    entity: str | None = Field(default=None, description="contact value, or kind:value")
    q: str | None = Field(default=None, description="full-text search (websearch syntax)")
    order: Literal["risk", "id"] = "risk"
    cursor: str | None = None
    limit: int = Field(default=50, ge=1, le=500)


class AdvertPage(BaseModel):
    items: list[AdvertSummaryOut]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null at end")


class IndicatorHitOut(BaseModel):
    indicator_id: str
    polarity: str
    weight: float = 0.0
    field: str
    start: int
    end: int
    text: str = ""
    description: str = ""


class ScoreOut(BaseModel):
    advert_version: int
    model_version: str
    taxonomy_version: str
    risk_score: float
    band: str
    flagged: bool
    scored_at: datetime
    indicator_hits: list[IndicatorHitOut]
    risk_indicators: list[str] = Field(
        default_factory=list, description="distinct risk indicators: the flag rule counts them"
    )
    flag_rule: str | None = Field(
        default=None, description="the operating point of the model that gave this score"
    )


class VersionOut(Out):
    version: int
    content_hash: str
    url: str
    fetched_at: datetime
    http_status: int | None
    content_type: str | None
    raw_sha256: str = Field(description="SHA-256 of the raw snapshot as fetched")
    raw_size: int
    raw_purged_at: datetime | None


class EntityOut(Out):
    kind: str
    value: str
    raw: str
    span_start: int | None
    span_end: int | None
    shared_with: int


class ClusterOut(Out):
    id: int
    kind: str
    size: int
    sites: int
    cities: int
    first_seen: datetime | None
    last_seen: datetime | None
    risk: float


class LinkedAdvertOut(Out):
    id: int
    title: str
    kind: str
    site: str | None
    risk_score: float | None
    band: str | None
    status: str
    reasons: list[str]


class DecisionOut(Out):
    id: int
    advert_id: int
    decided_by: int | None
    decision: str
    note: str
    decided_at: datetime
    supersedes: int | None


class NoteOut(Out):
    id: int
    advert_id: int
    author_id: int | None
    author: str | None
    body: str
    created_at: datetime


class ReviewStateOut(Out):
    state: str
    priority: float
    claimed_by: int | None
    claim_expires_at: datetime | None


class OpinionOut(Out):
    partner: str
    acknowledged_at: datetime | None
    opinion: str | None
    comment: str
    updated_at: datetime


class AdvertDetailOut(BaseModel):
    id: int
    canonical_url: str
    site: str | None
    kind: str
    title: str
    body: str
    language: str | None
    posted_at: datetime | None
    location: str | None
    pay: str | None
    employer: str | None
    licence_number: str | None
    status: str
    first_seen: datetime
    last_seen: datetime
    removed_at: datetime | None
    risk_score: float | None
    band: str | None
    flagged: bool
    score: ScoreOut | None
    versions: list[VersionOut]
    entities: list[EntityOut]
    clusters: list[ClusterOut]
    linked: list[LinkedAdvertOut]
    review: ReviewStateOut | None
    decisions: list[DecisionOut]
    notes: list[NoteOut]
    opinions: list[OpinionOut]


class QueueItemOut(Out):
    advert_id: int
    state: str
    priority: float
    claimed_by: int | None
    claim_expires_at: datetime | None
    queued_at: datetime
    kind: str
    title: str
    site: str | None
    risk_score: float | None
    band: str | None


class ClaimOut(Out):
    advert_id: int
    claimed_by: int
    claim_expires_at: datetime


Tlp = Literal["clear", "green", "amber", "red"]


class DecisionIn(In):
    decision: Literal["confirmed", "dismissed", "escalated"]
    note: str = Field(default="", max_length=10_000)
    groups: list[str] | None = Field(
        default=None,
        max_length=50,
        description="confirming: sharing groups, a subset of ADWATCH_SHARING_DEFAULT_GROUPS",
    )
    tlp: Tlp | None = Field(
        default=None, description="confirming: a TLP at least as strict as the default"
    )


class NoteIn(In):
    body: str = Field(min_length=1, max_length=10_000)


class OpinionIn(In):
    opinion: Literal["positive", "negative", "disputed"]
    comment: str = Field(default="", max_length=2_000)


class WebhookIn(In):
    url: str = Field(max_length=2_000)
    secret: str = Field(min_length=16, max_length=200)

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not value.startswith(("https://", "http://")):
            raise ValueError("webhook url must be http(s)")
        return value


class WebhookStatusOut(Out):
    """The partner's webhook: deliveries go to webhook_url, the approved one; a new URL waits
    in webhook_pending_url until an admin approves it."""

    webhook_url: str | None
    webhook_approved_at: datetime | None
    webhook_pending_url: str | None
    webhook_requested_at: datetime | None

    @computed_field(  # type: ignore[prop-decorator]
        description="none; pending (a URL awaits an admin, none approved yet); approved; "
        "approved_change_pending (deliveries go to the approved URL, a new one awaits)"
    )
    @property
    def approval(self) -> Literal["none", "pending", "approved", "approved_change_pending"]:
        if self.webhook_url is None:
            return "none" if self.webhook_pending_url is None else "pending"
        return "approved" if self.webhook_pending_url is None else "approved_change_pending"


class DeliveryOut(Out):
    id: int
    kind: Literal["event", "test"] = Field(description="a feed event, or a test ping")
    feed_seq: int | None = Field(description="the feed event delivered; null for a test ping")
    status: str
    attempts: int
    last_http_status: int | None
    last_error: str | None
    next_attempt_at: datetime
    delivered_at: datetime | None


class LabelIn(In):
    """One line of an uploaded labels JSONL file (the labelled_samples schema)."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=200)
    kind: Kind
    language: str | None = Field(default=None, max_length=8)
    title: str = Field(default="", max_length=2_000)
    text: str = Field(min_length=1, max_length=100_000)
    label: Literal[0, 1]
    indicators: list[str] = Field(default_factory=list)
    provenance: dict[str, Any] = Field(default_factory=dict)
    split: Literal["train", "test"] | None = None


class UploadResult(BaseModel):
    received: int
    stored: int
    skipped: int = Field(description="ids already used by analyst labels")


class DashboardOut(BaseModel):
    totals: dict[str, int]
    by_kind: list[dict[str, Any]]
    by_site: list[dict[str, Any]]

"""Helpers for the API tests: real adverts, scores and keys written through store/."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import psycopg
from fastapi.testclient import TestClient

from api.app import create_app
from review.intake import admit_scored
from store import adverts, api_keys, partners, scores, sites
from store.adverts import AdvertSnapshot, EntityRecord
from store.scores import ScoreRecord

T0 = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
SECRET = "test-deployment-secret-0123456789"


def hit(
    text: str,
    needle: str,
    indicator_id: str,
    field_name: str = "body",
    polarity: str = "risk",
    weight: float = 1.0,
) -> dict[str, Any]:
    start = text.index(needle)
    return {
        "indicator_id": indicator_id,
        "polarity": polarity,
        "weight": weight,
        "field": field_name,
        "start": start,
        "end": start + len(needle),
        "text": needle,
    }


@dataclass
class Ad:
    n: int
    title: str = "Warehouse work abroad"
    body: str = "Travel paid, accommodation provided. Write on Telegram."
    kind: str = "job"
    risk: float = 0.8
    band: str = "high"
    flagged: bool = True
    hits: list[dict[str, Any]] = field(default_factory=list)
    entities: tuple[EntityRecord, ...] = ()
    site: str = "jobs-demo"
    language: str = "en"
    fetched_at: datetime = T0


def snapshot(ad: Ad, site_id: int) -> AdvertSnapshot:
    return AdvertSnapshot(
        canonical_url=f"https://{ad.site}.example.org/ad/{ad.n}",
        url=f"https://{ad.site}.example.org/ad/{ad.n}",
        kind=ad.kind,
        title=ad.title,
        body=ad.body,
        raw_body=f"<html><h1>{ad.title}</h1><p>{ad.body}</p></html>".encode(),
        fetched_at=ad.fetched_at,
        content_type="text/html; charset=utf-8",
        site_id=site_id,
        language=ad.language,
        entities=ad.entities,
    )


def seed(conn: psycopg.Connection[Any], ads: Sequence[Ad]) -> list[int]:
    """Ingest the adverts and save a score for each; returns advert ids in order."""
    site_ids = {
        name: sites.upsert_site(conn, name, "job", None, {}, None).id
        for name in {ad.site for ad in ads}
    }
    results = adverts.ingest_many(conn, [snapshot(ad, site_ids[ad.site]) for ad in ads])
    by_url = {r.canonical_url: r for r in results}
    ids = [by_url[f"https://{ad.site}.example.org/ad/{ad.n}"].advert_id for ad in ads]
    records = [
        ScoreRecord(ad_id, 1, "test-model-1", "2026.11.1", ad.risk, ad.band, ad.flagged, ad.hits)
        for ad_id, ad in zip(ids, ads, strict=True)
    ]
    scores.save_scores(conn, records)
    admit_scored(conn, records)
    return ids


@dataclass(frozen=True)
class Keys:
    analyst: str
    analyst2: str
    partner: str
    researcher: str
    admin: str
    partner_id: int

    def of(self, role: str) -> str:
        return str(getattr(self, role))


def make_keys(conn: psycopg.Connection[Any]) -> Keys:
    partner = partners.ensure_partner(conn, "ISP One")
    tokens = {
        role: api_keys.create_key(
            conn, f"{role} person", role, partner.id if role == "partner" else None
        )[1]
        for role in ("analyst", "partner", "researcher", "admin")
    }
    tokens["analyst2"] = api_keys.create_key(conn, "second analyst", "analyst")[1]
    return Keys(partner_id=partner.id, **tokens)


def h(token: str) -> dict[str, str]:
    return {"X-API-Key": token}


@contextmanager
def client(db_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(db_url)) as test_client:
        yield test_client

"""Assemble an advert's full record (JSON API and review UI share it); reading it is audited."""

from __future__ import annotations

from typing import Any

import psycopg

from api import schemas
from api.deps import Principal
from api.taxonomy import describe
from store import advert_queries as aq
from store import audit, feed, models_registry, review, scores


def _score(conn: psycopg.Connection[Any], advert_id: int) -> schemas.ScoreOut | None:
    stored = scores.latest_score(conn, advert_id)
    if stored is None:
        return None
    hits = [
        schemas.IndicatorHitOut(**{**hit, "description": describe(str(hit.get("indicator_id")))})
        for hit in stored.indicator_hits
        if isinstance(hit, dict)
    ]
    registered = models_registry.get_model(conn, stored.model_version)
    card = registered.card if registered is not None else {}
    return schemas.ScoreOut(
        advert_version=stored.advert_version,
        model_version=stored.model_version,
        taxonomy_version=stored.taxonomy_version,
        risk_score=stored.risk_score,
        band=stored.band,
        flagged=stored.flagged,
        scored_at=stored.scored_at,
        indicator_hits=hits,
        risk_indicators=sorted({h.indicator_id for h in hits if h.polarity == "risk"}),
        flag_rule=card.get("flag_rule") if isinstance(card, dict) else None,
    )


def _review(conn: psycopg.Connection[Any], advert_id: int) -> schemas.ReviewStateOut | None:
    item = review.item_state(conn, advert_id)
    return schemas.ReviewStateOut.model_validate(item) if item else None


def load_detail(
    conn: psycopg.Connection[Any], advert_id: int, user: Principal, *, via: str
) -> schemas.AdvertDetailOut | None:
    """The advert with everything an analyst needs, plus an audit entry in one transaction."""
    with conn.transaction():
        row = aq.advert(conn, advert_id)
        if row is None:
            return None
        detail = schemas.AdvertDetailOut(
            **{k: getattr(row, k) for k in schemas.AdvertDetailOut.model_fields if hasattr(row, k)},
            score=_score(conn, advert_id),
            versions=[schemas.VersionOut.model_validate(v) for v in aq.versions(conn, advert_id)],
            entities=[schemas.EntityOut.model_validate(e) for e in aq.entities(conn, advert_id)],
            clusters=[schemas.ClusterOut.model_validate(c) for c in aq.clusters(conn, advert_id)],
            linked=[
                schemas.LinkedAdvertOut.model_validate(x)
                for x in aq.linked_adverts(conn, advert_id)
            ],
            review=_review(conn, advert_id),
            decisions=[
                schemas.DecisionOut.model_validate(d) for d in review.decisions(conn, advert_id)
            ],
            notes=[schemas.NoteOut.model_validate(n) for n in review.notes(conn, advert_id)],
            opinions=[schemas.OpinionOut.model_validate(o) for o in feed.opinions(conn, advert_id)],
        )
        audit.record(
            conn,
            actor=user.actor,
            actor_id=user.key_id,
            action="read",
            object_type="advert",
            object_id=advert_id,
            detail={"via": via, "flagged": row.flagged},
        )
    return detail

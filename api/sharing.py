"""Sharing rules at the API edge: the caller's sharing terms, and store errors as HTTP."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from fastapi import HTTPException

from api.deps import Principal
from config.settings import Settings
from store import review, sharing


def defaults(settings: Settings) -> sharing.ShareTerms:
    return sharing.ShareTerms(settings.sharing_group_names, settings.sharing_default_tlp)


def terms_for(
    settings: Settings, groups: Sequence[str] | None, tlp: str | None
) -> sharing.ShareTerms:
    """The defaults, narrowed by the analyst's choice (422 when the choice would widen them)."""
    try:
        return sharing.narrowed_terms(defaults(settings), groups, tlp)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from exc


@contextmanager
def http_errors() -> Iterator[None]:
    """Review and sharing refusals as 404 / 403 / 409."""
    try:
        yield
    except review.AdvertNotFound as exc:
        raise HTTPException(404, "no such advert") from exc
    except sharing.NotPermitted as exc:
        raise HTTPException(403, str(exc)) from exc
    except (review.ReviewConflict, sharing.SharingRefused) as exc:
        raise HTTPException(409, str(exc)) from exc


def decide(
    conn: psycopg.Connection[Any],
    settings: Settings,
    user: Principal,
    advert_id: int,
    decision: str,
    note: str,
    terms: sharing.ShareTerms,
) -> review.Decision:
    """Record a decision under the deployment's sharing rules."""
    with http_errors():
        return review.decide(
            conn,
            advert_id,
            actor_id=user.key_id,
            actor=user.actor,
            decision=decision,
            note=note,
            terms=terms,
            two_person=settings.sharing_two_person,
            is_admin=user.role == "admin",
        )

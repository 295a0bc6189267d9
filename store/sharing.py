"""Sharing terms and the two-person rule's proposals.

A confirmed advert goes to the partners in its sharing groups, under its TLP. With the
two-person rule on, a confirmation first becomes a proposal (state 'awaiting'); it reaches the
feed only when a different analyst agrees (store/review_sharing.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

import psycopg
from psycopg.rows import class_row

from store import feed

TLP_LEVELS = ("clear", "green", "amber", "red")  # least to most restrictive


class SharingRefused(Exception):
    """The sharing step is not possible in the item's current state (HTTP 409)."""


class NotPermitted(Exception):
    """The caller may not take this sharing step (HTTP 403)."""


@dataclass(frozen=True)
class ShareTerms:
    """Which sharing groups (by name) an item goes to, and under which TLP."""

    groups: tuple[str, ...]
    tlp: str


DEFAULT_TERMS = ShareTerms(("default",), "amber")


def narrowed_terms(
    defaults: ShareTerms, groups: Sequence[str] | None, tlp: str | None
) -> ShareTerms:
    """The analyst's choice, which may only narrow the defaults: fewer groups, stricter TLP."""
    chosen_groups = tuple(dict.fromkeys(groups)) if groups is not None else defaults.groups
    wider = [g for g in chosen_groups if g not in defaults.groups]
    if wider:
        raise ValueError(f"groups outside the default sharing groups: {', '.join(wider)}")
    if not chosen_groups:
        raise ValueError("an item must go to at least one sharing group")
    chosen_tlp = tlp or defaults.tlp
    if chosen_tlp not in TLP_LEVELS:
        raise ValueError(f"tlp must be one of {', '.join(TLP_LEVELS)}")
    if TLP_LEVELS.index(chosen_tlp) < TLP_LEVELS.index(defaults.tlp):
        raise ValueError(f"TLP:{chosen_tlp} is less strict than the default TLP:{defaults.tlp}")
    return ShareTerms(chosen_groups, chosen_tlp)


def group_ids(conn: psycopg.Connection[Any], names: Sequence[str]) -> list[int]:
    """Ids of the named groups; every name must exist (a typo must not share with nobody)."""
    rows = conn.execute(
        "SELECT name, id FROM sharing_groups WHERE name = ANY(%s)", (list(names),)
    ).fetchall()
    found = {str(r[0]): int(r[1]) for r in rows}
    missing = [n for n in names if n not in found]
    if missing:
        raise SharingRefused(f"no sharing group named {', '.join(missing)}")
    return [found[n] for n in names]


@dataclass(frozen=True)
class Proposal:
    id: int
    advert_id: int
    decision_id: int
    proposed_by: int | None
    proposer: str | None
    group_ids: list[int]
    groups: list[str]
    tlp: str
    state: str
    resolved_by: int | None
    resolver: str | None
    resolution_note: str
    created_at: datetime
    resolved_at: datetime | None


_PROPOSAL_SELECT = """
SELECT p.id, p.advert_id, p.decision_id, p.proposed_by, kp.name AS proposer, p.group_ids,
       ARRAY(SELECT g.name FROM sharing_groups g WHERE g.id = ANY(p.group_ids) ORDER BY g.name)
           AS groups,
       p.tlp, p.state, p.resolved_by, kr.name AS resolver, p.resolution_note, p.created_at,
       p.resolved_at
FROM share_proposals p
LEFT JOIN api_keys kp ON kp.id = p.proposed_by
LEFT JOIN api_keys kr ON kr.id = p.resolved_by
"""


def open_proposal(
    conn: psycopg.Connection[Any],
    advert_id: int,
    decision_id: int,
    proposer_id: int | None,
    terms: ShareTerms,
) -> None:
    conn.execute(
        """INSERT INTO share_proposals (advert_id, decision_id, proposed_by, group_ids, tlp)
           VALUES (%s, %s, %s, %s, %s)""",
        (advert_id, decision_id, proposer_id, group_ids(conn, terms.groups), terms.tlp),
    )


def awaiting(
    conn: psycopg.Connection[Any], advert_id: int, *, lock: bool = False
) -> Proposal | None:
    """The advert's proposal awaiting a second analyst; `lock` holds it until commit."""
    suffix = " FOR UPDATE OF p" if lock else ""
    with conn.cursor(row_factory=class_row(Proposal)) as cur:
        return cur.execute(
            _PROPOSAL_SELECT + " WHERE p.advert_id = %s AND p.state = 'awaiting'" + suffix,
            (advert_id,),
        ).fetchone()


def latest_proposal(conn: psycopg.Connection[Any], advert_id: int) -> Proposal | None:
    with conn.cursor(row_factory=class_row(Proposal)) as cur:
        return cur.execute(
            _PROPOSAL_SELECT + " WHERE p.advert_id = %s ORDER BY p.id DESC LIMIT 1",
            (advert_id,),
        ).fetchone()


def awaiting_list(conn: psycopg.Connection[Any], limit: int = 100) -> list[Proposal]:
    """Proposals waiting for a second analyst, oldest first."""
    with conn.cursor(row_factory=class_row(Proposal)) as cur:
        return cur.execute(
            _PROPOSAL_SELECT + " WHERE p.state = 'awaiting' ORDER BY p.created_at, p.id LIMIT %s",
            (limit,),
        ).fetchall()


def resolve(
    conn: psycopg.Connection[Any], proposal_id: int, state: str, actor_id: int, note: str
) -> None:
    conn.execute(
        """UPDATE share_proposals SET state = %s, resolved_by = %s, resolution_note = %s,
               resolved_at = now() WHERE id = %s""",
        (state, actor_id, note, proposal_id),
    )


def same_person(conn: psycopg.Connection[Any], key_a: int | None, key_b: int) -> bool:
    """Keys are the identity; two keys issued under the same holder name count as one person."""
    if key_a is None or key_a == key_b:
        return key_a == key_b
    row = conn.execute(
        """SELECT lower(btrim(a.name)) = lower(btrim(b.name))
           FROM api_keys a, api_keys b WHERE a.id = %s AND b.id = %s""",
        (key_a, key_b),
    ).fetchone()
    return bool(row and row[0])


class DecisionLike(Protocol):
    """The fields of a store.review.Decision that sharing needs (review imports this module)."""

    @property
    def id(self) -> int: ...
    @property
    def advert_id(self) -> int: ...
    @property
    def decided_by(self) -> int | None: ...
    @property
    def decision(self) -> str: ...


@dataclass(frozen=True)
class SharedState:
    """The advert's standing confirmation in the feed."""

    seq: int
    confirmed_by: int | None
    group_ids: list[int]
    tlp: str


def shared_confirmation(conn: psycopg.Connection[Any], advert_id: int) -> SharedState | None:
    """The advert's latest confirmation or retraction if it is a confirmation (None: not in
    the feed now); takedown notes do not change what stands."""
    row = conn.execute(
        """SELECT e.seq, e.event, d.decided_by, e.group_ids, e.tlp FROM feed_events e
           LEFT JOIN decisions d ON d.id = e.decision_id
           WHERE e.advert_id = %s AND e.event <> 'taken_down'
           ORDER BY e.seq DESC LIMIT 1""",
        (advert_id,),
    ).fetchone()
    if row is None or row[1] != "confirmed":
        return None
    return SharedState(int(row[0]), row[2], list(row[3]), str(row[4]))


def share(
    conn: psycopg.Connection[Any],
    advert_id: int,
    decision_id: int,
    groups: Sequence[int],
    tlp: str,
) -> int:
    """Put the confirmation in the feed (and queue webhooks) for the given groups."""
    return feed.append_event(conn, advert_id, "confirmed", decision_id, group_ids=groups, tlp=tlp)


def check_decidable(
    conn: psycopg.Connection[Any], advert_id: int, decision: str, actor_id: int, is_admin: bool
) -> SharedState | None:
    """Refuse decisions the sharing rules forbid; returns the standing feed confirmation."""
    if awaiting(conn, advert_id) is not None:
        raise SharingRefused(
            f"advert {advert_id} awaits a second analyst: agree, disagree or withdraw first"
        )
    shared = shared_confirmation(conn, advert_id)
    retracting = shared is not None and decision != "confirmed"
    if retracting and not is_admin and shared is not None and shared.confirmed_by != actor_id:
        raise NotPermitted(
            "only the analyst who confirmed this shared item, or an admin, may retract it"
        )
    return shared


def share_or_retract(
    conn: psycopg.Connection[Any],
    row: DecisionLike,
    shared: SharedState | None,
    terms: ShareTerms,
    two_person: bool,
) -> str | None:
    """What the decision does to the feed: propose, share, retract, or nothing."""
    if row.decision == "confirmed" and shared is None:
        if two_person:
            open_proposal(conn, row.advert_id, row.id, row.decided_by, terms)
            return "awaiting_second_analyst"
        share(conn, row.advert_id, row.id, group_ids(conn, terms.groups), terms.tlp)
        return "shared"
    if row.decision != "confirmed" and shared is not None:
        feed.append_event(
            conn, row.advert_id, "retracted", row.id, group_ids=shared.group_ids, tlp=shared.tlp
        )
        return "retracted"
    return None

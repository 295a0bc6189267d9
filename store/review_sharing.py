"""The second analyst's side of the two-person rule: agree, disagree, or withdraw a proposal.

Agreeing shares the item (feed event and webhook deliveries) in the same transaction that
closes the proposal. Disagreeing or withdrawing supersedes the confirmation with an
'escalated' decision carrying the note, and puts the item back in the review queue.
"""

from __future__ import annotations

from typing import Any

import psycopg

from store import audit, review, sharing


def _awaiting_locked(conn: psycopg.Connection[Any], advert_id: int) -> sharing.Proposal:
    if conn.execute("SELECT 1 FROM adverts WHERE id = %s", (advert_id,)).fetchone() is None:
        raise review.AdvertNotFound(advert_id)
    proposal = sharing.awaiting(conn, advert_id, lock=True)
    if proposal is None:
        raise sharing.SharingRefused(f"advert {advert_id} has no confirmation awaiting agreement")
    return proposal


def _audit(
    conn: psycopg.Connection[Any],
    actor: str,
    actor_id: int,
    action: str,
    proposal: sharing.Proposal,
    note: str,
) -> None:
    audit.record(
        conn,
        actor=actor,
        actor_id=actor_id,
        action=action,
        object_type="advert",
        object_id=proposal.advert_id,
        detail={
            "proposal_id": proposal.id,
            "proposed_by": proposal.proposed_by,
            "decision_id": proposal.decision_id,
            "groups": proposal.groups,
            "tlp": proposal.tlp,
            "note": note,
        },
    )


def agree(
    conn: psycopg.Connection[Any], advert_id: int, *, actor_id: int, actor: str, note: str = ""
) -> int:
    """A different analyst agrees: the item enters the feed. Returns its feed seq."""
    with conn.transaction():
        proposal = _awaiting_locked(conn, advert_id)
        if sharing.same_person(conn, proposal.proposed_by, actor_id):
            raise sharing.NotPermitted(
                "a different analyst must agree; you confirmed this item yourself"
            )
        seq = sharing.share(conn, advert_id, proposal.decision_id, proposal.group_ids, proposal.tlp)
        sharing.resolve(conn, proposal.id, "shared", actor_id, note)
        _audit(conn, actor, actor_id, "share_agree", proposal, note)
    return seq


def _back_to_review(
    conn: psycopg.Connection[Any], proposal: sharing.Proposal, actor_id: int, why: str
) -> None:
    review.insert_decision(conn, proposal.advert_id, actor_id, "escalated", why)
    conn.execute(
        "UPDATE review_items SET state = 'open', updated_at = now() WHERE advert_id = %s",
        (proposal.advert_id,),
    )


def disagree(
    conn: psycopg.Connection[Any], advert_id: int, *, actor_id: int, actor: str, note: str
) -> None:
    """A different analyst disagrees: nothing is shared and the item returns to review."""
    with conn.transaction():
        proposal = _awaiting_locked(conn, advert_id)
        if sharing.same_person(conn, proposal.proposed_by, actor_id):
            raise sharing.NotPermitted("you confirmed this item: withdraw it instead")
        _back_to_review(conn, proposal, actor_id, f"second analyst disagreed: {note}")
        sharing.resolve(conn, proposal.id, "disagreed", actor_id, note)
        _audit(conn, actor, actor_id, "share_disagree", proposal, note)


def withdraw(
    conn: psycopg.Connection[Any],
    advert_id: int,
    *,
    actor_id: int,
    actor: str,
    is_admin: bool,
    note: str = "",
) -> None:
    """The confirming analyst (or an admin) takes the confirmation back before it is shared."""
    with conn.transaction():
        proposal = _awaiting_locked(conn, advert_id)
        if not is_admin and not sharing.same_person(conn, proposal.proposed_by, actor_id):
            raise sharing.NotPermitted(
                "only the analyst who confirmed this item, or an admin, may withdraw it; "
                "a second analyst who does not agree should disagree"
            )
        _back_to_review(conn, proposal, actor_id, f"confirmation withdrawn: {note}".rstrip(": "))
        sharing.resolve(conn, proposal.id, "withdrawn", actor_id, note)
        _audit(conn, actor, actor_id, "share_withdraw", proposal, note)

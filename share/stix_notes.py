"""Takedowns in STIX 2.1: a `note` on the advert's indicator.

Why a note and not a sighting: a STIX sighting says an indicator's pattern was *seen*
somewhere (count, first/last seen, `where_sighted_refs` naming who saw it). A takedown is the
opposite fact, that the content is gone, and the natural `where_sighted_refs` would name the
partner that removed it, which adwatch must not tell other partners. A note is STIX's object
for context added to other objects: TIPs (OpenCTI, MISP) show it on the indicator it refers
to, and its `abstract`/`content` read in plain words. adwatch's facts (removed_at,
confirmed_by_recrawl, advert number, feed seq) travel in the published property extension.

One note per 'taken_down' feed event: at most one for a partner's report and one for a
re-crawl's confirmation per confirmation, each added once in the feed's order. The note's id
is derived from its own seq, as an indicator's is from its confirmation's, and it carries the
indicator's TLP marking. Nothing in it names a partner, a ticket or a note a partner wrote.
"""

from __future__ import annotations

from typing import Any

from share import stix_feed
from store.feed_query import FeedRow


def note_id(secret: str, seq: int) -> str:
    return f"note--{stix_feed.object_uuid(secret, 'note', seq)}"


def note_seq_of(secret: str, stix_id: str) -> int | None:
    """The seq of the takedown event behind a note id made by `note_id`, else None."""
    return stix_feed.seq_of(secret, stix_id, "note")


def _content(row: FeedRow, item: dict[str, Any]) -> str:
    what = f"The {row.kind} advert on {row.site or 'an unnamed site'} that this indicator "
    when = f"points to was taken down (removed at {item['removed_at']})."
    if item["confirmed_by_recrawl"]:
        how = " adwatch's re-crawl confirmed it: the page answers HTTP 404 or 410."
    else:
        how = " A partner reported the removal; adwatch's re-crawl has not confirmed it yet."
    return what + when + how + " No further action on this URL is needed."


def _extension(item: dict[str, Any]) -> dict[str, Any]:
    keys = ("advert_id", "seq", "event", "site", "kind", "removed_at", "confirmed_by_recrawl")
    props: dict[str, Any] = {"extension_type": "property-extension"}
    props.update({k: item[k] for k in keys if item.get(k) is not None})
    return props


def note(row: FeedRow, item: dict[str, Any], secret: str) -> dict[str, Any]:
    """The note telling that the advert behind the indicator was taken down."""
    created = stix_feed.timestamp(row.created_at)
    confirmed = " (confirmed by re-crawl)" if item["confirmed_by_recrawl"] else ""
    return {
        "type": "note",
        "spec_version": "2.1",
        "id": note_id(secret, row.seq),
        "created_by_ref": stix_feed.IDENTITY_ID,
        "created": created,
        "modified": created,
        "abstract": f"Advert taken down{confirmed}",
        "content": _content(row, item),
        "object_refs": [stix_feed.indicator_id(secret, row)],
        "object_marking_refs": [stix_feed.tlp_marking_id(item["tlp"])],
        "extensions": {stix_feed.EXTENSION_ID: _extension(item)},
    }


def stix_object(row: FeedRow, item: dict[str, Any], secret: str) -> dict[str, Any]:
    """The STIX object of any feed event: an indicator version, or a takedown note."""
    if row.event == "taken_down":
        return note(row, item, secret)
    return stix_feed.indicator(row, item, secret)

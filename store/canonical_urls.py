"""Re-keying adverts when the canonical form of URLs changes (an upgrade of the canonicaliser).

Adverts are keyed by `canonical_url`; a crawler that canonicalises differently would store a
known advert again under its new key. Re-keying the stored adverts first keeps each one advert.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import psycopg


@dataclass
class Rekeyed:
    adverts: int = 0
    changed: int = 0
    # (advert id, the key it would get, the advert that already holds that key)
    collisions: list[tuple[int, str, int]] = field(default_factory=list)


def rekey_adverts(
    conn: psycopg.Connection[Any], canonical: Callable[[str], str], *, apply: bool
) -> Rekeyed:
    """Give every advert the key `canonical` makes of its stored key, in one transaction.

    An advert whose new key another advert already holds keeps its key and is reported: two
    rows of one advert carry decisions and history that an analyst merges, not this code.
    """
    result = Rekeyed()
    with conn.transaction():
        rows = conn.execute("SELECT id, canonical_url FROM adverts ORDER BY id").fetchall()
        holders = {str(url): int(advert_id) for advert_id, url in rows}
        result.adverts = len(rows)
        for advert_id, old in rows:
            new = canonical(old)
            if new == old:
                continue
            holder = holders.get(new)
            if holder is not None:
                result.collisions.append((advert_id, new, holder))
                continue
            del holders[old]
            holders[new] = advert_id
            result.changed += 1
            if apply:
                conn.execute(
                    "UPDATE adverts SET canonical_url = %s WHERE id = %s", (new, advert_id)
                )
    return result

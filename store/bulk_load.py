"""Bulk synthetic adverts for benchmarks: a million rows in minutes, in SQL (generate_series),
instead of the crawl → extract → score path (benched on its own).

The rows are shaped like real ones where the feed's cost lies: escort-advert URLs with a name
and an age in the slug (de-identified before sharing), bodies with a phone number, a score
whose indicator hits quote text with the name and the phone in it, one or two contacts per
advert (some phones shared between adverts, as networks do), and a stored snapshot hash. For
benchmarks only: it writes no audit rows and queues no webhooks.
"""

from __future__ import annotations

from typing import Any

import psycopg

_NAMES = "{sophie,anna,maria,elena,olga,irina,natasha,daria,lena,kate,vika,alina}"

_ADVERTS = """
INSERT INTO adverts (site_id, canonical_url, kind, title, body, language, location,
                     content_hash, first_seen, last_seen, needs_scoring, risk_score, band,
                     flagged, model_version, scored_at, risk_indicators)
SELECT %(site)s,
       'https://escorts.bench.example/ads/' || nm || '-' || (18 + g %% 12) || '-new-in-town-' || g,
       'escort', initcap(nm) || ', ' || (18 + g %% 12) || ', new in town',
       initcap(nm) || ' ' || (18 + g %% 12) || ' y.o., new in town, 24/7, my manager answers. '
         || 'Call 0' || (7000000000 + g %% %(phones)s) || ' or write @' || nm || g,
       'en', 'Bucharest', md5(g::text), now() - interval '30 days', now(), false,
       0.70 + (g %% 30) / 100.0, 'high', true, 'bench', now(), 3
FROM generate_series(1, %(n)s) g,
     LATERAL (SELECT (%(names)s::text[])[1 + g %% 12] AS nm) n
ORDER BY g
"""

_VERSIONS = """
INSERT INTO advert_versions (advert_id, version, content_hash, title, body, url, fetched_at,
                             http_status, content_type, raw_sha256, raw_size)
SELECT id, 1, content_hash, title, body, canonical_url, first_seen, 200, 'text/html',
       md5(canonical_url) || md5(content_hash), 20000
FROM adverts WHERE site_id = %(site)s
"""

_SCORES = """
INSERT INTO scores (advert_id, advert_version, model_version, taxonomy_version, risk_score,
                    band, flagged, indicator_hits, scored_at)
SELECT id, 1, 'bench', 'bench', risk_score, band, flagged,
       jsonb_build_array(
         jsonb_build_object('indicator_id', 'new_in_town', 'polarity', 'risk', 'field', 'body',
                            'start', 0, 'end', 40, 'text', left(body, 40)),
         jsonb_build_object('indicator_id', 'third_party_voice', 'polarity', 'risk',
                            'field', 'body', 'start', 40, 'end', 120,
                            'text', substr(body, 30, 90)),
         jsonb_build_object('indicator_id', 'availability_24_7', 'polarity', 'risk',
                            'field', 'title', 'start', 0, 'end', 20, 'text', title)),
       scored_at
FROM adverts WHERE site_id = %(site)s
"""

# Contacts: the phone in the body (shared by every advert with the same g % phones) and a
# handle of the advert's own.
_ENTITIES = """
INSERT INTO entities (kind, value)
SELECT DISTINCT 'phone', '+40' || substring(body FROM 'Call 0([0-9]+)') FROM adverts
WHERE site_id = %(site)s
UNION ALL
SELECT 'handle', 'escorts.bench.example:' || substring(body FROM '@([a-z0-9]+)') FROM adverts
WHERE site_id = %(site)s
ON CONFLICT (kind, value) DO NOTHING
"""

_ADVERT_ENTITIES = (
    """INSERT INTO advert_entities (advert_id, entity_id, raw)
       SELECT a.id, en.id, '' FROM adverts a
       JOIN entities en ON en.kind = 'phone'
                       AND en.value = '+40' || substring(a.body FROM 'Call 0([0-9]+)')
       WHERE a.site_id = %(site)s ON CONFLICT DO NOTHING""",
    """INSERT INTO advert_entities (advert_id, entity_id, raw)
       SELECT a.id, en.id, '' FROM adverts a
       JOIN entities en ON en.kind = 'handle'
            AND en.value = 'escorts.bench.example:' || substring(a.body FROM '@([a-z0-9]+)')
       WHERE a.site_id = %(site)s ON CONFLICT DO NOTHING""",
)


def load_adverts(conn: psycopg.Connection[Any], n: int, site_name: str = "bench-escorts") -> int:
    """Store `n` scored escort adverts with contacts and snapshots on one site; its id."""
    with conn.transaction():
        row = conn.execute(
            """INSERT INTO sites (name, kind, base_url) VALUES (%s, 'escort', %s)
               ON CONFLICT (name) DO UPDATE SET updated_at = now() RETURNING id""",
            (site_name, "https://escorts.bench.example/"),
        ).fetchone()
        assert row is not None
        params = {"site": int(row[0]), "n": n, "names": _NAMES, "phones": max(1, n // 3)}
        for statement in (_ADVERTS, _VERSIONS, _SCORES, _ENTITIES, *_ADVERT_ENTITIES):
            conn.execute(statement, params)
    conn.execute("ANALYZE")
    return int(row[0])


def confirm_every(
    conn: psycopg.Connection[Any], site_id: int, step: int, group_ids: list[int], tlp: str
) -> int:
    """Put every `step`-th advert of the site into the feed as confirmed, in advert order (one
    statement: no other writer runs during a benchmark, so the feed lock is not needed)."""
    with conn.transaction():
        cur = conn.execute(
            """INSERT INTO feed_events (advert_id, event, group_ids, tlp, created_at)
               SELECT id, 'confirmed', %s, %s, clock_timestamp() FROM adverts
               WHERE site_id = %s AND id %% %s = 0 ORDER BY id""",
            (group_ids, tlp, site_id, step),
        )
    conn.execute("ANALYZE feed_events")
    return cur.rowcount

"""SQL of the bulk ingest path (kept apart so store/adverts.py stays readable)."""

# Staging tables live as long as the connection and are emptied at each commit: creating and
# dropping them in every batch's transaction (catalog rows for each column) was a fifth of
# PostgreSQL's time per ingested advert. The DELETE empties them of an earlier batch of the
# same transaction, where a caller ingests twice before committing.
STAGE_SQL = """
CREATE TEMP TABLE IF NOT EXISTS _ingest (
    ord integer, canonical_url text, url text, site_id bigint, kind text, title text, body text,
    language text, posted_at timestamptz, location text, pay text, employer text,
    licence_number text, content_hash text, fields jsonb, fetched_at timestamptz,
    http_status integer, content_type text, raw_sha256 text, raw_size integer, raw_gzip bytea
) ON COMMIT DELETE ROWS;
DELETE FROM _ingest
"""

# Concurrent ingests of one URL serialise here (locks taken in sorted order: no deadlock), so
# the next statement's fresh snapshot already sees what the other transaction committed.
LOCK_SQL = """
SELECT pg_advisory_xact_lock(74012026, bucket)
FROM (SELECT DISTINCT hashtext(canonical_url) & 4095 AS bucket FROM _ingest) b ORDER BY bucket
"""

# All sub-statements see one snapshot, so `old` holds each advert as it was before the upsert.
INGEST_SQL = """
WITH batch AS (
    SELECT DISTINCT ON (canonical_url) * FROM _ingest
    ORDER BY canonical_url, fetched_at DESC, ord DESC
), old AS (
    SELECT a.canonical_url, a.content_hash, a.status
    FROM adverts a JOIN batch b USING (canonical_url)
), up AS (
    INSERT INTO adverts AS a (
        site_id, canonical_url, kind, title, body, language, posted_at, location, pay,
        employer, licence_number, content_hash, first_seen, last_seen)
    SELECT site_id, canonical_url, kind, title, body, language, posted_at, location, pay,
           employer, licence_number, content_hash, fetched_at, fetched_at
    FROM batch ORDER BY canonical_url
    ON CONFLICT (canonical_url) DO UPDATE SET
        site_id = coalesce(excluded.site_id, a.site_id),
        kind = excluded.kind, title = excluded.title, body = excluded.body,
        language = excluded.language, posted_at = excluded.posted_at,
        location = excluded.location, pay = excluded.pay, employer = excluded.employer,
        licence_number = excluded.licence_number,
        content_hash = excluded.content_hash,
        current_version = a.current_version
            + CASE WHEN a.content_hash <> excluded.content_hash THEN 1 ELSE 0 END,
        needs_scoring = a.needs_scoring OR a.content_hash <> excluded.content_hash,
        last_seen = greatest(a.last_seen, excluded.last_seen),
        status = 'active', removed_at = NULL, removal_reason = NULL, missing_runs = 0
    RETURNING a.id, a.canonical_url, a.current_version
), versions AS (
    INSERT INTO advert_versions (
        advert_id, version, content_hash, title, body, fields, url, fetched_at, http_status,
        content_type, raw_sha256, raw_size, raw_gzip)
    SELECT up.id, up.current_version, b.content_hash, b.title, b.body, b.fields, b.url,
           b.fetched_at, b.http_status, b.content_type, b.raw_sha256, b.raw_size, b.raw_gzip
    FROM up JOIN batch b USING (canonical_url) LEFT JOIN old o USING (canonical_url)
    WHERE o.canonical_url IS NULL OR o.content_hash <> b.content_hash
), queued AS (
    INSERT INTO link_queue (advert_id)
    SELECT up.id FROM up JOIN batch b USING (canonical_url) LEFT JOIN old o USING (canonical_url)
    WHERE o.canonical_url IS NULL OR o.content_hash <> b.content_hash
    ORDER BY up.id
    ON CONFLICT DO NOTHING
)
SELECT up.id, up.canonical_url, up.current_version,
       o.canonical_url IS NULL AS is_new,
       o.canonical_url IS NULL OR o.content_hash <> b.content_hash AS changed,
       coalesce(o.status = 'removed', false) AS reappeared
FROM up JOIN batch b USING (canonical_url) LEFT JOIN old o USING (canonical_url)
ORDER BY up.canonical_url
"""

STAGE_ENTITIES_SQL = """
CREATE TEMP TABLE IF NOT EXISTS _ingest_entities (
    canonical_url text, kind text, value text, raw text, span_start integer, span_end integer
) ON COMMIT DELETE ROWS;
DELETE FROM _ingest_entities
"""

# Sorted inserts keep concurrent ingests from deadlocking on shared entities.
INGEST_ENTITIES_SQL = (
    """INSERT INTO entities (kind, value)
       SELECT DISTINCT kind, value FROM _ingest_entities ORDER BY kind, value
       ON CONFLICT (kind, value) DO NOTHING""",
    """INSERT INTO advert_entities (advert_id, entity_id, raw, span_start, span_end)
       SELECT DISTINCT ON (a.id, e.id) a.id, e.id, s.raw, s.span_start, s.span_end
       FROM _ingest_entities s
       JOIN adverts a USING (canonical_url)
       JOIN entities e ON e.kind = s.kind AND e.value = s.value
       ORDER BY a.id, e.id
       ON CONFLICT (advert_id, entity_id) DO NOTHING""",
)

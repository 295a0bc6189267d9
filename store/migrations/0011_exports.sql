-- Heavy exports (issue 14): evidence packages and research exports are built by a worker
-- into the data directory and downloaded from there, so a slow reader holds a file, never a
-- database connection. One row per request: who asked, what for, where the build stands.
CREATE TABLE exports (
    id           bigserial PRIMARY KEY,
    kind         text NOT NULL CHECK (kind IN ('evidence', 'samples')),
    parameters   jsonb NOT NULL DEFAULT '{}'::jsonb,
    key_id       bigint NOT NULL REFERENCES api_keys (id),
    actor        text NOT NULL,
    status       text NOT NULL DEFAULT 'queued'
                 CHECK (status IN ('queued', 'building', 'ready', 'failed', 'expired')),
    -- A bare file name inside DATA_DIR/exports: never a path a caller could steer.
    file_name    text CHECK (file_name ~ '^[0-9A-Za-z._-]+$'),
    sha256       text CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes   bigint CHECK (size_bytes >= 0),
    error        text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    started_at   timestamptz,
    finished_at  timestamptz,
    expires_at   timestamptz,
    CHECK (status <> 'ready' OR (file_name IS NOT NULL AND sha256 IS NOT NULL))
);
-- Builders claim the oldest waiting request (FOR UPDATE SKIP LOCKED).
CREATE INDEX exports_waiting ON exports (created_at) WHERE status IN ('queued', 'building');
-- A key's exports in flight are counted against its limit.
CREATE INDEX exports_by_key ON exports (key_id, status);
-- Retention finds the files to remove.
CREATE INDEX exports_expiry ON exports (expires_at) WHERE status = 'ready';

-- Review UI sessions (issue 14): the browser's cookie holds a random session id, never the
-- API key, and the session ends on logout, after an idle spell, at a fixed lifetime, or when
-- its key is revoked. Only the id's SHA-256 is stored, so a copy of the table cannot be used
-- to log in.
CREATE TABLE ui_sessions (
    id            bigserial PRIMARY KEY,
    session_hash  text NOT NULL UNIQUE CHECK (session_hash ~ '^[0-9a-f]{64}$'),
    key_id        bigint NOT NULL REFERENCES api_keys (id) ON DELETE CASCADE,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL,
    revoked_at    timestamptz
);
-- Revoking a key ends its live sessions.
CREATE INDEX ui_sessions_live_by_key ON ui_sessions (key_id) WHERE revoked_at IS NULL;
-- Old sessions are pruned by expiry.
CREATE INDEX ui_sessions_expires ON ui_sessions (expires_at);

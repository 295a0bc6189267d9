-- adwatch schema: the whole data path of DESIGN.md in one first migration.

CREATE TABLE sites (
    id            bigserial PRIMARY KEY,
    name          text NOT NULL UNIQUE,
    kind          text NOT NULL CHECK (kind IN ('job', 'bridal', 'escort')),
    base_url      text,
    profile       jsonb NOT NULL DEFAULT '{}'::jsonb,
    schedule      text,
    enabled       boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE crawl_runs (
    id                bigserial PRIMARY KEY,
    site_id           bigint NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    started_at        timestamptz NOT NULL DEFAULT now(),
    finished_at       timestamptz,
    status            text NOT NULL DEFAULT 'running'
                      CHECK (status IN ('running', 'finished', 'failed', 'interrupted')),
    pages             integer NOT NULL DEFAULT 0,
    adverts_new       integer NOT NULL DEFAULT 0,
    adverts_updated   integer NOT NULL DEFAULT 0,
    adverts_unchanged integer NOT NULL DEFAULT 0,
    adverts_removed   integer NOT NULL DEFAULT 0,
    errors            integer NOT NULL DEFAULT 0,
    error_log         jsonb NOT NULL DEFAULT '[]'::jsonb,
    pid               integer,
    host              text
);
CREATE INDEX crawl_runs_site_started ON crawl_runs (site_id, started_at DESC);

CREATE TABLE adverts (
    id              bigserial PRIMARY KEY,
    site_id         bigint REFERENCES sites (id) ON DELETE SET NULL,
    canonical_url   text NOT NULL UNIQUE,
    kind            text NOT NULL CHECK (kind IN ('job', 'bridal', 'escort')),
    title           text NOT NULL DEFAULT '',
    body            text NOT NULL DEFAULT '',
    language        text,
    posted_at       timestamptz,
    location        text,
    pay             text,
    employer        text,
    licence_number  text,
    content_hash    text NOT NULL,
    current_version integer NOT NULL DEFAULT 1,
    status          text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'removed')),
    first_seen      timestamptz NOT NULL,
    last_seen       timestamptz NOT NULL,
    removed_at      timestamptz,
    removal_reason  text,
    missing_runs    integer NOT NULL DEFAULT 0,
    needs_scoring   boolean NOT NULL DEFAULT true,
    risk_score      double precision CHECK (risk_score BETWEEN 0 AND 1),
    band            text CHECK (band IN ('low', 'medium', 'high')),
    flagged         boolean NOT NULL DEFAULT false,
    model_version   text,
    scored_at       timestamptz,
    search          tsvector GENERATED ALWAYS AS (
                        to_tsvector('simple', left(title || ' ' || body, 100000))
                    ) STORED
);
CREATE INDEX adverts_site ON adverts (site_id);
CREATE INDEX adverts_last_seen ON adverts (last_seen);
CREATE INDEX adverts_needs_scoring ON adverts (id) WHERE needs_scoring;
CREATE INDEX adverts_risk ON adverts (risk_score DESC NULLS LAST, id);
CREATE INDEX adverts_search ON adverts USING gin (search);

-- Every distinct content of an advert, with the raw page that proves it (gzip, SHA-256).
CREATE TABLE advert_versions (
    id             bigserial PRIMARY KEY,
    advert_id      bigint NOT NULL REFERENCES adverts (id) ON DELETE CASCADE,
    version        integer NOT NULL,
    content_hash   text NOT NULL,
    title          text NOT NULL,
    body           text NOT NULL,
    fields         jsonb NOT NULL DEFAULT '{}'::jsonb,
    url            text NOT NULL,
    fetched_at     timestamptz NOT NULL,
    http_status    integer,
    content_type   text,
    raw_sha256     text NOT NULL,
    raw_size       integer NOT NULL,
    raw_gzip       bytea,
    raw_purged_at  timestamptz,
    UNIQUE (advert_id, version)
);

CREATE TABLE entities (
    id          bigserial PRIMARY KEY,
    kind        text NOT NULL CHECK (kind IN ('phone', 'email', 'handle', 'url')),
    value       text NOT NULL,
    first_seen  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (kind, value)
);

CREATE TABLE advert_entities (
    advert_id   bigint NOT NULL REFERENCES adverts (id) ON DELETE CASCADE,
    entity_id   bigint NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    raw         text NOT NULL DEFAULT '',
    span_start  integer,
    span_end    integer,
    PRIMARY KEY (advert_id, entity_id)
);
CREATE INDEX advert_entities_entity ON advert_entities (entity_id);

CREATE TABLE models (
    id          bigserial PRIMARY KEY,
    version     text NOT NULL UNIQUE,
    kind        text NOT NULL,
    path        text NOT NULL,
    sha256      text NOT NULL,
    thresholds  jsonb NOT NULL DEFAULT '{}'::jsonb,
    card        jsonb NOT NULL DEFAULT '{}'::jsonb,
    active      boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX models_one_active ON models (active) WHERE active;

CREATE TABLE scores (
    id               bigserial PRIMARY KEY,
    advert_id        bigint NOT NULL REFERENCES adverts (id) ON DELETE CASCADE,
    advert_version   integer NOT NULL,
    model_version    text NOT NULL,
    taxonomy_version text NOT NULL,
    risk_score       double precision NOT NULL CHECK (risk_score BETWEEN 0 AND 1),
    band             text NOT NULL CHECK (band IN ('low', 'medium', 'high')),
    flagged          boolean NOT NULL,
    indicator_hits   jsonb NOT NULL DEFAULT '[]'::jsonb,
    scored_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (advert_id, advert_version, model_version)
);

-- Near-duplicate templates (MinHash LSH) and contact networks.
CREATE TABLE clusters (
    id          bigserial PRIMARY KEY,
    kind        text NOT NULL CHECK (kind IN ('template', 'contact')),
    size        integer NOT NULL DEFAULT 0,
    sites       integer NOT NULL DEFAULT 0,
    cities      integer NOT NULL DEFAULT 0,
    first_seen  timestamptz,
    last_seen   timestamptz,
    risk        double precision NOT NULL DEFAULT 0,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE cluster_members (
    cluster_id  bigint NOT NULL REFERENCES clusters (id) ON DELETE CASCADE,
    advert_id   bigint NOT NULL REFERENCES adverts (id) ON DELETE CASCADE,
    added_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (cluster_id, advert_id)
);
CREATE INDEX cluster_members_advert ON cluster_members (advert_id);

CREATE TABLE advert_minhash (
    advert_id   bigint PRIMARY KEY REFERENCES adverts (id) ON DELETE CASCADE,
    content_hash text NOT NULL,
    signature   bytea NOT NULL
);

CREATE TABLE lsh_buckets (
    band        smallint NOT NULL,
    bucket      bigint NOT NULL,
    advert_id   bigint NOT NULL REFERENCES adverts (id) ON DELETE CASCADE,
    PRIMARY KEY (band, bucket, advert_id)
);
CREATE INDEX lsh_buckets_advert ON lsh_buckets (advert_id);

-- Access: partners and API keys (only a hash of each key is stored).
CREATE TABLE partners (
    id              bigserial PRIMARY KEY,
    name            text NOT NULL UNIQUE,
    contact         text,
    tlp             text NOT NULL DEFAULT 'amber' CHECK (tlp IN ('clear', 'green', 'amber', 'red')),
    webhook_url     text,
    webhook_secret  text,
    active          boolean NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
    id            bigserial PRIMARY KEY,
    name          text NOT NULL,
    role          text NOT NULL CHECK (role IN ('analyst', 'partner', 'researcher', 'admin')),
    key_prefix    text NOT NULL UNIQUE,
    key_hash      text NOT NULL,
    partner_id    bigint REFERENCES partners (id) ON DELETE CASCADE,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_used_at  timestamptz,
    revoked_at    timestamptz
);

-- Review: one queue item per flagged advert, claimed with an expiring lock.
CREATE TABLE review_items (
    advert_id         bigint PRIMARY KEY REFERENCES adverts (id) ON DELETE CASCADE,
    state             text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'claimed', 'decided')),
    priority          double precision NOT NULL DEFAULT 0,
    claimed_by        bigint REFERENCES api_keys (id) ON DELETE SET NULL,
    claim_expires_at  timestamptz,
    queued_at         timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX review_items_queue ON review_items (priority DESC, advert_id) WHERE state <> 'decided';

CREATE TABLE decisions (
    id          bigserial PRIMARY KEY,
    advert_id   bigint NOT NULL REFERENCES adverts (id) ON DELETE CASCADE,
    decided_by  bigint REFERENCES api_keys (id) ON DELETE SET NULL,
    decision    text NOT NULL CHECK (decision IN ('confirmed', 'dismissed', 'escalated')),
    note        text NOT NULL DEFAULT '',
    decided_at  timestamptz NOT NULL DEFAULT now(),
    supersedes  bigint REFERENCES decisions (id)
);
CREATE INDEX decisions_advert ON decisions (advert_id, decided_at DESC);

CREATE TABLE advert_notes (
    id          bigserial PRIMARY KEY,
    advert_id   bigint NOT NULL REFERENCES adverts (id) ON DELETE CASCADE,
    author_id   bigint REFERENCES api_keys (id) ON DELETE SET NULL,
    body        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Labelled samples: from analyst decisions or uploaded by researchers.
CREATE TABLE labels (
    id          bigserial PRIMARY KEY,
    sample_id   text NOT NULL UNIQUE,
    advert_id   bigint REFERENCES adverts (id) ON DELETE SET NULL,
    kind        text NOT NULL CHECK (kind IN ('job', 'bridal', 'escort')),
    language    text,
    title       text NOT NULL DEFAULT '',
    text        text NOT NULL,
    label       smallint NOT NULL CHECK (label IN (0, 1)),
    indicators  text[] NOT NULL DEFAULT '{}',
    split       text NOT NULL DEFAULT 'train' CHECK (split IN ('train', 'test')),
    provenance  jsonb NOT NULL DEFAULT '{}'::jsonb,
    source      text NOT NULL CHECK (source IN ('analyst', 'upload')),
    created_by  bigint REFERENCES api_keys (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Partner feed: an ordered log of confirmations and retractions; seq is the cursor.
-- xid lets readers stop before transactions still in flight, so a cursor never skips a row.
CREATE TABLE feed_events (
    seq          bigserial PRIMARY KEY,
    advert_id    bigint NOT NULL REFERENCES adverts (id) ON DELETE CASCADE,
    event        text NOT NULL CHECK (event IN ('confirmed', 'retracted')),
    decision_id  bigint REFERENCES decisions (id),
    tlp          text NOT NULL DEFAULT 'amber' CHECK (tlp IN ('clear', 'green', 'amber', 'red')),
    xid          xid8 NOT NULL DEFAULT pg_current_xact_id(),
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX feed_events_advert ON feed_events (advert_id);

CREATE TABLE partner_opinions (
    partner_id     bigint NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
    advert_id      bigint NOT NULL REFERENCES adverts (id) ON DELETE CASCADE,
    acknowledged_at timestamptz,
    opinion        text CHECK (opinion IN ('positive', 'negative', 'disputed')),
    comment        text NOT NULL DEFAULT '',
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (partner_id, advert_id)
);

CREATE TABLE takedowns (
    id            bigserial PRIMARY KEY,
    partner_id    bigint NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
    advert_id     bigint NOT NULL REFERENCES adverts (id) ON DELETE CASCADE,
    reported_at   timestamptz NOT NULL DEFAULT now(),
    verified_at   timestamptz,
    note          text NOT NULL DEFAULT '',
    UNIQUE (partner_id, advert_id)
);

CREATE TABLE webhook_deliveries (
    id               bigserial PRIMARY KEY,
    partner_id       bigint NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
    feed_seq         bigint NOT NULL REFERENCES feed_events (seq) ON DELETE CASCADE,
    status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    last_http_status integer,
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    delivered_at     timestamptz,
    UNIQUE (partner_id, feed_seq)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';

-- Licensed recruitment / marriage agencies, imported from a CSV register.
CREATE TABLE agencies (
    id              bigserial PRIMARY KEY,
    name            text NOT NULL,
    licence_number  text NOT NULL,
    country         text NOT NULL,
    valid_until     date,
    imported_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (country, licence_number)
);

-- Scheduled jobs keep their state here so they survive restarts.
CREATE TABLE scheduled_jobs (
    name            text PRIMARY KEY,
    last_started_at timestamptz,
    last_finished_at timestamptz,
    last_status     text CHECK (last_status IN ('running', 'ok', 'failed')),
    last_error      text,
    failures        integer NOT NULL DEFAULT 0,
    next_run_at     timestamptz
);

-- Append-only audit log: who read, decided or exported what, and when.
CREATE TABLE audit_log (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor_id    bigint,
    actor       text NOT NULL,
    action      text NOT NULL,
    object_type text NOT NULL,
    object_id   text,
    detail      jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_object ON audit_log (object_type, object_id);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

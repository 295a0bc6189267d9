-- Tamper evidence for the audit log, and failed-key bookkeeping (issue 14).
--
-- The append-only triggers of 0001 stop the service, but the table's owner can disable them
-- (or set session_replication_role) and rewrite history. So every row now carries a hash
-- chain: row_hash = SHA-256(prev_hash || canonical content), prev_hash = the row_hash of the
-- row before it (64 zeros for the first). `adwatch audit verify` recomputes the chain from the
-- stored values, so an altered or deleted row shows as the first row whose hashes no longer
-- match. The canonical content is each field as text, prefixed with its length in bytes
-- (NULL as '~'), so no two different rows share one encoding; store/audit_chain.py builds the
-- same encoding in Python.

ALTER TABLE audit_log ADD COLUMN prev_hash text, ADD COLUMN row_hash text;

CREATE FUNCTION audit_log_field(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN value IS NULL THEN '~' ELSE octet_length(value)::text || ':' || value END
$$;

CREATE FUNCTION audit_log_row_hash(
    prev_hash text, id bigint, at timestamptz, actor_id bigint, actor text, action text,
    object_type text, object_id text, detail jsonb
) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT encode(sha256(convert_to(
        prev_hash
        || audit_log_field(id::text)
        || audit_log_field(to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
        || audit_log_field(actor_id::text)
        || audit_log_field(actor)
        || audit_log_field(action)
        || audit_log_field(object_type)
        || audit_log_field(object_id)
        || audit_log_field(detail::text), 'UTF8')), 'hex')
$$;

-- Existing rows, chained in id order (the append-only trigger is paused for this one update).
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
DO $$
DECLARE
    entry record;
    previous text := repeat('0', 64);
    current_hash text;
BEGIN
    FOR entry IN SELECT * FROM audit_log ORDER BY id LOOP
        current_hash := audit_log_row_hash(previous, entry.id, entry.at, entry.actor_id,
            entry.actor, entry.action, entry.object_type, entry.object_id, entry.detail);
        UPDATE audit_log SET prev_hash = previous, row_hash = current_hash WHERE id = entry.id;
        previous := current_hash;
    END LOOP;
END;
$$;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;
ALTER TABLE audit_log ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN row_hash SET NOT NULL;

-- Each insert links to the newest row. The transaction-scoped advisory lock serialises
-- inserts until commit, and the id is drawn under it, so ids follow the chain and two
-- concurrent inserts can never link to the same predecessor (a fork). In READ COMMITTED each
-- statement here sees every row committed before the lock was granted; a REPEATABLE READ
-- snapshot might not, so such transactions are refused rather than allowed to fork the chain.
-- SECURITY DEFINER: the runtime role needs no rights beyond INSERT to extend the chain.
CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path FROM CURRENT AS $$
DECLARE
    previous text;
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'audit_log entries must be written in READ COMMITTED transactions';
    END IF;
    PERFORM pg_advisory_xact_lock(7401202614);
    NEW.id := nextval(pg_get_serial_sequence('audit_log', 'id'));
    SELECT row_hash INTO previous FROM audit_log ORDER BY id DESC LIMIT 1;
    NEW.prev_hash := coalesce(previous, repeat('0', 64));
    NEW.row_hash := audit_log_row_hash(NEW.prev_hash, NEW.id, NEW.at, NEW.actor_id, NEW.actor,
        NEW.action, NEW.object_type, NEW.object_id, NEW.detail);
    RETURN NEW;
END;
$$;
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_chain();

-- Failed API-key attempts, shared by every API process: the lockout counts them per client
-- address and per key prefix (never the key itself).
CREATE TABLE auth_failures (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    client_addr text NOT NULL,
    key_prefix  text NOT NULL
);
CREATE INDEX auth_failures_client ON auth_failures (client_addr, at);
CREATE INDEX auth_failures_prefix ON auth_failures (key_prefix, at);
CREATE INDEX auth_failures_at ON auth_failures (at);

-- Per-key rate limit for authenticated calls (GCRA): `tat` is the theoretical arrival time of
-- the key's next call; one upsert per call, shared by every API process.
CREATE TABLE api_key_rate (
    key_id bigint PRIMARY KEY REFERENCES api_keys (id) ON DELETE CASCADE,
    tat    timestamptz NOT NULL
);

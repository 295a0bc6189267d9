-- Partner-facing history (issue 15): takedown reports and webhook test pings.

-- Takedowns become an append-only history (issue 15): a second report by the same partner used
-- to overwrite the first one's note, and a ticket reference was lost. Each report is now its own
-- row, with the partner's ticket reference and the partner's own time of removal; existing
-- reports stay as they are (no ticket, no partner time).
ALTER TABLE takedowns DROP CONSTRAINT takedowns_partner_id_advert_id_key;
ALTER TABLE takedowns
    ADD COLUMN ticket_ref text NOT NULL DEFAULT '',
    ADD COLUMN partner_removed_at timestamptz,
    -- A retried report carries the same Idempotency-Key: the first answer is given again.
    -- request_hash tells a retry (same body) from a reused key with another body (409).
    ADD COLUMN idempotency_key text,
    ADD COLUMN request_hash text;
ALTER TABLE takedowns ADD CONSTRAINT takedowns_idempotency_pair
    CHECK ((idempotency_key IS NULL) = (request_hash IS NULL));
CREATE UNIQUE INDEX takedowns_partner_idempotency ON takedowns (partner_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX takedowns_advert_history ON takedowns (advert_id, reported_at, id);

-- History is appended, never rewritten: reports cannot be edited (rows still go with their
-- advert or partner when those are deleted).
CREATE FUNCTION takedowns_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'takedowns is append-only: reports are never changed';
END;
$$;
CREATE TRIGGER takedowns_no_update BEFORE UPDATE ON takedowns
    FOR EACH ROW EXECUTE FUNCTION takedowns_append_only();

-- A partner's test ping (POST /partner/webhook/test) goes in the same delivery log as feed
-- events, so the partner and the admins see it where they look for every other delivery;
-- it belongs to no feed event.
ALTER TABLE webhook_deliveries ALTER COLUMN feed_seq DROP NOT NULL;
ALTER TABLE webhook_deliveries
    ADD COLUMN kind text NOT NULL DEFAULT 'event' CHECK (kind IN ('event', 'test'));
ALTER TABLE webhook_deliveries ADD CONSTRAINT webhook_deliveries_kind_seq
    CHECK ((kind = 'event') = (feed_seq IS NOT NULL));

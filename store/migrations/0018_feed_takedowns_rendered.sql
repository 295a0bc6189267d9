-- Issue 15: takedowns in the partner feed, and each event's shared content rendered once.
--
-- A 'taken_down' event tells the partners who received an advert's confirmation that the
-- content is gone: when the first partner reports it, and when a re-crawl confirms it
-- (HTTP 404/410). `detail` holds what the event says (removed_at, confirmed_by_recrawl),
-- never which partner reported it or its ticket.
ALTER TABLE feed_events DROP CONSTRAINT feed_events_event_check;
ALTER TABLE feed_events ADD CONSTRAINT feed_events_event_check
    CHECK (event IN ('confirmed', 'retracted', 'taken_down'));
ALTER TABLE feed_events ADD COLUMN detail jsonb;

-- The shared content of an event as it was published: the feed item (JSON text), its STIX
-- object (JSON text) and the STIX id, written once by the API the first time the event is
-- read (rendering needs the deployment's hash secret, which the database never holds, so
-- existing events are filled lazily rather than here). rendered_key names the secret it was
-- rendered with (a keyed fingerprint, not the secret): after a rotation an event is rendered
-- again. None of it depends on the partner reading; TLP and sharing groups are filtered at
-- query time.
ALTER TABLE feed_events
    ADD COLUMN rendered_key text,
    ADD COLUMN item_json    text,
    ADD COLUMN stix_json    text,
    ADD COLUMN stix_id      text;

-- The scheduler renders new events soon after they are appended (share.feed_render), so the
-- first partner to read one does not wait for it.
CREATE INDEX feed_events_unrendered ON feed_events (seq) WHERE item_json IS NULL;

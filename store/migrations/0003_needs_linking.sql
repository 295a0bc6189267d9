-- Adverts awaiting linking are found through a small partial index instead of an anti-join
-- against advert_minhash that grows with every linked advert.
ALTER TABLE adverts ADD COLUMN needs_linking boolean NOT NULL DEFAULT true;
UPDATE adverts a SET needs_linking = false
FROM advert_minhash m WHERE m.advert_id = a.id AND m.content_hash = a.content_hash;
CREATE INDEX adverts_needs_linking ON adverts (id) WHERE needs_linking;

-- "First advert with this contact" is one index probe with (entity_id, advert_id).
CREATE INDEX advert_entities_entity_advert ON advert_entities (entity_id, advert_id);
DROP INDEX advert_entities_entity;

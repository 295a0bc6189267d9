-- Which method made each stored PDQ (issue 16 follow-up). Until 2026-12-07 pictures were
-- shrunk to 512 pixels before hashing (method 1), which put hashes up to ~24 bits from the
-- hash partners compute on the full picture; method 2 is the full-size hash, as pdqhash gives
-- it. Existing rows are method 1; store/images.py writes 2 explicitly. The default stays 1 so
-- that a crawler of the old version still running during an upgrade marks its hashes as old.
-- `adwatch images rehash` re-hashes method-1 rows from their kept bytes.
ALTER TABLE images ADD COLUMN pdq_method smallint NOT NULL DEFAULT 1
    CHECK (pdq_method IN (1, 2));
-- The rehash walks the method-1 rows by id; the index shrinks to nothing as it goes.
CREATE INDEX images_pdq_method_old ON images (id) WHERE pdq_method = 1;

-- Bumped in the same transaction that changes stored hashes (never for new images, which
-- only add): a warm in-memory PDQ index (linking.pdq_warm) reads it before each refresh and
-- reloads when it moved. A row, not a sequence: a sequence moves before its transaction
-- commits, so an index could reload old hashes and then never see the change.
CREATE TABLE pdq_generation (
    one         boolean PRIMARY KEY DEFAULT true CHECK (one),
    generation  bigint NOT NULL DEFAULT 0,
    changed_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO pdq_generation DEFAULT VALUES;

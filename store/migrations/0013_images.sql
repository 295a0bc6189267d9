-- Advert images (issue 16). An image is stored once per distinct byte content (its SHA-256);
-- adverts point at images through advert_images, so a photo reused by a hundred adverts is
-- fetched, hashed and matched once. Bytes live on disk (or object storage) under storage_key,
-- never in the database.
CREATE TABLE images (
    id            bigserial PRIMARY KEY,
    sha256        text NOT NULL UNIQUE CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    byte_size     integer NOT NULL CHECK (byte_size > 0),
    media_type    text NOT NULL,
    width         integer NOT NULL CHECK (width > 0),
    height        integer NOT NULL CHECK (height > 0),
    -- Meta's PDQ: 256 bits as 64 hex digits, and its quality score (0-100). NULL when the
    -- image could not be hashed; below PDQ's quality threshold it is kept but not matched.
    pdq           text CHECK (pdq ~ '^[0-9a-f]{64}$'),
    pdq_quality   smallint CHECK (pdq_quality BETWEEN 0 AND 100),
    storage_key   text NOT NULL,
    first_seen    timestamptz NOT NULL DEFAULT now(),
    -- When retention purged the bytes (same rule as raw snapshots); the hashes stay.
    purged_at     timestamptz
);

CREATE TABLE advert_images (
    advert_id   bigint NOT NULL REFERENCES adverts (id) ON DELETE CASCADE,
    image_id    bigint NOT NULL REFERENCES images (id),
    url         text NOT NULL,
    position    smallint NOT NULL DEFAULT 0,
    fetched_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (advert_id, image_id)
);
CREATE INDEX advert_images_image ON advert_images (image_id);

-- Multi-index hashing for PDQ: the 256 bits cut into 16 bands of 16 bits. Two hashes within
-- 31 bits differ by at most one bit in some band (16 bands x 2 bits > 31), so probing each
-- band's value and its 16 one-bit neighbours finds every candidate; candidates are then
-- verified by full Hamming distance. One row per (band, value, image): a btree lookup each.
CREATE TABLE image_pdq_bands (
    band      smallint NOT NULL CHECK (band BETWEEN 0 AND 15),
    value     integer NOT NULL CHECK (value BETWEEN 0 AND 65535),
    image_id  bigint NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    PRIMARY KEY (band, value, image_id)
);
CREATE INDEX image_pdq_bands_image ON image_pdq_bands (image_id);

-- Images awaiting linking, like link_queue for adverts.
CREATE TABLE image_link_queue (
    image_id  bigint PRIMARY KEY REFERENCES images (id) ON DELETE CASCADE
);

-- Image clusters sit beside template and contact clusters.
ALTER TABLE clusters DROP CONSTRAINT clusters_kind_check;
ALTER TABLE clusters ADD CONSTRAINT clusters_kind_check
    CHECK (kind IN ('template', 'contact', 'image'));

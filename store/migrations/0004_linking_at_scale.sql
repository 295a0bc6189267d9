-- Template linking, faster at scale:
-- * adwatch computes MinHash itself (vectorised; the signatures no longer depend on which
--   datasketch version is installed), so signatures made before are not comparable: they are
--   dropped and every advert is linked again. Clusters keep their members; relinking only adds.
-- * one bigint per (band, bucket): the band is salted into the key, so rows are narrower;
-- * no foreign key and no advert_id index: with twenty rows per advert, the per-row key check
--   and the second index cost more than the rest of the write. Adverts are never deleted
--   (retention purges snapshots, not advert rows), and the linker removes an advert's rows
--   itself, from its previous signature, when its content changes.
DROP TABLE lsh_buckets;
CREATE TABLE lsh_buckets (
    bucket      bigint NOT NULL,
    advert_id   bigint NOT NULL,
    PRIMARY KEY (bucket, advert_id)
);
TRUNCATE advert_minhash;

-- Adverts awaiting linking sit in a queue table instead of a flag on adverts: clearing the
-- flag rewrote each advert row and every index on it (full-text GIN included), which cost more
-- than linking itself.
CREATE TABLE link_queue (
    advert_id   bigint PRIMARY KEY REFERENCES adverts (id) ON DELETE CASCADE
);
INSERT INTO link_queue (advert_id) SELECT id FROM adverts;
DROP INDEX adverts_needs_linking;
ALTER TABLE adverts DROP COLUMN needs_linking;

-- Each link merge asks "which cluster of this kind is each of these adverts in?" for tens of
-- thousands of adverts; with the kind on the membership row one index answers it, without
-- visiting the clusters table or the other kind's rows.
ALTER TABLE cluster_members ADD COLUMN kind text;
UPDATE cluster_members m SET kind = c.kind FROM clusters c WHERE c.id = m.cluster_id;
ALTER TABLE cluster_members ALTER COLUMN kind SET NOT NULL;
-- The membership's kind is its cluster's kind: one composite key keeps them equal.
ALTER TABLE clusters ADD CONSTRAINT clusters_id_kind_key UNIQUE (id, kind);
ALTER TABLE cluster_members DROP CONSTRAINT cluster_members_cluster_id_fkey;
ALTER TABLE cluster_members ADD CONSTRAINT cluster_members_cluster_kind_fkey
    FOREIGN KEY (cluster_id, kind) REFERENCES clusters (id, kind) ON DELETE CASCADE;
CREATE INDEX cluster_members_advert_kind ON cluster_members (advert_id, kind) INCLUDE (cluster_id);
DROP INDEX cluster_members_advert;

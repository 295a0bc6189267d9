-- A crop-tolerant signal beside PDQ (issue 16, crop <= 10 %): the PDQ hashes of a fixed grid
-- of sub-windows of each image (linking.crop_windows.WINDOWS, the whole picture first), 32
-- bytes each, concatenated in the grid's order. Internal to linking, never shared. Kept, like
-- the PDQ hash, after retention purges the bytes. A row whose length is not the current
-- grid's (a grid changed later) is ignored by the linker.
CREATE TABLE image_crop_windows (
    image_id  bigint PRIMARY KEY REFERENCES images (id) ON DELETE CASCADE,
    hashes    bytea NOT NULL CHECK (octet_length(hashes) > 0 AND octet_length(hashes) % 32 = 0)
);
-- 126 windows make a 4,032-byte value: stored inline and uncompressed (random bits do not
-- compress; two rows fit a page), so reading the index back does not go through TOAST.
ALTER TABLE image_crop_windows ALTER COLUMN hashes SET STORAGE PLAIN;

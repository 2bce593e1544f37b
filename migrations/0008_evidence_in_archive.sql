-- Bureau side: each evidence byte is stored once (DESIGN §6, docs/decisions.md "Evidence stored once"). An
-- evidence file that came inside a received file is read from that file's archived bytes: the row names the
-- archived file, where the member's data starts, its length there and its compression (0 stored, 8 deflate),
-- and its own data is empty (x''). School-side rows, and any file not found inside an archived one, keep
-- their bytes in data as before. Columns are added, not the table rebuilt: rebuilding would copy every
-- stored byte once more on a bureau's multi-gigabyte file only to drop most of them.
ALTER TABLE evidence ADD COLUMN archive_sha256 TEXT REFERENCES archive (sha256);
ALTER TABLE evidence ADD COLUMN member_offset INTEGER CHECK (member_offset >= 0);
ALTER TABLE evidence ADD COLUMN member_length INTEGER CHECK (member_length >= 0);
ALTER TABLE evidence ADD COLUMN member_method INTEGER CHECK (member_method IN (0, 8));
-- (the Python step of this migration, desktop/core/db/upgrades.py, moves an existing bureau file's copies)

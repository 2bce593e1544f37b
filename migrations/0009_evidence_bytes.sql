-- A stored evidence file's bytes live in a table of their own whose BLOB is the row's last column (docs/decisions.md
-- "Big values in the last column"). A BLOB is written by inserting zeroblob(size) and streaming the bytes into
-- it; SQLite keeps a zeroblob unmaterialised only when it ends the record, and evidence.data does not (columns
-- were added after it), so every file added was first built whole in memory, twice: adding a 300 MB scan took
-- about 750 MB. Rows written before this migration keep their bytes in evidence.data (nothing is copied on
-- upgrade); new ones have evidence.data = x'' and their bytes here. The bytes go with their evidence row.
CREATE TABLE evidence_bytes (
    sha256        TEXT PRIMARY KEY REFERENCES evidence (sha256) ON DELETE CASCADE,
    data          BLOB NOT NULL
);

-- The city role (DESIGN §14): a city install merges the signed county packages of its counties, exactly as a
-- county merges its schools' reports. A county records the county packages it exported.

-- identity.role gains 'city' (SQLite cannot alter a CHECK: the table is rebuilt, its one row kept).
CREATE TABLE identity_new (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    role          TEXT NOT NULL CHECK (role IN ('county', 'school', 'city')),
    county        TEXT NOT NULL,          -- a city install: the city's name
    school_code   TEXT,
    school_name   TEXT,
    public_key    BLOB NOT NULL,          -- raw 32-byte Ed25519 public key
    private_key   BLOB NOT NULL,          -- PKCS#8 PEM, encrypted when key_protected = 1
    key_protected INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL
);
INSERT INTO identity_new SELECT id, role, county, school_code, school_name, public_key, private_key, key_protected,
    created_at FROM identity;
DROP TABLE identity;
ALTER TABLE identity_new RENAME TO identity;

-- County side: every county package written, so each export of a plan x period is the next revision.
CREATE TABLE county_exports (
    package_id    TEXT PRIMARY KEY,
    plan_id       TEXT NOT NULL,
    period        TEXT NOT NULL,
    revision      INTEGER NOT NULL,
    with_evidence INTEGER NOT NULL DEFAULT 0,
    file_name     TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    UNIQUE (plan_id, period, revision)
);

-- City side: one row per received county package and verdict (what submissions is for school reports).
CREATE TABLE county_submissions (
    sha256        TEXT PRIMARY KEY,       -- of the file bytes (the bytes are kept in archive)
    package_id    TEXT,
    file_name     TEXT NOT NULL,
    county        TEXT,
    plan_id       TEXT,
    period        TEXT,
    revision      INTEGER,
    outcome       TEXT NOT NULL CHECK (outcome IN ('accepted', 'duplicate', 'stale', 'rejected')),
    reason        TEXT NOT NULL DEFAULT '',
    reason_code   TEXT NOT NULL DEFAULT '',
    signer_fingerprint TEXT,
    created_at    TEXT,
    received_at   TEXT NOT NULL
);
CREATE INDEX county_submissions_county ON county_submissions (county, plan_id, period, outcome);

-- City side: each county's current roll-up per plan x period (the content of its accepted package with the
-- highest revision; older ones stay in archive). content is the signed manifest without its part digests.
CREATE TABLE county_rollups (
    county        TEXT NOT NULL,
    plan_id       TEXT NOT NULL,
    period        TEXT NOT NULL,
    revision      INTEGER NOT NULL,
    submission    TEXT NOT NULL,          -- sha256 of the file it came from
    plan_title    TEXT NOT NULL DEFAULT '',
    content       TEXT NOT NULL,          -- canonical JSON
    merged_at     TEXT NOT NULL,
    PRIMARY KEY (county, plan_id, period)
);

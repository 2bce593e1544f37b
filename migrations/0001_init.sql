-- Taizhang schema, version 1. One schema for county and school installs: they differ by rows.
-- Dates and times are ISO 8601 text. JSON columns hold canonical JSON arrays/objects.

CREATE TABLE identity (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    role          TEXT NOT NULL CHECK (role IN ('county', 'school')),
    county        TEXT NOT NULL,
    school_code   TEXT,
    school_name   TEXT,
    public_key    BLOB NOT NULL,          -- raw 32-byte Ed25519 public key
    private_key   BLOB NOT NULL,          -- PKCS#8 PEM, encrypted when key_protected = 1
    key_protected INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL
);

-- Keys this install trusts: the county key (school side) or each school's key (county side).
CREATE TABLE trusted_keys (
    fingerprint   TEXT PRIMARY KEY,       -- lowercase hex SHA-256 of the raw public key
    public_key    BLOB NOT NULL,
    owner_kind    TEXT NOT NULL CHECK (owner_kind IN ('county', 'school')),
    owner_code    TEXT NOT NULL,          -- county name or school code
    status        TEXT NOT NULL CHECK (status IN ('pinned', 'pending', 'retired', 'refused')),
    first_seen    TEXT NOT NULL,
    decided_at    TEXT,
    source_sha256 TEXT                    -- the file that introduced the key
);
CREATE INDEX trusted_keys_owner ON trusted_keys (owner_kind, owner_code, status);

CREATE TABLE plans (
    plan_id       TEXT PRIMARY KEY,       -- uuid4, stable across published versions
    title         TEXT NOT NULL,
    county        TEXT NOT NULL,
    year          INTEGER,
    version       INTEGER NOT NULL DEFAULT 0,   -- last published version (0 = draft only)
    digest        TEXT,                   -- digest of the last published version
    source_name   TEXT,
    source_text   TEXT,
    created_at    TEXT NOT NULL,
    published_at  TEXT
);

-- Every published version, so reports against an older version still verify against it.
CREATE TABLE plan_versions (
    plan_id       TEXT NOT NULL REFERENCES plans (plan_id),
    version       INTEGER NOT NULL,
    digest        TEXT NOT NULL,
    published_at  TEXT NOT NULL,
    package_id    TEXT,
    PRIMARY KEY (plan_id, version)
);

CREATE TABLE tasks (
    plan_id       TEXT NOT NULL REFERENCES plans (plan_id),
    task_id       TEXT NOT NULL,          -- stable across versions
    parent_id     TEXT,
    seq           INTEGER NOT NULL,       -- document order
    path          TEXT NOT NULL,          -- JSON list of numbering labels as written
    is_heading    INTEGER NOT NULL DEFAULT 0,
    title         TEXT NOT NULL,
    text          TEXT NOT NULL DEFAULT '',
    units         TEXT NOT NULL DEFAULT '[]',   -- JSON list
    deadline      TEXT,                   -- YYYY-MM
    applies_to    TEXT NOT NULL DEFAULT '[]',   -- JSON list of school types or school names
    PRIMARY KEY (plan_id, task_id)
);

CREATE TABLE targets (
    plan_id       TEXT NOT NULL,
    task_id       TEXT NOT NULL,
    seq           INTEGER NOT NULL,
    text          TEXT NOT NULL,
    value         TEXT,                   -- null while a placeholder (x, xx, **)
    unit          TEXT NOT NULL DEFAULT '',
    placeholder   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (plan_id, task_id, seq),
    FOREIGN KEY (plan_id, task_id) REFERENCES tasks (plan_id, task_id) ON DELETE CASCADE
);

CREATE TABLE schools (
    code          TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    type          TEXT NOT NULL DEFAULT '',
    township      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE periods (
    name          TEXT PRIMARY KEY,
    due_date      TEXT,
    closed        INTEGER NOT NULL DEFAULT 0
);

-- One row per school x task x period: what the school reported (school side: what it is writing).
CREATE TABLE entries (
    school_code   TEXT NOT NULL,
    plan_id       TEXT NOT NULL,
    task_id       TEXT NOT NULL,
    period        TEXT NOT NULL,
    status        TEXT NOT NULL DEFAULT '未开始'
                  CHECK (status IN ('未开始', '进行中', '已完成', '不适用')),
    progress      INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    narrative     TEXT NOT NULL DEFAULT '',
    problems      TEXT NOT NULL DEFAULT '',
    next_steps    TEXT NOT NULL DEFAULT '',
    na_reason     TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL,
    revision      INTEGER,                -- county side: revision this row came from
    submission    TEXT,                   -- county side: sha256 of the file it came from
    PRIMARY KEY (school_code, plan_id, task_id, period)
);

CREATE TABLE indicator_values (
    school_code   TEXT NOT NULL,
    plan_id       TEXT NOT NULL,
    task_id       TEXT NOT NULL,
    target_seq    INTEGER NOT NULL,
    period        TEXT NOT NULL,
    value         TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    submission    TEXT,
    PRIMARY KEY (school_code, plan_id, task_id, target_seq, period)
);

-- Evidence files, content-addressed, so one .db file is the whole backup.
CREATE TABLE evidence (
    sha256        TEXT PRIMARY KEY,
    size          INTEGER NOT NULL,
    mime          TEXT NOT NULL DEFAULT 'application/octet-stream',
    data          BLOB NOT NULL,
    added_at      TEXT NOT NULL
);

CREATE TABLE entry_evidence (
    school_code   TEXT NOT NULL,
    plan_id       TEXT NOT NULL,
    task_id       TEXT NOT NULL,
    period        TEXT NOT NULL,
    sha256        TEXT NOT NULL REFERENCES evidence (sha256),
    name          TEXT NOT NULL,
    added_at      TEXT NOT NULL,
    PRIMARY KEY (school_code, plan_id, task_id, period, sha256)
);

-- School side: every package written.
CREATE TABLE exports (
    package_id    TEXT PRIMARY KEY,
    plan_id       TEXT NOT NULL,
    period        TEXT NOT NULL,
    revision      INTEGER NOT NULL,
    file_name     TEXT NOT NULL,
    sha256        TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    UNIQUE (plan_id, period, revision)
);

-- County side: every file that came in, whatever its outcome.
CREATE TABLE submissions (
    sha256        TEXT PRIMARY KEY,       -- of the file bytes
    package_id    TEXT,
    file_name     TEXT NOT NULL,
    school_code   TEXT,
    plan_id       TEXT,
    period        TEXT,
    revision      INTEGER,
    outcome       TEXT NOT NULL CHECK (outcome IN ('accepted', 'duplicate', 'stale', 'rejected')),
    reason        TEXT NOT NULL DEFAULT '',
    reason_code   TEXT NOT NULL DEFAULT '',   -- machine-readable: key_pending, conflict, modified, …
    signer_fingerprint TEXT,
    created_at    TEXT,                   -- when the school exported it
    received_at   TEXT NOT NULL
);
CREATE INDEX submissions_school ON submissions (school_code, plan_id, period, revision);
CREATE INDEX submissions_package ON submissions (package_id);

-- County side: the original bytes of every accepted file, so any value traces back to it.
CREATE TABLE archive (
    sha256        TEXT PRIMARY KEY,
    data          BLOB NOT NULL
);

-- County side: values replaced by a newer revision.
CREATE TABLE entry_history (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    school_code   TEXT NOT NULL,
    plan_id       TEXT NOT NULL,
    task_id       TEXT NOT NULL,
    period        TEXT NOT NULL,
    revision      INTEGER,
    submission    TEXT,
    data          TEXT NOT NULL,          -- canonical JSON of the replaced entry + indicator values
    replaced_by   TEXT NOT NULL,          -- sha256 of the newer submission
    replaced_at   TEXT NOT NULL,
    UNIQUE (school_code, plan_id, task_id, period, revision)
);

CREATE TABLE audit_log (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    at            TEXT NOT NULL,
    action        TEXT NOT NULL,
    subject       TEXT NOT NULL DEFAULT '',
    detail        TEXT NOT NULL DEFAULT '{}'
);

-- Small per-install preferences (last selected task, window state...).
CREATE TABLE settings (
    key           TEXT PRIMARY KEY,
    value         TEXT NOT NULL
);

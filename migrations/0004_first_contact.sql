-- Who may speak for a school (DESIGN §16).
-- How a pinned key was confirmed: 'unconfirmed' (trust on first use only), 'enrolment' (the report carried
-- a proof made with the school's enrolment code), 'paper' (the stamped 备案表), 'approved' (a person at
-- the bureau approved exactly this fingerprint), 'compared' (school side: the person compared the county
-- fingerprint). Keys pinned before this migration were trusted on first use: they are 'unconfirmed'.
ALTER TABLE trusted_keys ADD COLUMN confirmation TEXT NOT NULL DEFAULT 'unconfirmed';

-- Bureau side: one random enrolment code per school, sent with the official notice.
CREATE TABLE enrolment_codes (
    school_code   TEXT PRIMARY KEY,
    code          TEXT NOT NULL,          -- 8 characters from an unambiguous alphabet
    created_at    TEXT NOT NULL,
    used_by       TEXT,                   -- fingerprint of the key it confirmed
    used_at       TEXT
);

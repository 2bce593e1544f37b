-- Review and send-back (DESIGN §12). County side: the bureau's decision per school × plan × period × task,
-- and one overall decision per school × plan × period; every replaced decision is kept in review_history.
-- School side: the feedback packages the school loaded (feedback_received).
CREATE TABLE reviews (
    school_code   TEXT NOT NULL,
    plan_id       TEXT NOT NULL,
    period        TEXT NOT NULL,
    task_id       TEXT NOT NULL,
    state         TEXT NOT NULL DEFAULT '未审核' CHECK (state IN ('未审核', '通过', '退回修改')),
    comment       TEXT NOT NULL DEFAULT '',
    reviewer      TEXT NOT NULL DEFAULT '',
    revision      INTEGER,                -- the report revision the decision was made on
    decided_at    TEXT NOT NULL,
    PRIMARY KEY (school_code, plan_id, period, task_id)
);

CREATE TABLE review_overall (
    school_code   TEXT NOT NULL,
    plan_id       TEXT NOT NULL,
    period        TEXT NOT NULL,
    state         TEXT NOT NULL DEFAULT '未审核' CHECK (state IN ('未审核', '通过', '退回修改')),
    comment       TEXT NOT NULL DEFAULT '',
    reviewer      TEXT NOT NULL DEFAULT '',
    revision      INTEGER,
    decided_at    TEXT NOT NULL,
    PRIMARY KEY (school_code, plan_id, period)
);

-- Every decision that was replaced (by a new decision, or reset because a newer revision changed the entry).
-- task_id '' is the overall decision.
CREATE TABLE review_history (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    school_code   TEXT NOT NULL,
    plan_id       TEXT NOT NULL,
    period        TEXT NOT NULL,
    task_id       TEXT NOT NULL,
    state         TEXT NOT NULL,
    comment       TEXT NOT NULL DEFAULT '',
    reviewer      TEXT NOT NULL DEFAULT '',
    revision      INTEGER,
    decided_at    TEXT NOT NULL,
    replaced_at   TEXT NOT NULL,
    why           TEXT NOT NULL           -- 'decision' (a new decision) or 'changed' (a newer revision changed it)
);
CREATE INDEX review_history_key ON review_history (school_code, plan_id, period, task_id);

-- School side: feedback packages loaded (审核意见), newest per plan × period counts.
CREATE TABLE feedback_received (
    package_id    TEXT PRIMARY KEY,
    plan_id       TEXT NOT NULL,
    period        TEXT NOT NULL,
    answers_revision INTEGER NOT NULL,
    created_at    TEXT NOT NULL,
    reviewer      TEXT NOT NULL DEFAULT '',
    items         TEXT NOT NULL DEFAULT '[]',   -- canonical JSON [{task_id, state, comment}]
    overall       TEXT NOT NULL DEFAULT '{}',   -- canonical JSON {state, comment}
    file_sha256   TEXT NOT NULL,
    loaded_at     TEXT NOT NULL
);
CREATE INDEX feedback_received_period ON feedback_received (plan_id, period, answers_revision);

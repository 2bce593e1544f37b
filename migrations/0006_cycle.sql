-- The year as a cycle (DESIGN §13).
-- Carry-forward: an entry copied from the school's previous period names that period in carried_from until the
-- school edits it (then it is the school's new answer, carried_from NULL); carried_confirmed = 1 once the school
-- confirmed the carried answer as still true. The county side stores what the report's manifest said.
ALTER TABLE entries ADD COLUMN carried_from TEXT;
ALTER TABLE entries ADD COLUMN carried_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (carried_confirmed IN (0, 1));

-- Evidence rule per task (必需 / 可选 / 不需, default 可选) and how to count each indicator (口径说明).
ALTER TABLE tasks ADD COLUMN evidence_rule TEXT NOT NULL DEFAULT '可选' CHECK (evidence_rule IN ('必需', '可选', '不需'));
ALTER TABLE targets ADD COLUMN definition TEXT NOT NULL DEFAULT '';

-- School side: what a revised plan (v2 …) changed, kept until the school has seen it. kind: added, removed,
-- changed; old/new are the task as JSON (NULL for the side that does not exist). An entry of a removed task stays
-- in entries (archived: no current task shows it) and is listed here, so it can still be traced.
CREATE TABLE plan_changes (
    plan_id       TEXT NOT NULL,
    version       INTEGER NOT NULL,        -- the version that made the change
    task_id       TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('added', 'removed', 'changed')),
    old           TEXT,
    new           TEXT,
    seen_at       TEXT,
    PRIMARY KEY (plan_id, version, task_id)
);

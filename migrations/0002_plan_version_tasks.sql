-- The task ids of each published plan version, so a report made against an older version is checked
-- against the tasks that version had (a task removed later is not "unknown" to it).
-- '[]' on rows published before this migration: the merge then falls back to the current tasks.
ALTER TABLE plan_versions ADD COLUMN task_ids TEXT NOT NULL DEFAULT '[]';

-- School side: the exact signed bytes of every exported report (导出记录), so the school can save the
-- original again when a copy was re-saved by a spreadsheet program, renamed, or lost (DESIGN §11).
-- Written by desktop/core/reporting/exports.py only. Exports made before this migration have no row.
CREATE TABLE export_files (
    package_id    TEXT PRIMARY KEY REFERENCES exports (package_id) ON DELETE CASCADE,
    sha256        TEXT NOT NULL,
    size          INTEGER NOT NULL,
    data          BLOB NOT NULL
);

"""The audit log: what was done to this database, when (the only writer of audit_log)."""

from __future__ import annotations

import sqlite_utils

from desktop.core.clock import now_iso


def audit(db: sqlite_utils.Database, action: str, subject: str = "", detail: str = "{}") -> None:
    db.execute(
        "INSERT INTO audit_log (at, action, subject, detail) VALUES (?, ?, ?, ?)",
        [now_iso(), action, subject, detail],
    )

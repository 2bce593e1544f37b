"""Values replaced by a newer revision (entry_history): kept so any merged value can be traced."""

from __future__ import annotations

from desktop.core.clock import now_iso
from desktop.core.signing import crypto

HISTORY_FIELDS = ("status", "progress", "narrative", "problems", "next_steps", "na_reason", "updated_at")


def keep(db, school: str, plan_id: str, period: str, task_id: str, revision: int, submission: str, entry: dict,
         indicators: list, replaced_by: str) -> None:
    """Record one entry of ``revision`` (from file ``submission``) as replaced by the file ``replaced_by``."""
    data = {k: entry[k] for k in HISTORY_FIELDS}
    data["indicators"] = indicators
    db.execute("INSERT OR IGNORE INTO entry_history (school_code, plan_id, task_id, period, revision, submission, data,"
               " replaced_by, replaced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
               [school, plan_id, task_id, period, revision, submission, crypto.canonical_json(data).decode("utf-8"),
                replaced_by, now_iso()])

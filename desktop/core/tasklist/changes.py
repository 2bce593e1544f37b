"""School side: what each revised plan changed (plan_changes), kept until the school has seen it. The only
writer of plan_changes."""

from __future__ import annotations

import json

from desktop.core.clock import now_iso
from desktop.core.signing import crypto


def record(db, plan_id: str, version: int, diff: list[dict]) -> None:
    """Keep the changes ``version`` made (``tasklist.diff.plan_diff``). Call in the transaction that stores it."""
    db.conn.executemany(
        "INSERT OR REPLACE INTO plan_changes (plan_id, version, task_id, kind, old, new, seen_at)"
        " VALUES (?, ?, ?, ?, ?, ?, NULL)",
        [(plan_id, version, d["task_id"], str(d["kind"]), _json(d["old"]), _json(d["new"])) for d in diff])


def _json(task: dict | None) -> str | None:
    return None if task is None else crypto.canonical_json(task).decode("utf-8")


def _row(r) -> dict:
    return {"version": r[0], "task_id": r[1], "kind": r[2], "old": json.loads(r[3]) if r[3] else None,
            "new": json.loads(r[4]) if r[4] else None, "seen_at": r[5]}


def listed(db, plan_id: str, *, unseen_only: bool = False) -> list[dict]:
    """Every change recorded for the plan, newest version first (only those not yet seen when asked)."""
    sql = ("SELECT version, task_id, kind, old, new, seen_at FROM plan_changes WHERE plan_id = ?"
           + (" AND seen_at IS NULL" if unseen_only else "") + " ORDER BY version DESC, rowid")
    return [_row(r) for r in db.execute(sql, [plan_id]).fetchall()]


def mark_seen(db, plan_id: str, task_ids=None) -> int:
    """The school has seen the changes of ``task_ids`` (all when None); returns how many were marked."""
    if task_ids is None:
        return db.execute("UPDATE plan_changes SET seen_at = ? WHERE plan_id = ? AND seen_at IS NULL",
                          [now_iso(), plan_id]).rowcount
    return sum(db.execute("UPDATE plan_changes SET seen_at = ? WHERE plan_id = ? AND task_id = ? AND seen_at IS NULL",
                          [now_iso(), plan_id, t]).rowcount for t in task_ids)

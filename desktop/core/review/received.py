"""School side: the feedback packages (审核意见) the school loaded (feedback_received), the only writer.

The newest feedback for a plan × period (highest answers_revision, then newest created_at) is the one the
school works from: its sent-back tasks are flagged, and the next export names it in ``responds_to``.
"""

from __future__ import annotations

import json

from desktop.core.clock import now_iso
from desktop.core.signing import crypto


def _row(r) -> dict:
    return {"package_id": r[0], "plan_id": r[1], "period": r[2], "answers_revision": r[3], "created_at": r[4],
            "reviewer": r[5], "items": json.loads(r[6]), "overall": json.loads(r[7]), "loaded_at": r[8]}


_COLUMNS = "package_id, plan_id, period, answers_revision, created_at, reviewer, items, overall, loaded_at"


def is_loaded(db, package_id: str) -> bool:
    return db.execute("SELECT 1 FROM feedback_received WHERE package_id = ?", [package_id]).fetchone() is not None


def latest(db, plan_id: str, period: str) -> dict | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM feedback_received WHERE plan_id = ? AND period = ?"
                     " ORDER BY answers_revision DESC, created_at DESC LIMIT 1", [plan_id, period]).fetchone()
    return _row(row) if row else None


def keep(db, m: dict, file_sha256: str) -> None:
    """Record a verified feedback manifest. Call in a transaction."""
    db.execute(f"INSERT INTO feedback_received ({_COLUMNS}, file_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               [m["package_id"], m["plan"]["id"], m["period"], m["answers_revision"], m["created_at"],
                m.get("reviewer", ""), crypto.canonical_json(m["items"]).decode("utf-8"),
                crypto.canonical_json(m["overall"]).decode("utf-8"), now_iso(), file_sha256])

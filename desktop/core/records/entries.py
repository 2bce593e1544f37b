"""School side: what the school records for each task (entries, indicator values, evidence)."""

from __future__ import annotations

from desktop.core import numbers
from desktop.core.clock import now_iso
from desktop.core.errors import TaizhangError
from desktop.core.package.reportbook import MAX_TEXT
from desktop.core.records import evidence, history
from desktop.core.words import STATUSES, Status

TEXT_FIELDS = ("narrative", "problems", "next_steps", "na_reason")
MAX_EVIDENCE_BYTES = 300 << 20
_CHUNK = 1 << 20


def blank_entry(task_id: str) -> dict:
    return {"task_id": task_id, "status": Status.NOT_STARTED, "progress": 0, "narrative": "", "problems": "", "next_steps": "",
            "na_reason": "", "updated_at": "", "indicators": []}


def get_entries(db, school: str, plan_id: str, period: str) -> dict[str, dict]:
    """task_id → entry (with its indicator values) for every task the school has touched."""
    out = {}
    for row in db.execute("SELECT task_id, status, progress, narrative, problems, next_steps, na_reason, updated_at"
                          " FROM entries WHERE school_code = ? AND plan_id = ? AND period = ?",
                          [school, plan_id, period]).fetchall():
        out[row[0]] = {"task_id": row[0], "status": row[1], "progress": row[2], "narrative": row[3],
                       "problems": row[4], "next_steps": row[5], "na_reason": row[6], "updated_at": row[7],
                       "indicators": []}
    for task_id, seq, value in db.execute(
            "SELECT task_id, target_seq, value FROM indicator_values WHERE school_code = ? AND plan_id = ?"
            " AND period = ? ORDER BY task_id, target_seq", [school, plan_id, period]).fetchall():
        out.setdefault(task_id, blank_entry(task_id))["indicators"].append({"seq": seq, "value": value})
    return out


def get_entry(db, school: str, plan_id: str, period: str, task_id: str) -> dict:
    """One task's entry with its indicator values (a blank entry when the school has not touched it)."""
    row = db.execute("SELECT task_id, status, progress, narrative, problems, next_steps, na_reason, updated_at"
                     " FROM entries WHERE school_code = ? AND plan_id = ? AND period = ? AND task_id = ?",
                     [school, plan_id, period, task_id]).fetchone()
    out = blank_entry(task_id)
    if row is not None:
        out.update(status=row[1], progress=row[2], narrative=row[3], problems=row[4], next_steps=row[5],
                   na_reason=row[6], updated_at=row[7])
    out["indicators"] = [{"seq": seq, "value": value} for seq, value in db.execute(
        "SELECT target_seq, value FROM indicator_values WHERE school_code = ? AND plan_id = ? AND period = ?"
        " AND task_id = ? ORDER BY target_seq", [school, plan_id, period, task_id]).fetchall()]
    return out


def check_fields(fields: dict) -> None:
    status = fields.get("status")
    if status is not None and status not in STATUSES:
        raise TaizhangError(f"状态只能是：{'、'.join(STATUSES)}", f"status must be one of {', '.join(STATUSES)}")
    progress = fields.get("progress")
    if progress is not None and (not isinstance(progress, int) or not 0 <= progress <= 100):
        raise TaizhangError("进度应为 0 到 100 之间的整数", "progress must be a whole number from 0 to 100")
    for key in TEXT_FIELDS:
        value = fields.get(key)
        if value is not None and (not isinstance(value, str) or len(value) > MAX_TEXT):
            raise TaizhangError(f"文字过长（最多 {MAX_TEXT} 字）", f"text too long (at most {MAX_TEXT} characters)")
    unknown = set(fields) - set(TEXT_FIELDS) - {"status", "progress"}
    if unknown:
        raise ValueError(f"unknown entry fields: {sorted(unknown)}")


def save_entry(db, school: str, plan_id: str, task_id: str, period: str, **fields) -> str:
    """Autosave: upsert the given fields of one entry in one statement; returns updated_at."""
    check_fields(fields)
    now = now_iso()
    cols = ["school_code", "plan_id", "task_id", "period", "updated_at", *fields]
    values = [school, plan_id, task_id, period, now, *fields.values()]
    updates = ", ".join(f"{c} = excluded.{c}" for c in ["updated_at", *fields])
    db.execute(f"INSERT INTO entries ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
               f" ON CONFLICT (school_code, plan_id, task_id, period) DO UPDATE SET {updates}", values)
    return now


def set_indicator(db, school: str, plan_id: str, task_id: str, period: str, seq: int, value: str | None) -> None:
    """Record the achieved value for target ``seq`` (empty/None clears it)."""
    if value is None or not str(value).strip():
        db.execute("DELETE FROM indicator_values WHERE school_code = ? AND plan_id = ? AND task_id = ? AND"
                   " target_seq = ? AND period = ?", [school, plan_id, task_id, seq, period])
        return
    value = numbers.normalise_number(value)
    db.execute("INSERT INTO indicator_values (school_code, plan_id, task_id, target_seq, period, value, updated_at)"
               " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (school_code, plan_id, task_id, target_seq, period)"
               " DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
               [school, plan_id, task_id, seq, period, value, now_iso()])


def touch(db, school: str, plan_id: str, task_id: str, period: str) -> None:
    """Mark the entry as edited now (an evidence file was attached), creating it when needed."""
    db.execute("INSERT INTO entries (school_code, plan_id, task_id, period, updated_at) VALUES (?, ?, ?, ?, ?)"
               " ON CONFLICT DO UPDATE SET updated_at = excluded.updated_at",
               [school, plan_id, task_id, period, now_iso()])


def write_reported(db, school: str, plan_id: str, period: str, revision: int, sha: str, reported: list[dict]) -> None:
    """Bureau side: store the entries and indicator values of an accepted file (``sha``). Call in a transaction,
    after ``move_to_history`` when the file replaces an earlier revision."""
    conn = db.conn
    conn.executemany(
        "INSERT INTO entries (school_code, plan_id, task_id, period, status, progress, narrative, problems,"
        " next_steps, na_reason, updated_at, revision, submission) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(school, plan_id, e["task_id"], period, e["status"], e["progress"], e["narrative"], e["problems"],
          e["next_steps"], e["na_reason"], e["updated_at"], revision, sha) for e in reported])
    conn.executemany(
        "INSERT OR REPLACE INTO indicator_values (school_code, plan_id, task_id, target_seq, period, value,"
        " updated_at, submission) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(school, plan_id, e["task_id"], iv["seq"], period, iv["value"], e["updated_at"], sha)
         for e in reported for iv in e["indicators"]])


def move_to_history(db, school: str, plan_id: str, period: str, replaced_by: str) -> set[str]:
    """Bureau side: move the school's current values for the period to history, then clear them
    (entries, indicator values and evidence links); returns the evidence files the links named."""
    key = [school, plan_id, period]
    old_values: dict[str, list] = {}
    for task_id, seq, value in db.execute("SELECT task_id, target_seq, value FROM indicator_values WHERE school_code = ?"
                                          " AND plan_id = ? AND period = ?", key).fetchall():
        old_values.setdefault(task_id, []).append({"seq": seq, "value": value})
    for row in db.execute("SELECT task_id, status, progress, narrative, problems, next_steps, na_reason, updated_at,"
                          " revision, submission FROM entries WHERE school_code = ? AND plan_id = ? AND period = ?",
                          key).fetchall():
        old = dict(zip(("task_id", *history.HISTORY_FIELDS), row[:8], strict=True))
        history.keep(db, school, plan_id, period, row[0], row[8], row[9], old, old_values.get(row[0], []), replaced_by)
    db.execute("DELETE FROM entries WHERE school_code = ? AND plan_id = ? AND period = ?", key)
    db.execute("DELETE FROM indicator_values WHERE school_code = ? AND plan_id = ? AND period = ?", key)
    return evidence.unlink_period(db, school, plan_id, period)

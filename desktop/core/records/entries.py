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


_COLUMNS = ("task_id, status, progress, narrative, problems, next_steps, na_reason, updated_at, carried_from,"
            " carried_confirmed")


def blank_entry(task_id: str) -> dict:
    return {"task_id": task_id, "status": Status.NOT_STARTED, "progress": 0, "narrative": "", "problems": "", "next_steps": "",
            "na_reason": "", "updated_at": "", "indicators": [], "carried_from": None, "carried_confirmed": False}


def _from_row(row) -> dict:
    return {"task_id": row[0], "status": row[1], "progress": row[2], "narrative": row[3], "problems": row[4],
            "next_steps": row[5], "na_reason": row[6], "updated_at": row[7], "indicators": [],
            "carried_from": row[8], "carried_confirmed": bool(row[9])}


def get_entries(db, school: str, plan_id: str, period: str) -> dict[str, dict]:
    """task_id → entry (with its indicator values) for every task the school has touched."""
    out = {}
    for row in db.execute(f"SELECT {_COLUMNS} FROM entries WHERE school_code = ? AND plan_id = ? AND period = ?",
                          [school, plan_id, period]).fetchall():
        out[row[0]] = _from_row(row)
    for task_id, seq, value in db.execute(
            "SELECT task_id, target_seq, value FROM indicator_values WHERE school_code = ? AND plan_id = ?"
            " AND period = ? ORDER BY task_id, target_seq", [school, plan_id, period]).fetchall():
        out.setdefault(task_id, blank_entry(task_id))["indicators"].append({"seq": seq, "value": value})
    return out


def get_entry(db, school: str, plan_id: str, period: str, task_id: str) -> dict:
    """One task's entry with its indicator values (a blank entry when the school has not touched it)."""
    row = db.execute(f"SELECT {_COLUMNS} FROM entries WHERE school_code = ? AND plan_id = ? AND period = ?"
                     " AND task_id = ?", [school, plan_id, period, task_id]).fetchone()
    out = blank_entry(task_id) if row is None else _from_row(row)
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
    """Autosave: upsert the given fields of one entry in one statement; returns updated_at.

    A carried entry (copied from the previous period) that this changes becomes the school's own answer of the
    period: carried_from and carried_confirmed are cleared. Saving the values it already has changes nothing."""
    check_fields(fields)
    row = db.execute("SELECT status, progress, narrative, problems, next_steps, na_reason, updated_at, carried_from"
                     " FROM entries WHERE school_code = ? AND plan_id = ? AND task_id = ? AND period = ?",
                     [school, plan_id, task_id, period]).fetchone()
    if row is not None:
        current = dict(zip(("status", "progress", *TEXT_FIELDS), row[:6], strict=True))
        if all(current[k] == v for k, v in fields.items()):
            return row[6]
    now = now_iso()
    fields = {**fields, "carried_from": None, "carried_confirmed": 0}
    cols = ["school_code", "plan_id", "task_id", "period", "updated_at", *fields]
    values = [school, plan_id, task_id, period, now, *fields.values()]
    updates = ", ".join(f"{c} = excluded.{c}" for c in ["updated_at", *fields])
    db.execute(f"INSERT INTO entries ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
               f" ON CONFLICT (school_code, plan_id, task_id, period) DO UPDATE SET {updates}", values)
    return now


def set_indicator(db, school: str, plan_id: str, task_id: str, period: str, seq: int, value: str | None) -> None:
    """Record the achieved value for target ``seq`` (empty/None clears it). A change makes a carried entry the
    school's own answer of the period."""
    old = db.execute("SELECT value FROM indicator_values WHERE school_code = ? AND plan_id = ? AND task_id = ? AND"
                     " target_seq = ? AND period = ?", [school, plan_id, task_id, seq, period]).fetchone()
    if value is None or not str(value).strip():
        if old is not None:
            db.execute("DELETE FROM indicator_values WHERE school_code = ? AND plan_id = ? AND task_id = ? AND"
                       " target_seq = ? AND period = ?", [school, plan_id, task_id, seq, period])
            touch(db, school, plan_id, task_id, period)
        return
    value = numbers.normalise_number(value)
    if old is not None and old[0] == value:
        return
    touch(db, school, plan_id, task_id, period)
    db.execute("INSERT INTO indicator_values (school_code, plan_id, task_id, target_seq, period, value, updated_at)"
               " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (school_code, plan_id, task_id, target_seq, period)"
               " DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
               [school, plan_id, task_id, seq, period, value, now_iso()])


def touch(db, school: str, plan_id: str, task_id: str, period: str) -> None:
    """Mark the entry as edited now (an evidence file attached or removed, a value changed), creating it when
    needed; a carried entry becomes the school's own answer of the period."""
    db.execute("INSERT INTO entries (school_code, plan_id, task_id, period, updated_at) VALUES (?, ?, ?, ?, ?)"
               " ON CONFLICT DO UPDATE SET updated_at = excluded.updated_at, carried_from = NULL,"
               " carried_confirmed = 0", [school, plan_id, task_id, period, now_iso()])


def has_records(db, school: str, plan_id: str, period: str) -> bool:
    """Whether the school recorded anything (an entry, a value, a file) for the plan and period."""
    key = [school, plan_id, period]
    return any(db.execute(f"SELECT 1 FROM {table} WHERE school_code = ? AND plan_id = ? AND period = ? LIMIT 1",
                          key).fetchone() is not None for table in ("entries", "indicator_values", "entry_evidence"))


def carry_forward(db, school: str, plan_id: str, source: str, target: str, task_ids) -> int:
    """Start period ``target`` from period ``source``: each entry of ``task_ids`` is copied (status, progress,
    texts, achieved values, evidence links; the files are stored once already), marked carried from ``source``.
    Returns the number of entries carried. Call in a transaction, on a period with nothing recorded."""
    ids = sorted(set(task_ids))
    if not ids:
        return 0
    marks = ", ".join("?" * len(ids))
    n = db.execute(
        "INSERT INTO entries (school_code, plan_id, task_id, period, status, progress, narrative, problems,"
        " next_steps, na_reason, updated_at, carried_from, carried_confirmed) SELECT school_code, plan_id, task_id, ?,"
        " status, progress, narrative, problems, next_steps, na_reason, updated_at, ?, 0 FROM entries"
        f" WHERE school_code = ? AND plan_id = ? AND period = ? AND task_id IN ({marks})",
        [target, source, school, plan_id, source, *ids]).rowcount
    db.execute(
        "INSERT INTO indicator_values (school_code, plan_id, task_id, target_seq, period, value, updated_at)"
        " SELECT school_code, plan_id, task_id, target_seq, ?, value, updated_at FROM indicator_values"
        f" WHERE school_code = ? AND plan_id = ? AND period = ? AND task_id IN ({marks})",
        [target, school, plan_id, source, *ids])
    evidence.copy_links(db, school, plan_id, source, target, ids)
    return n


def has_entry(db, school: str, plan_id: str, period: str, task_id: str) -> bool:
    """Whether the school recorded an answer (an entry row) for the task in the period."""
    return db.execute("SELECT 1 FROM entries WHERE school_code = ? AND plan_id = ? AND period = ? AND task_id = ?",
                      [school, plan_id, period, task_id]).fetchone() is not None


def carry_again(db, school: str, plan_id: str, source: str, target: str, task_id: str) -> bool:
    """沿用上期 once more for one task: its entry and achieved values in ``target`` are replaced by those of
    ``source``, marked carried and not confirmed, and ``source``'s evidence links are added back (links of
    ``target`` that ``source`` lacks are the caller's to remove first, through records.evidence). Returns False
    (and changes nothing) when ``source`` has no answer for the task. Call in a transaction."""
    if not has_entry(db, school, plan_id, source, task_id):
        return False
    key = [school, plan_id, target, task_id]
    db.execute("DELETE FROM entries WHERE school_code = ? AND plan_id = ? AND period = ? AND task_id = ?", key)
    db.execute("DELETE FROM indicator_values WHERE school_code = ? AND plan_id = ? AND period = ? AND task_id = ?", key)
    carry_forward(db, school, plan_id, source, target, [task_id])
    return True


def confirm_carried(db, school: str, plan_id: str, period: str, task_ids) -> list[str]:
    """The school confirms carried entries as still true for the period (确认沿用); returns the task ids that
    were carried and not yet confirmed."""
    return [task_id for task_id in sorted(set(task_ids)) if db.execute(
        "UPDATE entries SET carried_confirmed = 1 WHERE school_code = ? AND plan_id = ? AND period = ? AND task_id = ?"
        " AND carried_from IS NOT NULL AND carried_confirmed = 0", [school, plan_id, period, task_id]).rowcount]


def write_reported(db, school: str, plan_id: str, period: str, revision: int, sha: str, reported: list[dict]) -> None:
    """Bureau side: store the entries and indicator values of an accepted file (``sha``). Call in a transaction,
    after ``move_to_history`` when the file replaces an earlier revision."""
    conn = db.conn
    conn.executemany(
        "INSERT INTO entries (school_code, plan_id, task_id, period, status, progress, narrative, problems,"
        " next_steps, na_reason, updated_at, revision, submission, carried_from, carried_confirmed)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(school, plan_id, e["task_id"], period, e["status"], e["progress"], e["narrative"], e["problems"],
          e["next_steps"], e["na_reason"], e["updated_at"], revision, sha, e.get("carried_from"),
          int(bool(e.get("carried_confirmed")))) for e in reported])
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

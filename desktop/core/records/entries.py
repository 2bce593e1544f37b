"""School side: what the school records for each task (entries, indicator values, evidence)."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from desktop.core import numbers
from desktop.core.db.connection import insert_streamed, now_iso, transaction
from desktop.core.errors import TaizhangError
from desktop.core.package.reportbook import MAX_TEXT, STATUSES
from desktop.core.signing.crypto import sha256_file

TEXT_FIELDS = ("narrative", "problems", "next_steps", "na_reason")
MAX_EVIDENCE_BYTES = 300 << 20
_CHUNK = 1 << 20


def blank_entry(task_id: str) -> dict:
    return {"task_id": task_id, "status": "未开始", "progress": 0, "narrative": "", "problems": "", "next_steps": "",
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


def evidence_counts(db, school: str, plan_id: str, period: str) -> dict[str, int]:
    """task_id → number of evidence files attached."""
    return dict(db.execute("SELECT task_id, COUNT(*) FROM entry_evidence WHERE school_code = ? AND plan_id = ?"
                           " AND period = ? GROUP BY task_id", [school, plan_id, period]).fetchall())


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


def add_evidence(db, school: str, plan_id: str, task_id: str, period: str, file_path, name: str | None = None) -> str:
    """Copy a file into the database (content-addressed, streamed) and attach it; returns its SHA-256."""
    path = Path(file_path)
    if not path.is_file():
        raise TaizhangError(f"找不到文件：{path}", f"file not found: {path}")
    size = path.stat().st_size
    if size > MAX_EVIDENCE_BYTES:
        raise TaizhangError(f"文件过大（{size >> 20} MB，单个佐证材料上限 {MAX_EVIDENCE_BYTES >> 20} MB）",
                            f"file too large ({size >> 20} MB; limit {MAX_EVIDENCE_BYTES >> 20} MB per file)")
    sha = sha256_file(path)
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    display = (name or path.name)[:255]
    with transaction(db):
        if db.execute("SELECT 1 FROM evidence WHERE sha256 = ?", [sha]).fetchone() is None:
            with open(path, "rb") as fh:
                written = insert_streamed(db, "evidence", "data", {"sha256": sha, "size": size, "mime": mime,
                                                                   "added_at": now_iso()}, size, fh)
            if written != sha:
                raise TaizhangError("文件在复制时被改动，请重试", "the file changed while it was being copied; try again")
        db.execute("INSERT OR REPLACE INTO entry_evidence (school_code, plan_id, task_id, period, sha256, name, added_at)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?)", [school, plan_id, task_id, period, sha, display, now_iso()])
        db.execute("INSERT INTO entries (school_code, plan_id, task_id, period, updated_at) VALUES (?, ?, ?, ?, ?)"
                   " ON CONFLICT DO UPDATE SET updated_at = excluded.updated_at",
                   [school, plan_id, task_id, period, now_iso()])
    return sha


def remove_evidence(db, school: str, plan_id: str, task_id: str, period: str, sha256: str) -> None:
    with transaction(db):
        db.execute("DELETE FROM entry_evidence WHERE school_code = ? AND plan_id = ? AND task_id = ? AND period = ?"
                   " AND sha256 = ?", [school, plan_id, task_id, period, sha256])
        db.execute("DELETE FROM evidence WHERE sha256 = ? AND NOT EXISTS"
                   " (SELECT 1 FROM entry_evidence WHERE sha256 = ?)", [sha256, sha256])


def list_evidence(db, school: str, plan_id: str, period: str, task_id: str | None = None) -> list[dict]:
    sql = ("SELECT ee.task_id, ee.sha256, ee.name, e.size, e.mime, ee.added_at FROM entry_evidence ee"
           " JOIN evidence e USING (sha256) WHERE ee.school_code = ? AND ee.plan_id = ? AND ee.period = ?")
    args = [school, plan_id, period]
    if task_id is not None:
        sql += " AND ee.task_id = ?"
        args.append(task_id)
    return [{"task_id": r[0], "sha256": r[1], "name": r[2], "size": r[3], "mime": r[4], "added_at": r[5]}
            for r in db.execute(sql + " ORDER BY ee.added_at, ee.name", args).fetchall()]


def evidence_bytes(db, sha256: str) -> bytes:
    row = db.execute("SELECT data FROM evidence WHERE sha256 = ?", [sha256]).fetchone()
    if row is None:
        raise TaizhangError("找不到该佐证材料", "evidence not found")
    return bytes(row[0])


def open_evidence_blob(db, sha256: str):
    """A read-only stream over the stored file (no full copy in memory)."""
    row = db.execute("SELECT rowid FROM evidence WHERE sha256 = ?", [sha256]).fetchone()
    if row is None:
        raise TaizhangError("找不到该佐证材料", "evidence not found")
    rowid = row[0]
    return db.conn.blobopen("evidence", "data", rowid, readonly=True)


def copy_evidence_to(db, sha256: str, target) -> Path:
    """Stream a stored evidence file out to ``target`` (for opening it in the system viewer)."""
    target = Path(target)
    with open_evidence_blob(db, sha256) as blob, open(target, "wb") as out:
        while chunk := blob.read(_CHUNK):
            out.write(chunk)
    return target

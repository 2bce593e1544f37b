"""Where a merged value came from: what changed between a school's revisions, and which file said it."""

from __future__ import annotations

import json

from desktop.core.errors import TaizhangError
from desktop.core.intake import store
from desktop.core.package.container import MANIFEST
from desktop.core.review.rules import with_evidence

FIELDS = ("status", "progress", "narrative", "problems", "next_steps", "na_reason", "indicators")
FIELD_LABELS = {"status": "状态", "progress": "进度", "narrative": "完成情况说明", "problems": "存在问题",
                "next_steps": "下步打算", "na_reason": "不适用原因", "indicators": "量化指标"}


def _current(db, school: str, task_id: str | None = None) -> dict[tuple, dict]:
    sql = ("SELECT e.plan_id, e.period, e.task_id, e.status, e.progress, e.narrative, e.problems, e.next_steps,"
           " e.na_reason, e.updated_at, e.revision, e.submission FROM entries e WHERE e.school_code = ?")
    args = [school]
    if task_id:
        sql += " AND e.task_id = ?"
        args.append(task_id)
    out = {}
    for r in db.execute(sql, args).fetchall():
        out[(r[0], r[1], r[2])] = {"status": r[3], "progress": r[4], "narrative": r[5], "problems": r[6],
                                   "next_steps": r[7], "na_reason": r[8], "updated_at": r[9], "revision": r[10],
                                   "submission": r[11], "indicators": []}
    for plan_id, period, tid, seq, value in db.execute(
            "SELECT plan_id, period, task_id, target_seq, value FROM indicator_values WHERE school_code = ?"
            " ORDER BY target_seq", [school]).fetchall():
        if (plan_id, period, tid) in out:
            out[(plan_id, period, tid)]["indicators"].append({"seq": seq, "value": value})
    return out


def _history(db, school: str, task_id: str | None = None) -> dict[tuple, list[dict]]:
    sql = ("SELECT plan_id, period, task_id, revision, submission, data FROM entry_history WHERE school_code = ?")
    args = [school]
    if task_id:
        sql += " AND task_id = ?"
        args.append(task_id)
    out: dict[tuple, list[dict]] = {}
    for plan_id, period, tid, revision, submission, data in db.execute(sql + " ORDER BY revision", args).fetchall():
        out.setdefault((plan_id, period, tid), []).append(
            dict(json.loads(data), revision=revision, submission=submission))
    return out


def history(db, school: str) -> list[dict]:
    """For each task, the fields that changed from one revision to the next (oldest first)."""
    if db.execute("SELECT 1 FROM schools WHERE code = ?", [school]).fetchone() is None:
        raise TaizhangError(f"学校代码 {school} 不在学校名单中", f"school {school} is not in the roster")
    titles = dict(db.execute("SELECT task_id, title FROM tasks").fetchall())
    current, past = _current(db, school), _history(db, school)
    out = []
    for key in sorted(set(current) | set(past)):
        versions = sorted(past.get(key, []), key=lambda v: v["revision"] or 0)
        if key in current:
            versions.append(current[key])
        for old, new in zip(versions, versions[1:], strict=False):
            diff = [{"field": f, "label": FIELD_LABELS[f], "old": old.get(f), "new": new.get(f)}
                    for f in FIELDS if old.get(f) != new.get(f)]
            if diff:
                out.append({"period": key[1], "task_id": key[2], "title": titles.get(key[2], ""),
                            "from_revision": old["revision"], "to_revision": new["revision"], "changes": diff})
    return out


def trace(db, school: str, task_id: str) -> dict:
    """The current value of one school's task and the archived file each value came from."""
    current = _current(db, school, task_id)
    past = _history(db, school, task_id)
    if not current and not past:
        raise TaizhangError(f"没有 {school} 对任务 {task_id} 的报送记录", f"no merged entry for school {school}, task {task_id}")
    files = {r[0]: {"file": r[1], "received_at": r[2], "created_at": r[3], "archived": bool(r[4])}
             for r in db.execute("SELECT s.sha256, s.file_name, s.received_at, s.created_at,"
                                 " EXISTS (SELECT 1 FROM archive a WHERE a.sha256 = s.sha256)"
                                 " FROM submissions s WHERE s.school_code = ?", [school]).fetchall()}
    out = []
    for key in sorted(set(current) | set(past)):
        versions = past.get(key, []) + ([current[key]] if key in current else [])
        out.append({"period": key[1], "task_id": key[2], "versions": [
            dict(v, source=files.get(v["submission"], {}), current=(v is versions[-1] and key in current))
            for v in versions]})
    return {"school": school, "task_id": task_id, "periods": out}


def reported_manifest(db, school: str, plan_id: str, period: str, revision: int) -> dict | None:
    """The manifest of the school's file of ``revision``, read from the archived original (verified when it
    was merged); None when no such file was kept."""
    row = db.execute("SELECT sha256 FROM submissions WHERE school_code = ? AND plan_id = ? AND period = ?"
                     " AND revision = ? AND outcome IN ('accepted', 'stale') ORDER BY received_at LIMIT 1",
                     [school, plan_id, period, revision]).fetchone()
    if row is None:
        return None
    try:
        return json.loads(store.archived_member(db, row[0], MANIFEST))
    except TaizhangError:
        return None


def reported(db, school: str, plan_id: str, period: str, revision: int) -> dict[str, dict] | None:
    """What the school's file of ``revision`` said, task by task (entries with their ``evidence`` list)."""
    m = reported_manifest(db, school, plan_id, period, revision)
    return None if m is None else with_evidence(m["entries"], m["evidence"])

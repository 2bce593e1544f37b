"""School use cases."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from desktop.core import (
    crypto,
    entries,
    identity,
    planbook,
    planstore,
    report,
    tasktree,
)
from desktop.core.errors import TaizhangError
from desktop.core.package import EvidenceSource, write_package
from desktop.core.store import audit, now_iso, open_db, transaction

# ------------------------------------------------------------------------------------------ school


def school_init(plan_file, school_code: str, db_path, *, passphrase: str | None = None) -> identity.Identity:
    """Load the county's plan workbook, pin the county key, and create this school's key."""
    pkg, m = planbook.read_plan_package(plan_file)
    school = next((s for s in m["schools"] if s["code"] == school_code), None)
    if school is None:
        raise TaizhangError(f"学校代码 {school_code} 不在任务清单的学校名单中",
                            f"school code {school_code} is not in the plan's roster")
    if Path(db_path).exists() and Path(db_path).stat().st_size > 0:
        db = open_db(db_path)
        existing = identity.load(db, required=False)
        if existing is not None:
            db.close()
            raise TaizhangError("此数据文件已经初始化过", "this database is already initialised")
    else:
        db = open_db(db_path, create=True)
    try:
        with transaction(db):
            ident = identity.create(db, role="school", county=m["county"], school_code=school["code"],
                                    school_name=school["name"], passphrase=passphrase)
            identity.pin(db, "county", m["county"], pkg.public_key, pkg.file_sha256)
            _store_plan(db, m)
            audit(db, "school.init", school_code, json.dumps({"county_fingerprint": pkg.fingerprint}))
        return ident
    finally:
        db.close()


def load_plan_update(db, plan_file) -> dict:
    """Load a newer version of the plan workbook signed by the pinned county key."""
    ident = identity.load(db, role="school")
    pkg, m = planbook.read_plan_package(plan_file)
    pinned = identity.pinned_key(db, "county", ident.county)
    if m["county"] != ident.county or pinned != pkg.public_key:
        raise TaizhangError("任务清单不是由本县教育局的密钥签名的，已拒绝", "the plan is not signed by this county's pinned key")
    current = planstore.current_plan(db)
    if current and current["id"] == m["plan"]["id"] and current["version"] >= m["plan"]["version"]:
        raise TaizhangError("这个版本的任务清单已经载入过", "this plan version is already loaded")
    with transaction(db):
        _store_plan(db, m)
        audit(db, "plan.update", m["plan"]["id"], json.dumps({"version": m["plan"]["version"]}))
    return m["plan"]


def _store_plan(db, m: dict) -> None:
    plan = m["plan"]
    db.execute("INSERT INTO plans (plan_id, title, county, year, version, digest, created_at, published_at)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (plan_id) DO UPDATE SET title = excluded.title,"
               " version = excluded.version, digest = excluded.digest, published_at = excluded.published_at",
               [plan["id"], plan["title"], m["county"], plan.get("year"), plan["version"], plan["digest"],
                now_iso(), m["created_at"]])
    db.execute("INSERT OR IGNORE INTO plan_versions (plan_id, version, digest, published_at, package_id)"
               " VALUES (?, ?, ?, ?, ?)", [plan["id"], plan["version"], plan["digest"], m["created_at"], m["package_id"]])
    planstore.store_plan_tasks(db, plan["id"], m["tasks"])
    planstore.replace_roster(db, m["schools"])
    for p in m["periods"]:
        planstore.upsert_period(db, p["name"], p.get("due_date"))


def school_tasks(db) -> list[dict]:
    """The plan's leaf tasks that apply to this school, in document order."""
    ident = identity.load(db, role="school")
    plan = planstore.current_plan(db)
    school = db.execute("SELECT type, name FROM schools WHERE code = ?", [ident.school_code]).fetchone()
    return [t for t in planstore.plan_tasks(db, plan["id"])
            if not t["is_heading"] and tasktree.applies_to_school(t["applies_to"], school[0], school[1])]


def default_period(db) -> str:
    """The earliest period still open whose due date has not passed long ago, else the last one."""
    periods = planstore.periods(db)
    if not periods:
        raise TaizhangError("任务清单中没有填报周期", "the plan has no reporting period")
    today = now_iso()[:10]
    return next((p["name"] for p in periods if p["due_date"] and p["due_date"] >= today), periods[-1]["name"])


def export_report(db, out, *, period: str | None = None, passphrase: str | None = None,
                  progress=None) -> dict:
    """Write the school's signed report package for ``period``; each export is revision n+1."""
    ident = identity.load(db, role="school")
    plan = planstore.current_plan(db)
    period = period or default_period(db)
    if db.execute("SELECT 1 FROM periods WHERE name = ?", [period]).fetchone() is None:
        raise TaizhangError(f"填报周期“{period}”不存在", f"unknown reporting period '{period}'")
    tasks = school_tasks(db)
    recorded = entries.get_entries(db, ident.school_code, plan["id"], period)
    rows = [recorded.get(t["task_id"]) or entries.blank_entry(t["task_id"]) for t in tasks]
    for row in rows:
        row["updated_at"] = row["updated_at"] or ""
    ev_rows = entries.list_evidence(db, ident.school_code, plan["id"], period)
    known = {t["task_id"] for t in tasks}
    evidence = [EvidenceSource(e["sha256"], e["name"], e["size"], e["mime"], e["task_id"],
                               lambda sha=e["sha256"]: entries.open_evidence_blob(db, sha))
                for e in ev_rows if e["task_id"] in known]
    key = ident.private_key(passphrase)
    with transaction(db):
        revision = db.execute("SELECT COALESCE(MAX(revision), 0) + 1 FROM exports WHERE plan_id = ? AND period = ?",
                              [plan["id"], period]).fetchone()[0]
        package_id = str(uuid.uuid4())
        db.execute("INSERT INTO exports (package_id, plan_id, period, revision, file_name, sha256, created_at)"
                   " VALUES (?, ?, ?, ?, ?, '', ?)", [package_id, plan["id"], period, revision, Path(out).name, now_iso()])
    content = {
        "county": ident.county,
        "package_id": package_id,
        "created_at": now_iso(),
        "plan": {"id": plan["id"], "version": plan["version"], "digest": plan["digest"], "title": plan["title"]},
        "school": {"code": ident.school_code, "name": ident.school_name},
        "period": period,
        "revision": revision,
        "entries": rows,
        "evidence": [e.manifest_entry() for e in evidence],
        "tasks": report.task_summaries(tasks),
    }
    wb = report.build_workbook(content, ident.fingerprint)
    try:
        manifest = write_package(out, kind="report", content=content, workbook=wb, evidence=evidence, key=key,
                                 progress=progress)
    except BaseException:
        with transaction(db):
            db.execute("DELETE FROM exports WHERE package_id = ?", [package_id])
        raise
    with transaction(db):
        db.execute("UPDATE exports SET sha256 = ? WHERE package_id = ?", [crypto.sha256_file(out), package_id])
        audit(db, "export", period, json.dumps({"revision": revision, "file": Path(out).name}, ensure_ascii=False))
    manifest["package_code"] = report.package_code(package_id)
    return manifest



"""Use cases: one function per user action. The CLI and the GUI both call these and nothing lower."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from desktop.core import (
    crypto,
    entries,
    identity,
    merge,
    planbook,
    planstore,
    report,
    store,
    summary,
    tasktree,
)
from desktop.core.errors import TaizhangError
from desktop.core.package import EvidenceSource, write_package
from desktop.core.plan import parse_plan_file
from desktop.core.roster import read_roster
from desktop.core.store import audit, now_iso, open_db, transaction

# ------------------------------------------------------------------------------------------ county


def county_init(db_path, name: str, *, passphrase: str | None = None) -> identity.Identity:
    name = name.strip()
    if not name:
        raise TaizhangError("请填写县区名称", "the county name is empty")
    db = open_db(db_path, create=True)
    try:
        with transaction(db):
            ident = identity.create(db, role="county", county=name, passphrase=passphrase)
            audit(db, "county.init", name, json.dumps({"fingerprint": ident.fingerprint}))
        return ident
    finally:
        db.close()


def import_plan(db, plan_file, *, plan_id: str | None = None) -> str:
    """Parse the bureau's plan document into a draft plan (a new one, or a new draft of ``plan_id``)."""
    ident = identity.load(db, role="county")
    parsed = parse_plan_file(plan_file)
    if not parsed["tasks"]:
        raise TaizhangError("没有从文件中识别出任何任务", "no tasks were found in the document")
    if plan_id is None:
        existing = planstore.current_plan(db)
        plan_id = existing["id"] if existing and existing["title"] == (parsed.get("title") or Path(plan_file).name) else None
    with transaction(db):
        plan_id = planstore.save_parsed_plan(db, parsed, county=ident.county, source_name=Path(plan_file).name,
                                             plan_id=plan_id)
        audit(db, "plan.import", plan_id, json.dumps({"file": Path(plan_file).name, "tasks": len(parsed["tasks"])}))
    return plan_id


def import_roster(db, roster_file) -> int:
    rows = read_roster(roster_file)
    with transaction(db):
        planstore.replace_roster(db, rows)
        audit(db, "roster.import", Path(roster_file).name, json.dumps({"schools": len(rows)}))
    return len(rows)


def parse_period(spec: str) -> tuple[str, str | None]:
    """'2026年上半年:2026-07-10' → ('2026年上半年', '2026-07-10')."""
    name, _, due = spec.partition(":")
    name, due = name.strip(), due.strip() or None
    if not name:
        raise TaizhangError("填报周期名称为空", "the reporting period name is empty")
    if due is not None:
        try:
            from datetime import date

            date.fromisoformat(due)
        except ValueError as exc:
            raise TaizhangError(f"截止日期格式应为 YYYY-MM-DD：{due}", f"the due date must be YYYY-MM-DD: {due}") from exc
    return name, due


def add_period(db, spec: str) -> str:
    name, due = parse_period(spec)
    with transaction(db):
        planstore.upsert_period(db, name, due)
    return name


def publish(db, out, *, plan_id: str | None = None, passphrase: str | None = None) -> dict:
    """Write the signed plan workbook; each publish is a new version with the same task ids."""
    ident = identity.load(db, role="county")
    plan = planstore.current_plan(db) if plan_id is None else _plan(db, plan_id)
    if plan is None:
        raise TaizhangError("还没有导入工作计划", "no plan has been imported yet")
    tasks = planstore.plan_tasks(db, plan["id"])
    schools, periods = planstore.schools(db), planstore.periods(db)
    if not schools:
        raise TaizhangError("学校名单为空，请先导入学校名单", "the roster is empty: import the schools first")
    if not periods:
        raise TaizhangError("还没有设置填报周期", "no reporting period has been set")
    digest = planbook.plan_digest(plan["title"], tasks, schools, periods)
    version = plan["version"] + (0 if digest == plan["digest"] else 1)
    content = {
        "county": ident.county,
        "package_id": str(uuid.uuid4()),
        "created_at": now_iso(),
        "plan": {"id": plan["id"], "version": version, "digest": digest, "title": plan["title"], "year": plan["year"]},
        "tasks": tasks,
        "schools": schools,
        "periods": periods,
    }
    wb = planbook.build_workbook(content, ident.fingerprint)
    write_package(out, kind="plan", content=content, workbook=wb, key=ident.private_key(passphrase))
    with transaction(db):
        db.execute("UPDATE plans SET version = ?, digest = ?, published_at = ? WHERE plan_id = ?",
                   [version, digest, content["created_at"], plan["id"]])
        db.execute("INSERT OR IGNORE INTO plan_versions (plan_id, version, digest, published_at, package_id)"
                   " VALUES (?, ?, ?, ?, ?)", [plan["id"], version, digest, content["created_at"], content["package_id"]])
        audit(db, "plan.publish", plan["id"], json.dumps({"version": version, "file": Path(out).name}))
    return content


def _plan(db, plan_id: str) -> dict:
    row = db.execute("SELECT plan_id, title, county, year, version, digest FROM plans WHERE plan_id = ?",
                     [plan_id]).fetchone()
    if row is None:
        raise TaizhangError("找不到该工作计划", "plan not found")
    return {"id": row[0], "title": row[1], "county": row[2], "year": row[3], "version": row[4], "digest": row[5]}


def merge_files(db, paths, **kwargs) -> list[merge.Outcome]:
    return merge.merge_paths(db, paths, **kwargs)


def write_summary(db, out, *, period: str | None = None) -> Path:
    plan = planstore.current_plan(db)
    if plan is None or not plan["version"]:
        raise TaizhangError("还没有发布工作计划", "no plan has been published yet")
    periods = planstore.periods(db)
    if period is None:
        if not periods:
            raise TaizhangError("还没有设置填报周期", "no reporting period has been set")
        period = periods[-1]["name"]
    return summary.write_summary(db, plan["id"], period, out)


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
    }
    wb = report.build_workbook(content, {t["task_id"]: t for t in tasks}, ident.fingerprint)
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


# ------------------------------------------------------------------------------------------ both


def verify_files(paths) -> list[dict]:
    """Check each file; never raises for a bad file (the reason goes in the result)."""
    from desktop.core.package import PackageInvalid, verify_package

    out = []
    for path in paths:
        item = {"file": str(path), "valid": False, "kind": None, "school": None, "revision": None, "reason": ""}
        try:
            pkg = verify_package(path)
            m = pkg.manifest
            if m["kind"] == "report":
                report.check_content(m)
            item.update(valid=True, kind=m["kind"], revision=m.get("revision"),
                        school=(m.get("school") or {}).get("code"), fingerprint=pkg.fingerprint)
        except PackageInvalid as exc:
            item["reason"] = str(exc)
            if exc.sheets:
                item["sheets"] = exc.sheets
            if exc.changes:
                item["changes"] = exc.changes
        out.append(item)
    return out


def backup(db_path, out) -> Path:
    db = open_db(db_path)
    try:
        return store.backup(db, out)
    finally:
        db.close()

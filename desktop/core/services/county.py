"""Bureau (county) use cases."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from desktop.core import identity, merge, planstore
from desktop.core.errors import TaizhangError
from desktop.core.package import write_package
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
    from desktop.core.plan import parse_plan_file  # the parser is only needed here

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
    from desktop.core import planbook  # openpyxl: loaded only by the commands that write workbooks

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
    from desktop.core import summary

    plan = planstore.current_plan(db)
    if plan is None or not plan["version"]:
        raise TaizhangError("还没有发布工作计划", "no plan has been published yet")
    periods = planstore.periods(db)
    if period is None:
        if not periods:
            raise TaizhangError("还没有设置填报周期", "no reporting period has been set")
        period = periods[-1]["name"]
    return summary.write_summary(db, plan["id"], period, out)



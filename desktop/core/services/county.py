"""Bureau (county) use cases."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from desktop.core.db.connection import audit, now_iso, open_db, transaction
from desktop.core.errors import TaizhangError
from desktop.core.intake import merge
from desktop.core.package.container import write_package
from desktop.core.roster.reader import read_roster
from desktop.core.signing import identity
from desktop.core.tasklist import store as task_store

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
    from desktop.core.planreader import parse_plan_file  # the parser is only needed here

    ident = identity.load(db, role="county")
    parsed = parse_plan_file(plan_file)
    if not parsed["tasks"]:
        raise TaizhangError("没有从文件中识别出任何任务", "no tasks were found in the document")
    if plan_id is None:
        existing = task_store.current_plan(db)
        plan_id = existing["id"] if existing and existing["title"] == (parsed.get("title") or Path(plan_file).name) else None
    source_text = plan_source_from_file(plan_file)
    with transaction(db):
        plan_id = task_store.save_parsed_plan(db, parsed, county=ident.county, source_name=Path(plan_file).name,
                                             source_text=source_text, plan_id=plan_id)
        audit(db, "plan.import", plan_id, json.dumps({"file": Path(plan_file).name, "tasks": len(parsed["tasks"])}))
    return plan_id


def import_roster(db, roster_file) -> int:
    rows = read_roster(roster_file)
    with transaction(db):
        task_store.replace_roster(db, rows)
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
        task_store.upsert_period(db, name, due)
    return name


def publish(db, out, *, plan_id: str | None = None, passphrase: str | None = None) -> dict:
    """Write the signed plan workbook; each publish is a new version with the same task ids."""
    from desktop.core.package import planbook  # openpyxl: loaded only by the commands that write workbooks

    ident = identity.load(db, role="county")
    plan = task_store.current_plan(db) if plan_id is None else _plan(db, plan_id)
    if plan is None:
        raise TaizhangError("还没有导入工作计划", "no plan has been imported yet")
    tasks = task_store.plan_tasks(db, plan["id"])
    schools, periods = task_store.schools(db), task_store.periods(db)
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
        task_ids = json.dumps([t["task_id"] for t in tasks if not t["is_heading"]], ensure_ascii=False)
        db.execute("INSERT OR IGNORE INTO plan_versions (plan_id, version, digest, published_at, package_id, task_ids)"
                   " VALUES (?, ?, ?, ?, ?, ?)",
                   [plan["id"], version, digest, content["created_at"], content["package_id"], task_ids])
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
    from desktop.core.standing import workbook

    plan = task_store.current_plan(db)
    if plan is None or not plan["version"]:
        raise TaizhangError("还没有发布工作计划", "no plan has been published yet")
    periods = task_store.periods(db)
    if period is None:
        if not periods:
            raise TaizhangError("还没有设置填报周期", "no reporting period has been set")
        period = periods[-1]["name"]
    return workbook.write_summary(db, plan["id"], period, out)




# ------------------------------------------------------------------------------ the county key


def county_info(db) -> dict:
    """The bureau's identity for the GUI: name, key fingerprint (also in groups of 4)."""
    from desktop.core.signing.crypto import format_fingerprint

    ident = identity.load(db, role="county")
    return {"county": ident.county, "fingerprint": ident.fingerprint,
            "fingerprint_groups": format_fingerprint(ident.fingerprint), "key_protected": ident.key_protected}


def fingerprint_notice(db) -> str:
    """The text of the notice the bureau sends to schools so they can check the key (trust on first use)."""
    info = county_info(db)
    return (f"{info['county']}教育局 台账 · 县局签名密钥指纹\n"
            f"{'=' * 40}\n\n"
            f"    {info['fingerprint_groups']}\n\n"
            "各学校：\n"
            "首次用“台账”打开本局下发的任务清单文件时，程序会显示发布者的密钥指纹。"
            "请逐组核对它与上面的指纹完全一致后再继续；如不一致，请不要使用该文件，并及时与教育局联系。\n\n"
            "County signing key fingerprint (SHA-256 of the Ed25519 public key). Schools compare it with the "
            "fingerprint the program shows when they open the plan workbook for the first time.\n")


def write_fingerprint_notice(db, out) -> Path:
    """Save the notice as a UTF-8 text file (with BOM, so old Windows Notepad shows the Chinese)."""
    from desktop.core.db.atomic import atomic_target

    text = fingerprint_notice(db).replace("\n", "\r\n")
    with atomic_target(out) as tmp:
        tmp.write_bytes(text.encode("utf-8-sig"))
    return Path(out)


# ------------------------------------------------------------------------------ plan and review


def plan_source_from_file(plan_file) -> str:
    """The document's text as the parser read it (lines in reading order); '' when it cannot be read."""
    from desktop.core.planreader.readers import read_lines

    try:
        return "\n".join(text for text, _atomic in read_lines(Path(plan_file)) if isinstance(text, str))
    except (TaizhangError, OSError, ValueError):
        return ""


def plan_source(db, plan_id: str) -> dict:
    """The stored source text of a plan and the name of the file it came from."""
    row = db.execute("SELECT source_text, source_name FROM plans WHERE plan_id = ?", [plan_id]).fetchone()
    if row is None:
        raise TaizhangError("找不到该工作计划", "plan not found")
    return {"text": row[0] or "", "name": row[1] or ""}


def attach_plan_source(db, plan_id: str, plan_file) -> str:
    """Re-read the plan document (when its text was not kept) and store its text for the review."""
    text = plan_source_from_file(plan_file)
    if not text:
        raise TaizhangError(f"无法读取文件的文字：{Path(plan_file).name}", f"cannot read the text of {Path(plan_file).name}")
    with transaction(db):
        db.execute("UPDATE plans SET source_text = ? WHERE plan_id = ?", [text, plan_id])
    return text


def plan_state(db) -> dict | None:
    """The current plan: version, when published, and whether it changed since (a new version on publish)."""
    from desktop.core.package import planbook

    plan = task_store.current_plan(db)
    if plan is None:
        return None
    tasks = task_store.plan_tasks(db, plan["id"])
    digest = planbook.plan_digest(plan["title"], tasks, task_store.schools(db), task_store.periods(db))
    published_at = db.execute("SELECT published_at FROM plans WHERE plan_id = ?", [plan["id"]]).fetchone()[0]
    leaves = [t for t in tasks if not t["is_heading"]]
    return plan | {
        "published_at": published_at,
        "changed": bool(plan["version"]) and digest != plan["digest"],
        "tasks": len(leaves),
        "placeholders": sum(1 for t in leaves for x in t["targets"] if x["value"] is None),
    }


def publish_check(db) -> dict:
    """What stops a publish (errors) and what the bureau should look at first (warnings), as (zh, en)."""
    errors, warnings = [], []
    plan = task_store.current_plan(db)
    if plan is None:
        errors.append(("还没有导入工作计划", "no plan has been imported yet"))
    if not task_store.schools(db):
        errors.append(("学校名单为空，请先导入学校名单", "the roster is empty: import the schools first"))
    if not task_store.periods(db):
        errors.append(("还没有设置填报周期", "no reporting period has been set"))
    if plan is not None:
        leaves = [t for t in task_store.plan_tasks(db, plan["id"]) if not t["is_heading"]]
        holes = [t for t in leaves if any(x["value"] is None for x in t["targets"])]
        if holes:
            warnings.append((f"有 {len(holes)} 项任务的量化指标还没有填写目标值（如 {holes[0]['task_id']}）",
                             f"{len(holes)} tasks have targets without a value (e.g. {holes[0]['task_id']})"))
        untitled = [t for t in leaves if not t["text"].strip()]
        if untitled:
            warnings.append((f"有 {len(untitled)} 项任务没有具体内容（如 {untitled[0]['task_id']}）",
                             f"{len(untitled)} tasks have no text (e.g. {untitled[0]['task_id']})"))
    return {"errors": errors, "warnings": warnings}


# ------------------------------------------------------------------------------ roster, periods


def _school_fields(fields: dict) -> dict:
    out = {}
    for key in ("name", "type", "township"):
        if key in fields:
            value = str(fields[key] or "").strip()
            if key == "name" and not value:
                raise TaizhangError("学校名称不能为空", "the school name cannot be empty")
            out[key] = value[:100]
    return out


def add_school(db, code: str, name: str, type: str = "", township: str = "") -> None:
    code = str(code or "").strip()
    if not code:
        raise TaizhangError("学校代码不能为空", "the school code cannot be empty")
    fields = _school_fields({"name": name, "type": type, "township": township})
    with transaction(db):
        if db.execute("SELECT 1 FROM schools WHERE code = ?", [code]).fetchone():
            raise TaizhangError(f"学校代码已存在：{code}", f"the school code already exists: {code}")
        task_store.replace_roster(db, [{"code": code, **fields}])
        audit(db, "roster.add", code)


def update_school(db, code: str, **fields) -> None:
    """Change a school's name, type or township (the code is what reports refer to: it stays)."""
    unknown = set(fields) - {"name", "type", "township"}
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    values = _school_fields(fields)
    with transaction(db):
        for key, value in values.items():
            cur = db.execute(f"UPDATE schools SET {key} = ? WHERE code = ?", [value, code])
            if cur.rowcount == 0:
                raise TaizhangError(f"学校名单中没有 {code}", f"school {code} is not in the roster")
        audit(db, "roster.edit", code, json.dumps(sorted(values)))


def remove_school(db, code: str) -> None:
    with transaction(db):
        if db.execute("SELECT 1 FROM submissions WHERE school_code = ? AND outcome = 'accepted' LIMIT 1",
                      [code]).fetchone():
            raise TaizhangError(f"学校 {code} 已有报送数据，不能从名单中删除", f"school {code} has reports; it cannot be removed")
        db.execute("DELETE FROM schools WHERE code = ?", [code])
        audit(db, "roster.remove", code)


def period_list(db) -> list[dict]:
    """Periods with due date, closed flag and how many files were accepted for each."""
    counts = dict(db.execute("SELECT period, COUNT(DISTINCT school_code) FROM submissions WHERE outcome = 'accepted'"
                             " GROUP BY period").fetchall())
    return [{"name": r[0], "due_date": r[1], "closed": bool(r[2]), "reported": counts.get(r[0], 0)}
            for r in db.execute("SELECT name, due_date, closed FROM periods ORDER BY due_date, name").fetchall()]


def update_period(db, name: str, *, due_date: str | None = None, closed: bool | None = None) -> None:
    """Change a period's due date ('' clears it) or close/reopen it (a closed period accepts no files)."""
    with transaction(db):
        if db.execute("SELECT 1 FROM periods WHERE name = ?", [name]).fetchone() is None:
            raise TaizhangError(f"填报周期“{name}”不存在", f"unknown reporting period '{name}'")
        if due_date is not None:
            _, due = parse_period(f"{name}:{due_date}")
            db.execute("UPDATE periods SET due_date = ? WHERE name = ?", [due, name])
        if closed is not None:
            db.execute("UPDATE periods SET closed = ? WHERE name = ?", [int(bool(closed)), name])
        audit(db, "period.edit", name, json.dumps({"due_date": due_date, "closed": closed}))


def remove_period(db, name: str) -> None:
    with transaction(db):
        if db.execute("SELECT 1 FROM submissions WHERE period = ? LIMIT 1", [name]).fetchone():
            raise TaizhangError(f"填报周期“{name}”已收到报送文件，不能删除（可以关闭）",
                                f"period '{name}' has received files; close it instead")
        db.execute("DELETE FROM periods WHERE name = ?", [name])
        audit(db, "period.remove", name)


# ------------------------------------------------------------------------------ import, keys


def count_inputs(paths) -> int:
    """How many packages a merge of ``paths`` will look at (files, folder contents, archive members)."""
    return sum(1 for _ in merge.collect_inputs(paths))


def key_requests(db) -> list[dict]:
    """Schools whose files came signed by a new key, waiting for the bureau to approve or refuse it."""
    from desktop.core.signing.crypto import format_fingerprint

    names = dict(db.execute("SELECT code, name FROM schools").fetchall())
    out = []
    for fp, code, first_seen in db.execute(
            "SELECT fingerprint, owner_code, first_seen FROM trusted_keys WHERE owner_kind = 'school'"
            " AND status = 'pending' ORDER BY first_seen, owner_code").fetchall():
        pinned = db.execute("SELECT fingerprint FROM trusted_keys WHERE owner_kind = 'school' AND owner_code = ?"
                            " AND status = 'pinned'", [code]).fetchone()
        waiting = db.execute("SELECT COUNT(*) FROM submissions WHERE school_code = ? AND reason_code = 'key_pending'"
                             " AND signer_fingerprint = ?", [code, fp]).fetchone()[0]
        out.append({"school": code, "name": names.get(code, ""), "fingerprint": fp,
                    "fingerprint_groups": format_fingerprint(fp), "pinned": pinned[0] if pinned else None,
                    "pinned_groups": format_fingerprint(pinned[0]) if pinned else "", "first_seen": first_seen,
                    "waiting": waiting})
    return out


def approve_key(db, school: str) -> list[merge.Outcome]:
    """Trust the school's new key; the files that waited for it are merged now."""
    return merge.approve_key(db, school)


def refuse_key(db, school: str) -> None:
    merge.refuse_key(db, school)


# ------------------------------------------------------------------------------ overview


def overview_period(db) -> str | None:
    """The period the overview opens on: the one with the most reporting schools, else the first open one."""
    periods = period_list(db)
    if not periods:
        return None
    busiest = max(periods, key=lambda p: p["reported"])
    if busiest["reported"]:
        return busiest["name"]
    return next((p["name"] for p in periods if not p["closed"]), periods[0]["name"])


def _rate(done: int, total: int) -> float:
    return done / total if total else 0.0


def overview(db, period: str | None = None) -> dict | None:
    """Everything the bureau's overview shows for one period: the school × task status matrix,
    completion per task and per school, schools not reported and reported late. None without a plan."""
    from desktop.core.standing import workbook

    plan = task_store.current_plan(db)
    if plan is None:
        return None
    period = period or overview_period(db)
    data = workbook.collect(db, plan["id"], period or "")
    tasks, schools, subs, status = data["tasks"], data["schools"], data["submissions"], data["status"]
    applicable = {code: set(ids) for code, ids in data["applicable"].items()}
    evidence: dict[tuple[str, str], int] = {}
    for code, task_id, *_ in data["evidence"]:
        evidence[(code, task_id)] = evidence.get((code, task_id), 0) + 1
    per_school = []
    for s in schools:
        sub = subs.get(s["code"])
        counts = {k: 0 for k in ("已完成", "进行中", "未开始", "不适用")}
        if sub:
            for tid in applicable[s["code"]]:
                counts[status.get((s["code"], tid), "未开始")] += 1
        n_app = len(applicable[s["code"]])
        per_school.append(s | {"reported": sub is not None, "revision": sub["revision"] if sub else None,
                               "created_at": sub["created_at"] if sub else None,
                               "late": bool(sub) and workbook.is_late(sub, data["due"]),
                               "applicable": n_app, **{f"n_{k}": v for k, v in counts.items()},
                               "rate": _rate(counts["已完成"], n_app - counts["不适用"]) if sub else 0.0})
    per_task = []
    reported_codes = [s["code"] for s in schools if s["code"] in subs]
    for t in tasks:
        tid = t["task_id"]
        counts = {k: 0 for k in ("已完成", "进行中", "未开始", "不适用")}
        for code in reported_codes:
            if tid in applicable[code]:
                counts[status.get((code, tid), "未开始")] += 1
        n_app = sum(1 for s in schools if tid in applicable[s["code"]])
        answered = sum(counts.values())
        per_task.append({"task_id": tid, "title": t["title"], "deadline": t["deadline"], "applicable": n_app,
                         "reported": answered, **{f"n_{k}": v for k, v in counts.items()},
                         "rate": _rate(counts["已完成"], answered - counts["不适用"])})
    done = sum(p["n_已完成"] for p in per_school)
    answered = sum(p["applicable"] - p["n_不适用"] for p in per_school if p["reported"])
    return {
        "plan": plan, "period": period, "due": data["due"], "tasks": tasks, "schools": schools,
        "status": status, "applicable": applicable, "submissions": subs, "evidence": evidence,
        "per_school": per_school, "per_task": per_task,
        "missing": [p for p in per_school if not p["reported"]],
        "late": [p for p in per_school if p["late"]],
        "reported": len(reported_codes), "rate": _rate(done, answered),
    }


def school_task_detail(db, period: str, school: str, task_id: str) -> dict:
    """One cell of the matrix: the task, what the school reported on it and its evidence files."""
    from desktop.core.records import entries

    plan = task_store.current_plan(db)
    if plan is None:
        raise TaizhangError("还没有导入工作计划", "no plan has been imported yet")
    task = next((t for t in task_store.plan_tasks(db, plan["id"]) if t["task_id"] == task_id), None)
    if task is None:
        raise TaizhangError(f"找不到任务 {task_id}", f"task {task_id} not found")
    srow = db.execute("SELECT code, name, type, township FROM schools WHERE code = ?", [school]).fetchone()
    if srow is None:
        raise TaizhangError(f"学校名单中没有 {school}", f"school {school} is not in the roster")
    sub = db.execute("SELECT revision, file_name, created_at, received_at FROM submissions WHERE school_code = ?"
                     " AND plan_id = ? AND period = ? AND outcome = 'accepted' ORDER BY revision DESC LIMIT 1",
                     [school, plan["id"], period]).fetchone()
    entry = entries.get_entry(db, school, plan["id"], period, task_id)
    values = {iv["seq"]: iv["value"] for iv in entry["indicators"]}
    return {
        "task": task, "school": dict(zip(("code", "name", "type", "township"), srow, strict=True)),
        "submission": dict(zip(("revision", "file_name", "created_at", "received_at"), sub, strict=True)) if sub else None,
        "entry": entry, "reported": sub is not None and bool(entry["updated_at"]),
        "targets": [t | {"reported": values.get(t["seq"])} for t in task["targets"]],
        "evidence": entries.list_evidence(db, school, plan["id"], period, task_id),
    }


def save_evidence(db, sha256: str, target) -> Path:
    """Copy a stored evidence file out (to open it, or to keep it)."""
    from desktop.core.records import entries

    return entries.copy_evidence_to(db, sha256, target)


# ------------------------------------------------------------------------------ provenance


def school_history(db, school: str) -> list[dict]:
    """What changed between a school's revisions, task by task."""
    from desktop.core.intake import provenance

    return provenance.history(db, school)


def trace_value(db, school: str, task_id: str) -> dict:
    """A task's current value for a school and the archived file each revision came from."""
    from desktop.core.intake import provenance

    return provenance.trace(db, school, task_id)

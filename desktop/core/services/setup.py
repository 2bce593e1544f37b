"""First contact: creating a county or school install, and the plan workbook a school starts from."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.core.db.audit import audit
from desktop.core.db.connection import open_db, pending_migrations, transaction
from desktop.core.db.settings import ENROLMENT_PROOF, set_setting
from desktop.core.errors import TaizhangError
from desktop.core.package import planbook
from desktop.core.roster import store as roster_store
from desktop.core.signing import enrolment, identity, trust
from desktop.core.tasklist import changes as plan_changes
from desktop.core.tasklist import diff as plan_diff
from desktop.core.tasklist import store as task_store
from desktop.core.words import Confirmation, OwnerKind

# What people type after the county's name when asked for it; the app adds "教育局" itself.
_BUREAU_SUFFIXES = ("教育和科学技术局", "教育和体育局", "教育体育局", "教育和科技局", "教育科技局", "教育局",
                    "教体局", "教科局")


def county_name(text: str) -> str:
    """The county's name as the app stores it: "民乐县教育局" and "民乐县 教体局" become "民乐县" (the app
    shows "民乐县教育局"; kept as typed it would read "民乐县教育局教育局")."""
    name = "".join(text.split())
    for suffix in _BUREAU_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def county_init(db_path, name: str, *, passphrase: str | None = None) -> identity.Identity:
    typed = "".join(name.split())
    name = county_name(name)
    if not name:
        raise TaizhangError("请填写县区名称", "the county name is empty")
    if name in _BUREAU_SUFFIXES or typed in _BUREAU_SUFFIXES:
        raise TaizhangError(f"请填写县区名称（例如：民乐县），不是“{typed}”",
                            f"type the county's name (e.g. 民乐县), not \"{typed}\"")
    db = open_db(db_path, create=True)
    try:
        with transaction(db):
            ident = identity.create(db, role="county", county=name, passphrase=passphrase)
            audit(db, "county.init", name, json.dumps({"fingerprint": ident.fingerprint}))
        return ident
    finally:
        db.close()


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


def school_init(plan_file, school_code: str, db_path, *, county_fingerprint: str, enrol: str | None = None,
                passphrase: str | None = None) -> identity.Identity:
    """Load the county's plan workbook, pin the county key, and create this school's key.

    ``plan_file`` is a path or the very bytes the person verified (the wizard passes the bytes it showed,
    so a file swapped on disk afterwards pins nothing). ``county_fingerprint`` is the fingerprint the person
    compared with the bureau's notice (or typed): the county key is pinned only when it is the key that
    signed these bytes. ``enrol`` is the school's enrolment code from the bureau (DESIGN §16): the reports
    then carry its proof, and the bureau pins this school's key at once.
    """
    pkg, m = planbook.read_plan_package(plan_file)
    school = next((s for s in m["schools"] if s["code"] == school_code), None)
    if school is None:
        raise TaizhangError(f"学校代码 {school_code} 不在任务清单的学校名单中",
                            f"school code {school_code} is not in the plan's roster")
    if trust.normalise_fingerprint(county_fingerprint) != pkg.fingerprint:
        raise TaizhangError(f"任务清单的签名密钥指纹与所核对的不一致，未载入。文件的指纹：{format_fingerprint(pkg.fingerprint)}",
                            "the plan is signed by a key other than the fingerprint you compared; nothing loaded. "
                            f"The file's fingerprint: {pkg.fingerprint}")
    code = enrolment.normalise(enrol) if enrol else None
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
            trust.pin(db, OwnerKind.COUNTY, m["county"], pkg.public_key, pkg.file_sha256, Confirmation.COMPARED)
            if code:
                set_setting(db, ENROLMENT_PROOF, enrolment.proof(code, ident.public_key))
            _store_plan(db, m)
            audit(db, "school.init", school_code, json.dumps({"county_fingerprint": pkg.fingerprint,
                                                              "enrolled": bool(code)}))
        return ident
    finally:
        db.close()


def check_enrolment_code(text: str) -> str | None:
    """What a person typed as the enrolment code: None when empty, the code when well formed, else raises."""
    return enrolment.normalise(text) if str(text or "").strip() else None


def plan_fingerprint(plan_file) -> str:
    """The fingerprint of the key that signed a plan workbook (verified), for the person to compare."""
    pkg, _m = planbook.read_plan_package(plan_file)
    return pkg.fingerprint


class OtherPlan(TaizhangError):
    """A plan workbook for another plan id (last year's plan, another plan of the county): a new plan the
    user must choose to switch to, never an update. ``current`` and ``offered`` name both."""

    def __init__(self, current: dict, offered: dict):
        super().__init__(f"这是另一份任务清单《{offered['title']}》（第 {offered['version']} 版），不是当前的《{current['title']}》"
                         f"（第 {current['version']} 版）的更新；确需改用新清单时请明确选择切换",
                         f"this is another plan, \"{offered['title']}\" (v{offered['version']}), not an update of the "
                         f"current \"{current['title']}\" (v{current['version']}); switch plans only on purpose")
        self.current, self.offered = current, offered


def load_plan_update(db, plan_file, *, switch: bool = False) -> dict:
    """Load a newer version of the plan workbook signed by the pinned county key. A workbook for another
    plan id raises ``OtherPlan`` unless ``switch`` says the person chose to change to it."""
    ident = identity.load(db, role="school")
    pkg, m = planbook.read_plan_package(plan_file)
    pinned = trust.pinned_key(db, OwnerKind.COUNTY, ident.county)
    if m["county"] != ident.county or pinned != pkg.public_key:
        raise TaizhangError("任务清单不是由本县教育局的密钥签名的，已拒绝", "the plan is not signed by this county's pinned key")
    current = task_store.current_plan(db)
    if current and current["id"] != m["plan"]["id"] and not switch:
        raise OtherPlan(current, m["plan"])
    if current and current["id"] == m["plan"]["id"] and current["version"] >= m["plan"]["version"]:
        raise TaizhangError("这个版本的任务清单已经载入过", "this plan version is already loaded")
    update = current is not None and current["id"] == m["plan"]["id"]
    diff = plan_diff.plan_diff(task_store.plan_tasks(db, m["plan"]["id"]), m["tasks"]) if update else []
    with transaction(db):
        _store_plan(db, m)
        if diff:
            plan_changes.record(db, m["plan"]["id"], m["plan"]["version"], diff)
        audit(db, "plan.update" if update else "plan.switch", m["plan"]["id"],
              json.dumps({"version": m["plan"]["version"], "from": current["id"] if current else None,
                          "changes": len(diff)}))
    return dict(m["plan"], changes=[change_summary(d) for d in diff])


def change_summary(d: dict) -> dict:
    """One change of a revised plan as the school is told it: the task, what kind, which fields, and the old and
    new title and text (the old one of a removed task, the new one of an added task)."""
    old, new = d["old"] or {}, d["new"] or {}
    return {"task_id": d["task_id"], "kind": str(d["kind"]), "fields": d.get("fields", []),
            "old_title": old.get("title"), "new_title": new.get("title"),
            "old_text": old.get("text"), "new_text": new.get("text"),
            "old_deadline": old.get("deadline"), "new_deadline": new.get("deadline")}


def school_load(db, source, *, switch: bool = False) -> dict:
    """``taizhang school load``: a revised plan workbook or a feedback package, whichever the file is.

    Returns {"kind": "plan", "plan": …} or {"kind": "feedback", "feedback": …}."""
    from desktop.core.package.container import PackageInvalid, verify_package
    from desktop.core.services import reporting
    from desktop.core.words import PackageKind

    try:
        kind = verify_package(source).kind
    except PackageInvalid as exc:
        from desktop.core.package import tamper

        raise tamper.explain(source, exc) from None
    if kind == PackageKind.FEEDBACK:
        return {"kind": "feedback", "feedback": reporting.load_feedback(db, source)}
    if kind == PackageKind.PLAN:
        return {"kind": "plan", "plan": load_plan_update(db, source, switch=switch)}
    raise TaizhangError("这不是任务清单或审核意见文件", "this is neither a plan workbook nor a feedback package")


def _store_plan(db, m: dict) -> None:
    task_store.store_published_plan(db, m)
    roster_store.replace_roster(db, m["schools"])
    for p in m["periods"]:
        roster_store.upsert_period(db, p["name"], p.get("due_date"))


def upgrade_needed(db_path) -> bool:
    """Whether opening the file will first bring it up to this build's schema (a step that may take minutes on
    a large bureau file, so the GUI runs it off its thread with a word to the user)."""
    return pending_migrations(db_path) > 0


def upgrade(db_path) -> None:
    """Bring the file up to this build's schema (opening it does; each migration is its own transaction)."""
    open_db(db_path).close()


def database_role(db_path) -> str | None:
    """'county', 'school', or None for a database not initialised yet (raises for an unusable file)."""
    db = open_db(db_path)
    try:
        ident = identity.load(db, required=False)
        return ident.role if ident else None
    finally:
        db.close()


def preview_plan(plan_file) -> dict:
    """Verify a plan workbook and say what it holds (for the first-run wizard, before anything is written).
    ``data`` is the very bytes verified: ``school_init`` takes them, so a file swapped on disk after the
    fingerprint was shown pins nothing."""
    data = Path(plan_file).read_bytes() if Path(plan_file).is_file() else plan_file
    pkg, m = planbook.read_plan_package(data)
    plan = m["plan"]
    return {
        "file": str(plan_file),
        "data": data,
        "county": m["county"],
        "title": plan["title"],
        "version": plan["version"],
        "year": plan.get("year"),
        "created_at": m["created_at"],
        "fingerprint": pkg.fingerprint,
        "tasks": sum(1 for t in m["tasks"] if not t.get("is_heading")),
        "schools": m["schools"],
        "periods": m["periods"],
    }



def format_fingerprint(fp: str, per_line: int | None = None) -> str:
    """A key fingerprint in groups of four hex digits, as the notice and the phone check show it."""
    from desktop.core.signing.crypto import format_fingerprint as fmt

    return fmt(fp, per_line)

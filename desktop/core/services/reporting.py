"""The school's daily work over an opened school database (SchoolWorkspace), and its export."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.clock import now_iso
from desktop.core.db.audit import audit
from desktop.core.db.connection import open_db, transaction
from desktop.core.db.settings import ENROLMENT_PROOF, get_setting, set_setting
from desktop.core.errors import TaizhangError
from desktop.core.package import cover, feedbackbook, reportbook, resaved
from desktop.core.package.container import EvidenceSource, PackageInvalid, verify_package, write_package
from desktop.core.records import entries, evidence
from desktop.core.reporting import checks, exports
from desktop.core.review import received
from desktop.core.roster import store as roster_store
from desktop.core.signing import crypto, identity, trust
from desktop.core.tasklist import applicability
from desktop.core.tasklist import changes as plan_changes
from desktop.core.tasklist import store as task_store
from desktop.core.words import OwnerKind, PackageKind, PlanChange, ReviewState


def school_tasks(db) -> list[dict]:
    """The plan's leaf tasks that apply to this school, in document order."""
    ident = identity.load(db, role="school")
    plan = task_store.current_plan(db)
    school = roster_store.school(db, ident.school_code) or {"type": "", "name": ident.school_name}
    return [t for t in task_store.plan_tasks(db, plan["id"])
            if not t["is_heading"] and applicability.applies_to_school(t["applies_to"], school["type"], school["name"])]


def default_period(db) -> str:
    """The earliest period still open whose due date has not passed long ago, else the last one."""
    periods = roster_store.periods(db)
    if not periods:
        raise TaizhangError("任务清单中没有填报周期", "the plan has no reporting period")
    today = now_iso()[:10]
    return next((p["name"] for p in periods if p["due_date"] and p["due_date"] >= today), periods[-1]["name"])


def previous_period(db, school: str, plan_id: str, period: str) -> str | None:
    """The school's last period before ``period`` (in the plan's order of periods) with anything recorded."""
    names = [p["name"] for p in roster_store.periods(db)]
    if period not in names:
        return None
    for name in reversed(names[:names.index(period)]):
        if entries.has_records(db, school, plan_id, name):
            return name
    return None


def begin_period(db, period: str) -> int:
    """A period the school has not touched starts from its last period's entries, values and evidence links,
    each marked carried (DESIGN §13); returns how many entries were carried (0 when the period has records
    already or there is nothing before it)."""
    ident = identity.load(db, role="school")
    plan = task_store.current_plan(db)
    if plan is None or entries.has_records(db, ident.school_code, plan["id"], period):
        return 0
    source = previous_period(db, ident.school_code, plan["id"], period)
    if source is None:
        return 0
    with transaction(db):
        n = entries.carry_forward(db, ident.school_code, plan["id"], source, period,
                                  [t["task_id"] for t in school_tasks(db)])
        if n:
            audit(db, "carry_forward", period, json.dumps({"from": source, "entries": n}, ensure_ascii=False))
    return n


def manifest_entry(row: dict) -> dict:
    """One entry as the report's manifest states it: ``carried_from`` and ``carried_confirmed`` (additive,
    DESIGN §13) only on an entry carried from an earlier period."""
    out = {k: row[k] for k in ("task_id", "status", "progress", "narrative", "problems", "next_steps", "na_reason")}
    out["updated_at"] = row["updated_at"] or ""
    out["indicators"] = row["indicators"]
    if row.get("carried_from"):
        out["carried_from"] = row["carried_from"]
        out["carried_confirmed"] = bool(row.get("carried_confirmed"))
    return out


def export_report(db, out, *, period: str | None = None, passphrase: str | None = None,
                  progress=None) -> dict:
    """Write the school's signed report package for ``period``; each export is revision n+1."""
    ident = identity.load(db, role="school")
    plan = task_store.current_plan(db)
    period = period or default_period(db)
    if not roster_store.period_exists(db, period):
        raise TaizhangError(f"填报周期“{period}”不存在", f"unknown reporting period '{period}'")
    begin_period(db, period)
    tasks = school_tasks(db)
    recorded = entries.get_entries(db, ident.school_code, plan["id"], period)
    rows = [manifest_entry(recorded.get(t["task_id"]) or entries.blank_entry(t["task_id"])) for t in tasks]
    ev_rows = evidence.list_evidence(db, ident.school_code, plan["id"], period)
    known = {t["task_id"] for t in tasks}
    sources = [EvidenceSource(e["sha256"], e["name"], e["size"], e["mime"], e["task_id"],
                              lambda sha=e["sha256"]: evidence.open_evidence_blob(db, sha))
               for e in ev_rows if e["task_id"] in known]
    key = ident.private_key(passphrase)
    with transaction(db):
        package_id = str(uuid.uuid4())
        revision = exports.start(db, package_id, plan["id"], period, Path(out).name)
    content = {
        "layout": reportbook.LAYOUT,
        "county": ident.county,
        "package_id": package_id,
        "created_at": now_iso(),
        "plan": {"id": plan["id"], "version": plan["version"], "digest": plan["digest"], "title": plan["title"]},
        "school": {"code": ident.school_code, "name": ident.school_name},
        "period": period,
        "revision": revision,
        "entries": rows,
        "evidence": [e.manifest_entry() for e in sources],
        "tasks": reportbook.task_summaries(tasks),
    }
    proof = get_setting(db, ENROLMENT_PROOF)
    if proof:  # DESIGN §16: HMAC(enrolment code, this school's public key), made once at school init
        content["enrolment"] = proof
    answered = received.latest(db, plan["id"], period)
    if answered is not None:
        content["responds_to"] = answered["package_id"]  # additive: the feedback this revision answers
    wb = reportbook.build_workbook(content, ident.fingerprint)
    try:
        manifest = write_package(out, kind=PackageKind.REPORT, content=content, workbook=wb, evidence=sources, key=key,
                                 progress=progress)
    except BaseException:
        with transaction(db):
            exports.abandon(db, package_id)
        raise
    with transaction(db):
        exports.finish(db, package_id, exports.keep_file(db, package_id, out))
        audit(db, "export", period, json.dumps({"revision": revision, "file": Path(out).name}, ensure_ascii=False))
    manifest["package_code"] = reportbook.package_code(package_id)
    return manifest


SETTING_PERIOD = "school.period"


SETTING_SELECTED = "school.selected_task"


_THUMBNAIL_LIMIT = 40 << 20


@dataclass
class SchoolWorkspace:
    """An opened school database and the facts every school action needs."""

    db: object
    path: str
    school_code: str
    school_name: str
    school_type: str
    county: str
    fingerprint: str
    key_protected: bool
    plan: dict
    period: str
    tasks: dict = field(default_factory=dict)  # task_id → plan node (headings included)

    @property
    def plan_id(self) -> str:
        return self.plan["id"]


def open_workspace(db_path) -> SchoolWorkspace:
    db = open_db(db_path)
    try:
        return workspace_on(db, db_path)
    except BaseException:
        db.close()
        raise


def workspace_on(db, db_path="") -> SchoolWorkspace:
    """The school workspace over an already opened school database (the caller keeps closing it)."""
    ident = identity.load(db, role="school")
    plan = task_store.current_plan(db)
    if plan is None:
        raise TaizhangError("数据文件中没有任务清单", "the database holds no plan")
    row = roster_store.school(db, ident.school_code)
    names = {p["name"] for p in roster_store.periods(db)}
    period = get_setting(db, SETTING_PERIOD)
    if period not in names:
        period = default_period(db)
    ws = SchoolWorkspace(db, str(db_path), ident.school_code, ident.school_name, row["type"] if row else "",
                         ident.county, ident.fingerprint, ident.key_protected, plan, period)
    ws.tasks = {t["task_id"]: t for t in task_store.plan_tasks(db, plan["id"])}
    begin_period(db, period)
    return ws


def close_workspace(ws: SchoolWorkspace) -> None:
    ws.db.close()


def workspace_periods(ws: SchoolWorkspace) -> list[dict]:
    return roster_store.periods(ws.db)


def set_period(ws: SchoolWorkspace, period: str) -> None:
    if period not in {p["name"] for p in roster_store.periods(ws.db)}:
        raise TaizhangError(f"填报周期“{period}”不存在", f"unknown reporting period '{period}'")
    ws.period = period
    set_setting(ws.db, SETTING_PERIOD, period)
    begin_period(ws.db, period)


def today_iso() -> str:
    return now_iso()[:10]


def _applies(ws: SchoolWorkspace, task: dict) -> bool:
    return applicability.applies_to_school(task["applies_to"], ws.school_type, ws.school_name)


def _feedback_items(ws: SchoolWorkspace) -> dict[str, dict]:
    """task_id → {state, comment} from the newest feedback loaded for the plan and period."""
    latest = received.latest(ws.db, ws.plan_id, ws.period)
    return {i["task_id"]: i for i in latest["items"]} if latest else {}


def _unseen_changes(ws: SchoolWorkspace) -> dict[str, dict]:
    """task_id → the newest change a revised plan made to the task that the school has not seen yet."""
    out: dict[str, dict] = {}
    for c in plan_changes.listed(ws.db, ws.plan_id, unseen_only=True):
        out.setdefault(c["task_id"], c)
    return out


def _row(ws: SchoolWorkspace, task: dict, entry: dict, evidence: int, today: str,
         review: dict | None = None, change: dict | None = None) -> dict:
    row = dict(task, applies=task["is_heading"] or _applies(ws, task), entry=entry, evidence=evidence,
               review=review, sent_back=bool(review) and review["state"] == ReviewState.RETURNED,
               plan_change=change)
    if task["is_heading"]:
        row.update(overdue=False, missing_evidence=False, warnings=[], carried=False, carried_unconfirmed=False)
    else:
        row.update(checks.task_flags(task, entry, evidence, today))
    return row


def task_board(ws: SchoolWorkspace, today: str | None = None) -> list[dict]:
    """Every plan node in document order (headings too), each with its entry, evidence count and flags.

    ``applies`` says whether the task is this school's (by school type or name); the GUI hides the
    others unless asked.
    """
    today = today or today_iso()
    recorded = entries.get_entries(ws.db, ws.school_code, ws.plan_id, ws.period)
    counts = evidence.evidence_counts(ws.db, ws.school_code, ws.plan_id, ws.period)
    reviews = _feedback_items(ws)
    unseen = _unseen_changes(ws)
    return [_row(ws, t, recorded.get(t["task_id"]) or entries.blank_entry(t["task_id"]), counts.get(t["task_id"], 0),
                 today, reviews.get(t["task_id"]), unseen.get(t["task_id"])) for t in ws.tasks.values()]


def task_state(ws: SchoolWorkspace, task_id: str, today: str | None = None) -> dict:
    """One task's board row, fresh from the database (after an edit)."""
    task = ws.tasks[task_id]
    entry = entries.get_entry(ws.db, ws.school_code, ws.plan_id, ws.period, task_id)
    count = evidence.count_for_task(ws.db, ws.school_code, ws.plan_id, ws.period, task_id)
    return _row(ws, task, entry, count, today or today_iso(), _feedback_items(ws).get(task_id),
                _unseen_changes(ws).get(task_id))


def save_task(ws: SchoolWorkspace, task_id: str, **fields) -> dict:
    """Autosave some fields of one task; returns the task's fresh board row.

    Marking a task 已完成 moves its progress to 100% unless a progress is given with it.
    """
    if task_id not in ws.tasks or ws.tasks[task_id]["is_heading"]:
        raise TaizhangError("找不到该任务", "task not found")
    if fields.get("status") == checks.DONE and "progress" not in fields:
        fields["progress"] = 100
    entries.save_entry(ws.db, ws.school_code, ws.plan_id, task_id, ws.period, **fields)
    return task_state(ws, task_id)


def set_achieved(ws: SchoolWorkspace, task_id: str, seq: int, value: str | None) -> dict:
    """Record the achieved value of one target (raises TaizhangError for a value that is not a number)."""
    if not any(t["seq"] == seq for t in ws.tasks[task_id]["targets"]):
        raise TaizhangError("找不到该量化指标", "target not found")
    entries.set_indicator(ws.db, ws.school_code, ws.plan_id, task_id, ws.period, seq, value)
    return task_state(ws, task_id)


def attach_evidence(ws: SchoolWorkspace, task_id: str, file_path, name: str | None = None) -> dict:
    evidence.add_evidence(ws.db, ws.school_code, ws.plan_id, task_id, ws.period, file_path, name=name)
    return task_state(ws, task_id)


def detach_evidence(ws: SchoolWorkspace, task_id: str, sha256: str) -> dict:
    evidence.remove_evidence(ws.db, ws.school_code, ws.plan_id, task_id, ws.period, sha256)
    return task_state(ws, task_id)


def _leaves_under(ws: SchoolWorkspace, task_id: str) -> list[str]:
    """The task itself, or for a heading (a section) every task under it that applies to the school."""
    task = ws.tasks.get(task_id)
    if task is None:
        raise TaizhangError(f"找不到任务 {task_id[:20]}", f"no task {task_id[:20]}")
    if not task["is_heading"]:
        return [task_id]
    under, frontier = [], {task_id}
    for t in ws.tasks.values():  # document order: a parent comes before its children
        if t["parent_id"] in frontier:
            frontier.add(t["task_id"])
            if not t["is_heading"] and _applies(ws, t):
                under.append(t["task_id"])
    return under


def confirm_carried(ws: SchoolWorkspace, task_id: str) -> list[str]:
    """确认沿用: the carried answer of one task, or of every task of a section (a heading's id), is confirmed
    as still true this period. Returns the task ids confirmed (already confirmed or edited ones are left)."""
    ids = _leaves_under(ws, task_id)
    with transaction(ws.db):
        done = entries.confirm_carried(ws.db, ws.school_code, ws.plan_id, ws.period, ids)
        if done:
            audit(ws.db, "carry_forward.confirm", ws.period, json.dumps({"tasks": done}, ensure_ascii=False))
    return done


def carry_again(ws: SchoolWorkspace, task_id: str) -> dict:
    """沿用上期 again for one task (an edit or a 确认沿用 the school wants undone): the task's answer of this period
    becomes its last period's again — status, texts, achieved values and files — carried and not confirmed.
    Files attached only this period are removed from the task (kept while another task or period uses them).
    Returns the fresh board row."""
    task = ws.tasks.get(task_id)
    if task is None or task["is_heading"]:
        raise TaizhangError(f"找不到任务 {task_id[:20]}", f"no task {task_id[:20]}")
    source = previous_period(ws.db, ws.school_code, ws.plan_id, ws.period)
    if source is None or not entries.has_entry(ws.db, ws.school_code, ws.plan_id, source, task_id):
        raise TaizhangError("上期没有填报这项任务，没有可以沿用的内容",
                            "the last period has no answer for this task: there is nothing to carry")
    keep = {e["sha256"] for e in evidence.list_evidence(ws.db, ws.school_code, ws.plan_id, source, task_id)}
    for e in evidence.list_evidence(ws.db, ws.school_code, ws.plan_id, ws.period, task_id):
        if e["sha256"] not in keep:  # each removal is its own transaction (records.evidence)
            evidence.remove_evidence(ws.db, ws.school_code, ws.plan_id, task_id, ws.period, e["sha256"])
    with transaction(ws.db):
        entries.carry_again(ws.db, ws.school_code, ws.plan_id, source, ws.period, task_id)
        audit(ws.db, "carry_forward.again", ws.period, json.dumps({"task": task_id, "from": source},
                                                                   ensure_ascii=False))
    return task_state(ws, task_id)


def previous_entry(ws: SchoolWorkspace, task_id: str) -> dict | None:
    """What the school answered for the task in its last period before this one (shown beside each field):
    {period, entry, evidence}, or None when there is no earlier period with records."""
    source = previous_period(ws.db, ws.school_code, ws.plan_id, ws.period)
    if source is None:
        return None
    return {"period": source, "entry": entries.get_entry(ws.db, ws.school_code, ws.plan_id, source, task_id),
            "evidence": evidence.list_evidence(ws.db, ws.school_code, ws.plan_id, source, task_id)}


def reuse_evidence(ws: SchoolWorkspace, task_id: str, sha256: str) -> dict:
    """Let a file the school stored already back this task too (stored once); returns the fresh board row."""
    if task_id not in ws.tasks or ws.tasks[task_id]["is_heading"]:
        raise TaizhangError("找不到该任务", "task not found")
    evidence.reuse_evidence(ws.db, ws.school_code, ws.plan_id, task_id, ws.period, sha256)
    return task_state(ws, task_id)


def school_files(ws: SchoolWorkspace) -> list[dict]:
    """The school's stored files, once each, with the tasks they back (to choose one for another task)."""
    return evidence.school_files(ws.db, ws.school_code)


def find_school_file(ws: SchoolWorkspace, ref: str) -> str:
    """The SHA-256 of the school's stored file named by ``ref``: its SHA-256 (or a unique prefix of at least 8
    hex digits), or the name it is listed under when only one file has that name."""
    ref = (ref or "").strip()
    files = school_files(ws)
    hits = [f for f in files if len(ref) >= 8 and f["sha256"].startswith(ref.lower())] or \
        [f for f in files if f["name"] == ref]
    if len(hits) != 1:
        raise TaizhangError(f"本校已有材料中{'没有' if not hits else '有多份'}“{ref[:40]}”，请用 SHA-256 指定",
                            f"{'no' if not hits else 'more than one'} stored file matches '{ref[:40]}'; give its SHA-256")
    return hits[0]["sha256"]


def plan_change_list(ws: SchoolWorkspace) -> list[dict]:
    """What the revised plans changed (newest version first): added, removed and changed tasks with the old and
    new task, whether the school has seen it, and for a removed task the entries it had (archived, not deleted)."""
    out = []
    for c in plan_changes.listed(ws.db, ws.plan_id):
        c = dict(c, archived=[])
        if c["kind"] == PlanChange.REMOVED:
            c["archived"] = archived_entries(ws, c["task_id"])
        out.append(c)
    return out


def archived_entries(ws: SchoolWorkspace, task_id: str) -> list[dict]:
    """The school's entries (every period) of a task the current plan no longer has: kept, traceable."""
    return [dict(entries.get_entry(ws.db, ws.school_code, ws.plan_id, p["name"], task_id), period=p["name"])
            for p in roster_store.periods(ws.db)
            if entries.get_entry(ws.db, ws.school_code, ws.plan_id, p["name"], task_id)["updated_at"]]


def mark_change_seen(ws: SchoolWorkspace, task_id: str | None = None) -> int:
    """The school has seen what the revised plan changed in the task (every task when None)."""
    with transaction(ws.db):
        return plan_changes.mark_seen(ws.db, ws.plan_id, None if task_id is None else [task_id])


def entry_list(ws: SchoolWorkspace, today: str | None = None) -> list[dict]:
    """The school's entries of the period, one per task that applies (what `entry list` prints)."""
    out = []
    for r in task_board(ws, today):
        if r["is_heading"] or not r["applies"]:
            continue
        e = r["entry"]
        out.append({"task_id": r["task_id"], "title": r["title"], "status": e["status"], "progress": e["progress"],
                    "narrative": e["narrative"], "problems": e["problems"], "next_steps": e["next_steps"],
                    "na_reason": e["na_reason"], "indicators": e["indicators"], "evidence": r["evidence"],
                    "carried_from": e["carried_from"], "carried_confirmed": e["carried_confirmed"],
                    "evidence_rule": r["evidence_rule"],
                    "warnings": [w["code"] for w in r["warnings"]],
                    "plan_change": r["plan_change"]["kind"] if r["plan_change"] else None})
    return out


def task_evidence(ws: SchoolWorkspace, task_id: str) -> list[dict]:
    return evidence.list_evidence(ws.db, ws.school_code, ws.plan_id, ws.period, task_id)


def evidence_preview_bytes(ws: SchoolWorkspace, sha256: str) -> bytes | None:
    """The bytes of an image evidence file for a thumbnail (None for other files and very large images)."""
    row = evidence.meta(ws.db, sha256)
    if row is None or not row[0].startswith("image/") or row[1] > _THUMBNAIL_LIMIT:
        return None
    return evidence.evidence_bytes(ws.db, sha256)


def evidence_copy(ws: SchoolWorkspace, sha256: str, folder) -> Path:
    """Write a copy of an evidence file into ``folder`` under its own name (to open in the system viewer)."""
    stored = evidence.display_name(ws.db, sha256)
    name = Path(stored).name if stored else sha256[:12]
    target = Path(folder) / f"{sha256[:8]}-{name}"
    return evidence.copy_evidence_to(ws.db, sha256, target)


def workspace_dashboard(ws: SchoolWorkspace, board: list[dict] | None = None) -> dict:
    """Completion %, tasks by status, overdue, missing evidence; plus what was reported already."""
    board = board if board is not None else task_board(ws)
    out = checks.summarize(board)
    out["period"] = ws.period
    out["sent_back"] = sum(1 for r in board if r.get("sent_back") and r["applies"])
    out["feedback"] = feedback_summary(ws)
    out["exports"] = _exports(ws)
    return out


def _exports(ws: SchoolWorkspace) -> list[dict]:
    return exports.written(ws.db, ws.plan_id, ws.period)


def remember_selected_task(ws: SchoolWorkspace, task_id: str) -> None:
    set_setting(ws.db, SETTING_SELECTED, task_id)


def selected_task(ws: SchoolWorkspace) -> str | None:
    task_id = get_setting(ws.db, SETTING_SELECTED)
    return task_id if task_id in ws.tasks else None


def next_revision(ws: SchoolWorkspace) -> int:
    return exports.next_revision(ws.db, ws.plan_id, ws.period)


def export_check(ws: SchoolWorkspace, board: list[dict] | None = None, today: str | None = None) -> dict:
    """What stands in the way of exporting: ``errors`` block the export, ``warnings`` need a confirmation."""
    board = board if board is not None else task_board(ws, today)
    tasks = [r for r in board if not r["is_heading"] and r["applies"]]
    errors: list[dict] = []
    warnings: list[dict] = []
    for r in tasks:
        for w in r["warnings"]:
            w = dict(w, title=r["title"], path=r["path"])
            (errors if w["code"] == "na_no_reason" else warnings).append(w)
    if not tasks:
        errors.append({"code": "no_tasks", "task_id": None, "zh": "任务清单中没有适用于本校的任务",
                       "en": "the plan has no task for this school", "params": {}})
    touched = [r for r in tasks if r["entry"]["updated_at"] or r["entry"]["indicators"] or r["evidence"]]
    if tasks and not touched:
        warnings.insert(0, {"code": "nothing_recorded", "task_id": None, "zh": "还没有填写任何任务",
                            "en": "nothing has been recorded yet", "params": {}})
    not_started = sum(1 for r in tasks if r["entry"]["status"] == checks.NOT_STARTED)
    if not_started and touched:
        warnings.append({"code": "not_started", "task_id": None, "zh": f"{not_started} 项任务仍为“未开始”",
                         "en": f"{not_started} task(s) are still not started", "params": {"count": not_started}})
    carried = [r["task_id"] for r in tasks if r["carried_unconfirmed"]]
    if carried:
        warnings.append({"code": "carried_unconfirmed", "task_id": None,
                         "zh": f"{len(carried)} 项任务沿用上期内容，尚未确认或修改",
                         "en": f"{len(carried)} task(s) carried from the last period are not confirmed or edited yet",
                         "params": {"count": len(carried), "task_ids": carried}})
    overdue = sum(1 for r in tasks if r["overdue"])
    if overdue:
        warnings.append({"code": "overdue", "task_id": None, "zh": f"{overdue} 项任务已超过完成时限仍未完成",
                         "en": f"{overdue} task(s) are past their deadline", "params": {"count": overdue}})
    return {"period": ws.period, "revision": next_revision(ws), "errors": errors, "warnings": warnings,
            "tasks": len(tasks), "evidence_files": sum(r["evidence"] for r in tasks)}


def suggested_export_name(ws: SchoolWorkspace) -> str:
    """``<code>_<school>_<period>_第<n>次报送.xlsx`` with characters Windows refuses replaced."""
    name = f"{ws.school_code}_{ws.school_name}_{ws.period}_第{next_revision(ws)}次报送.xlsx"
    return "".join("_" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in name)


def export_report_file(db_path, out, *, period: str, passphrase: str | None = None, progress=None) -> dict:
    """Export on a connection of its own (so it can run on a worker thread); returns what to show the user."""
    db = open_db(db_path)
    try:
        ident = identity.load(db, role="school")
        manifest = export_report(db, out, period=period, passphrase=passphrase, progress=progress)
    finally:
        db.close()
    return {"file": str(out), "period": manifest["period"], "revision": manifest["revision"],
            "package_code": manifest["package_code"], "fingerprint": ident.fingerprint,
            "fingerprint_groups": crypto.format_fingerprint(ident.fingerprint),
            "entries": len(manifest["entries"]), "evidence": len(manifest["evidence"])}


def check_passphrase(ws: SchoolWorkspace, passphrase: str | None) -> None:
    """Raises TaizhangError when the school key cannot be opened with ``passphrase``."""
    identity.load(ws.db, role="school").private_key(passphrase)



# ------------------------------------------------------------------ 导出记录 and the printed 备案表


def export_history(db) -> list[dict]:
    """Every file this school exported (newest first), with its package code and whether the original
    bytes are kept so a copy can be saved again."""
    return [dict(row, package_code=reportbook.package_code(row["package_id"])) for row in exports.history(db)]


def _export_row(db, revision: int, period: str | None) -> dict:
    plan = task_store.current_plan(db)
    return exports.find(db, plan["id"], period or default_period(db), revision)


def save_export_again(db, out, *, revision: int, period: str | None = None) -> dict:
    """Save the exact signed original of an earlier export to ``out`` (the same bytes, the same SHA-256)."""
    row = _export_row(db, revision, period)
    exports.save_copy(db, row["package_id"], out)
    audit(db, "export.again", row["period"], json.dumps({"revision": revision, "file": Path(out).name},
                                                         ensure_ascii=False))
    return dict(row, file=str(out), package_code=reportbook.package_code(row["package_id"]))


def print_cover(db, out, *, file=None, revision: int | None = None, period: str | None = None) -> dict:
    """Write the A4 备案表 PDF of an exported report: from the file itself, or from 导出记录 by revision.
    The file must verify and be signed with this school's key."""
    ident = identity.load(db, role="school")
    source: Path | bytes
    if file is not None:
        source, name = Path(file), Path(file).name
    elif revision is not None:
        row = _export_row(db, revision, period)
        source, name = exports.kept_bytes(db, row["package_id"]), row["file_name"]
    else:
        raise TaizhangError("请指定报送文件或导出版次", "give the exported file or its revision")
    try:
        pkg = verify_package(source, expect_kind=PackageKind.REPORT)
    except PackageInvalid as exc:
        raise resaved.explain(source, exc, name) from exc
    if pkg.fingerprint != ident.fingerprint:
        raise TaizhangError("这个文件不是用本校的密钥签名的，不能为它打印本校的备案表",
                            "this file is not signed with this school's key; no cover sheet is printed for it")
    f = cover.facts(pkg, name)
    cover.write_cover(f, out)
    return {"file": str(out), "qr_text": f.qr_text, "package_code": f.package_code, "period": f.period,
            "revision": f.revision}
def load_feedback(db, source) -> dict:
    """Load the bureau's feedback package (审核意见) into the school database (DESIGN §12).

    Refused, changing nothing, unless: it verifies (signature, every part: a re-saved file fails), it is
    signed by the pinned county key of this school's county, it names this school, its ``answers_revision``
    is one of the school's own exports of that plan and period, and no newer feedback has been loaded.
    """
    from desktop.core.package import tamper
    from desktop.core.package.container import PackageInvalid

    ident = identity.load(db, role="school")
    try:
        pkg, m = feedbackbook.read_feedback_package(source)
    except PackageInvalid as exc:
        raise tamper.explain(source, exc) from None
    pinned = trust.pinned_key(db, OwnerKind.COUNTY, ident.county)
    if m["county"] != ident.county or pinned is None or pinned != pkg.public_key:
        raise TaizhangError(f"审核意见不是由本县教育局（{ident.county}）的密钥签名的，已拒绝",
                            f"the feedback is not signed by the pinned key of this county ({ident.county}); refused")
    if m["school"]["code"] != ident.school_code:
        raise TaizhangError(f"这是给 {m['school']['name'][:40]}（{m['school']['code'][:20]}）的审核意见，不是本校的",
                            f"this feedback is for another school ({m['school']['code'][:20]})")
    plan_id, period, revision = m["plan"]["id"], m["period"], m["answers_revision"]
    if revision not in {e["revision"] for e in exports.written(db, plan_id, period)}:
        raise TaizhangError(f"本校没有导出过“{period[:40]}”第 {revision} 次报送，这份审核意见不是针对本校文件的",
                            f"this school never exported revision {revision} for '{period[:40]}'")
    if received.is_loaded(db, m["package_id"]):
        raise TaizhangError("这份审核意见已经载入过", "this feedback is already loaded")
    latest = received.latest(db, plan_id, period)
    if latest is not None and (latest["answers_revision"], latest["created_at"]) >= (revision, m["created_at"]):
        raise TaizhangError(f"已经载入了更新的审核意见（针对第 {latest['answers_revision']} 次报送），这份较旧，未载入",
                            f"a newer feedback (on revision {latest['answers_revision']}) is already loaded; "
                            "this older one was not loaded")
    with transaction(db):
        received.keep(db, m, pkg.file_sha256)
        audit(db, "feedback.load", period, json.dumps({"package_id": m["package_id"], "answers_revision": revision},
                                                      ensure_ascii=False))
    titles = {t["task_id"]: t["title"] for t in m.get("tasks", []) if isinstance(t, dict)}
    returned = [dict(i, title=titles.get(i["task_id"], "")) for i in m["items"] if i["state"] == ReviewState.RETURNED]
    return {"period": period, "answers_revision": revision, "overall": m["overall"], "reviewer": m["reviewer"],
            "returned": returned, "passed": sum(1 for i in m["items"] if i["state"] == ReviewState.PASSED),
            "package_id": m["package_id"], "created_at": m["created_at"]}


def feedback_summary(ws: SchoolWorkspace) -> dict | None:
    """The newest feedback loaded for the workspace's plan and period (overall decision, counts), or None."""
    latest = received.latest(ws.db, ws.plan_id, ws.period)
    if latest is None:
        return None
    return {"answers_revision": latest["answers_revision"], "overall": latest["overall"],
            "reviewer": latest["reviewer"], "created_at": latest["created_at"],
            "returned": sum(1 for i in latest["items"] if i["state"] == ReviewState.RETURNED),
            "passed": sum(1 for i in latest["items"] if i["state"] == ReviewState.PASSED)}


def load_feedback_file(ws: SchoolWorkspace, source) -> dict:
    """The GUI's 文件 → 载入审核意见 on the open workspace."""
    return load_feedback(ws.db, source)

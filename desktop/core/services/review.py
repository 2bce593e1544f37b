"""Reviewing schools' reports (审核) and sending tasks back (退回修改), bureau side (DESIGN §12).

Decisions are kept per school × plan × period × task and overall per school × period (review.store); a newer
revision that changes an entry resets it (review.rules, called by the merge). The signed feedback package
tells the school what was decided (package.feedbackbook).
"""

from __future__ import annotations

import getpass
import json
import uuid
from pathlib import Path

from desktop.core.clock import now_iso
from desktop.core.db.audit import audit
from desktop.core.db.connection import transaction
from desktop.core.db.settings import get_setting, set_setting
from desktop.core.errors import TaizhangError
from desktop.core.intake import provenance
from desktop.core.intake import store as intake_store
from desktop.core.package import feedbackbook
from desktop.core.package.container import write_package
from desktop.core.review import diff, store
from desktop.core.roster import store as roster_store
from desktop.core.signing import identity
from desktop.core.tasklist import store as task_store
from desktop.core.words import PackageKind, ReviewState, Role

SETTING_REVIEWER = "review.reviewer"

# comments a reviewer picks from (then edits); the school reads them, so they are Chinese
QUICK_COMMENTS = (
    "佐证材料不足，请补充相关照片或文件。",
    "完成情况说明过于简单，请具体说明做了什么、何时完成。",
    "量化指标未填写或与目标不符，请核实后填写。",
    "状态与说明不一致，请核实。",
    "存在问题和下步打算未填写，请补充。",
    "不适用原因不充分，请说明理由。",
)


def reviewer_name(db) -> str:
    """The name decisions are signed with: the one last used on this install, else the computer's user name."""
    saved = get_setting(db, SETTING_REVIEWER)
    if saved:
        return saved
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment
        return ""


def set_reviewer_name(db, name: str) -> None:
    set_setting(db, SETTING_REVIEWER, name.strip()[:100])


def _plan(db) -> dict:
    identity.load(db, role=Role.COUNTY)
    plan = task_store.current_plan(db)
    if plan is None:
        raise TaizhangError("还没有导入工作计划", "no plan has been imported yet")
    return plan


def _school(db, code: str) -> dict:
    row = roster_store.school(db, code)
    if row is None:
        raise TaizhangError(f"学校代码 {code} 不在学校名单中", f"school {code} is not in the roster")
    return row


def _period(db, school: str, plan_id: str, period: str | None) -> str:
    """The period asked for, else the one of the school's latest accepted file."""
    if period is not None:
        if not roster_store.period_exists(db, period):
            raise TaizhangError(f"填报周期“{period}”不存在", f"unknown reporting period '{period}'")
        return period
    found = intake_store.latest_period(db, school, plan_id)
    if found is None:
        raise TaizhangError(f"{school} 还没有已合并的报送，无法审核", f"school {school} has no merged report to review")
    return found


def _current_revision(db, school: str, plan_id: str, period: str) -> int:
    revision = intake_store.merged_revision(db, school, plan_id, period)
    if revision is None:
        raise TaizhangError(f"{school} 在“{period}”还没有已合并的报送，无法审核",
                            f"school {school} has no merged report for '{period}' to review")
    return revision


def review_board(db, school: str, period: str | None = None) -> dict:
    """A school's review for a period: the overall decision and, per task it reported, the entry's status, the
    decision, and what changed since the revision the decision was made on."""
    plan = _plan(db)
    srow = _school(db, school)
    period = _period(db, school, plan["id"], period)
    revision = _current_revision(db, school, plan["id"], period)
    current = provenance.reported(db, school, plan["id"], period, revision) or {}
    states = store.task_states(db, school, plan["id"], period)
    overall = store.overall_state(db, school, plan["id"], period)
    reviewed_cache: dict[int, dict] = {}
    rows = []
    for t in task_store.plan_tasks(db, plan["id"]):
        if t["is_heading"] or t["task_id"] not in current:
            continue
        decision = states.get(t["task_id"])
        changes: list[dict] = []
        since = _since_revision(db, school, plan["id"], period, t["task_id"], decision)
        if since is not None and since != revision:
            if since not in reviewed_cache:
                reviewed_cache[since] = provenance.reported(db, school, plan["id"], period, since) or {}
            changes = diff.entry_changes(reviewed_cache[since].get(t["task_id"]), current[t["task_id"]])
        entry = current[t["task_id"]]
        rows.append({"task_id": t["task_id"], "path": t["path"], "title": t["title"], "status": entry["status"],
                     "progress": entry["progress"], "narrative": entry["narrative"], "problems": entry["problems"],
                     "next_steps": entry["next_steps"], "evidence": [ev["name"] for ev in entry["evidence"]],
                     "state": decision["state"] if decision else ReviewState.UNREVIEWED,
                     "comment": decision["comment"] if decision else "",
                     "reviewer": decision["reviewer"] if decision else "",
                     "reviewed_revision": decision["revision"] if decision else None,
                     "decided_at": decision["decided_at"] if decision else None,
                     "since_revision": since, "changes": changes,
                     # DESIGN §13: the answer is the one the school carried from its last period (confirmed or not)
                     "carried_from": entry.get("carried_from"),
                     "carried_confirmed": bool(entry.get("carried_confirmed"))})
    return {"school": srow, "period": period, "plan": plan, "revision": revision, "tasks": rows,
            "overall": overall or {"state": ReviewState.UNREVIEWED, "comment": "", "reviewer": "", "revision": None,
                                   "decided_at": None},
            "counts": {str(s): sum(1 for r in rows if r["state"] == s) for s in ReviewState}}


def _since_revision(db, school, plan_id, period, task_id, decision) -> int | None:
    """The revision a reviewer last decided on for the task (after a reset: the decision that was reset)."""
    if decision is None:
        return None
    if decision["state"] != ReviewState.UNREVIEWED:
        return decision["revision"]
    decided = [h for h in store.history(db, school, plan_id, period, task_id) if h["state"] != ReviewState.UNREVIEWED]
    return decided[-1]["revision"] if decided else None


def decide(db, school: str, state: str, *, task_id: str | None = None, comment: str = "",
           reviewer: str | None = None, period: str | None = None) -> dict:
    """Record a decision on one task (``task_id``) or, without it, the overall decision; returns the board."""
    plan = _plan(db)
    _school(db, school)
    period = _period(db, school, plan["id"], period)
    revision = _current_revision(db, school, plan["id"], period)
    reviewer = reviewer_name(db) if reviewer is None else reviewer.strip()[:100]
    if task_id is not None:
        current = provenance.reported(db, school, plan["id"], period, revision) or {}
        if task_id not in current:
            raise TaizhangError(f"{school} 的报送中没有任务 {task_id}", f"the report of {school} has no task {task_id}")
    with transaction(db):
        if task_id is None:
            store.decide_overall(db, school, plan["id"], period, state, comment.strip(), reviewer, revision)
        else:
            store.decide(db, school, plan["id"], period, task_id, state, comment.strip(), reviewer, revision)
        audit(db, "review.decide", school, json.dumps({"period": period, "task": task_id, "state": str(state),
                                                       "revision": revision}, ensure_ascii=False))
    return review_board(db, school, period)


def review_list(db, period: str) -> list[dict]:
    """The schools with a merged report for ``period``, each with its overall decision and task counts."""
    plan = _plan(db)
    tasks, overall = store.period_states(db, plan["id"], period)
    out = []
    for s in roster_store.schools(db):
        revision = intake_store.merged_revision(db, s["code"], plan["id"], period)
        if revision is None:
            continue
        mine = [st for (code, _), st in tasks.items() if code == s["code"]]
        out.append({"code": s["code"], "name": s["name"], "revision": revision,
                    "overall": overall.get(s["code"], ReviewState.UNREVIEWED),
                    "passed": mine.count(ReviewState.PASSED), "returned": mine.count(ReviewState.RETURNED)})
    return out


def schools_to_answer(db, period: str) -> list[str]:
    """Schools with at least one decision (not 未审核) for the period: the ones a feedback file says something to."""
    plan = _plan(db)
    tasks, overall = store.period_states(db, plan["id"], period)
    codes = {code for (code, _), st in tasks.items() if st != ReviewState.UNREVIEWED}
    codes |= {code for code, st in overall.items() if st != ReviewState.UNREVIEWED}
    return sorted(codes)


def write_feedback(db, school: str, out, *, period: str | None = None, passphrase: str | None = None) -> dict:
    """Write the signed feedback package for one school and period (DESIGN §12); returns its manifest."""
    board = review_board(db, school, period)
    ident = identity.load(db, role=Role.COUNTY)
    assert ident is not None  # required=True raises instead
    plan, revision = board["plan"], board["revision"]
    reported = provenance.reported_manifest(db, school, plan["id"], board["period"], revision)
    if reported is None:
        raise TaizhangError("找不到所审核报送的存档文件", "the archived file of the reviewed report is missing")
    overall = board["overall"]
    reviewers = {r["reviewer"] for r in board["tasks"] if r["reviewer"]} | ({overall["reviewer"]} - {""})
    content = {
        "layout": feedbackbook.LAYOUT,
        "county": ident.county,
        "package_id": str(uuid.uuid4()),
        "created_at": now_iso(),
        "plan": {"id": plan["id"], "version": reported["plan"]["version"], "digest": reported["plan"]["digest"],
                 "title": plan["title"]},
        "school": {"code": school, "name": board["school"]["name"]},
        "period": board["period"],
        "answers_revision": revision,
        "items": [{"task_id": r["task_id"], "state": str(r["state"]), "comment": r["comment"]} for r in board["tasks"]],
        "overall": {"state": str(overall["state"]), "comment": overall["comment"]},
        "reviewer": "、".join(sorted(reviewers)) or reviewer_name(db),
        "tasks": [{"task_id": r["task_id"], "title": r["title"]} for r in board["tasks"]],
    }
    wb = feedbackbook.build_workbook(content, ident.fingerprint)
    manifest = write_package(out, kind=PackageKind.FEEDBACK, content=content, workbook=wb,
                             key=ident.private_key(passphrase))
    with transaction(db):
        audit(db, "feedback.write", school, json.dumps({"period": board["period"], "answers_revision": revision,
                                                        "package_id": content["package_id"],
                                                        "file": Path(out).name}, ensure_ascii=False))
    manifest["returned"] = sum(1 for i in content["items"] if i["state"] == ReviewState.RETURNED)
    return manifest


def feedback_file_name(school: dict, period: str, revision: int) -> str:
    name = f"{school['code']}_{school['name']}_{period}_第{revision}次报送_审核意见.xlsx"
    return "".join("_" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in name)


def write_all_feedback(db, folder, *, period: str, passphrase: str | None = None) -> list[dict]:
    """A feedback file for every school with a decision in ``period``, into ``folder``; returns what was written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for code in schools_to_answer(db, period):
        school = _school(db, code)
        revision = _current_revision(db, code, _plan(db)["id"], period)
        target = folder / feedback_file_name(school, period, revision)
        m = write_feedback(db, code, target, period=period, passphrase=passphrase)
        out.append({"school": code, "file": str(target), "answers_revision": revision, "returned": m["returned"]})
    return out


def changes_since_review(db, school: str, period: str | None = None) -> list[dict]:
    """Per task that changed since the revision a reviewer decided on: the decision and the changes."""
    board = review_board(db, school, period)
    return [{"period": board["period"], "task_id": r["task_id"], "title": r["title"], "state": r["state"],
             "from_revision": r["since_revision"], "to_revision": board["revision"], "changes": r["changes"],
             "lines": [line for c in r["changes"] for line in diff.describe(c)]}
            for r in board["tasks"] if r["changes"]]

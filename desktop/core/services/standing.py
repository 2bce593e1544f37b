"""Who reported and what is done (汇总): the overview and the summary workbook."""

from __future__ import annotations

from pathlib import Path

from desktop.core.errors import TaizhangError
from desktop.core.intake import store as intake_store
from desktop.core.records import copies, entries, evidence
from desktop.core.roster import store as roster_store
from desktop.core.services.roster import period_list
from desktop.core.tasklist import store as task_store


def overview_period(db) -> str | None:
    """The period the overview opens on: the one with the most reporting schools, else the first open one."""
    periods = period_list(db)
    if not periods:
        return None
    busiest = max(periods, key=lambda p: p["reported"])
    if busiest["reported"]:
        return busiest["name"]
    return next((p["name"] for p in periods if not p["closed"]), periods[0]["name"])


def overview(db, period: str | None = None, *, as_of: str | None = None) -> dict | None:
    """Everything the bureau's overview shows for one period: the school × task status matrix,
    completion per task and per school, schools not reported and reported late. None without a plan.
    The figures are standing.figures.compute's: the same the summary workbook writes."""
    from desktop.core.standing import figures

    plan = task_store.current_plan(db)
    if plan is None:
        return None
    period = period or overview_period(db)
    data = figures.compute(db, plan["id"], period or "", as_of=as_of)
    return data | {"plan": plan, "period": period, "evidence": data["evidence_counts"],
                   "applicable": {code: set(ids) for code, ids in data["applicable"].items()}}


def school_task_detail(db, period: str, school: str, task_id: str) -> dict:
    """One cell of the matrix: the task, what the school reported on it and its evidence files."""

    plan = task_store.current_plan(db)
    if plan is None:
        raise TaizhangError("还没有导入工作计划", "no plan has been imported yet")
    task = next((t for t in task_store.plan_tasks(db, plan["id"]) if t["task_id"] == task_id), None)
    if task is None:
        raise TaizhangError(f"找不到任务 {task_id}", f"task {task_id} not found")
    srow = roster_store.school(db, school)
    if srow is None:
        raise TaizhangError(f"学校名单中没有 {school}", f"school {school} is not in the roster")
    sub = intake_store.latest_accepted(db, school, plan["id"], period)
    entry = entries.get_entry(db, school, plan["id"], period, task_id)
    values = {iv["seq"]: iv["value"] for iv in entry["indicators"]}
    return {
        "task": task, "school": srow,
        "submission": sub,
        "entry": entry, "reported": sub is not None and bool(entry["updated_at"]),
        "targets": [t | {"reported": values.get(t["seq"])} for t in task["targets"]],
        "evidence": evidence.list_evidence(db, school, plan["id"], period, task_id),
        # 疑似重复材料: the same file or narrative from other schools (each group names the ``others``)
        "copies": copies.for_cell(copies.find(db, plan["id"], period), school, task_id),
    }


def published(db, period: str | None) -> tuple[str, str]:
    """The published plan's id and the period asked for (default: the last one); a clear error otherwise."""
    plan = task_store.current_plan(db)
    if plan is None or not plan["version"]:
        raise TaizhangError("还没有发布工作计划", "no plan has been published yet")
    periods = roster_store.periods(db)
    if period is None:
        if not periods:
            raise TaizhangError("还没有设置填报周期", "no reporting period has been set")
        period = periods[-1]["name"]
    elif not roster_store.period_exists(db, period):
        raise TaizhangError(f"没有填报周期“{period}”", f"no reporting period named {period!r}")
    return plan["id"], period


def write_summary(db, out, *, period: str | None = None, as_of: str | None = None) -> Path:
    """The summary workbook (汇总表) of the period, written atomically to ``out``."""
    from desktop.core.standing import workbook

    plan_id, period = published(db, period)
    return workbook.write_summary(db, plan_id, period, out, as_of=as_of)


def write_reminders(db, out_dir, *, period: str | None = None, as_of: str | None = None) -> dict:
    """催报: one .txt per school that owes something, one per 乡镇, and one printable .docx, in ``out_dir``.
    Returns what was written ({"schools": [...], "townships": [...], "docx": path, "files": [...]})."""
    from desktop.core.standing import figures, notices

    plan_id, period = published(db, period)
    return notices.write_notices(figures.compute(db, plan_id, period, as_of=as_of), out_dir)


def write_bulletin(db, out, *, period: str | None = None, as_of: str | None = None) -> Path:
    """A draft 通报 (.docx) of the period, every figure the summary workbook's."""
    from desktop.core.standing import bulletin, figures

    plan_id, period = published(db, period)
    return bulletin.write_bulletin(figures.compute(db, plan_id, period, as_of=as_of), out)

